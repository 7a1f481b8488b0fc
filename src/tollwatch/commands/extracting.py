"""CLI: extract, eval, bench."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Collection, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from tollwatch.commands.common import (
    DEFAULT_MODEL,
    clean,
    console,
    err_console,
    iso_day,
    register_commands,
)
from tollwatch.errors import InputError, TollwatchError
from tollwatch.model import Claim, Document, responses_of

if TYPE_CHECKING:
    from tollwatch.commands.layout import Row

__all__ = ["COMMANDS", "register"]

ModelOpt = Annotated[str, typer.Option("--model", help="Installed spaCy pipeline to use.")]
ProcOpt = Annotated[int | None, typer.Option(
    "--processes", "-j", min=1,
    help="Worker processes for extraction (default: every core; fewer than 24 documents "
         "are extracted in one process).")]


def report_error(e: TollwatchError) -> None:
    """Print one input error to stderr, naming the input (escaped: never markup)."""
    err_console().print(f"tollwatch: error: {e}")


def _number(c: Claim) -> str:
    if c.value is None:
        return f"{c.low:,}–{c.high:,}"
    sign = {"approx": "~", "min": "≥", "max": "≤"}.get(c.qualifier, "")
    return f"{sign}{c.value:,}"


#: The record line of the ``extract`` table (the quote is wrapped beneath it).
CLAIM_COLUMNS = ("figure", "metric", "who", "side", "source", "date")
_FIXED = {"figure", "metric", "date"}


def claim_row(c: Claim) -> Row:
    """A claim as a table row: its fields on a line, the quote beneath (cleaned)."""
    from tollwatch.commands.layout import Row

    src = "; ".join(c.origin[:1]) or "(text)"
    if c.speaker:
        src += " ← " + c.speaker[0]
    figure = _number(c)
    if c.stance != "asserted":
        figure += f" [{c.stance}]"
    cells = [figure, c.metric, c.subject or "", c.actor or "", src, c.date or ""]
    return Row([clean(x) for x in cells], clean(f"“{c.quote}”"))


def claims_table(doc: Document, claims: list[Claim], width: int) -> list[str]:
    """The lines of one document's table at ``width`` columns."""
    from tollwatch.commands.layout import Column, render

    columns = [Column(n, fixed=n in _FIXED, right=n == "figure") for n in CLAIM_COLUMNS]
    return render(clean(f"{doc.id}: {len(claims)} claim(s)"), columns,
                  [claim_row(c) for c in claims], width)


RESPONSE_COLUMNS = ("kind", "responder", "about", "answers", "date")


def responses_table(doc: Document, claims: list[Claim], width: int) -> list[str]:
    """The lines of the document's responses table (none when it has no response), each
    with the claims it answers, the quote wrapped beneath."""
    from tollwatch.commands.layout import Column, Row, render

    found = responses_of(claims)
    if not found:
        return []
    rows = []
    for r in found:
        who = "; ".join(r.responder[:1]) or "(unnamed)"
        if r.speaker:
            who += " ← " + r.speaker[0]
        answers = ", ".join(f"{claims[i].metric} {_number(claims[i])}" for i in r.claims
                            if 0 <= i < len(claims))
        cells = [r.kind, who, r.about or "", answers, r.date or ""]
        rows.append(Row([clean(x) for x in cells], clean(f"“{r.quote}”")))
    columns = [Column(n, fixed=n in ("kind", "date")) for n in RESPONSE_COLUMNS]
    return render(clean(f"{doc.id}: {len(found)} response(s)"), columns, rows, width)


def jsonl_line(doc: Document, claims: list[Claim]) -> str:
    """One document's line of ``extract --jsonl``: its id, claims (with their group) and
    responses. Module-level: the extracting workers make the lines (``extract_rendered``)."""
    from tollwatch.reconcile.groups import group_fields  # issue 16: + group

    return json.dumps({"id": doc.id, "claims": [{**c.to_dict(), **group_fields(c)}
                                                for c in claims],
                       "responses": [r.to_dict() for r in responses_of(claims)]},
                      ensure_ascii=False) + "\n"


def extract(
    paths: Annotated[list[str] | None, typer.Argument(
        help=".txt, .html or .jsonl files or directories; '-' or nothing reads stdin.")] = None,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="One JSON line per document.")] = False,
    model: ModelOpt = DEFAULT_MODEL,
    processes: ProcOpt = None,
    published: Annotated[str | None, typer.Option(
        callback=iso_day,
        help="Publication date (YYYY-MM-DD) for inputs that carry none.")] = None,
) -> None:
    """Extract count claims from articles and print them."""
    from tollwatch.commands.layout import output_width
    from tollwatch.engines.pool import PooledExtractor, processes_for
    from tollwatch.extract import ExtractOptions
    from tollwatch.ingest.sources import iter_inputs

    ex = PooledExtractor(ExtractOptions(model=model), processes_for(processes))
    failed = 0
    width = output_width()

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
        if jsonl:  # the lines are made by the workers (the parent writes them in order)
            for line in ex.extract_rendered(docs(), jsonl_line):
                sys.stdout.write(line)
        else:
            for doc, claims in ex.extract_many(docs()):
                lines = claims_table(doc, claims, width) + responses_table(doc, claims, width)
                sys.stdout.write("".join(f"{ln}\n" for ln in lines))
    except TollwatchError as e:
        report_error(e)
        raise typer.Exit(2) from None
    finally:
        ex.close()
    if failed:
        err_console().print(f"tollwatch: {failed} input(s) failed")
        raise typer.Exit(1)


def eval_(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL file (annotation guidelines format).")],
    errors: Annotated[int, typer.Option(
        "--errors", help="Show the errors' counts by class (missed, spurious, wrong metric, "
                         "wrong number, duplicate, and matched claims with a wrong source "
                         "or date) and up to N errors of each class.")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print the measures as JSON.")] = False,
    model: ModelOpt = DEFAULT_MODEL,
    processes: ProcOpt = None,
    predictions: Annotated[Path | None, typer.Option(
        help="Also write the predictions here (JSONL, one line a document).")] = None,
) -> None:
    """Extract from a gold file's texts and score against its claims (and its responses,
    when the file annotates them)."""
    from rich.table import Table

    from tollwatch.engines.pool import PooledExtractor, processes_for
    from tollwatch.evaluate import ERROR_CLASSES, gold_claims, load_gold, score
    from tollwatch.evaluate_responses import has_responses, score_responses
    from tollwatch.extract import ExtractOptions

    try:
        records = load_gold(gold)
        docs = [Document(id=str(r["id"]), text=str(r["text"]), published=r.get("published"),
                         url=r.get("url"), outlet=r.get("outlet")) for r in records]
        pred: dict[str, list[dict[str, Any]]] = {}
        replies: dict[str, dict[str, Any]] = {}
        with PooledExtractor(ExtractOptions(model=model),
                             processes_for(processes, len(docs))) as ex:
            for d, cs in ex.extract_many(docs):
                pred[d.id] = [c.to_dict() for c in cs]
                replies[d.id] = {"claims": pred[d.id],
                                 "responses": [r.to_dict() for r in responses_of(cs)]}
    except TollwatchError as e:
        report_error(e)
        raise typer.Exit(2) from None
    if predictions is not None:
        with predictions.open("w", encoding="utf-8") as f:
            for doc_id in pred:
                f.write(json.dumps({"id": doc_id, **replies[doc_id]}, ensure_ascii=False)
                        + "\n")
    s = score(gold_claims(records), pred)
    rs = score_responses(records, replies) if has_responses(records) else None
    if as_json:
        print(json.dumps(s.as_dict() | ({"responses": rs.as_dict()} if rs else {})))
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
        if rs is not None:
            rt = Table(title="responses", title_justify="left")
            rt.add_column("measure")
            rt.add_column("value", justify="right")
            for k, v in rs.as_dict().items():
                rt.add_row(k, "n/a" if v is None else str(v))
            out.print(rt)
    if errors:
        from collections import Counter

        cases = s.error_classes()
        counts = Counter(c.kind for c in cases)
        err = err_console()
        err.print("errors by class: " + ", ".join(f"{k} {counts[k]}" for k in ERROR_CLASSES),
                  markup=False, highlight=False)
        shown: Counter[str] = Counter()
        for case in cases:
            shown[case.kind] += 1
            if shown[case.kind] > errors:
                continue
            paired = f"\tgold {case.other}" if case.other is not None and \
                case.kind != "duplicate" else (f"\t{case.detail}" if case.detail else "")
            # plain tab-separated lines (a console would expand the tabs): one error a line
            quote = " ".join(case.quote[:200].split())
            print(f"{case.kind}\t{case.doc_id}\t{case.key}{paired}\t{quote}", file=sys.stderr)
        for rcase in (rs.errors if rs else [])[:errors]:
            quote = " ".join(rcase.quote[:200].split())
            print(f"response {rcase.kind}\t{rcase.doc_id}\t{rcase.detail}\t{quote}",
                  file=sys.stderr)


def bench(
    corpus: Annotated[Path | None, typer.Argument(
        help="JSONL corpus of documents (default: the example corpus shipped with tollwatch).")] = None,
    model: ModelOpt = DEFAULT_MODEL,
    processes: Annotated[int | None, typer.Option(
        "--processes", "-j", min=1,
        help="Worker processes for the default pass (default: extract's own default); "
             "a -j 1 pass always runs too.")] = None,
    repeat: Annotated[int | None, typer.Option(
        min=1, help="Copies of every document, each further copy with its figures redrawn "
                    "so that no text repeats (default: 50 for the built-in corpus, 1 for a "
                    "corpus given).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Time extraction against a plain spaCy pass over the same texts, as whole processes.

    Three passes: a plain nlp.pipe(batch_size=64) on every core, extract --jsonl as a user
    runs it, and extract --jsonl -j 1.
    """
    from rich.table import Table

    from tollwatch.bench import run_bench

    # no -j given: the default pass runs extract with no option, as a user would
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
