"""Unit tests of errors.py: codes, messages and where the codes are documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tollwatch import errors
from tollwatch.errors import InputError, RecordError, TollwatchError, brief

ROOT = Path(__file__).resolve().parent.parent
CLASSES = [getattr(errors, n) for n in errors.__all__ if n != "brief"]


def test_every_class_has_its_own_code() -> None:
    codes = [c.code for c in CLASSES]
    assert len(set(codes)) == len(codes)
    assert all(re.fullmatch(r"TW\d{3}", code) for code in codes)
    assert all(c.__dict__.get("code") for c in CLASSES)  # set on each class, not inherited


def test_a_subclass_code_shares_its_family_hundred() -> None:
    for c in CLASSES:
        if c is TollwatchError:
            continue
        parent = c.__mro__[1]
        if parent is not TollwatchError:
            assert c.code[:3] == parent.code[:3] and c.code != parent.code


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_every_code_is_in_the_module_docstring_and_readme(cls: type[TollwatchError]) -> None:
    assert f"{cls.__name__} ({cls.code})" in (errors.__doc__ or "")
    if cls is not TollwatchError:  # the base is never raised itself: README lists the rest
        assert f"`{cls.code}`" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_message_forms() -> None:
    assert str(RecordError("bad JSON")) == "bad JSON [TW103]"
    assert str(RecordError("bad JSON", source="in.jsonl")) == "in.jsonl: bad JSON [TW103]"
    e = RecordError("bad JSON", source="in.jsonl", line=4)
    assert str(e) == "in.jsonl:4: bad JSON [TW103]"
    assert (e.message, e.source, e.line) == ("bad JSON", "in.jsonl", 4)
    assert e.args == (str(e),)
    # a line without a source says nothing of where
    assert str(InputError("empty", line=3)) == "empty [TW100]"


def test_brief() -> None:
    assert brief(ValueError("\n\n  first line  \nsecond")) == "first line"
    assert brief(ValueError("")) == "ValueError"
    assert brief(RuntimeError("(sqlite3.OperationalError) no such table: x")) == "no such table: x"
    assert brief(RuntimeError("boom [SQL: SELECT 1]")) == "boom"
    assert brief(RuntimeError(
        "locked (Background on this error at: https://example.test/e)")) == "locked"
