"""Unit tests of bench.py's helpers: process timing and memory, corpus copies, figures."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from tollwatch.bench import (
    _measure,
    _pss,
    _repeated,
    _timed,
    _tree_rss,
    default_corpus,
    redraw_figures,
)


def test_pss_of_this_process_is_positive() -> None:
    assert _pss(os.getpid()) > 1_000_000
    assert _pss(2**22 + 12345) == 0  # no such process


def test_tree_memory_counts_the_children() -> None:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(3)"])
    try:
        alone = _pss(os.getpid())
        with_child = _tree_rss(os.getpid())
        assert with_child > alone
        assert _tree_rss(child.pid) == pytest.approx(_pss(child.pid), rel=0.5)
    finally:
        child.kill()
        child.wait()


def test_timed_returns_output_and_time() -> None:
    seconds, peak, out = _timed([sys.executable, "-c", "print('orlan ' * 3)"])
    assert out.strip() == "orlan orlan orlan"
    assert seconds > 0 and peak >= 0


BURN = """
import multiprocessing as mp, time
def spin(_):
    end = time.process_time() + 0.6
    while time.process_time() < end:
        pass
if __name__ == "__main__":
    with mp.get_context("fork").Pool(2) as pool:
        pool.map(spin, range(2))
        pool.close()
        pool.join()
    print("done")
"""


def test_measure_counts_the_cpu_time_of_the_workers_too() -> None:
    """Two pool workers spinning 0.6 s of CPU each: the tree's CPU time holds both."""
    seconds, peak, out, cpu = _measure([sys.executable, "-c", BURN])
    assert out.strip() == "done" and seconds > 0 and peak >= 0
    assert cpu >= 1.2


def test_timed_raises_with_the_error_text() -> None:
    with pytest.raises(RuntimeError, match="exited 3: .*vesk failed"):
        _timed([sys.executable, "-c", "import sys; sys.stderr.write('vesk failed'); sys.exit(3)"])


def test_default_corpus_is_jsonl_with_texts() -> None:
    lines = [x for x in default_corpus().read_text(encoding="utf-8").splitlines() if x.strip()]
    assert lines and all("text" in json.loads(x) for x in lines)


def test_repeated_copies_keep_the_first_and_redraw_the_rest(tmp_path: Path) -> None:
    src = tmp_path / "c.jsonl"
    src.write_text(json.dumps({"id": "k1", "text": "Kest Monitor said 4,500 fled in 2031."})
                   + "\n\n" + json.dumps({"text": "Orlan Vesk counted 812 dead."}) + "\n",
                   encoding="utf-8")
    out = _repeated(src, 3, tmp_path)
    assert out.name == "c-x3.jsonl"
    recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in recs] == ["k1#0", "doc#0", "k1#1", "doc#1", "k1#2", "doc#2"]
    assert recs[0]["text"] == "Kest Monitor said 4,500 fled in 2031."
    assert all("in 2031." in r["text"] for r in recs[::2])
    assert len({r["text"] for r in recs}) == 6
    again = [json.loads(x) for x in _repeated(src, 3, tmp_path).read_text("utf-8").splitlines()]
    assert again == recs  # repeatable


def test_redraw_leaves_decimals_and_words_alone() -> None:
    text = "A 3.5 magnitude quake; unit B12 lost 400 men."
    out = redraw_figures(text, random.Random(1))
    assert "3.5" in out and "B12" in out
    assert out.startswith("A 3.5 magnitude quake; unit B12 lost ") and out.endswith(" men.")
    assert redraw_figures("no figures here", random.Random(1)) == "no figures here"


def test_compile_package_writes_bytecode_that_a_later_import_reads(tmp_path: Path) -> None:
    from tollwatch.bench import compile_package

    pkg = tmp_path / "pkg_bc"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("VALUE = 41\n", encoding="utf-8")
    (pkg / "sub" / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "sub" / "mod.py").write_text("def f() -> int:\n    return 1\n", encoding="utf-8")
    assert compile_package(pkg) is True
    assert len(list(pkg.rglob("*.pyc"))) == 3
    # a process that may not write bytecode still reads what is there
    code = ("import sys, json; sys.path.insert(0, sys.argv[1]); import pkg_bc.sub.mod as m; "
            "print(json.dumps(m.__cached__ is not None and "
            "__import__('importlib.util').util.cache_from_source(m.__file__) == m.__cached__))")
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True,
                         text=True, check=True, env=env)
    assert json.loads(out.stdout) is True
    assert compile_package(pkg) is True  # up to date: nothing to do, still fine


def test_compile_package_reports_a_module_that_does_not_compile(tmp_path: Path) -> None:
    from tollwatch.bench import compile_package

    (tmp_path / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "broken.py").write_text("def (:\n", encoding="utf-8")
    assert compile_package(tmp_path) is False


def test_compile_package_defaults_to_tollwatchs_own_package() -> None:
    import tollwatch
    from tollwatch.bench import compile_package

    assert compile_package() is True
    init = Path(tollwatch.__file__)
    from importlib.util import cache_from_source

    assert Path(cache_from_source(str(init))).is_file()
