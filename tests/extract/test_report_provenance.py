"""Reports of rights groups and agencies (sentences written for these tests): "the rights
group" is the named body before it, a relay's day dates the agency's figure, a census
"published on Thursday", denials by "fabricated" and "were false", holders that detain,
"imprisoned", counts "a year earlier" and wounds treated."""

from __future__ import annotations

from collections.abc import Callable

from tests.extract.claim_lookup import date_how, get_claim, source_names

from tollwatch.model import Claim

Run = Callable[..., list[Claim]]


def _got(claims: list[Claim]) -> set[tuple[str, int | None]]:
    return {(c.metric, c.value) for c in claims}


REPORT = ("Gunmen abducted more than 900 people in the north in six months, the Kestrel "
          "Rights Collective said in a report on Monday.\n"
          "The rights group said it had documented 934 abductions in 60 raids.\n"
          "In Dara province alone, 410 people were kidnapped, it said.\n")


def test_the_rights_group_is_the_named_body_before_it(claims_of: Run) -> None:
    claims = claims_of(REPORT, "2024-11-20")
    c = get_claim(claims, "abducted", 934)
    assert "kestrel rights collective" in source_names(c)
    assert c.date == "2024-11-18"
    assert get_claim(claims, "abducted", 410).date == "2024-11-18"


def test_the_rebel_group_is_a_named_armed_group(claims_of: Run) -> None:
    claims = claims_of("The health ministry said on Monday that 31 people had been killed.\n"
                       "Al-Shabaab said its fighters had killed 12 soldiers.\n"
                       "The militant group said it had also captured four officers.\n",
                       "2024-11-20")
    c = get_claim(claims, "captured", 4)
    assert "al-shabaab" in source_names(c)
    assert "ministry" not in source_names(c)


def test_a_description_with_its_own_words_is_no_reference(claims_of: Run) -> None:
    claims = claims_of("Amnesty International said on Monday that 50 people had been "
                       "detained.\nThe interior ministry said 20 of them had been released.\n",
                       "2024-11-20")
    assert "amnesty" not in source_names(get_claim(claims, "detained", 20))


def test_a_relay_day_dates_the_figure_its_agency_recorded(claims_of: Run) -> None:
    c = get_claim(claims_of("A spokeswoman, Mia Lund, told reporters in Geneva on Tuesday "
                            "that the agency's tracking team had recorded 51,000 people "
                            "displaced by the floods and fighting.", "2025-05-15"),
                  "displaced", 51000)
    assert c.date == "2025-05-13"
    assert date_how(c) == "verb"


def test_a_census_published_on_a_day_dates_its_figures(claims_of: Run) -> None:
    c = get_claim(claims_of("A record 402 journalists were in prison on December 1, the Open "
                            "Press Bureau said in its annual census published on Thursday.",
                            "2024-12-13"), "detained", 402)
    assert c.date == "2024-12-12"


def test_figures_called_fabricated_or_false_are_denied(claims_of: Run) -> None:
    a = get_claim(claims_of('A spokesman said on X that reports of 800 civilian deaths were '
                            '"fabricated."'), "killed", 800)
    b = get_claim(claims_of("The army said claims that 60 soldiers had been captured were "
                            "untrue."), "captured", 60)
    c = get_claim(claims_of("The army denied the raid, claiming it had killed 30 militants."),
                  "killed", 30)
    assert (a.stance, b.stance, c.stance) == ("denied", "denied", "asserted")


def test_a_country_or_junta_holding_people_detains_them(claims_of: Run) -> None:
    got = _got(claims_of("Iran was holding 26 journalists, the group said, while the junta "
                         "holds 300 protesters in Insein prison."))
    assert {("detained", 26), ("detained", 300)} <= got


def test_imprisoned_civilians_are_detained_and_soldiers_captured(claims_of: Run) -> None:
    assert ("detained", 45) in _got(claims_of("The regime has imprisoned 45 activists since "
                                              "May."))
    assert ("captured", 900) in _got(claims_of("The enemy has imprisoned 900 soldiers, the "
                                               "general staff said."))


def test_a_count_a_year_earlier_keeps_its_metric(claims_of: Run) -> None:
    got = _got(claims_of("The committee counted 61 journalists killed this year, down from "
                         "72 a year earlier."))
    assert {("killed", 61), ("killed", 72)} <= got


def test_people_treated_for_wounds_are_injured(claims_of: Run) -> None:
    got = _got(claims_of("Its teams had treated 2,700 people for gunshot and blast wounds "
                         "since February, the medical charity said."))
    assert got == {("injured", 2700)}
    assert ("killed", 3) in _got(claims_of("Three soldiers later died of their wounds."))
