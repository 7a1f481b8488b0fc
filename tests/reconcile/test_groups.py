"""The counted-group normaliser: heads, subsets, statuses from subjects and quotes, the
vocabulary's data file and a user's extension of it (sentences written for these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tollwatch.errors import ConfigError
from tollwatch.model import Claim
from tollwatch.reconcile.groups import GENERIC, Group, Groups, group_fields, groups_for, words


@pytest.fixture(scope="module")
def groups() -> Groups:
    return Groups()


@pytest.mark.parametrize(("subject", "metric", "head", "subset"), [
    ("hostages", "abducted", "hostages", None),
    ("captives", None, "hostages", None),
    ("abductees", "abducted", "hostages", None),
    ("people held in the tunnels", "abducted", "hostages", None),
    ("Hostages'", None, "hostages", None),
    ("kidnap victims", "abducted", "hostages", None),
    ("detainees", "detained", "detainees", None),
    ("prisoners held by the authorities", None, "detainees", None),
    ("those arrested", "detained", "detainees", None),
    ("political prisoners", "detained", "detainees", None),
    ("refugees", "displaced", "refugees", None),
    ("asylum seekers", "displaced", "refugees", None),
    ("displaced people", "displaced", "displaced people", None),
    ("IDPs", "displaced", "displaced people", None),
    ("bodies", "killed", "bodies", None),
    ("civilians", "killed", "civilians", None),
    ("villagers", "killed", "civilians", None),
    ("soldiers", "killed", "soldiers", None),
    ("troops", "deployed", "soldiers", None),
    ("police officers", "injured", "police", None),
    ("gunmen", "killed", "fighters", None),
    ("aid workers", "killed", "aid workers", None),
    ("journalists", "killed", "journalists", None),
    ("prisoners of war", "captured", "prisoners of war", None),
    ("POWs", "captured", "prisoners of war", None),
    ("prisoners", "captured", "prisoners of war", None),
    ("prisoners", "detained", "detainees", None),
    ("the missing", "missing", "missing people", None),
    ("missing persons", "missing", "missing people", None),
])
def test_heads(groups: Groups, subject: str, metric: str | None, head: str,
               subset: str | None) -> None:
    g = groups.of(subject, metric)
    assert (g.head, g.subset) == (head, subset)


@pytest.mark.parametrize(("subject", "metric", "head", "subset"), [
    ("child hostages", "abducted", "hostages", "children"),
    ("hostages, including children", "abducted", "hostages", "children"),
    ("women hostages", "abducted", "hostages", "women"),
    ("displaced children", "displaced", "displaced people", "children"),
    ("refugee children", "displaced", "refugees", "children"),
    ("women and children", "killed", GENERIC, "women and children"),
    ("schoolgirls", "abducted", "hostages", "children"),
    # a role under an abduction or detention metric: the metric's group, the role as subset
    ("students", "abducted", "hostages", "students"),
    ("kidnapped students", "abducted", "hostages", "students"),
    ("journalists", "detained", "detainees", "journalists"),
    ("soldiers", "captured", "prisoners of war", "soldiers"),
])
def test_subsets(groups: Groups, subject: str, metric: str, head: str, subset: str) -> None:
    g = groups.of(subject, metric)
    assert (g.head, g.subset) == (head, subset)


def test_modifier_and_head_noun(groups: Groups) -> None:
    # the head noun is the last of the noun phrase: families of hostages are relatives
    assert groups.of("hostage families").head == "relatives"
    assert groups.of("civilian hostages").head == "hostages"
    assert groups.of("families of the detainees").head == "relatives"


def test_partitives_take_the_group_after_of(groups: Groups) -> None:
    assert groups.of("one of the hostages", "killed") == Group("hostages", None, None)
    assert groups.of("some of the detainees", "detained").head == "detainees"
    assert groups.of("the bodies of hostages") == Group("hostages", None, "dead")
    assert groups.of("remains of three captives") == Group("hostages", None, "dead")
    assert groups.of("bodies", "killed").head == "bodies"


def test_generic_subjects(groups: Groups) -> None:
    assert groups.of("people", "killed").head == GENERIC
    assert groups.of("death toll", "killed").head == GENERIC
    assert groups.of("victims", "injured").head == GENERIC
    # the metric names the group when the subject does not
    assert groups.of("people", "abducted").head == "hostages"
    assert groups.of("people", "detained").head == "detainees"
    assert groups.of("people", "displaced").head == "displaced people"
    assert groups.of(None, "abducted").head == "hostages"
    assert groups.of("287", "detained").head == "detainees"
    assert groups.of(None, None) == Group()


def test_mixed_subjects_have_no_single_group(groups: Groups) -> None:
    assert groups.of("civilians and soldiers", "killed").head == GENERIC
    assert groups.of("students and teachers", "abducted") == Group("hostages", None, None)


@pytest.mark.parametrize(("subject", "metric", "status"), [
    ("hostages still held", "abducted", "held"),
    ("remaining hostages", "abducted", "held"),
    ("hostages released", "abducted", "released"),
    ("freed captives", "abducted", "released"),
    ("hostages confirmed dead", "abducted", "dead"),
    ("hostages confirmed dead", "killed", None),  # the metric says it already
    ("detainees still in custody", "detained", "held"),
    ("people held in the tunnels", "abducted", None),  # "held" alone is not a status
    ("dead and wounded", "casualties", None),  # a toll: statuses are of people held
    ("released soldiers", "killed", None),
])
def test_status_from_subject(groups: Groups, subject: str, metric: str,
                             status: str | None) -> None:
    assert groups.of(subject, metric).status == status


def test_status_from_the_clause_of_the_figure(groups: Groups) -> None:
    quote = ("Of the 90 hostages seized at the border post, 35 were freed in March and 41 "
             "remain in captivity.")
    assert groups.of("hostages", "abducted", quote, (90, None, None)).status is None
    assert groups.of("hostages", "abducted", quote, (35, None, None)).status == "released"
    assert groups.of("hostages", "abducted", quote, (41, None, None)).status == "held"
    before = "The militia released 12 captives on Sunday, mediators said."
    assert groups.of("captives", "abducted", before, (12, None, None)).status == "released"
    assert groups.of("detainees", "detained", "Officials said 1,250 detainees were freed.",
                     (1250, None, None)).status == "released"
    assert groups.of("detainees", "detained", "Officials said 1,250 detainees were moved.",
                     (1250, None, None)).status is None


def test_status_words_far_from_the_figure_or_of_a_toll(groups: Groups) -> None:
    toll = ("The ministry said 80 soldiers were injured in the clashes, the first time "
            "such figures had been released.")
    assert groups.of("soldiers", "injured", toll, (80, None, None)).status is None
    far = ("Police said 60 detainees were taken to the stadium on the edge of the city "
           "before some were released.")
    assert groups.of("detainees", "detained", far, (60, None, None)).status is None


def test_no_subject_the_words_after_the_figure(groups: Groups) -> None:
    quote = "The governor said 14 civilians and 3 soldiers were killed in the raid."
    assert groups.of(None, "killed", quote, (14, None, None)).head == "civilians"
    assert groups.of(None, "killed", quote, (3, None, None)).head == "soldiers"
    assert groups.of("", "killed", "Nine died, officials said.", (9, None, None)).head \
        == GENERIC
    # a subject given wins over the sentence
    assert groups.of("people", "killed", quote, (14, None, None)).head == GENERIC


def test_status_not_guessed_among_several_figures(groups: Groups) -> None:
    # the figure is not in the sentence (a word number), and two others are: no status
    quote = "Five hostages were freed, officials said, while 20 and 30 others wait."
    assert groups.of("hostages", "abducted", quote, (5, None, None)).status is None


def test_query(groups: Groups) -> None:
    assert groups.query("hostages") == Group("hostages")
    assert groups.query("Captives") == Group("hostages")
    assert groups.query("children") == Group(None, "children", None)
    assert groups.query("child hostages") == Group("hostages", "children", None)
    assert groups.query("hostages still held") == Group("hostages", None, "held")
    assert groups.query("released hostages") == Group("hostages", None, "released")
    assert groups.query("hostages held") == Group("hostages", None, "held")
    assert groups.query("detainees") == Group("detainees")
    assert groups.query("zebras") == Group()


def test_words_fold_case_accents_plurals() -> None:
    assert words("The Hostages\u2019 families") == ("hostage", "family")
    assert words("Détenu") == ("detenu",)
    assert words("policemen and women") == ("policeman", "and", "woman")
    assert words("bodies") == ("body",)


def test_labels_and_fields(groups: Groups) -> None:
    g = groups.of("child hostages still held", "abducted")
    assert g.label() == "hostages (children), held"
    assert g.to_dict() == {"group": "hostages", "subset": "children", "group_status": "held"}
    c = Claim(metric="detained", value=80, subject="those arrested",
              quote="Police said 80 of those arrested were released on Friday.")
    assert group_fields(c, groups) == {"group": "detainees", "subset": None,
                                       "group_status": "released"}


def test_user_extension(tmp_path: Path) -> None:
    path = tmp_path / "aliases.yaml"
    path.write_text(
        "actors:\n  North Korea: [Hermit Kingdom]\n"
        "groups:\n"
        "  heads:\n"
        "    hostages: [people in the cellar]\n"
        "    seafarers: {kind: role, phrases: [sailors on the tanker, crewmen]}\n"
        "  statuses:\n"
        "    released: [handed to the mediators]\n", encoding="utf-8")
    g = Groups(path)
    assert g.of("people in the cellar", "killed").head == "hostages"
    assert g.of("crewmen", "killed").head == "seafarers"
    assert g.of("crewmen", "abducted") == Group("hostages", "seafarers", None)
    assert g.of("hostages handed to the mediators", "abducted").status == "released"
    assert "seafarers" in g.names
    # the built-in table is unchanged for everyone else
    assert Groups().of("crewmen", "killed").head == "workers"
    assert groups_for(path) is groups_for(path)


def test_user_extension_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("groups:\n  heads:\n    hostages: {kind: sideways}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="kind 'sideways'") as info:
        Groups(bad)
    assert info.value.code == "TW500"
    unknown = tmp_path / "unknown.yaml"
    unknown.write_text("groups:\n  colours: {}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown group sections"):
        Groups(unknown)
    broken = tmp_path / "broken.yaml"
    broken.write_text("groups: [\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid YAML"):
        Groups(broken)
    with pytest.raises(ConfigError, match="cannot read"):
        Groups(tmp_path / "absent.yaml")
