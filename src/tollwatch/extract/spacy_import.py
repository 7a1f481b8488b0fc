"""``import spacy`` without spaCy's command line.

``spacy/__init__.py`` imports ``spacy.cli.info`` (for ``spacy.info()``), and with it the
whole ``spacy.cli`` package: the download, project and training commands and what they
import (weasel, httpx, requests, jinja2, ...). On the 2-core machine of docs/evaluation.md
that is about a quarter of ``import spacy`` (0.4-0.5 s of CPU), paid before anything is
parsed; with ``tollwatch extract`` it is paid in the parent before the workers fork, while
the other cores wait. Nothing tollwatch runs (loading a pipeline, parsing) uses it.

:func:`import_spacy` imports spaCy with two placeholder modules standing in for
``spacy.cli`` and ``spacy.cli.info`` while ``spacy/__init__.py`` runs, and removes them
right after: a later ``import spacy.cli`` (or ``from spacy.cli import download``) imports
the real package, so does the attribute ``spacy.cli`` on first use (a module
``__getattr__``, as spaCy defines none), and ``spacy.info()`` imports it on its first call.
When spaCy is already imported (by whoever imported it first), nothing is done.

:mod:`tollwatch.extract` calls it before any of its modules imports spaCy.
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import Any

__all__ = ["import_spacy"]

_CLI = "spacy.cli"
_INFO = "spacy.cli.info"


def _info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``: spaCy's own, imported on the first call."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def _cli_on_use(name: str) -> Any:
    """``spacy.<name>`` for a name ``spacy/__init__.py`` did not set: ``cli`` is imported
    then (the real package); anything else is missing, as without this function."""
    if name == "cli":
        import importlib

        return importlib.import_module(_CLI)
    raise AttributeError(f"module 'spacy' has no attribute {name!r}")


def import_spacy() -> ModuleType:
    """The ``spacy`` module, imported (when it was not yet) without ``spacy.cli``."""
    loaded = sys.modules.get("spacy")
    if loaded is not None:
        return loaded
    if _CLI in sys.modules or _INFO in sys.modules:  # someone's own stand-ins: leave them
        import spacy

        return spacy
    cli = ModuleType(_CLI)
    cli.__path__ = []  # a package with no submodules of its own
    info = ModuleType(_INFO)
    info.info = _info  # type: ignore[attr-defined]
    sys.modules[_CLI] = cli
    sys.modules[_INFO] = info
    try:
        import spacy
    finally:
        for name, stand_in in ((_CLI, cli), (_INFO, info)):
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
        module = sys.modules.get("spacy")
        if module is not None:
            if module.__dict__.get("cli") is cli:
                del module.__dict__["cli"]
            module.__dict__.setdefault("__getattr__", _cli_on_use)
    return spacy
