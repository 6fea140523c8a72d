"""Fights between communities, clans or ethnic groups (coder/document/crowds.py): ACLED codes
them as armed clashes between identity militias, not as mob violence between rioters."""

from __future__ import annotations

from coder import code_texts


def _coded(text: str, country: str) -> tuple[str, str, str]:
    item = {"text": text, "published": "2018-03-12", "country": country}
    record = code_texts([item]).records[0]
    return record.actor1, record.actor2, record.sub_event_type


def test_residents_of_two_communities_fighting_are_communal_militias_in_a_clash() -> None:
    text = "Residents of two communities fought over a borehole near Garissa, Kenya, on Friday."
    assert _coded(text, "KEN") == ("Unidentified Communal Militia (Kenya)",
                                   "Unidentified Communal Militia (Kenya)", "Armed clash")


def test_villagers_of_a_named_group_in_a_tribal_fight_are_its_ethnic_militia() -> None:
    text = ("Turkana villagers and residents from across the border fought a tribal battle "
            "over pasture near Lokichoggio, Kenya, on Tuesday.")
    actor1, actor2, sub = _coded(text, "KEN")
    assert sub == "Armed clash"
    assert {actor1, actor2} == {"Turkana Ethnic Militia (Kenya)",
                                "Unidentified Ethnic Militia (Kenya)"}


def test_crowds_of_two_faiths_in_communal_violence_stay_rioters() -> None:
    text = ("Communal violence flared in a town in Gujarat, India, on Sunday when Hindus and "
            "Muslims clashed after a quarrel at a market.")
    assert _coded(text, "IND") == ("Rioters (India)", "Rioters (India)", "Mob violence")


def test_party_supporters_of_an_ethnic_group_fighting_stay_rioters() -> None:
    text = ("Fighting broke out in Kisumu, Kenya between ethnic Luo supporters of the "
            "opposition leader and Kikuyu youths.")
    assert _coded(text, "KEN") == ("Rioters (Kenya)", "Rioters (Kenya)", "Mob violence")


def test_groups_of_villagers_fighting_with_no_communal_word_stay_rioters() -> None:
    text = "Two groups of villagers fought over a football match near Voi, Kenya, on Sunday."
    assert _coded(text, "KEN") == ("Rioters (Kenya)", "Rioters (Kenya)", "Mob violence")


def test_homes_burnt_in_fighting_between_two_communities_is_a_communal_clash() -> None:
    text = ("Dozens of homes were set ablaze near Molo, Kenya, during two days of fighting "
            "between two communities.")
    assert _coded(text, "KEN") == ("Unidentified Communal Militia (Kenya)",
                                   "Unidentified Communal Militia (Kenya)", "Armed clash")


def test_a_communal_fight_the_report_calls_a_mob_stays_rioters() -> None:
    text = ("Residents of two communities fought over a borehole near Garissa, Kenya, on "
            "Friday; one side came as an armed mob.")
    actor1, _, sub = _coded(text, "KEN")
    assert (actor1, sub) == ("Rioters (Kenya)", "Mob violence")
