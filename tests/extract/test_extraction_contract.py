"""The contract of extraction, whatever its rules find: checked on documents written for
this test (not on which figures it finds in borderline sentences, which the rules decide):

* every claim's fields take their allowed values, its quote is the slice of the text its
  offsets name, and claims come in text order;
* extracting documents together, one by one, twice or through ``extract_many`` gives the
  same claims (no state leaks from one document into the next);
* responses point at claims of their own document and quote their own text;
* a claim survives its JSON form (``to_dict``/``from_dict``).
"""

from __future__ import annotations

import json
import re

import pytest

from tollwatch.extract import ExtractOptions, Extractor
from tollwatch.model import METRICS, QUALIFIERS, RESPONSE_KINDS, STANCES, Claim, Document

DOCS: list[Document] = [
    Document(id="harbour", published="2031-04-02", text=(
        "At least 14 dock workers were killed when a crane collapsed at the Vesk harbour on "
        "Tuesday, the port authority said. Another 22 were injured, according to the city "
        "hospital. The harbour union said the toll could rise.")),
    Document(id="valley", published="2031-05-19", text=(
        "Floods in the lower valley have forced about 3,000 people from their homes, the "
        "relief agency said on Sunday. Officials said 40 to 50 villages were cut off.")),
    Document(id="border", published="2031-06-07", text=(
        "Border guards detained 9 men near the northern crossing overnight, a spokesman for "
        "the interior ministry told reporters. The ministry denied that anyone was hurt.")),
    Document(id="army", published="2031-07-11", text=(
        "The army said its forces had captured 31 fighters in the hills east of Tarsk. "
        "Rebel commanders rejected the claim and said no more than 5 of their men were "
        "missing. Neither figure could be independently verified.")),
    Document(id="quote", published="2031-08-30", text=(
        '"We have lost 120 soldiers in this sector alone," the commander told the Orlan '
        "Courier, adding that up to 300 had been wounded since the spring.")),
    Document(id="nothing", published="2031-09-01", text=(
        "The council met on Thursday to discuss the new bridge. Members voted 7 to 2 in "
        "favour of the plan, which will cost 4 million.")),
    Document(id="empty-ish", text="   \n\n  "),
    Document(id="list", published="2031-10-03", text=(
        "Health officials gave the toll of the week's storms: 6 dead in Arlen, 11 dead in "
        "Brisk and 2 dead in Corran, with 58 people treated for injuries.")),
    Document(id="noisy", text=(
        "Police\u00a0said\u2009 12\u202fpeople were killed.\x0b Two\u200b were hurt; "
        "«dozens» fled — the mayor said.")),
    Document(id="headline", published="2031-11-15", text=(
        "Seven miners missing after collapse\n\nSeven miners were missing on Friday after a "
        "tunnel collapsed at the Dunmore pit, the mine operator said.")),
]

DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@pytest.fixture(scope="module")
def extracted(extractor: Extractor) -> dict[str, list[Claim]]:
    return {d.id: extractor.extract(d) for d in DOCS}


def test_the_corpus_gives_claims_to_check(extracted: dict[str, list[Claim]]) -> None:
    # the contract below must not hold vacuously
    assert sum(len(cs) for cs in extracted.values()) >= 8
    assert extracted["empty-ish"] == []


@pytest.mark.parametrize("doc", DOCS, ids=[d.id for d in DOCS])
def test_each_claim_takes_allowed_values(doc: Document,
                                         extracted: dict[str, list[Claim]]) -> None:
    for c in extracted[doc.id]:
        assert c.metric in METRICS and c.qualifier in QUALIFIERS and c.stance in STANCES
        for n in (c.value, c.low, c.high):
            assert n is None or (isinstance(n, int) and n >= 0)
        if c.value is None:
            assert c.low is not None or c.high is not None
        if c.low is not None and c.high is not None:
            assert c.low <= c.high
        assert 0.0 <= c.confidence <= 1.0
        assert c.date is None or DATE.match(c.date), c.date
        assert all(isinstance(o, str) and o.strip() for o in c.origin)
        assert all(isinstance(s, str) and s.strip() for s in c.speaker)
        assert c.civilian in (None, True, False)
        if c.attribution is not None:
            json.dumps(c.attribution)


@pytest.mark.parametrize("doc", DOCS, ids=[d.id for d in DOCS])
def test_quotes_are_the_text_their_offsets_name(doc: Document,
                                                extracted: dict[str, list[Claim]]) -> None:
    claims = extracted[doc.id]
    for c in claims:
        assert 0 <= c.start < c.end <= len(doc.text)
        assert doc.text[c.start:c.end] == c.quote
        assert c.quote.strip()
    starts = [c.start for c in claims]
    assert starts == sorted(starts)


def test_one_batch_equals_one_by_one(extractor: Extractor,
                                     extracted: dict[str, list[Claim]]) -> None:
    together = extractor.extract_batch(DOCS)
    assert [list(x) for x in together] == [extracted[d.id] for d in DOCS]


def test_the_order_of_a_batch_does_not_matter(extractor: Extractor,
                                              extracted: dict[str, list[Claim]]) -> None:
    backwards = extractor.extract_batch(list(reversed(DOCS)))
    assert [list(x) for x in backwards] == [extracted[d.id] for d in reversed(DOCS)]


def test_extracting_again_gives_the_same(extractor: Extractor,
                                         extracted: dict[str, list[Claim]]) -> None:
    for d in DOCS[:4]:
        assert extractor.extract(d) == extracted[d.id]


def test_extract_many_keeps_input_order(extracted: dict[str, list[Claim]]) -> None:
    ex = Extractor(ExtractOptions(batch_size=3))
    got = list(ex.extract_many(iter(DOCS)))
    assert [d.id for d, _ in got] == [d.id for d in DOCS]
    assert [list(cs) for _, cs in got] == [extracted[d.id] for d in DOCS]


def test_a_document_id_or_url_changes_no_claim(extractor: Extractor,
                                               extracted: dict[str, list[Claim]]) -> None:
    d = DOCS[0]
    other = Document(id="renamed", text=d.text, published=d.published,
                     url="https://example.test/x", outlet="Some Outlet", title="A title")
    assert extractor.extract(other) == extracted[d.id]


@pytest.mark.parametrize("doc", DOCS, ids=[d.id for d in DOCS])
def test_claims_survive_their_json_form(doc: Document,
                                        extracted: dict[str, list[Claim]]) -> None:
    for c in extracted[doc.id]:
        back = Claim.from_dict(json.loads(json.dumps(c.to_dict())))
        assert back == c


@pytest.mark.parametrize("doc", DOCS, ids=[d.id for d in DOCS])
def test_responses_quote_their_text_and_answer_their_claims(extractor: Extractor,
                                                            doc: Document) -> None:
    full = extractor.extract_full(doc)
    for r in full.responses:
        assert r.kind in RESPONSE_KINDS
        assert doc.text[r.start:r.end] == r.quote
        assert all(0 <= i < len(full) for i in r.claims)
        assert r.date is None or DATE.match(r.date)
        assert 0.0 <= r.confidence <= 1.0


def test_a_publication_date_never_moves_a_quote(extractor: Extractor) -> None:
    d = DOCS[0]
    undated = Document(id=d.id, text=d.text)
    a, b = extractor.extract(d), extractor.extract(undated)
    assert [(c.start, c.end, c.quote) for c in a] == [(c.start, c.end, c.quote) for c in b]
    assert all(c.date is None or c.date.startswith("20") for c in b)


def test_leading_blank_lines_shift_offsets_only(extractor: Extractor) -> None:
    d = DOCS[1]
    pad = "\n\n\n"
    shifted = Document(id=d.id, text=pad + d.text, published=d.published)
    a, b = extractor.extract(d), extractor.extract(shifted)
    assert [(c.metric, c.value, c.low, c.high, c.quote) for c in a] == [
        (c.metric, c.value, c.low, c.high, c.quote) for c in b]
    assert [c.start + len(pad) for c in a] == [c.start for c in b]
