"""Bytes to text: a byte-order mark's encoding (UTF-8, UTF-16, UTF-32), else UTF-8, else a
detected charset; binary input is refused."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from tollwatch.errors import DecodeError, EmptyInputError

__all__ = ["decode_bytes", "looks_binary", "wide_bom_codec"]

_CONTROL = set(range(32)) - {9, 10, 12, 13}

#: Byte-order marks and their codecs, longest first (UTF-32 LE starts as UTF-16 LE does).
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))


def wide_bom_codec(head: bytes) -> str | None:
    """``utf-16`` or ``utf-32`` (codecs that read and drop the mark) when ``head`` starts
    with a UTF-16 or UTF-32 byte-order mark; None otherwise."""
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return None if codec == "utf-8" else codec[:6]
    return None


def _by_bom(data: bytes, source: str) -> str | None:
    """The text of ``data`` when it starts with a byte-order mark (which is dropped)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec)
            except UnicodeDecodeError as e:
                raise DecodeError(f"not valid {codec.upper()} after its byte-order mark",
                                  source=source) from e
    return None


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
    text = _by_bom(data, source)
    if text is not None:
        if not text.strip():
            raise EmptyInputError("empty input", source=source)
        if looks_binary(text.encode("utf-8")):
            raise DecodeError("binary data, not text", source=source)
        return text
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
