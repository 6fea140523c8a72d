"""A record's country: where the event happened. With no place, the country the document is
about, never a named group's home country (ACLED codes events where they happen)."""

from __future__ import annotations

import coder


def test_a_placeless_event_in_a_known_country_is_coded_there_not_in_the_groups_home() -> None:
    result = coder.code_texts(
        ["Suspected Al Shabaab fighters ambushed a police patrol on Friday, killing three "
         "officers."], country="Kenya")
    assert [(r.actor1, r.country) for r in result.records] == [("Al Shabaab", "Kenya")]


def test_a_placeless_event_with_no_known_country_takes_its_actors_country() -> None:
    result = coder.code_texts(["Suspected Al Shabaab fighters ambushed a convoy on Friday, "
                               "killing three soldiers."])
    assert {r.country for r in result.records} == {"Somalia"}
