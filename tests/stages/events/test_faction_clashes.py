"""A clash between the factions of a party is mob violence, a fight between crowds (ACLED:
battles need organised armed groups); factions named as militias still fight a battle (own
invented sentences)."""

from __future__ import annotations

from coder import code_texts


def _sub_event(text: str) -> str:
    item = {"text": text, "published": "2016-05-10", "country": "KEN"}
    return next(r.sub_event_type for r in code_texts([item]).records if r.event_type)


def test_two_factions_of_a_party_clashing_is_mob_violence() -> None:
    text = "Two factions of the ruling party clashed at a branch meeting in Nakuru on Saturday."
    assert _sub_event(text) == "Mob violence"


def test_militia_factions_clashing_is_an_armed_clash() -> None:
    assert _sub_event("Rival militia factions clashed near Marsabit on Saturday.") == "Armed clash"


def test_factions_named_near_security_clashes_make_no_crowd_fight() -> None:
    # "security clashes" are clashes with the security forces, not a fight between factions
    text = "Leaders of the party factions met in Nakuru to mourn a man killed in security clashes."
    assert _sub_event(text) != "Mob violence"
