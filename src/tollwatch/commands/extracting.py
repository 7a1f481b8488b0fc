"""CLI: extract, eval, bench."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Collection, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from tollwatch.commands.common import DEFAULT_MODEL, console, err_console, register_commands
from tollwatch.errors import InputError, TollwatchError
from tollwatch.model import Claim, Document

if TYPE_CHECKING:
    from rich.table import Table

__all__ = ["COMMANDS", "register"]

ModelOpt = Annotated[str, typer.Option("--model", help="Installed spaCy pipeline to use.")]
ProcOpt = Annotated[int, typer.Option("--processes", "-j", min=1,
                                      help="Worker processes for extraction.")]


def report_error(e: TollwatchError) -> None:
    """Print one input error to stderr, naming the input (escaped: never markup)."""
    err_console().print(f"tollwatch: error: {e}")


def _number(c: Claim) -> str:
    if c.value is None:
        return f"{c.low:,}–{c.high:,}"
    sign = {"approx": "~", "min": "≥", "max": "≤"}.get(c.qualifier, "")
    return f"{sign}{c.value:,}"


def claims_table(doc: Document, claims: list[Claim]) -> Table:
    from rich.table import Table

    t = Table(title=f"{doc.id}: {len(claims)} claim(s)", title_justify="left", show_lines=True)
    for col in ("metric", "number", "who", "actor", "origin ← speaker", "date", "quote"):
        t.add_column(col, overflow="fold")
    for c in claims:
        src = "; ".join(c.origin[:1]) or "(text)"
        if c.speaker:
            src += " ← " + c.speaker[0]
        quote = c.quote if len(c.quote) <= 160 else c.quote[:157] + "…"
        t.add_row(c.metric, _number(c), c.subject or "", c.actor or "", src, c.date or "",
                  quote)
    return t


def extract(
    paths: Annotated[list[str] | None, typer.Argument(
        help=".txt, .html or .jsonl files or directories; '-' or nothing reads stdin.")] = None,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="One JSON line per document.")] = False,
    model: ModelOpt = DEFAULT_MODEL,
    processes: ProcOpt = 1,
    published: Annotated[str | None, typer.Option(
        help="Publication date (YYYY-MM-DD) for inputs that carry none.")] = None,
) -> None:
    """Extract count claims from articles and print them."""
    from tollwatch.extract import ExtractOptions, Extractor
    from tollwatch.ingest.sources import iter_inputs

    ex = Extractor(ExtractOptions(model=model, n_process=processes))
    failed = 0
    out = console(soft_wrap=False)

    def docs() -> Iterator[Document]:
        nonlocal failed
        for item in iter_inputs(paths or ["-"]):
            if isinstance(item, InputError):
                failed += 1
                report_error(item)
                continue
            if published and not item.published:
                item = Document(id=item.id, text=item.text, published=published,
                                url=item.url, outlet=item.outlet, title=item.title)
            yield item

    try:
        for doc, claims in ex.extract_many(docs()):
            if jsonl:
                from tollwatch.reconcile.groups import group_fields  # issue 16: + group

                sys.stdout.write(json.dumps({"id": doc.id, "claims": [
                    {**c.to_dict(), **group_fields(c)} for c in claims]},
                    ensure_ascii=False) + "\n")
            else:
                out.print(claims_table(doc, claims))
    except TollwatchError as e:
        report_error(e)
        raise typer.Exit(2) from None
    if failed:
        err_console().print(f"tollwatch: {failed} input(s) failed")
        raise typer.Exit(1)


def eval_(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL file (annotation guidelines format).")],
    errors: Annotated[int, typer.Option("--errors", help="Show the first N errors.")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print the measures as JSON.")] = False,
    model: ModelOpt = DEFAULT_MODEL,
    processes: ProcOpt = 1,
    predictions: Annotated[Path | None, typer.Option(
        help="Also write the predictions here (JSONL, one line a document).")] = None,
) -> None:
    """Extract from a gold file's texts and score against its claims."""
    from rich.table import Table

    from tollwatch.evaluate import gold_claims, load_gold, score
    from tollwatch.extract import ExtractOptions, Extractor

    try:
        records = load_gold(gold)
        ex = Extractor(ExtractOptions(model=model, n_process=processes))
        docs = [Document(id=str(r["id"]), text=str(r["text"]), published=r.get("published"),
                         url=r.get("url"), outlet=r.get("outlet")) for r in records]
        pred = {d.id: [c.to_dict() for c in cs] for d, cs in ex.extract_many(docs)}
    except TollwatchError as e:
        report_error(e)
        raise typer.Exit(2) from None
    if predictions is not None:
        with predictions.open("w", encoding="utf-8") as f:
            for doc_id, cs in pred.items():
                f.write(json.dumps({"id": doc_id, "claims": cs}, ensure_ascii=False) + "\n")
    s = score(gold_claims(records), pred)
    if as_json:
        print(json.dumps(s.as_dict()))
    else:
        out = console()
        t = Table(title=f"{gold}: {s.docs} documents", title_justify="left")
        t.add_column("measure")
        t.add_column("value", justify="right")
        for k, v in s.as_dict().items():
            if k != "per_metric":
                t.add_row(k, "n/a" if v is None else str(v))
        out.print(t)
        pm = Table(title="per metric", title_justify="left")
        for col in ("metric", "gold", "predicted", "matched", "precision", "recall", "f1"):
            pm.add_column(col, justify="right" if col != "metric" else "left")
        for m, row in s.per_metric.items():
            pm.add_row(m, *(str(row[k]) for k in ("gold", "predicted", "matched", "precision",
                                                  "recall", "f1")))
        out.print(pm)
    if errors:
        for case in s.errors[:errors]:
            err_console().print(f"{case.kind}\t{case.doc_id}\t{case.key}\t{case.quote[:200]}")


def bench(
    corpus: Annotated[Path | None, typer.Argument(
        help="JSONL corpus of documents (default: the example corpus shipped with tollwatch).")] = None,
    model: ModelOpt = DEFAULT_MODEL,
    processes: ProcOpt = 2,
    repeat: Annotated[int | None, typer.Option(
        min=1, help="Repeat every document N times (default: 50 for the built-in corpus, "
                    "1 for a corpus given).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Time extraction against a plain spaCy pass over the same texts, as whole processes."""
    from rich.table import Table

    from tollwatch.bench import run_bench

    figures = run_bench(corpus, model=model, processes=processes, repeat=repeat)
    if as_json:
        print(json.dumps(figures))
        return
    out = console()
    t = Table(title="tollwatch bench", title_justify="left")
    t.add_column("measure")
    t.add_column("value", justify="right")
    for k, v in figures.items():
        t.add_row(k, f"{v:,.3f}" if isinstance(v, float) else str(v))
    out.print(t)


COMMANDS: dict[str, Callable[..., None]] = {
    "extract": extract,
    "eval": eval_,
    "bench": bench,
}


def register(app: typer.Typer, only: Collection[str] | None = None) -> None:
    """Add this module's commands (or those named in ``only``) to ``app``."""
    register_commands(app, COMMANDS, only)
