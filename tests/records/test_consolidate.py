"""One event, many reports (CONTRACT §4): short reports in our own words, coded together."""

from __future__ import annotations

import datetime as dt

from coder.engines.local import code_documents
from coder.models import Document


def _doc(doc_id: str, text: str, published: str | None = None, source: str = "") -> Document:
    day = dt.date.fromisoformat(published) if published else None
    return Document(id=doc_id, text=text, published=day, source=source,
                    published_source="metadata" if day else "none")


BOMBING = [
    _doc("a", "A car bomb exploded near a checkpoint in Mogadishu on Sunday, killing at least "
              "nine people, police said.", "2023-03-06", "Outlet A"),
    _doc("b", "At least 11 people were killed when a car bomb struck a checkpoint in Mogadishu "
              "on Sunday.", "2023-03-06", "Outlet B"),
    _doc("c", "A car bomb attack on a checkpoint in Mogadishu on Sunday killed nine people and "
              "wounded 14."),
]


def _violent(records):  # type: ignore[no-untyped-def]
    return [r for r in records if r.event_type]


def test_three_reports_become_one_record() -> None:
    records = _violent(code_documents(BOMBING).records)
    assert len(records) == 1, [(r.doc_ids, r.event_date) for r in records]
    r = records[0]
    assert r.doc_ids == "a; b; c" and r.n_documents == 3
    assert r.source == "Outlet A; Outlet B" and r.n_sources == 2
    assert r.event_date == "2023-03-05" and r.time_precision == 1
    assert r.sub_event_type == "Remote explosive/landmine/IED"
    assert r.country == "Somalia" and r.location == "Mogadishu"


def test_fatalities_follow_the_conservative_rule() -> None:
    r = _violent(code_documents(BOMBING).records)[0]
    assert (r.fatalities, r.fatalities_low, r.fatalities_high) == (9, 9, 11)
    assert r.injuries == 14
    assert "fatalities disputed: 9-11" in r.tags


def test_without_merge_each_report_is_its_own_record() -> None:
    records = _violent(code_documents(BOMBING, merge=False).records)
    assert sorted(r.doc_ids for r in records) == ["a", "b", "c"]
    undated = next(r for r in records if r.doc_ids == "c")
    assert undated.event_date is None and undated.tags.startswith("date unknown")


def test_different_places_stay_apart() -> None:
    docs = [
        _doc("k", "A roadside bomb killed three soldiers in Kismayo on Sunday.", "2023-03-06"),
        _doc("m", "A roadside bomb killed two soldiers in Baidoa on Sunday.", "2023-03-06"),
    ]
    records = _violent(code_documents(docs).records)
    assert sorted(r.location for r in records) == ["Baidoa", "Kismayo"]


def test_a_late_page_date_is_reanchored_by_a_timely_report() -> None:
    # the second page carries a date three weeks after the event: its "Saturday" first reads
    # as the wrong Saturday, until the timely report dates the same attack
    docs = [
        _doc("early", "Gunmen stormed a hotel in Mogadishu on Saturday, killing eight people.",
             "2023-03-05"),
        _doc("late", "Gunmen stormed a hotel in Mogadishu on Saturday, killing eight people. "
                     "On Thursday, police arrested two suspects in Mogadishu.", "2023-03-25"),
    ]
    records = code_documents(docs).records
    attack = [r for r in records if r.event_type == "Violence against civilians"]
    assert len(attack) == 1 and attack[0].n_documents == 2
    assert attack[0].event_date == "2023-03-04"
    arrest = [r for r in records if r.sub_event_type == "Arrests"]
    assert arrest and arrest[0].event_date == "2023-03-02"


def test_event_ids_are_stable_across_runs_and_input_order() -> None:
    first = [r.event_id_cnty for r in code_documents(BOMBING).records]
    again = [r.event_id_cnty for r in code_documents(list(reversed(BOMBING))).records]
    assert sorted(first) == sorted(again)
    assert all(i.startswith("SOM") for i in first)


def test_filed_clusters_give_the_same_records_as_a_full_scan(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A large batch looks clusters up by country and date instead of scanning every cluster;
    the records must be the ones a full scan gives, across countries, months and undated
    reports."""
    from coder.records import filing

    towns = [("Mogadishu", "Somalia"), ("Kismayo", "Somalia"), ("Goma", "DR Congo"),
             ("Maiduguri", "Nigeria"), ("Kabul", "Afghanistan")]
    docs = []
    for i in range(60):
        town, _ = towns[i % len(towns)]
        month = 1 + i % 4
        published = None if i % 9 == 0 else f"2023-{month:02d}-{10 + i % 7:02d}"
        docs.append(_doc(f"d{i:02d}", f"A roadside bomb killed {2 + i % 5} soldiers in {town} on "
                                      "Sunday, officials said.", published, f"Outlet {i % 3}"))
        docs.append(_doc(f"p{i:02d}", f"Hundreds of teachers protested over unpaid wages in {town} "
                                      "on Monday.", published))
        # reports that name no place (and no country) join only through a named actor
        docs.append(_doc(f"n{i:02d}", "Gunmen killed three villagers on Sunday.", published))
        docs.append(_doc(f"s{i:02d}", "Islamic State militants attacked a village on Sunday."
                         if i % 2 else f"Islamic State militants attacked a village in {town} on "
                                       "Sunday.", published))
    monkeypatch.setattr(filing, "SCAN_ALL", 10**9)
    scanned = [(r.doc_ids, r.event_date, r.location) for r in code_documents(docs).records]
    monkeypatch.setattr(filing, "SCAN_ALL", 0)
    filed = [(r.doc_ids, r.event_date, r.location) for r in code_documents(docs).records]
    assert filed == scanned
    assert len({r[0] for r in filed}) > 10  # the batch really forms many clusters
