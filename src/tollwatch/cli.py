"""The ``tollwatch`` command: a thin Typer layer over the library.

Each area registers its commands from a module in ``tollwatch.commands``; this file only
assembles them. A call that names a command loads and builds that command alone (the
lazy-subcommand pattern of Click's documentation), so ``tollwatch claims`` does not pay for
importing and building ``serve`` or ``extract``; ``tollwatch --help`` and ``app`` have all.
"""

from __future__ import annotations

import sys
from importlib import import_module
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    app: typer.Typer

__all__ = ["COMMANDS", "app", "build_app", "main"]

#: Every command, and the module of ``tollwatch.commands`` that registers it.
COMMANDS: dict[str, str] = {
    "extract": "extracting", "eval": "extracting", "bench": "extracting",
    "ingest": "storing", "reextract": "storing", "stats": "storing", "claims": "storing",
    "reconcile": "reconciling", "timeline": "reconciling", "discrepancies": "reconciling",
    "export": "reconciling", "serve": "serving", "export-gold": "serving", "watch": "watching",
}


def _root(verbose: Annotated[bool, typer.Option(
        "--verbose", "-v", help="Log what happens, with errors' full background (SQL, "
                                "driver messages), to stderr")] = False) -> None:
    """Turn conflict news into a sourced record of the figures it reports."""
    if verbose:
        import logging

        logging.basicConfig(level=logging.DEBUG, stream=sys.stderr,
                            format="tollwatch: %(name)s: %(levelname)s: %(message)s")


def build_app(command: str | None = None) -> typer.Typer:
    """The command line with every command, or with ``command`` alone (when it is one)."""
    app = typer.Typer(
        name="tollwatch",
        help="Turn conflict news into a sourced record of the figures it reports.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
    )
    app.callback()(_root)  # a group (``tollwatch claims ...``) even with one command
    if command in COMMANDS:
        import_module(f"tollwatch.commands.{COMMANDS[command]}").register(app, only={command})
        return app
    for name in dict.fromkeys(COMMANDS.values()):
        import_module(f"tollwatch.commands.{name}").register(app)
    return app


def __getattr__(name: str) -> Any:
    if name == "app":
        return build_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    # The command is the first argument that is not a root option (``tollwatch -v ingest``).
    command = next((a for a in sys.argv[1:] if not a.startswith("-")), None)
    build_app(command)()


if __name__ == "__main__":
    main()
