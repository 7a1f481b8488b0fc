"""Every command and every error code is documented (fails when one is added silently)."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import typer

from tollwatch import errors
from tollwatch.cli import app

ROOT = Path(__file__).resolve().parent.parent


def _commands() -> list[str]:
    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def test_every_command_is_in_the_cli_reference() -> None:
    text = (ROOT / "docs" / "cli.md").read_text("utf-8")
    missing = [c for c in _commands() if f"## tollwatch {c}\n" not in text]
    assert not missing, f"regenerate docs/cli.md (python scripts/gen_cli_docs.py): {missing}"


def test_every_option_is_in_the_cli_reference() -> None:
    text = (ROOT / "docs" / "cli.md").read_text("utf-8")
    sections = dict(re.findall(r"## tollwatch (\S+)\n\n```\n(.*?)\n```", text, re.DOTALL))
    group = typer.main.get_command(app)
    missing = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("--") and not re.search(
                        rf"(?<![\w-]){re.escape(opt)}(?![\w-])", sections.get(name, "")):
                    missing.append(f"{name} {opt}")
    assert not missing, f"regenerate docs/cli.md (python scripts/gen_cli_docs.py): {missing}"


def test_every_command_is_named_in_the_readme() -> None:
    text = (ROOT / "README.md").read_text("utf-8")
    missing = [c for c in _commands() if not re.search(rf"`(tollwatch )?{c}\b", text)]
    assert not missing, f"README does not mention: {missing}"


def test_every_error_code_is_in_the_readme() -> None:
    text = (ROOT / "README.md").read_text("utf-8")
    codes = {cls.code for _, cls in inspect.getmembers(errors, inspect.isclass)
             if issubclass(cls, errors.TollwatchError) and cls is not errors.TollwatchError}
    assert all(code in text for code in codes), sorted(c for c in codes if c not in text)


def test_readme_commands_match_ci() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    blocks = re.findall(r"```bash\n(.*?)\n```", readme, re.DOTALL)
    setup, tests = blocks[0].strip(), blocks[1].strip()
    assert setup in ci and tests in ci


def test_readme_sample_output_is_what_extract_prints() -> None:
    import json

    from tollwatch.extract import Extractor
    from tollwatch.model import Document

    readme = (ROOT / "README.md").read_text("utf-8")
    sample = json.loads(re.findall(r"```json\n(.*?)\n```", readme, re.DOTALL)[0])
    text = (ROOT / "examples" / "article.txt").read_text("utf-8")
    claims = Extractor().extract(Document(id="article", text=text, published="2025-03-14"))
    assert sample in [c.to_dict() for c in claims]
