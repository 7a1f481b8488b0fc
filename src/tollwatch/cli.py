"""The ``tollwatch`` command: a thin Typer layer over the library.

Each area registers its commands from a module in ``tollwatch.commands``; this file only
assembles them.
"""

from __future__ import annotations

import typer

from tollwatch.commands import extracting, reconciling, serving, storing

__all__ = ["app", "main"]

app = typer.Typer(
    name="tollwatch",
    help="Turn conflict news into a sourced record of the figures it reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for _module in (extracting, storing, reconciling, serving):
    _module.register(app)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
