from __future__ import annotations

import time
from pathlib import Path

import pytest

from tollwatch.errors import ConfigError
from tollwatch.reconcile import names as names_mod
from tollwatch.reconcile.names import Names, actor_for, canonical_source, fold


@pytest.mark.parametrize(("text", "want"), [
    ("North Korean", "North Korea"), ("Pyongyang", "North Korea"), ("DPRK", "North Korea"),
    ("north korean", "North Korea"), ("Ukrainian", "Ukraine"), ("Ukrainians", "Ukraine"),
    ("Al-Shabaab", "al-Shabaab"), ("al Shabab", "al-Shabaab"), ("Filipino", "Philippines"),
    ("Filipinos", "Philippines"), ("Palestinians", "Palestine"), ("Russia's", "Russia"),
    ("Russia’s", "Russia"), ("the Kremlin", "Russia"), ("Kyiv", "Ukraine"), ("Kiev", "Ukraine"),
    ("Iranian", "Iran"), ("Syrian", "Syria"), ("South Korean", "South Korea"),
    ("Seoul", "South Korea"), ("Congolese", "DR Congo"), ("DRC", "DR Congo"),
    ("Brazzaville", "Republic of the Congo"), ("Turkish", "Turkey"), ("Türkiye", "Turkey"),
    ("Viet Nam", "Vietnam"), ("US", "United States"), ("U.S.", "United States"),
    ("Americans", "United States"), ("Britons", "United Kingdom"), ("Kosovar", "Kosovo"),
    ("Hezbollah", "Hezbollah"), ("Hizbollah", "Hezbollah"), ("Hamas", "Hamas"),
    ("Boko Haram", "Boko Haram"), ("ISWAP", "ISWAP"), ("ISIS", "Islamic State"),
    ("Daesh", "Islamic State"), ("IS", "Islamic State"), ("Rapid Support Forces", "RSF"),
    ("Wagner Group", "Wagner"), ("Houthi", "Houthis"), ("Ansar Allah", "Houthis"),
    ("the Taliban", "Taliban"), ("Pakistani Taliban", "TTP"), ("BLA", "BLA"), ("ELN", "ELN"),
    ("FARC dissidents", "FARC dissidents"), ("M23", "M23"), ("JNIM", "JNIM"),
    ("IDF", "Israel"), ("Tatmadaw", "Myanmar"), ("Emiratis", "United Arab Emirates"),
])
def test_actor_for_known(text: str, want: str) -> None:
    assert actor_for(text) == want


@pytest.mark.parametrize("text", ["us", "is", "and", "Korean", "soldiers", "", "the army"])
def test_actor_for_unknown_or_ambiguous(text: str) -> None:
    assert actor_for(text) is None


def test_every_pycountry_country_has_a_canonical_name(names: Names) -> None:
    import pycountry

    for c in pycountry.countries:
        assert names.actor(c.name) is not None, c.name
        if getattr(c, "common_name", None):
            assert names.actor(c.common_name) == names.actor(c.name)


def test_actor_in_phrases(names: Names) -> None:
    assert names.actor_in("about 300 North Korean soldiers") == "North Korea"
    assert names.actor_in("Filipino seafarers") == "Philippines"
    assert names.actor_in("al-Shabaab militants") == "al-Shabaab"
    assert names.actor_in("turkey farmers") is None
    assert names.actor_in(None) is None


def test_actor_lookup_is_fast(names: Names) -> None:
    names.actor("Ukrainians")
    start = time.perf_counter()
    for _ in range(20_000):
        names.actor("Ukrainians")
    assert time.perf_counter() - start < 0.5


@pytest.mark.parametrize("text", [
    "Seoul's spy agency", "NIS", "South Korea's National Intelligence Service",
    "National Intelligence Service", "the National Intelligence Service (NIS)",
    "South Korean intelligence", "the intelligence service of South Korea",
    "South Korea’s spy agency",
])
def test_nis_forms(text: str) -> None:
    assert canonical_source(text) == "National Intelligence Service (South Korea)"


@pytest.mark.parametrize(("text", "want"), [
    ("Ukrainian military intelligence", "Defence Intelligence of Ukraine"),
    ("HUR", "Defence Intelligence of Ukraine"),
    ("the Pentagon", "Department of Defense (United States)"),
    ("Hamas-run health ministry", "Ministry of Health (Gaza)"),
    ("the health ministry in Gaza", "Ministry of Health (Gaza)"),
    ("Syrian Observatory for Human Rights", "SOHR"),
    ("UN refugee agency", "UNHCR"), ("OCHA", "OCHA"), ("ISPR", "Inter-Services Public Relations"),
    ("Kenya's health ministry", "Ministry of Health (Kenya)"),
    ("Russia's defence ministry", "Ministry of Defence (Russia)"),
    ("the defence ministry", "Ministry of Defence"),
    ("lawmaker Lee Seong-kweun", "Lee Seong-kweun"),
    ("Lee Seong-kweun, a member of parliament", "Lee Seong-kweun"),
    ("Ukrainian President Volodymyr Zelensky", "Volodymyr Zelensky"),
    ("The Daily Planet", "Daily Planet"),
])
def test_canonical_source(text: str, want: str) -> None:
    assert canonical_source(text) == want


def test_people_and_roles(names: Names) -> None:
    p = names.person("Rep. Han Jeong-woo")
    assert p is not None and (p.name, p.role) == ("Han Jeong-woo", "legislator")
    assert names.person("residents") is None
    assert names.same_person("Han Jeong-woo", "Han Jung-woo")
    assert names.same_person("Lee Seong-kweun", "Yi Seong-kweun")
    assert not names.same_person("Han Jeong-woo", "Han Min-seo")
    assert not names.same_person("Han Jeong-woo", "Park Jeong-woo")


def test_places(names: Names) -> None:
    assert names.place("Kursk region") == "Kursk"
    assert names.place("the Gaza Strip") == "Gaza"
    assert names.place("Khan Yunis") == "Khan Younis"
    assert names.place("Belgorod sector") == "Belgorod"
    assert names.place(None) is None


def test_aliases_of_a_canonical_name(names: Names) -> None:
    al = names.aliases("North Korea")
    assert {"DPRK", "Pyongyang", "North Korean"} <= set(al)
    assert "NIS" in names.aliases("National Intelligence Service (South Korea)")


def test_user_alias_file(tmp_path: Path) -> None:
    path = tmp_path / "aliases.yaml"
    path.write_text(
        "actors:\n  Black Banner Brigade: [BBB, Banner fighters]\n  North Korea: [Hermit Kingdom]\n"
        "sources:\n  NIS: [Korean spooks]\n  Han Jeong-woo: [Han Jung-wu]\n"
        "places:\n  Belgorod: [Belgorod front]\n", encoding="utf-8")
    n = Names(path)
    assert n.actor("BBB") == "Black Banner Brigade"
    assert n.actor("Banner fighters") == "Black Banner Brigade"
    assert n.actor("Hermit Kingdom") == "North Korea"
    assert n.source("Korean spooks") == "National Intelligence Service (South Korea)"
    assert n.source("Han Jung-wu") == "Han Jeong-woo"
    assert n.place("Belgorod front") == "Belgorod"


def test_user_alias_file_from_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("actors:\n  Ruritania: [Ruritanian]\n", encoding="utf-8")
    monkeypatch.setenv(names_mod.ALIASES_ENV, str(path))
    names_mod.reset_default_names()
    try:
        assert actor_for("Ruritanians") == "Ruritania"
    finally:
        monkeypatch.delenv(names_mod.ALIASES_ENV)
        names_mod.reset_default_names()
    assert actor_for("Ruritanians") is None


@pytest.mark.parametrize("body", ["actors: [1, 2]\n", "people:\n  x: [y]\n", "a: [\n",
                                  "actors:\n  X: {a: 1}\n"])
def test_bad_alias_file(tmp_path: Path, body: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError):
        Names(path)


def test_missing_alias_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        Names(tmp_path / "absent.yaml")


def test_fold() -> None:
    assert fold("  Al-Shabaab’s ") == "al shabaab's"
    assert fold("Bogotá") == "bogota"


def test_store_canonicaliser() -> None:
    from tollwatch.reconcile.names import store_canonicaliser

    assert store_canonicaliser("Pyongyang", "actor") == store_canonicaliser("DPRK", "actor")
    assert store_canonicaliser("NIS", "source") == store_canonicaliser("Seoul's spy agency",
                                                                        "source")
    assert store_canonicaliser("Coast Gazette", "source") == "coast gazette"
