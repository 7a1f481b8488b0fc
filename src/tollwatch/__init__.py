"""tollwatch: turn conflict news into a sourced record of the figures it reports."""

from __future__ import annotations

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
)
from tollwatch.model import METRICS, QUALIFIERS, STANCES, Claim, Document, Report

__version__ = "0.1.0"

__all__ = [
    "METRICS",
    "QUALIFIERS",
    "STANCES",
    "Claim",
    "ConfigError",
    "DecodeError",
    "Document",
    "EmptyInputError",
    "FetchError",
    "InputError",
    "ModelError",
    "NoArticleError",
    "RecordError",
    "Report",
    "StoreError",
    "TollwatchError",
    "TooLargeError",
    "__version__",
]
