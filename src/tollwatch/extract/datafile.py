"""Reading one YAML rules file: the built-in copy in ``tollwatch/data`` or a user's file."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from tollwatch.errors import ConfigError

__all__ = ["enabled_flag", "read_mapping", "word_list"]

# libyaml's parser when PyYAML was built with it (the same data, about ten times faster to
# read: the rules files are read at every start), else PyYAML's own safe loader
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_mapping(filename: str, path: str | None, what: str,
                 be: str = "is") -> tuple[dict[str, Any], str]:
    """The mapping in the built-in ``filename`` (``path`` None) or in the file at ``path``,
    and where it came from; a ConfigError naming the file when it cannot be read, is not
    YAML or is not a mapping. ``what`` names the rules in messages ("response lexicon"),
    ``be`` agrees with it ("is", or "are" for a plural)."""
    if path is None:
        text = resources.files("tollwatch.data").joinpath(filename).read_text("utf-8")
        where = f"tollwatch/data/{filename}"
    else:
        try:
            text = Path(path).read_text("utf-8")
        except OSError as e:
            raise ConfigError(f"cannot read {what}: {e.strerror or e}", source=path) from e
        except UnicodeDecodeError as e:
            raise ConfigError(f"cannot read {what}: not UTF-8 text (byte {e.start})",
                              source=path) from e
        where = path
    try:
        data = yaml.load(text, Loader=_LOADER)  # a safe loader
    except yaml.YAMLError as e:
        raise ConfigError(f"{what} {be} not valid YAML: {e}", source=where) from e
    if not isinstance(data, dict):
        raise ConfigError(f"{what} must be a mapping", source=where)
    return data, where


def enabled_flag(data: dict[str, Any], where: str) -> bool:
    """A rules file's ``enabled`` key (true when missing); a ConfigError naming the file
    when it is not true or false."""
    on = data.get("enabled", True)
    if not isinstance(on, bool):
        raise ConfigError("enabled must be true or false", source=where)
    return on

def word_list(value: object, key: str, where: str) -> tuple[str, ...]:
    """The words (or phrases) of a rules file's list ``key``, lower-cased with their
    spaces folded, blanks dropped; ``()`` when absent; a ConfigError naming ``where``
    when it is not a list of strings."""
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{key} must be a list of words", source=where)
    return tuple(" ".join(v.lower().split()) for v in value if v.strip())
