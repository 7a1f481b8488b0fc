"""The schema revision this code reads and writes, apart from the models so that readers
which do not load SQLAlchemy can check it."""

from __future__ import annotations

__all__ = ["SCHEMA_REVISION"]

#: The Alembic head revision the models describe (checked against the scripts in tests).
SCHEMA_REVISION = "0011"
