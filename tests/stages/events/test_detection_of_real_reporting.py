"""Detection of the wordings event notes use for what ACLED codes (own invented sentences):
protests named with a light verb or a blocked road, disrupted weapons use, recruitment and
movement of forces, peaceful takeovers and livestock raids. Each sentence is coded
only because of one trigger appended to coder/data/events/triggers.jsonl."""

from __future__ import annotations

import pytest

from coder import code_texts
from coder.engines.local import explain_text

DETECTED = [
    # protest.light_verb: a light verb with a protest noun and no article, or a gap
    ("Displaced families stage protest over rations.", "Peaceful protest"),
    ("Nurses began a three-day protest over unpaid allowances.", "Peaceful protest"),
    ("Fishermen embarked on a protest against the new levy.", "Peaceful protest"),
    ("Hundreds of traders thronged the streets of Kumasi demanding lower rents.",
     "Peaceful protest"),
    # protest.plain_verb: a headline present tense after a singular noun
    ("Staff of a sugar mill protest over delayed wages.", "Peaceful protest"),
    # protest.road_block: blocking a road is a demonstration, and a barricade makes it a violent
    # one (ACLED codebook)
    ("Villagers in Chipata blocked the main road with logs over a spate of accidents.",
     "Violent demonstration"),
    # protest.dispersed_with: tear gas fired at a crowd is an intervention in a demonstration
    ("Police fired tear gas at students in Zomba.", "Protest with intervention"),
    # protest.crowd_gathered: protesters named as the crowd that gathered
    ("Protesters gathered at the district office over unpaid land compensation.",
     "Peaceful protest"),
    # riot.disrupted_event: a crowd disrupting a meeting or vote is a violent demonstration
    ("Angry youths disrupted a campaign rally of the ruling party.", "Violent demonstration"),
    # riot.stoned: stoning vehicles, police or journalists
    ("Residents stoned police vehicles after a boy was run over.", "Violent demonstration"),
    # clash.ethnic
    ("Ethnic violence left three people dead near Jos.", "Armed clash"),
    # protest.manner_verb: a manner adverb or "after" makes "protest" a verb
    ("Pupils of a mission school angrily protest the transfer of their head teacher.",
     "Peaceful protest"),
    # riot.plain_verb: the headline present tense of "riot"
    ("Inmates of an overcrowded prison riot over food rations.", "Violent demonstration"),
    # protest.teargassed: "teargas" used as a verb on a crowd (cues.csv: an intervention)
    ("Police teargassed opposition supporters outside the electoral office.",
     "Protest with intervention"),
    # disrupted.found_explosive: an explosive found or defused before it went off
    ("Army engineers defused a bomb found under a bus in Garoua.", "Disrupted weapons use"),
    ("Soldiers discovered two explosive devices near a bridge in Mopti.",
     "Disrupted weapons use"),
    # attack.petrol_bomb
    # attack.stole_livestock: an armed raid for cattle
    ("Armed raiders stole 200 cattle from herders near Kotido.", "Attack"),
    # group_change.recruit / security_up / sighted: Change to group/activity
    ("The militia is recruiting youths in the camps around Beni.", "Change to group/activity"),
    ("The government deployed army helicopters to the border district of Moyale.",
     "Change to group/activity"),
    ("Dozens of armed militants were spotted moving through the forest near Palma.",
     "Change to group/activity"),
    # peaceful_takeover.took_over: a takeover with no fighting named
    ("Insurgents took over the village of Kalamba without resistance.",
     "Non-violent transfer of territory"),
]

NOT_DETECTED = [
    "Police blocked the road to the stadium ahead of the match.",
    "A landslide blocked the main road to the town.",
    "She took over the leadership of the cooperative last year.",
    "Heavy rains disrupted the campaign rally in the north.",
]


@pytest.mark.parametrize(("text", "sub_event"), DETECTED, ids=[t[0][:40] for t in DETECTED])
def test_reporting_wording_is_detected(text: str, sub_event: str) -> None:
    records = explain_text(text).records
    assert any(r.sub_event_type == sub_event for r in records), [
        (r.event_type, r.sub_event_type, r.rule_ids) for r in records]


@pytest.mark.parametrize("text", NOT_DETECTED)
def test_no_event_is_detected(text: str) -> None:
    records = explain_text(text).records
    assert not [r for r in records if r.event_type], [
        (r.event_type, r.sub_event_type, r.rule_ids) for r in records]



def test_a_number_written_with_a_thousands_comma_does_not_break_a_phrase() -> None:
    # "stole * cattle": the comma inside "2,000" is part of the number, not punctuation
    records = code_texts([{"text": "Armed bandits stole 2,000 cattle from herders near Kotido.",
                           "published": "2021-03-06"}]).records
    assert [r.sub_event_type for r in records] == ["Attack"]
