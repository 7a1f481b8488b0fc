"""The exception tree of tollwatch.errors: stable codes, the hierarchy, messages, brief()."""

from __future__ import annotations

import pickle
import re
import sqlite3
from pathlib import Path

import pytest

import tollwatch
from tollwatch import errors
from tollwatch.errors import (
    ConfigError,
    DecodeError,
    EmptyInputError,
    FetchError,
    InputError,
    ModelError,
    NoArticleError,
    RecordError,
    StoreError,
    TollwatchError,
    TooLargeError,
    brief,
)

README = Path(__file__).resolve().parents[1] / "README.md"

TREE: list[tuple[type[TollwatchError], str, type[Exception]]] = [
    (TollwatchError, "TW000", Exception),
    (InputError, "TW100", TollwatchError),
    (DecodeError, "TW101", InputError),
    (EmptyInputError, "TW102", InputError),
    (RecordError, "TW103", InputError),
    (TooLargeError, "TW104", InputError),
    (NoArticleError, "TW105", InputError),
    (FetchError, "TW200", TollwatchError),
    (ModelError, "TW300", TollwatchError),
    (StoreError, "TW400", TollwatchError),
    (ConfigError, "TW500", TollwatchError),
]


@pytest.mark.parametrize(("cls", "code", "parent"), TREE)
def test_each_class_has_its_code_and_parent(cls: type[TollwatchError], code: str,
                                            parent: type[Exception]) -> None:
    assert cls.code == code
    assert cls.__bases__ == (parent,)
    e = cls("went wrong")
    assert e.code == code and isinstance(e, TollwatchError)
    assert str(e) == f"went wrong [{code}]"


def test_codes_are_unique_and_well_formed() -> None:
    codes = [c.code for c, _, _ in TREE]
    assert len(set(codes)) == len(codes)
    assert all(re.fullmatch(r"TW\d{3}", c) for c in codes)


def test_every_public_class_is_in_the_tree_and_exported_at_top_level() -> None:
    classes = {n for n in errors.__all__ if n != "brief"}
    assert classes == {c.__name__ for c, _, _ in TREE}
    for name in classes:
        assert getattr(tollwatch, name) is getattr(errors, name)


def test_readme_documents_every_code() -> None:
    section = README.read_text(encoding="utf-8").split("## Errors", 1)[1].split("\n## ", 1)[0]
    for cls, code, _ in TREE:
        if cls is TollwatchError:
            continue
        assert f"`{code}`" in section, f"{code} ({cls.__name__}) missing from README Errors"


def test_message_names_source_and_line() -> None:
    e = RecordError("malformed JSON line", source="in/wire.jsonl", line=17)
    assert str(e) == "in/wire.jsonl:17: malformed JSON line [TW103]"
    assert (e.message, e.source, e.line) == ("malformed JSON line", "in/wire.jsonl", 17)
    assert e.args == (str(e),)
    assert str(FetchError("HTTP 404", source="http://h/x")) == "http://h/x: HTTP 404 [TW200]"
    # a line without a source is not shown: there is nothing to attach it to
    assert str(InputError("bad", line=3)) == "bad [TW100]"
    assert str(StoreError("locked", source="")) == ": locked [TW400]"


def test_catching_by_family() -> None:
    with pytest.raises(InputError):
        raise TooLargeError("too big", source="f.txt")
    with pytest.raises(TollwatchError) as e:
        raise ModelError("no model en_core_web_sm")
    assert not isinstance(e.value, InputError)


def test_errors_survive_pickling_across_processes() -> None:
    # engines send errors back from worker processes
    e = DecodeError("binary data, not text", source="blob.bin", line=None)
    back = pickle.loads(pickle.dumps(e))
    assert type(back) is DecodeError
    assert str(back) == str(e)


# -- brief ----------------------------------------------------------------------------

def test_brief_of_a_plain_exception_is_its_first_nonblank_line() -> None:
    assert brief(ValueError("\n\n  disk full  \nmore detail")) == "disk full"
    assert brief(KeyError()) == "KeyError"


def test_brief_strips_sqlalchemy_wrapping(tmp_path: Path) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import OperationalError

    engine = create_engine(f"sqlite:///{tmp_path / 'x.db'}")
    try:
        with engine.connect() as conn, pytest.raises(OperationalError) as e:
            conn.execute(text("SELECT nope FROM missing_table WHERE a = :a"), {"a": 1})
    finally:
        engine.dispose()
    full = str(e.value)
    assert "[SQL:" in full and "Background on this error" in full
    assert brief(e.value) == "no such table: missing_table"


def test_brief_of_a_driver_error() -> None:
    conn = sqlite3.connect(":memory:")
    try:
        with pytest.raises(sqlite3.Error) as e:
            conn.execute("SELEC 1")
    finally:
        conn.close()
    assert brief(e.value) == str(e.value).splitlines()[0]
    assert "syntax error" in brief(e.value)


def test_brief_removes_a_leading_driver_class_name() -> None:
    assert brief(RuntimeError("(psycopg.OperationalError) connection refused\nis it up?")) \
        == "connection refused"
