"""ACLED's sides of arrests and of violent events (coder/document/perpetrators.py,
defaults.py, coder/stages/events/candidates.py), in invented reports."""

from __future__ import annotations

from coder import code_texts


def _sides(text: str, country: str) -> tuple[str, str, str]:
    item = {"text": text, "published": "2016-05-10", "country": country}
    record = next(r for r in code_texts([item]).records if r.event_type)
    return record.actor1, record.actor2, record.sub_event_type


def test_an_arrests_label_with_no_force_gives_the_police_as_first_actor() -> None:
    text = "Arrests: A former county treasurer was arrested in Eldoret over missing funds."
    actor1, _, sub = _sides(text, "KEN")
    assert (actor1, sub) == ("Police Forces of Kenya", "Arrests")


def test_the_one_side_an_arrests_label_names_is_the_one_arrested() -> None:
    text = "Arrests: On 3 May, two Al Shabaab recruiters were arrested in Garissa."
    actor1, actor2, sub = _sides(text, "KEN")
    assert (actor1, actor2, sub) == ("Police Forces of Kenya", "Al Shabaab", "Arrests")


def test_the_authorities_arrest_through_the_police() -> None:
    text = "The authorities arrested a trader in Kisumu, Kenya, for hoarding maize."
    actor1, _, sub = _sides(text, "KEN")
    assert (actor1, sub) == ("Police Forces of Kenya", "Arrests")


def test_a_named_force_that_arrested_keeps_its_place() -> None:
    text = "Soldiers arrested four fishermen near Lamu, Kenya, on Monday."
    actor1, _, sub = _sides(text, "KEN")
    assert (actor1, sub) == ("Military Forces of Kenya", "Arrests")


def test_an_attack_whose_dead_a_later_sentence_names_as_police_is_a_clash() -> None:
    text = "Al Shabaab fighters attacked Fino, Kenya, on Monday. Four police were killed."
    actor1, actor2, sub = _sides(text, "KEN")
    assert (actor1, actor2, sub) == ("Al Shabaab", "Police Forces of Kenya", "Armed clash")


def test_an_attack_whose_only_wounded_are_soldiers_is_a_clash_with_the_army() -> None:
    text = "Gunmen attacked a village near Mandera, Kenya, on Monday. Two soldiers were wounded."
    _, actor2, sub = _sides(text, "KEN")
    assert (actor2, sub) == ("Military Forces of Kenya", "Armed clash")


def test_an_attack_that_killed_a_teacher_stays_an_attack_on_civilians() -> None:
    text = ("Gunmen attacked a village near Mandera, Kenya, on Monday, killing a teacher. "
            "Police are investigating.")
    _, actor2, sub = _sides(text, "KEN")
    assert (actor2, sub) == ("Civilians (Kenya)", "Attack")
