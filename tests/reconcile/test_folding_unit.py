"""Unit tests of reconcile/folding.py: the comparison forms of names."""

from __future__ import annotations

import pytest

from tollwatch.reconcile.folding import (
    exact_key,
    fold,
    plural_forms,
    romanise,
    strip_article,
    strip_possessive,
    strip_the,
    tidy,
)


@pytest.mark.parametrize(("text", "folded"), [
    ("Al-Zorvan's", "al zorvan's"),
    ("  \u201cZorvan Front\u201d. ", "zorvan front"),
    ("Caf\u00e9 Br\u00e8vel", "cafe brevel"),
    ("U.S.", "us"),
    ("a/b_c\u2013d", "a b c d"),
    ("Red\u2014Owl   Brigade", "red owl brigade"),
    ("(NIS", "nis"),
    ("X (Y)", "x (y)"),
])
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_fold_is_idempotent_and_equates_spellings() -> None:
    for s in ("Ost-Varnak Legion", "ost varnak legion", "OST\u2011VARNAK  LEGION."):
        assert fold(s) == "ost varnak legion"
        assert fold(fold(s)) == fold(s)


def test_fold_normalises_curly_apostrophes() -> None:
    assert fold("Varnak\u2019s") == fold("Varnak's") == "varnak's"


def test_tidy_keeps_case_and_accents_but_trims_edges() -> None:
    assert tidy("  \u201cZorvan Front\u201d. ") == "Zorvan Front"
    assert tidy("Caf\u00e9 Br\u00e8vel") == "Caf\u00e9 Br\u00e8vel"
    assert tidy("U.S.") == "U.S"
    assert tidy("Al-Zorvan") == "Al-Zorvan"


def test_tidy_drops_only_unbalanced_brackets() -> None:
    assert tidy("(NIS") == "NIS"
    assert tidy("NIS)") == "NIS"
    assert tidy("Owl Brigade (OB)") == "Owl Brigade (OB)"
    assert tidy("[[Kest]") == "[Kest]"


def test_exact_key_keeps_case() -> None:
    assert exact_key("U.S.") == "US"
    assert exact_key("Al-Zorvan") == "Al Zorvan"
    assert exact_key("Caf\u00e9") == "Cafe"
    assert exact_key("us") != exact_key("US")


def test_strip_possessive() -> None:
    assert strip_possessive("Varnak's") == "Varnak"
    assert strip_possessive("Forces'") == "Forces"
    assert strip_possessive("Boss") == "Boss"
    assert strip_possessive("Kest's men") == "Kest's men"  # only at the end


def test_strip_article_on_folded_text() -> None:
    assert strip_article("the owls") == "owls"
    assert strip_article("a brigade") == "brigade"
    assert strip_article("an owl") == "owl"
    assert strip_article("theory") == "theory"
    assert strip_article("The owls") == "The owls"  # expects folded (lower-case) text


def test_strip_the_any_case() -> None:
    assert strip_the("The Owls") == "Owls"
    assert strip_the("the owls") == "owls"
    assert strip_the("Theo") == "Theo"
    assert strip_the("A Owl") == "A Owl"


@pytest.mark.parametrize(("word", "forms"), [
    ("militias", ["militia"]),
    ("boxes", ["box", "boxe"]),
    ("armies", ["army", "armi", "armie"]),
    ("as", []),
    ("owl", []),
])
def test_plural_forms(word: str, forms: list[str]) -> None:
    assert plural_forms(word) == forms


def test_romanise_equates_romanisations() -> None:
    assert romanise("kheoyoon") == romanise("koyon")
    assert romanise("pyeongyang") == romanise("piongiang")
    assert romanise("bukk") == "bok"
    assert romanise("a-b c") == "abc"  # only letters survive
