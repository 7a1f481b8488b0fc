"""Write docs/cli.md from the ``--help`` of every tollwatch command.

    python scripts/gen_cli_docs.py          # rewrite docs/cli.md
    python scripts/gen_cli_docs.py --check  # exit 1 when docs/cli.md is out of date
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from typer.testing import CliRunner

from tollwatch.cli import app

OUT = Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def command_names() -> list[str]:
    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def render() -> str:
    runner = CliRunner()
    parts = ["# CLI reference\n",
             "Generated from `--help` by `python scripts/gen_cli_docs.py`; do not edit.\n"]
    env = {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}
    top = runner.invoke(app, ["--help"], env=env, prog_name="tollwatch")
    parts.append("## tollwatch\n\n```\n" + top.output.rstrip() + "\n```\n")
    for name in command_names():
        res = runner.invoke(app, [name, "--help"], env=env, prog_name="tollwatch")
        parts.append(f"## tollwatch {name}\n\n```\n" + res.output.rstrip() + "\n```\n")
    return "\n".join(parts)


def main() -> int:
    text = render()
    if "--check" in sys.argv:
        return 0 if OUT.exists() and OUT.read_text("utf-8") == text else 1
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(text, "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
