"""ACLED's default sides of an event (coder/document/defaults.py), in invented reports."""

from __future__ import annotations

from coder import code_texts


def _sides(text: str, country: str) -> tuple[str, str, str, str]:
    item = {"text": text, "published": "2016-05-10", "country": country}
    record = code_texts([item]).records[0]
    return record.actor1, record.assoc_actor_1, record.actor2, record.sub_event_type


def test_marching_civilians_are_protesters_with_their_identity_as_associate() -> None:
    text = "Teachers marched through Nakuru, Kenya, to demand higher pay."
    actor1, assoc1, actor2, _ = _sides(text, "KEN")
    assert (actor1, assoc1, actor2) == ("Protesters (Kenya)", "Teachers (Kenya)", "")


def test_suspects_a_mob_lynched_are_civilians() -> None:
    actor1, _, actor2, sub = _sides("A mob lynched two suspected robbers in Nakuru, Kenya.", "KEN")
    assert sub == "Mob violence"
    assert (actor1, actor2) == ("Rioters (Kenya)", "Civilians (Kenya)")
