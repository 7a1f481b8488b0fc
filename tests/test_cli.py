"""The command line's assembly: every command registered, each alone when named."""

from __future__ import annotations

import typer.main

from tollwatch.cli import COMMANDS, build_app


def _names(app: typer.Typer) -> set[str]:
    group = typer.main.get_command(app)
    return set(group.commands)  # type: ignore[attr-defined]


def test_the_full_app_has_exactly_the_listed_commands() -> None:
    assert _names(build_app()) == set(COMMANDS)


def test_a_named_command_is_built_alone() -> None:
    for name in COMMANDS:
        assert _names(build_app(name)) == {name}


def test_anything_else_gets_every_command() -> None:
    assert _names(build_app("--help")) == set(COMMANDS)
    assert _names(build_app("no-such-command")) == set(COMMANDS)


def test_the_commands_default_model_is_the_extractors() -> None:
    from tollwatch.commands.common import DEFAULT_MODEL
    from tollwatch.extract import ExtractOptions

    assert DEFAULT_MODEL == ExtractOptions().model
