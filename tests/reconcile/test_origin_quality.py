"""Origins and identity on the cases the development story showed (issue 11): a country's
abbreviation before a body, a sentence that credits a body the extractor missed, one
side's two voices giving one figure in one article, and a back-reference that hedges the
figure otherwise. Sentences are invented for these tests."""

from __future__ import annotations

import random

from tests.reconcile.conftest import report

from tollwatch.reconcile.group_words import Phrases, surface_forms, words
from tollwatch.reconcile.groups import default_groups
from tollwatch.reconcile.names import Names
from tollwatch.reconcile.rules import default_rules
from tollwatch.reconcile.underlying import underlying_claims


def test_a_country_abbreviation_before_a_body_is_that_country_s_body(names: Names) -> None:
    assert names.source("The U.K. Defense Ministry") == names.source("Britain's defence ministry")
    assert names.source("UK defence ministry") == "Ministry of Defence (United Kingdom)"
    assert names.source_actor("U.K. Defense Ministry") == "United Kingdom"
    assert names.source("U.S. intelligence") == names.source("US intelligence")
    # a lower-case "us" is the pronoun, not a country
    assert names.source("us defence ministry") != "Department of Defense (United States)"


def test_the_credit_verb_finds_the_body_opening_the_sentence() -> None:
    rules = default_rules()
    assert rules.credited("Norwegian intelligence estimates that 4,000 fighters were "
                          "killed last winter.") == "Norwegian intelligence"
    assert rules.credited("Heavy rain fell; a leaked army report said 300 soldiers were "
                          "missing.") == "a leaked army report"
    assert rules.credited("Some 300 soldiers were missing after the storm.") is None
    # too many words before the verb: a clause, not a name
    assert rules.credited("The town that the rebels took from the army in the spring of "
                          "last year said 30 died.") is None


def test_an_unsourced_figure_credited_to_a_known_body_has_that_origin(names: Names) -> None:
    quote = "British intelligence estimates that 4,000 Chilean soldiers were killed."
    r = report("d1", "killed", 4000, origin=[], actor="Chile", quote=quote,
               outlet="Daily Example", claim_id=1)
    (c,) = underlying_claims([r], names=names)
    assert c.origin != "Daily Example"
    assert "British intelligence" in c.aliases
    assert "credits" in c.reports[0].reason
    # a sentence crediting nobody keeps the outlet's own voice
    plain = report("d2", "killed", 4100, origin=[], actor="Chile", outlet="Daily Example",
                   quote="Around 4,100 Chilean soldiers were killed in the fighting.",
                   claim_id=2)
    (p,) = underlying_claims([plain], names=names)
    assert p.origin == "Daily Example"


def test_one_side_s_two_voices_in_one_article_are_one_claim(names: Names) -> None:
    a = report("doc-a", "killed", 15000, origin=["the Chilean defence ministry"],
               actor="Norway", claim_id=1, quote="Chile's defence ministry put the toll at "
               "15,000 Norwegian soldiers.")
    b = report("doc-a", "killed", 15000, origin=["Chilean military intelligence"],
               actor="Norway", claim_id=2, quote="Chilean military intelligence also "
               "counted 15,000 Norwegian soldiers killed.")
    claims = underlying_claims([a, b], names=names)
    assert len(claims) == 1
    assert any("same article" in r.reason for r in claims[0].reports)
    # the same two voices in two articles on different days stay two claims
    c = report("doc-c", "killed", 15000, origin=["Chilean military intelligence"],
               actor="Norway", claim_id=3, published="2031-05-20", date="2031-05-19",
               quote="Chilean military intelligence counted 15,000 Norwegian soldiers "
               "killed.")
    d = report("doc-d", "killed", 15000, origin=["the Chilean defence ministry"],
               actor="Norway", claim_id=4, published="2031-05-02", date="2031-05-01",
               quote="Chile's defence ministry put the toll at 15,000 Norwegian soldiers.")
    assert len(underlying_claims([c, d], names=names)) == 2


def test_an_undated_figure_hedged_otherwise_months_later_is_a_new_statement(
        names: Names) -> None:
    first = report("doc-1", "killed", 25000, qualifier="max", origin=["Chile's defence ministry"],
                   actor="Norway", published="2031-03-02", date="2031-03-01", claim_id=1,
                   quote="Chile's defence ministry says up to 25,000 Norwegian soldiers died.")
    later = report("doc-2", "killed", 25000, qualifier="approx",
                   origin=["Chile's defence ministry"], actor="Norway", published="2031-06-20",
                   claim_id=2, quote="The ministry said roughly 25,000 Norwegian soldiers "
                   "were killed.")
    claims = underlying_claims([first, later], names=names)
    assert len(claims) == 2
    assert sorted(c.kind for c in claims) == ["first", "repeat"]
    # hedged alike (or plainly), the undated report is a back-reference
    plain = report("doc-3", "killed", 25000, origin=["Chile's defence ministry"],
                   actor="Norway", published="2031-06-20", claim_id=3,
                   quote="The ministry has put the toll at 25,000 Norwegian soldiers.")
    assert len(underlying_claims([first, plain], names=names)) == 1


def test_surface_forms_fold_back_to_the_word() -> None:
    for w in ("hostage", "child", "woman", "family", "policeman", "box"):
        for f in surface_forms(w):
            assert words(f) == (w,)
    assert {"hostages", "hostage"} <= surface_forms("hostage")
    assert "children" in surface_forms("child")
    assert "families" in surface_forms("family")


def test_the_status_probe_never_hides_a_phrase_find_sees() -> None:
    statuses = default_groups().statuses
    rng = random.Random(5)
    fillers = ["the", "rebels", "said", "on", "friday", "that", "twelve", "of", "them", "were",
               "in", "a", "camp", "near", "the", "border"]
    phrases = list(statuses.table)
    for _ in range(400):
        phrase = list(rng.choice(phrases))
        # a plural or irregular form of each word, as a writer might put it
        written = [rng.choice(sorted(surface_forms(w))) for w in phrase]
        left = rng.sample(fillers, 4)
        text = " ".join(left + written + rng.sample(fillers, 3))
        if statuses.find(words(text)):
            assert statuses.may_occur(text), text
    assert not statuses.may_occur("the rebels said on friday that twelve of them were here")


def test_phrases_match_longest_first_with_the_first_word_index() -> None:
    p = Phrases()
    p.add("still held", "held")
    p.add("held", "held-short")
    p.add("held in captivity", "captive")
    hits = p.find(words("twelve are still held and four held in captivity"))
    assert [h.name for h in hits] == ["held", "captive"]
    assert p.may_occur("four held in captivity")
    assert not p.may_occur("four freed")


def test_an_undated_restatement_joins_the_earlier_named_claim(names: Names) -> None:
    first = report("doc-1", "killed", 1351, origin=["the Chilean army"], actor="Norway",
                   published="2031-03-02", date="2031-03-01", claim_id=1,
                   speaker=[], quote="The Chilean army said 1,351 Norwegian soldiers "
                   "were killed.")
    # months later another voice of the same side restates it with no day of its own
    again = report("doc-2", "killed", 1351, origin=["the Chilean defence ministry"],
                   actor="Norway", published="2031-09-20", claim_id=2,
                   quote="In March the Chilean defence ministry had said 1,351 Norwegian "
                   "soldiers were killed.")
    # and an outlet repeats it in its own voice
    own = report("doc-3", "killed", 1351, origin=[], actor="Norway", outlet="Daily Example",
                 published="2031-04-10", claim_id=3,
                 quote="Chile has not updated the toll since it said 1,351 Norwegian "
                 "soldiers were killed.")
    claims = underlying_claims([first, again, own], names=names)
    assert len(claims) == 1
    assert claims[0].date == "2031-03-01"
    assert sum("restatement" in r.reason for r in claims[0].reports) == 2
    # a dated new statement of the same figure by another body stays its own claim
    dated = report("doc-4", "killed", 1351, origin=["the Chilean defence ministry"],
                   actor="Norway", published="2031-09-20", date="2031-09-19", claim_id=4,
                   quote="The Chilean defence ministry said on Friday 1,351 Norwegian "
                   "soldiers were killed.")
    assert len(underlying_claims([first, dated], names=names)) == 2
