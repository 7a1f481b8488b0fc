"""references.py: "its new figures", "the same report" refer to the source named before."""

from __future__ import annotations

from collections.abc import Callable

from tollwatch.extract.source_memory import SourceMemory
from tollwatch.extract.sources import Source
from tollwatch.model import Claim

Run = Callable[..., list[Claim]]


def _memory() -> SourceMemory:
    mem = SourceMemory()
    mem.remember(Source(names=["Mayor Ana Ruiz"], person=True))
    mem.remember(Source(names=["the Relief Coordination Office"], person=False))
    return mem


def test_a_possessive_before_a_report_noun() -> None:
    mem = _memory()
    got = mem.resolve("its new figures", None)
    assert got is not None and got.names[0] == "the Relief Coordination Office"
    got = mem.resolve("his latest tally", None)
    assert got is not None and got.names[0] == "Mayor Ana Ruiz"


def test_a_report_named_again() -> None:
    mem = _memory()
    got = mem.resolve("the same report", None)
    assert got is not None and got.names[0] == "the Relief Coordination Office"


def test_other_words_before_the_noun_are_no_reference() -> None:
    mem = _memory()
    assert mem.resolve("its hospital figures", None) is None
    assert mem.resolve("the police report", None) is None
    assert mem.resolve("its", None) is not None  # the plain pronoun rule still holds


def test_according_to_its_figures_in_an_article(claims_of: Run) -> None:
    text = ("Relief update\n"
            "The Relief Coordination Office said on Monday that 40 families had fled the "
            "valley.\n"
            "According to its new figures, 1,200 people have been displaced since March.")
    claims = claims_of(text, "2031-04-09")
    c = next(x for x in claims if x.value == 1200)
    assert any("relief coordination office" in n.lower() for n in c.origin)


def test_the_journalists_are_the_body_that_published(claims_of: Run) -> None:
    text = ("Graves counted\n"
            "The Open Records Collective said on Monday that it had identified 3,400 dead "
            "soldiers by name.\n"
            "The journalists also found that 610 of the dead were officers.")
    c = next(x for x in claims_of(text, "2031-04-09") if x.value == 610)
    assert any("open records collective" in n.lower() for n in c.origin)
    assert any(n.lower() == "the journalists" for n in c.origin)


def test_the_post_is_the_message_of_the_last_stated_source() -> None:
    mem = _memory()
    got = mem.resolve("the post", None)
    assert got is not None and got.names[0] == "the Relief Coordination Office"
    assert SourceMemory().resolve("the post", None) is None  # nothing stated yet
