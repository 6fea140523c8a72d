"""An event note that opens with "Property destruction:", "Looting:" or "Non-violent
activity:" reports that strategic development, whatever violent verb its sentence tells it
with: ACLED's coder named the event's type in the label (own invented sentences)."""

from __future__ import annotations

import pytest

from coder import code_texts


def _records(text: str) -> list[tuple[str, str]]:
    item = {"text": text, "published": "2016-05-10", "country": "KEN"}
    return [(r.sub_event_type, r.actor1) for r in code_texts([item]).records if r.event_type]


@pytest.mark.parametrize("text", [
    "Property destruction: Raiders attacked a farm near Kitale and burned its granary.",
    "Property destruction: A crowd torched a kiosk in Kisii on Monday night.",
    "Destruction of property: Unknown men stoned a bus at the Kisii stage.",
    "Looting: Cattle rustlers attacked a village near Baringo and drove off goats.",
])
def test_the_label_names_the_type_of_the_violent_act(text: str) -> None:
    assert [sub for sub, _ in _records(text)] == ["Looting/property destruction"]


def test_the_doer_a_destruction_note_names_stays_its_actor() -> None:
    text = "Property destruction: a telecom mast near Wajir was destroyed by Al Shabaab militants."
    assert _records(text) == [("Looting/property destruction", "Al Shabaab")]


def test_the_words_without_a_label_keep_the_violent_type() -> None:
    text = "Raiders attacked a farm near Kitale, Kenya, and burned its granary."
    assert "Looting/property destruction" not in [sub for sub, _ in _records(text)]


def test_a_non_violent_activity_label_names_a_raid_that_hurt_no_one() -> None:
    text = "Non-violent activity: Raiders attacked a water point near North Horr. No one was hurt."
    assert [sub for sub, _ in _records(text)] == ["Other"]


def test_a_movement_of_forces_label_names_the_raid_of_its_note() -> None:
    text = "Movement of forces: Militants raided a quarry near Elwak and left for the border."
    assert [sub for sub, _ in _records(text)] == ["Change to group/activity"]
