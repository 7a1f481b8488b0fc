"""One exception tree for tollwatch, each class with a stable, searchable code.

    TollwatchError (TW000)
    ├── InputError (TW100)        a document or input file cannot be read
    │   ├── DecodeError (TW101)   bytes that are binary or in no detectable text encoding
    │   ├── EmptyInputError (TW102)
    │   ├── RecordError (TW103)   a malformed JSONL/CSV line or record
    │   ├── TooLargeError (TW104) an input over the configured size limit
    │   └── NoArticleError (TW105) HTML holding no article text
    ├── FetchError (TW200)        a URL could not be fetched (unreachable, refused, too big)
    ├── ModelError (TW300)        the spaCy pipeline cannot be loaded
    ├── StoreError (TW400)        the database cannot be opened or migrated
    └── ConfigError (TW500)       a bad setting or alias file
"""

from __future__ import annotations

import re

__all__ = [
    "ConfigError",
    "DecodeError",
    "EmptyInputError",
    "FetchError",
    "InputError",
    "ModelError",
    "NoArticleError",
    "RecordError",
    "StoreError",
    "TollwatchError",
    "TooLargeError",
    "brief",
]


class TollwatchError(Exception):
    """Base of every error tollwatch raises on purpose."""

    code = "TW000"

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None) -> None:
        self.message = message
        self.source = source
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.source is not None:
            where = self.source if self.line is None else f"{self.source}:{self.line}"
            where += ": "
        return f"{where}{self.message} [{self.code}]"


class InputError(TollwatchError):
    code = "TW100"


class DecodeError(InputError):
    code = "TW101"


class EmptyInputError(InputError):
    code = "TW102"


class RecordError(InputError):
    code = "TW103"


class TooLargeError(InputError):
    code = "TW104"


class NoArticleError(InputError):
    code = "TW105"


class FetchError(TollwatchError):
    code = "TW200"


class ModelError(TollwatchError):
    code = "TW300"


class StoreError(TollwatchError):
    code = "TW400"


class ConfigError(TollwatchError):
    code = "TW500"


_BACKGROUND = re.compile(r"\s*\(Background on this error at: [^)]*\)")


def brief(e: BaseException) -> str:
    """One line saying what went wrong in ``e``, for a message: a driver error's own first
    line (SQLAlchemy's wrapper unwrapped), never the SQL statement or the background link
    (those belong in ``--verbose`` output and the log)."""
    inner = getattr(e, "orig", None)  # SQLAlchemy's DBAPIError wraps the driver's error
    text = str(inner if isinstance(inner, BaseException) else e)
    text = _BACKGROUND.sub("", text).split("[SQL:", 1)[0]
    first = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    first = re.sub(r"^\([\w.]+\)\s*", "", first)  # "(sqlite3.OperationalError) ..."
    return first or type(e).__name__
