"""Writing documents and claims, one transaction per batch.

A batch is all-or-nothing: its documents, copies, claims, errors and the run's counters
commit together, so a run killed at any moment leaves whole batches only, and a re-run
resumes by content hash (inputs already stored are SEEN and not extracted again).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, delete, exists, insert, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from tollwatch.errors import TollwatchError
from tollwatch.ingest.dedup import NearDupIndex, content_hash, signature, to_bytes
from tollwatch.model import Claim, Document, Response, responses_of
from tollwatch.store.names import ACTOR, MAX_NAME, SOURCE, Canonicaliser
from tollwatch.store.records import (
    DUPLICATE,
    NEAR_DUPLICATE,
    NEW,
    SEEN,
    AddResult,
    Incoming,
)
from tollwatch.store.schema import (
    UNDATED,
    AliasRow,
    ClaimReviewRow,
    ClaimRow,
    ClaimSourceRow,
    DocumentCopyRow,
    DocumentRow,
    NameRow,
    ResponseClaimRow,
    ResponseRow,
    RunErrorRow,
    RunRow,
)

__all__ = ["Writer", "now"]

MAX_ID = 255


def now() -> datetime:
    return datetime.now(UTC)


def _key(source: str) -> str:
    return hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()


def _clip(s: str | None, n: int) -> str | None:
    return s[:n] if s is not None else None


def _safe_doc(d: Document) -> Document:
    """NUL characters (PostgreSQL text cannot hold them) as U+FFFD: one character for
    one, so claim offsets stay valid."""
    if not any("\x00" in (v or "") for v in (d.id, d.text, d.url, d.outlet, d.title,
                                               d.published)):
        return d
    def fix(v: str | None) -> str | None:
        return v.replace("\x00", "\ufffd") if v is not None else None
    return Document(id=d.id.replace("\x00", "\ufffd"), text=d.text.replace("\x00", "\ufffd"),
                    published=fix(d.published), url=fix(d.url), outlet=fix(d.outlet),
                    title=fix(d.title))


def _fix(v: Any) -> Any:
    if isinstance(v, str):
        return v.replace("\x00", "\ufffd")
    if isinstance(v, list):
        return [_fix(x) for x in v]
    return v


def _safe_claim(c: Claim) -> Claim:
    data = c.to_dict()
    fixed = {k: _fix(v) for k, v in data.items()}
    return c if fixed == data else Claim.from_dict(fixed)


class Writer:
    """The write side of a Store: owns the alias cache and the near-duplicate index."""

    def __init__(self, engine: Engine, canonicalise: Canonicaliser) -> None:
        self.engine = engine
        self.canonicalise = canonicalise
        self._aliases: dict[tuple[str, str], int] = {}
        self._index: NearDupIndex | None = None

    # -- state that a rolled-back transaction may have spoilt -------------------------
    def reset(self) -> None:
        self._aliases.clear()
        self._index = None

    def index(self, conn: Connection) -> NearDupIndex:
        if self._index is None:
            idx = NearDupIndex()
            rows = conn.execute(select(DocumentRow.id, DocumentRow.minhash)
                                .where(DocumentRow.minhash.is_not(None)))
            idx.load((r[0], r[1]) for r in rows if r[1] is not None)
            self._index = idx
        return self._index

    # -- names -------------------------------------------------------------------------
    def alias_id(self, conn: Connection, kind: str, raw: str | None) -> int | None:
        if raw is None or not raw.strip():
            return None
        alias = raw.strip()[:MAX_NAME]
        cached = self._aliases.get((kind, alias))
        if cached is not None:
            return cached
        found = conn.execute(select(AliasRow.id).where(AliasRow.kind == kind,
                                                       AliasRow.alias == alias)).scalar()
        if found is None:
            canonical = self.canonicalise(alias, kind)[:MAX_NAME] or alias.casefold()
            name_id = conn.execute(select(NameRow.id).where(
                NameRow.kind == kind, NameRow.canonical == canonical)).scalar()
            if name_id is None:
                name_id = conn.execute(insert(NameRow).values(kind=kind, canonical=canonical)
                                       .returning(NameRow.id)).scalar_one()
            found = conn.execute(insert(AliasRow).values(name_id=name_id, kind=kind, alias=alias)
                                 .returning(AliasRow.id)).scalar_one()
        self._aliases[(kind, alias)] = found
        return found

    # -- claims ------------------------------------------------------------------------
    def insert_claims(self, conn: Connection, document_id: int, claims: Sequence[Claim],
                      version: str) -> int:
        responses = responses_of(claims)
        if not claims:
            if responses:
                self.insert_responses(conn, document_id, responses, [], version)
            return 0
        claims = [_safe_claim(c) for c in claims]
        stamp = now()
        published = conn.execute(select(DocumentRow.published).where(
            DocumentRow.id == document_id)).scalar()
        order = published or UNDATED
        rows: list[dict[str, Any]] = []
        for c in claims:
            rows.append({
                "document_id": document_id, "metric": c.metric, "value": c.value, "low": c.low,
                "high": c.high, "qualifier": c.qualifier, "subject": c.subject, "actor": c.actor,
                "actor_alias_id": self.alias_id(conn, ACTOR, c.actor), "civilian": c.civilian,
                "location": c.location, "origin": list(c.origin), "speaker": list(c.speaker),
                "date": _clip(c.date, 32), "stance": c.stance, "quote": c.quote, "char_start": c.start,
                "char_end": c.end, "confidence": float(c.confidence),
                "attribution": dict(c.attribution) if c.attribution else None,
                "extractor_version": version,
                "superseded": False, "created": stamp, "published_order": order,
            })
        ids = conn.execute(insert(ClaimRow).returning(ClaimRow.id, sort_by_parameter_order=True),
                           rows).scalars().all()
        links: list[dict[str, Any]] = []
        for claim_id, c in zip(ids, claims, strict=True):
            for role, names in (("origin", c.origin), ("speaker", c.speaker)):
                for pos, raw in enumerate(names):
                    alias_id = self.alias_id(conn, SOURCE, raw)
                    if alias_id is not None:
                        links.append({"claim_id": claim_id, "alias_id": alias_id, "role": role,
                                          "position": pos})
        if links:
            conn.execute(insert(ClaimSourceRow), links)
        if responses:
            self.insert_responses(conn, document_id, responses, list(ids), version)
        return len(ids)

    def insert_responses(self, conn: Connection, document_id: int,
                         responses: Sequence[Response], claim_ids: Sequence[int],
                         version: str) -> int:
        """Store a document's responses, linked to the stored ids of the claims they
        answer (``claim_ids[i]`` is the row of the document's claim ``i``)."""
        stamp = now()
        for r in responses:
            responder = [str(_fix(n)) for n in r.responder]
            rid = conn.execute(insert(ResponseRow).values(
                document_id=document_id, kind=r.kind, responder=responder,
                responder_alias_id=self.alias_id(conn, SOURCE, responder[0])
                if responder else None,
                speaker=[str(_fix(n)) for n in r.speaker], about=_fix(r.about),
                date=_clip(r.date, 32), quote=_fix(r.quote), char_start=r.start,
                char_end=r.end, confidence=float(r.confidence), extractor_version=version,
                created=stamp).returning(ResponseRow.id)).scalar_one()
            for name in responder[1:]:
                self.alias_id(conn, SOURCE, name)  # every spelling findable by name
            linked = list(dict.fromkeys(claim_ids[i] for i in r.claims
                                        if 0 <= i < len(claim_ids)))
            if linked:
                conn.execute(insert(ResponseClaimRow), [
                    {"response_id": rid, "claim_id": cid, "position": pos}
                    for pos, cid in enumerate(linked)])
        return len(responses)

    def retire_claims(self, conn: Connection, document_id: int) -> None:
        """Drop a document's current claims: unreviewed ones go, reviewed ones are kept
        as superseded so that no reviewer's work is lost."""
        own = select(ResponseRow.id).where(ResponseRow.document_id == document_id)
        conn.execute(delete(ResponseClaimRow).where(ResponseClaimRow.response_id.in_(own)))
        conn.execute(delete(ResponseRow).where(ResponseRow.document_id == document_id))
        current = (ClaimRow.document_id == document_id) & (ClaimRow.superseded.is_(False))
        reviewed = exists().where(ClaimReviewRow.claim_id == ClaimRow.id)
        conn.execute(delete(ClaimSourceRow).where(ClaimSourceRow.claim_id.in_(
            select(ClaimRow.id).where(current, ~reviewed))))
        conn.execute(delete(ClaimRow).where(current, ~reviewed))
        conn.execute(update(ClaimRow).where(current).values(superseded=True))

    # -- documents ---------------------------------------------------------------------
    def _free_doc_id(self, conn: Connection, given: str, chash: str) -> tuple[str, str | None]:
        doc_id = given if len(given) <= MAX_ID else f"{given[:MAX_ID - 17]}~{chash[:16]}"
        taken = conn.execute(select(DocumentRow.id).where(DocumentRow.doc_id == doc_id)).scalar()
        if taken is None:
            return doc_id, None
        derived = f"{given[:MAX_ID - 13]}~{chash[:12]}"
        return derived, given

    def add_one(self, conn: Connection, item: Incoming, version: str,
                run_id: int | None) -> AddResult:
        doc = _safe_doc(item.doc)
        item = Incoming(doc, item.claims, _fix(item.source), _fix(item.language), item.fetched)
        chash = content_hash(doc.text)
        source = item.source if item.source is not None else f"id:{doc.id}"
        skey = _key(source)
        stamp = item.fetched or now()
        row = conn.execute(select(DocumentRow.id, DocumentRow.doc_id)
                           .where(DocumentRow.content_hash == chash)).first()
        if row is not None:
            doc_row_id, stored_id = row
            known = conn.execute(select(DocumentCopyRow.id).where(
                DocumentCopyRow.document_id == doc_row_id,
                DocumentCopyRow.source_key == skey)).scalar()
            if known is not None:
                return AddResult(SEEN, stored_id, duplicate_of=stored_id)
            self._add_copy(conn, doc_row_id, skey, source, item, run_id, stamp)
            return AddResult(DUPLICATE, stored_id, duplicate_of=stored_id)
        if item.claims is None:
            raise ValueError(f"document {doc.id!r} is new but came without claims")
        doc_id, renamed_from = self._free_doc_id(conn, doc.id, chash)
        sig = signature(doc.text)
        idx = self.index(conn)
        match = idx.best_match(sig)
        root: int | None = None
        root_doc_id: str | None = None
        sim: float | None = None
        if match is not None:
            root, sim = match
            found = conn.execute(select(DocumentRow.near_duplicate_of)
                                 .where(DocumentRow.id == root)).scalar()
            if found is not None:
                root = found
            root_doc_id = conn.execute(select(DocumentRow.doc_id)
                                       .where(DocumentRow.id == root)).scalar()
        new_id = conn.execute(insert(DocumentRow).values(
            doc_id=doc_id, content_hash=chash, url=doc.url, outlet=_clip(doc.outlet, 255),
            title=doc.title, published=_clip(doc.published, 10), fetched=stamp,
            language=_clip(item.language, 16), text=doc.text, source=source, run_id=run_id,
            near_duplicate_of=root, similarity=sim, minhash=to_bytes(sig),
            extractor_version=version,
        ).returning(DocumentRow.id)).scalar_one()
        idx.add(new_id, sig)
        self._add_copy(conn, new_id, skey, source, item, run_id, stamp)
        n = self.insert_claims(conn, new_id, item.claims, version)
        outcome = NEAR_DUPLICATE if root is not None else NEW
        return AddResult(outcome, doc_id, claims_added=n, duplicate_of=root_doc_id,
                         similarity=sim, renamed_from=renamed_from)

    def _add_copy(self, conn: Connection, document_id: int, skey: str, source: str,
                  item: Incoming, run_id: int | None, stamp: datetime) -> None:
        d = item.doc
        conn.execute(insert(DocumentCopyRow).values(
            document_id=document_id, source_key=skey, source=source,
            given_id=_clip(d.id, MAX_ID), url=d.url, outlet=_clip(d.outlet, 255),
            published=_clip(d.published, 10), run_id=run_id, seen=stamp))

    def add_batch(self, items: Sequence[Incoming], version: str, run_id: int | None = None,
                  errors: Iterable[TollwatchError] = ()) -> list[AddResult]:
        """Store ``items`` and record ``errors`` against the run, in one transaction.

        Another process may store the same text (or name) between this transaction's
        look-up and its insert; the unique constraint then refuses the insert, and the
        batch is rolled back and done again, when the look-up finds the other's row (a
        duplicate, not an error)."""
        errs = list(errors)
        for attempt in range(1, WRITE_ATTEMPTS + 1):
            try:
                with self.engine.begin() as conn:
                    results = [self.add_one(conn, it, version, run_id) for it in items]
                    if run_id is not None:
                        record_errors(conn, run_id, errs)
                        count_run(conn, run_id, results, len(errs))
                return results
            except DBAPIError as e:
                self.reset()
                if attempt == WRITE_ATTEMPTS or not retryable(e):
                    raise
                time.sleep(0.05 * attempt)
            except BaseException:
                self.reset()
                raise
        raise AssertionError("unreachable")


#: Times a batch is tried when concurrent writers collide (a unique key, a deadlock).
WRITE_ATTEMPTS = 5

#: PostgreSQL's codes for a transaction another one made fail: deadlock, serialization.
_RETRY_SQLSTATES = frozenset({"40P01", "40001"})


def retryable(e: DBAPIError) -> bool:
    """Whether a failed write may succeed when the batch is done again: another writer
    stored the same key first, PostgreSQL broke a deadlock by cancelling this transaction,
    or SQLite's lock was held past its timeout."""
    if isinstance(e, IntegrityError):
        return True
    if getattr(e.orig, "sqlstate", None) in _RETRY_SQLSTATES:
        return True
    return "database is locked" in str(e.orig)


def record_errors(conn: Connection, run_id: int, errors: Sequence[TollwatchError]) -> None:
    if errors:
        stamp = now()
        conn.execute(insert(RunErrorRow), [{
            "run_id": run_id, "source": _fix(e.source or "-"), "line": e.line, "code": e.code,
            "reason": _fix(e.message), "created": stamp} for e in errors])


def count_run(conn: Connection, run_id: int, results: Sequence[AddResult], failed: int) -> None:
    tally = {NEW: 0, DUPLICATE: 0, NEAR_DUPLICATE: 0, SEEN: 0}
    for r in results:
        tally[r.outcome] += 1
    claims = sum(r.claims_added for r in results)
    conn.execute(update(RunRow).where(RunRow.id == run_id).values(
        docs_new=RunRow.docs_new + tally[NEW],
        docs_duplicate=RunRow.docs_duplicate + tally[DUPLICATE],
        docs_near_duplicate=RunRow.docs_near_duplicate + tally[NEAR_DUPLICATE],
        docs_seen=RunRow.docs_seen + tally[SEEN],
        docs_failed=RunRow.docs_failed + failed,
        claims_added=RunRow.claims_added + claims,
    ))
