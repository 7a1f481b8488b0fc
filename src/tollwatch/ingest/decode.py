"""Bytes to text: UTF-8 first, then a detected charset; binary input is refused."""

from __future__ import annotations

from charset_normalizer import from_bytes

from tollwatch.errors import DecodeError, EmptyInputError

__all__ = ["decode_bytes", "looks_binary"]

_CONTROL = set(range(32)) - {9, 10, 12, 13}


def looks_binary(data: bytes) -> bool:
    """True when a sample of ``data`` holds NUL bytes or mostly control bytes."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    if not sample:
        return False
    controls = sum(1 for b in sample if b in _CONTROL)
    return controls / len(sample) > 0.05


def decode_bytes(data: bytes, source: str) -> str:
    """Decode ``data`` read from ``source`` (a path or URL, for messages).

    Raises EmptyInputError for empty or whitespace-only input and DecodeError for binary
    data or bytes in no encoding charset-normalizer can detect.
    """
    if not data.strip():
        raise EmptyInputError("empty input", source=source)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if looks_binary(data):
        raise DecodeError("binary data, not text", source=source)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise DecodeError("not text in any detectable encoding", source=source)
    return str(best)
