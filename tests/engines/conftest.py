"""One local Ray instance for the engine tests (2 CPUs, no dashboard), started once and
shut down at the end; tests/ is put on its workers' PYTHONPATH so that they can
import the tests' extractors."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="session")
def ray_local() -> Iterator[Any]:
    ray = pytest.importorskip("ray", reason="Ray not installed (pip install 'tollwatch[ray]')")
    started = not ray.is_initialized()
    if started:
        old = os.environ.get("PYTHONPATH")
        os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(HERE.parent), old) if p)
        try:
            ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False,
                     logging_level="WARNING")
        finally:
            if old is None:
                os.environ.pop("PYTHONPATH", None)
            else:
                os.environ["PYTHONPATH"] = old
    yield ray
    if started:
        ray.shutdown()
