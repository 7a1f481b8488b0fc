"""End-to-end extraction on hand-written sentences (none taken from evaluation data)."""

from __future__ import annotations

from collections.abc import Callable

from tollwatch.model import Claim

Run = Callable[..., list[Claim]]


def _by_number(claims: list[Claim]) -> dict[tuple[str, int | None, int | None, int | None], Claim]:
    return {(c.metric, c.value, c.low, c.high): c for c in claims}


def test_several_figures_share_one_attribution(claims_of: Run) -> None:
    text = ("About 1,200 casualties, including 150 killed and 1,050 injured, were recorded "
            "among Ruritanian conscripts, a senator said.")
    got = _by_number(claims_of(text))
    assert set(got) >= {("casualties", 1200, None, None), ("killed", 150, None, None),
                        ("injured", 1050, None, None)}
    assert got[("casualties", 1200, None, None)].qualifier == "approx"
    for c in got.values():
        assert any("senator" in n for n in c.origin)


def test_hedges(claims_of: Run) -> None:
    text = ("At least 40 villagers were killed and up to 90 were wounded in the raid. "
            "Nearly 600 residents fled, and some 75 people were detained.")
    got = {(c.metric, c.value): c.qualifier for c in claims_of(text)}
    assert got[("killed", 40)] == "min"
    assert got[("injured", 90)] == "max"
    assert got[("displaced", 600)] == "max"
    assert got[("detained", 75)] == "approx"


def test_ranges(claims_of: Run) -> None:
    claims = claims_of("Between 200 and 300 fighters were captured near the dam, officials said.")
    (c,) = [c for c in claims if c.metric == "captured"]
    assert (c.value, c.low, c.high, c.qualifier) == (None, 200, 300, "range")


def test_killed_or_wounded_is_casualties(claims_of: Run) -> None:
    (c,) = claims_of("Six Malian soldiers were killed or wounded in the ambush.")
    assert (c.metric, c.value, c.actor, c.civilian) == ("casualties", 6, "Mali", False)


def test_number_words_and_actor_from_demonym(claims_of: Run) -> None:
    (c,) = claims_of("Two Ethiopian soldiers were captured at the checkpoint, the ministry said.")
    assert (c.metric, c.value, c.actor, c.civilian) == ("captured", 2, "Ethiopia", False)


def test_chain_citing_gives_origin_and_speaker(claims_of: Run) -> None:
    (c,) = claims_of("Some 500 Syrian refugees crossed the border this week, a senator said, "
                     "citing the UN refugee agency.")
    assert c.metric == "displaced"
    assert any("refugee agency" in n for n in c.origin)
    assert any("senator" in n for n in c.speaker)


def test_briefing_relay_and_later_reference_by_surname(claims_of: Run) -> None:
    text = ("About 90 Chadian troops have been wounded, Amina Diallo said on Monday after a "
            "briefing from the National Security Agency (NSA). Roughly 20 were killed, "
            "Diallo added.")
    claims = claims_of(text, published="2024-06-05")
    got = _by_number(claims)
    injured = got[("injured", 90, None, None)]
    killed = got[("killed", 20, None, None)]
    for c in (injured, killed):
        assert any("National Security Agency" in n for n in c.origin)
        assert any("Amina Diallo" in n for n in c.speaker)
    assert injured.date == "2024-06-03"
    assert killed.date == "2024-06-03"  # same statement, same day


def test_pronoun_refers_to_earlier_person(claims_of: Run) -> None:
    text = ("Governor Ruth Okeke visited the camp on Friday. \u201cWe counted 310 displaced "
            "families and 1,400 displaced people,\u201d she said.")
    claims = claims_of(text)
    c = _by_number(claims)[("displaced", 1400, None, None)]
    assert any("Ruth Okeke" in n for n in c.origin)


def test_according_to_and_possessive_acronym(claims_of: Run) -> None:
    text = ("More than 70 militants were killed in the operation, according to Kenya's "
            "Ministry of Interior (MOI).")
    (c,) = claims_of(text)
    assert (c.metric, c.value, c.qualifier) == ("killed", 70, "min")
    assert any("Ministry of Interior" in n for n in c.origin)
    assert "MOI" in c.origin


def test_own_voice_has_no_source(claims_of: Run) -> None:
    (c,) = claims_of("Fifteen fishermen went missing after the boat was shelled.")
    assert (c.metric, c.value, c.civilian) == ("missing", 15, True)
    assert c.origin == [] and c.speaker == []


def test_relative_date_from_publication(claims_of: Run) -> None:
    (c,) = claims_of("The health ministry said on Sunday that 12 people were killed.",
                     published="2024-02-14")
    assert c.date == "2024-02-11"


def test_date_of_the_event_is_not_the_claim_date(claims_of: Run) -> None:
    (c,) = claims_of("Shelling on Saturday killed 14 people, the ministry said.",
                     published="2024-02-14")
    assert c.date is None


def test_denial(claims_of: Run) -> None:
    (c,) = claims_of("The army denied reports that 300 soldiers had deserted.")
    assert (c.metric, c.value, c.stance) == ("defected", 300, "denied")


def test_quote_and_offsets_are_exact(claims_of: Run) -> None:
    text = "Heavy rain fell. Nine students were abducted from a dormitory, police said."
    (c,) = claims_of(text)
    assert c.quote == "Nine students were abducted from a dormitory, police said."
    assert text[c.start:c.end] == c.quote
    assert 0.0 <= c.confidence <= 1.0


def test_not_claims(claims_of: Run) -> None:
    text = ("The convoy carried 40 trucks and 300 shells. About 60% of the troops were "
            "reservists. The 11th Corps lost ground in 2023. A 19-year-old was among the "
            "crowd. Hundreds of soldiers marched. The fund pays $5,000 to each family.")
    assert claims_of(text) == []


def test_repeat_by_same_source_is_one_claim(claims_of: Run) -> None:
    text = ("The ministry said 45 police officers were killed. Later the ministry said again "
            "that 45 police officers had been killed.")
    claims = claims_of(text)
    assert [(c.metric, c.value) for c in claims] == [("killed", 45)]


def test_same_figure_from_two_sources_is_two_claims(claims_of: Run) -> None:
    text = ("Nine villagers were killed, a local chief said. Nine villagers were killed, the "
            "regional governor said.")
    assert len(claims_of(text)) == 2


def test_others_inherit_the_group(claims_of: Run) -> None:
    text = "Four Iraqi policemen were killed and five others were wounded, officials said."
    got = _by_number(claims_of(text))
    assert got[("injured", 5, None, None)].actor == "Iraq"
    assert got[("injured", 5, None, None)].civilian is False


def test_empty_text_gives_no_claims(claims_of: Run) -> None:
    assert claims_of("") == []
    assert claims_of("   \n ") == []


def test_description_must_agree_with_earlier_source(claims_of: Run) -> None:
    text = ("The Gaza health ministry said 30 people were killed. Police arrested 400 "
            "protesters in the capital, the interior ministry said.")
    got = _by_number(claims_of(text))
    detained = got[("detained", 400, None, None)]
    assert all("health" not in n.lower() for n in detained.origin)
    assert any("interior ministry" in n for n in detained.origin)


def test_demonym_phrase_is_not_a_surname_reference(claims_of: Run) -> None:
    text = ("The Israeli army said it struck 20 sites. Militants hold 80 hostages, Israeli "
            "officials say.")
    got = _by_number(claims_of(text))
    assert got[("abducted", 80, None, None)].origin[0] == "Israeli officials"


def test_sentence_final_attribution_the_parser_misses(claims_of: Run) -> None:
    (c,) = claims_of("Nearly 2 million people have been displaced, the United Nations estimates.")
    assert (c.metric, c.value, c.qualifier) == ("displaced", 2_000_000, "max")
    assert "United Nations" in c.origin


def test_it_refers_to_the_organisation_named_before(claims_of: Run) -> None:
    text = ("A rights group said 90 protesters had been killed. The Valdorian government "
            "has not published its own toll. It claimed only six protesters had died.")
    got = _by_number(claims_of(text))
    six = got[("killed", 6, None, None)]
    assert any("government" in n for n in six.origin)
    assert any("rights group" in n for n in got[("killed", 90, None, None)].origin)


def test_toll_with_two_bare_figures(claims_of: Run) -> None:
    got = _by_number(claims_of("The toll rose to 31 dead and more than 90 injured after the "
                               "bombing, state television reported."))
    assert ("killed", 31, None, None) in got
    assert got[("injured", 90, None, None)].qualifier == "min"


def test_family_words_count_people(claims_of: Run) -> None:
    (c,) = claims_of("\u201cWe buried nine of our cousins,\u201d said Omar Haddad, a farmer.")
    assert (c.metric, c.value) == ("killed", 9)
    assert any("Omar Haddad" in n for n in c.origin)


def test_casualties_among_a_named_group(claims_of: Run) -> None:
    (c,) = claims_of("Casualties among Eritrean troops have passed 2,000, the monitor said.")
    assert (c.metric, c.value, c.qualifier) == ("casualties", 2000, "min")
    assert (c.actor, c.civilian) == ("Eritrea", False)


def test_relay_through_participle_and_put_at(claims_of: Run) -> None:
    text = ("The ministry counted 400 dead. The rebels' command put the figure far higher, "
            "saying that 900 soldiers had been killed.")
    got = _by_number(claims_of(text))
    assert any("command" in n for n in got[("killed", 900, None, None)].origin)


def test_metric_noun_as_subject_of_the_figure(claims_of: Run) -> None:
    (c,) = claims_of("The deployment now stands at 6,000 Chadian troops, the agency said.")
    assert (c.metric, c.value, c.actor) == ("deployed", 6000, "Chad")


def test_data_compiled_by_a_monitor(claims_of: Run) -> None:
    (c,) = claims_of("Data compiled by the Sahel Conflict Observatory show that 640 civilians "
                     "were killed in the first half of the year.")
    assert any("Sahel Conflict Observatory" in n for n in c.origin)


def test_figures_released_by(claims_of: Run) -> None:
    (c,) = claims_of("More than 45 soldiers died in the ambush, according to figures released "
                     "by the defence ministry.")
    assert any("defence ministry" in n for n in c.origin)


def test_nested_reporting_verbs_give_origin_and_relay(claims_of: Run) -> None:
    (c,) = claims_of("Senator Ana Ruiz said the border agency estimated that 700 migrants "
                     "were missing.")
    assert any("border agency" in n for n in c.origin)
    assert any("Ana Ruiz" in n for n in c.speaker)


def test_contrasting_clause_has_its_own_source(claims_of: Run) -> None:
    text = ("The army said 50 soldiers had died, while the rebel command had put army "
            "casualties at 400.")
    got = _by_number(claims_of(text))
    c400 = got[("casualties", 400, None, None)]
    assert any("rebel command" in n for n in c400.origin) and c400.speaker == []
    assert any("army" in n for n in got[("killed", 50, None, None)].origin)


def test_pronoun_subject_of_a_nested_verb_is_the_outer_source(claims_of: Run) -> None:
    text = ("The interior ministry said on Friday. The Pentagon said it had counted about "
            "3,000 foreign fighters in the region.")
    got = _by_number(claims_of(text))
    assert "Pentagon" in got[("deployed", 3000, None, None)].origin


def test_held_captive_rounded_up_and_deploying_country(claims_of: Run) -> None:
    got = _by_number(claims_of(
        "The rebels are still holding 14 engineers captive. Police rounded up 80 suspected "
        "smugglers overnight. Portugal has about 300 troops in the mission."))
    assert ("abducted", 14, None, None) in got
    assert got[("detained", 80, None, None)].subject == "suspected smugglers"
    assert got[("deployed", 300, None, None)].actor == "Portugal"


def test_unlisted_people_nouns_need_a_people_verb(claims_of: Run) -> None:
    got = _by_number(claims_of("Bandits kidnapped 11 surveyors on the highway. The army "
                               "captured 12 launchers and destroyed 40 containers."))
    assert ("abducted", 11, None, None) in got
    assert ("captured", 12, None, None) not in got


def test_side_that_lost_or_suffered(claims_of: Run) -> None:
    got = _by_number(claims_of("The ministry claimed that Armenia had lost 700 troops. "
                               "Analysts estimate that Azerbaijan has suffered about 2,000 "
                               "casualties."))
    assert got[("killed", 700, None, None)].actor == "Armenia"  # no "losses": the dead
    assert got[("casualties", 2000, None, None)].actor == "Azerbaijan"


def test_coordinated_statements_are_not_a_relay(claims_of: Run) -> None:
    (c,) = claims_of("The government does not publish its losses, but the defence minister "
                     "said in March that 4,000 soldiers had been killed.")
    assert any("defence minister" in n for n in c.origin) and c.speaker == []


def test_plus_suffix_is_a_minimum(claims_of: Run) -> None:
    (c,) = claims_of("The raid killed 200-plus fighters, the militia claimed.")
    assert (c.metric, c.value, c.qualifier) == ("killed", 200, "min")


def test_harm_to_people_named_by_status(claims_of: Run) -> None:
    got = _by_number(claims_of("Militants executed 15 hostages, and 40 refugees died at sea. "
                               "A further 300 refugees reached the camp."))
    assert ("killed", 15, None, None) in got
    assert ("killed", 40, None, None) in got
    assert ("displaced", 300, None, None) in got


def test_hypothetical_figures(claims_of: Run) -> None:
    (c,) = claims_of("If the siege continues, up to 50,000 people could be displaced, the "
                     "agency warned.")
    assert (c.metric, c.stance, c.qualifier) == ("displaced", "hypothetical", "max")


def test_headline_acronym_prefix_and_a_bare_total(claims_of: Run) -> None:
    text = ("ICRC: 2,000 detainees registered in northern camps\n"
            "Nine Malian soldiers were killed in the ambush.\n"
            "The national death toll passes 5,000, the ministry says.")
    got = _by_number(claims_of(text))
    assert "ICRC" in got[("detained", 2000, None, None)].origin
    total = got[("killed", 5000, None, None)]
    assert total.qualifier == "min"
    assert total.actor is None  # not the soldiers of the sentence before


def test_the_other_n_continue_the_group(claims_of: Run) -> None:
    text = "Thirty Chadian soldiers were killed near the lake. The other 12 were killed inland."
    got = _by_number(claims_of(text))
    assert got[("killed", 12, None, None)].actor == "Chad"


def test_among_those_killed_and_inverted_final_attribution(claims_of: Run) -> None:
    got = _by_number(claims_of("Three women were among 19 people killed, reported the state "
                               "broadcaster ORTN."))
    assert ("killed", 3, None, None) in got and ("killed", 19, None, None) in got
    assert any("ORTN" in n for n in got[("killed", 19, None, None)].origin)


def test_members_of_a_family_are_not_armed(claims_of: Run) -> None:
    (c,) = claims_of("Seven members of one family were killed in the airstrike.")
    assert (c.metric, c.value, c.civilian) == ("killed", 7, None)


def test_taken_hostage_after_a_death_toll(claims_of: Run) -> None:
    got = _by_number(claims_of("Officials say 300 people were killed in the raid and about "
                               "90 taken hostage."))
    assert got[("abducted", 90, None, None)].qualifier == "approx"


def test_prisoners_of_war_and_fighters_taken_captive(claims_of: Run) -> None:
    got = _by_number(claims_of("Over 200 Ukrainian prisoners of war were returned in the swap. "
                               "The army said it took 40 fighters captive. Gunmen kidnapped "
                               "nine family members of the guards."))
    pows = got[("captured", 200, None, None)]
    assert (pows.actor, pows.civilian) == ("Ukraine", False)
    assert ("captured", 40, None, None) in got
    assert ("abducted", 9, None, None) in got


def test_executions_are_killings(claims_of: Run) -> None:
    got = _by_number(claims_of("The watchdog counted at least 75 executions in the province "
                               "last year, a spokesman said."))
    assert got[("killed", 75, None, None)].qualifier == "min"


def test_driven_from_their_homes_with_the_number_between(claims_of: Run) -> None:
    got = _by_number(claims_of("Days of shelling drove 6,500 villagers from their homes "
                               "near Orlen, and 40 others were arrested, the mayor said."))
    assert ("displaced", 6500, None, None) in got and ("detained", 40, None, None) in got


def test_a_participle_after_coordinated_groups_counts_them_all(claims_of: Run) -> None:
    got = _by_number(claims_of("Hundreds fled the district, with 8 teachers and 14 others "
                               "abducted on the road to Varlo, residents said."))
    assert ("abducted", 8, None, None) in got and ("abducted", 14, None, None) in got
    got = _by_number(claims_of("About 2,000 people have fled, with 6 nurses and 11 others "
                               "forcibly detained at the crossing, an aid group said."))
    assert ("detained", 6, None, None) in got and ("detained", 11, None, None) in got


def test_detained_by_an_armed_group_is_abducted(claims_of: Run) -> None:
    got = _by_number(claims_of("Nine farmers were detained by gunmen near the dam on Sunday."))
    assert ("abducted", 9, None, None) in got
    got = _by_number(claims_of("Nine protesters were detained by police near the dam."))
    assert ("detained", 9, None, None) in got


def test_a_subset_after_including_takes_the_group_metric_and_side(claims_of: Run) -> None:
    got = _by_number(claims_of("Shelling killed at least 19 Moldovan villagers overnight, "
                               "including 7 children, the regional council said."))
    kids = got[("killed", 7, None, None)]
    assert kids.civilian is True and kids.actor == got[("killed", 19, None, None)].actor
    assert kids.origin == got[("killed", 19, None, None)].origin


def test_a_source_name_is_listed_once(claims_of: Run) -> None:
    for c in claims_of("Naval strikes killed at least 14 Somalis overnight, including 5 "
                       "fishermen, Mogadishu's health ministry said."):
        assert len(c.origin) == len({n.lower() for n in c.origin})


def test_people_of_two_sides_counted_together_have_no_single_side(claims_of: Run) -> None:
    got = _by_number(claims_of("Saturday's exchange of 240 Armenians and Azerbaijanis "
                               "included 31 civilians, officials said."))
    both = got[("captured", 240, None, None)]
    assert both.actor is None and both.subject == "Armenians and Azerbaijanis"
    assert got[("captured", 31, None, None)].civilian is True


def test_source_names_keep_balanced_brackets_and_are_listed_once() -> None:
    from tollwatch.extract.attribution import Source

    src = Source(names=["the Relief Agency (NRA)", "(NRA", "NRA)", "the relief agency (NRA)",
                        '"the Relief Agency"'], person=False)
    assert src.names == ["the Relief Agency (NRA)", "NRA", "the Relief Agency"]


def test_subject_after_a_fronted_phrase(claims_of: Run) -> None:
    (c,) = claims_of("In a post on X, Poland's Air Force said Belarus launched 60 drones "
                     "overnight, injuring 4 people in Lublin.")
    assert any("Air Force" in n for n in c.origin), c.origin


def test_date_of_a_report_published_on_a_day(claims_of: Run) -> None:
    (c,) = claims_of("More than 2,400 people have been arrested since May, the monitor said "
                     "in a report released on Wednesday.", published="2025-03-14")
    assert c.date == "2025-03-12"


def test_armed_people_who_attack_are_deployed(claims_of: Run) -> None:
    got = _by_number(claims_of("About 200 armed men stormed the garrison town of Velk before "
                               "dawn, residents said."))
    assert got[("deployed", 200, None, None)].civilian is False
    got = _by_number(claims_of("More than 60 bandits raided the market, a local official said."))
    assert ("deployed", 60, None, None) in got
    got = _by_number(claims_of("Gunmen attacked 40 traders on the road, a local official said."))
    assert not any(m == "deployed" for m, *_ in got)  # the attacked are not deployed


def test_embraced_martyrdom_is_killed(claims_of: Run) -> None:
    got = _by_number(claims_of("Three soldiers embraced martyrdom during the exchange of fire, "
                               "the military's media wing said."))
    assert ("killed", 3, None, None) in got


def test_just_shy_of_is_a_maximum(claims_of: Run) -> None:
    (c,) = claims_of("Just shy of 400 villagers were killed in the raids, officials said.")
    assert (c.value, c.qualifier) == (400, "max")


def test_drowned_staff_members_and_operating_forces(claims_of: Run) -> None:
    got = _by_number(claims_of("At least 23 migrants drowned off the island, the coast guard "
                               "said."))
    assert got[("killed", 23, None, None)].qualifier == "min"
    got = _by_number(claims_of("Militiamen seized 7 hospital staff members in Varlo, the "
                               "health agency said."))
    staff = got[("abducted", 7, None, None)]
    assert staff.civilian is True
    got = _by_number(claims_of("About 400 foreign mercenaries are believed to be operating in "
                               "the eastern districts, a diplomat said."))
    assert ("deployed", 400, None, None) in got


def test_passive_reporting_verb_with_an_agent(claims_of: Run) -> None:
    (c,) = claims_of("The toll of 52 killed was confirmed by the provincial governor.")
    assert any("governor" in n for n in c.origin)
    (c,) = claims_of("The ambush, which killed 14 soldiers, was claimed by the Tarvan Front.")
    assert not any("Tarvan" in n for n in c.origin)  # responsibility, not the figure


def test_a_contrasting_clause_takes_no_metric_from_the_main_one(claims_of: Run) -> None:
    got = _by_number(claims_of("About 90,000 people were displaced, while 400,000 others "
                               "remain in need of food, the agency said."))
    assert ("displaced", 90000, None, None) in got
    assert not any(v == 400000 for _, v, *_ in got)
