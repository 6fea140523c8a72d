"""Evaluating the coder against an ACLED export: the reader (both schemas), the per-field scores
(computed by hand on a small invented export), not-stated fields, misses, and a real run.

The fixtures `acled_current.csv` and `acled_old_schema.csv` are invented rows written for these
tests in ACLED's two export formats; no row comes from a real export.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from locations import TESTS

from coder.dictionaries.taxonomy import EVENT, INTER, SUB
from coder.models import EventRecord
from coder.tools import acled_eval
from coder.tools.acled import (
    AcledReadError,
    actor_name,
    evaluate_acled,
    parse_event_date,
    read_acled,
)
from coder.tools.acled_compare import date_stated, fatalities_stated
from coder.tools.acled_read import interaction_label, old_event_types

FIXTURES = TESTS / "fixtures"
CURRENT = str(FIXTURES / "acled_current.csv")
OLD = str(FIXTURES / "acled_old_schema.csv")


# --------------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------------


def test_current_schema_dates_inter_labels_and_upload_day() -> None:
    export = read_acled(CURRENT)
    assert not export.old_schema
    by_id = {e.event_id: e for e in export.events}
    assert by_id["KEN101"].event_date == dt.date(2021, 3, 3)  # 03-03-21
    assert by_id["KEN102"].event_date == dt.date(2021, 3, 5)  # ISO
    assert by_id["KEN103"].event_date == dt.date(2021, 3, 7)  # 7 March 2021
    assert by_id["KEN101"].inter1 == INTER.protesters  # from the number 6
    assert by_id["KEN102"].inter1 == INTER.political_militia  # a text label is kept
    assert by_id["KEN101"].interaction == f"{INTER.state_forces}-{INTER.protesters}"  # 16
    assert by_id["KEN104"].interaction == f"{INTER.state_forces} only"  # 10
    assert by_id["KEN104"].inter2 == ""
    assert by_id["KEN101"].actor2 == "Police Forces of Kenya"  # regime years gone
    assert by_id["TZA201"].actor1 == "Military Forces of Tanzania"
    assert by_id["KEN101"].sub_event_type == SUB.protest_with_intervention
    assert by_id["KEN101"].uploaded == dt.date(2021, 3, 10)
    assert by_id["KEN105"].uploaded is None  # no timestamp on that row


def test_old_schema_types_map_to_todays_families() -> None:
    export = read_acled(OLD)
    assert export.old_schema
    by_id = {e.event_id: e for e in export.events}
    assert set(by_id["11NEP"].event_types) == {EVENT.protests, EVENT.riots}
    assert by_id["31IND"].event_types == (EVENT.battles,)
    assert by_id["32IND"].event_types == (EVENT.explosions_remote_violence,)
    # case differs from the table, and the plural spelling of the territory battle
    assert by_id["41PAK"].event_types == (EVENT.violence_against_civilians,)
    assert by_id["41PAK"].old_event_type == "Violence against civilians"
    assert by_id["52MMR"].event_types == (EVENT.battles,)
    assert by_id["51MMR"].event_types == (EVENT.strategic_developments,)
    assert all(e.sub_event_type == "" and e.uploaded is None for e in export.events)
    assert by_id["11NEP"].event_date == dt.date(2015, 2, 14)
    assert by_id["11NEP"].assoc_actor_1.startswith("UCPN-M")  # ALLY_ACTOR_1
    assert by_id["41PAK"].assoc_actor_2 == "Lawyers (Pakistan)"
    assert by_id["11NEP"].inter2 == ""  # 0 is no actor
    assert by_id["31IND"].actor1 == "Military Forces of India"


def test_old_type_table_names_sub_event_types_where_the_old_type_had_one() -> None:
    table = old_event_types()
    assert table["headquarters or base established"].sub_event_type == \
        SUB.headquarters_or_base_established
    assert table["battle-no change of territory"].sub_event_type == SUB.armed_clash
    assert table["riots/protests"].sub_event_type == ""


@pytest.mark.parametrize(("text", "year", "day"), [
    ("31-12-19", "", dt.date(2019, 12, 31)),
    ("31-12-97", "1997", dt.date(1997, 12, 31)),
    ("2019-12-31", "", dt.date(2019, 12, 31)),
    ("31 December 2019", "", dt.date(2019, 12, 31)),
    ("01-January-2015", "2015", dt.date(2015, 1, 1)),
    ("someday", "", None),
    ("", "", None),
])
def test_event_dates(text: str, year: str, day: dt.date | None) -> None:
    assert parse_event_date(text, year) == day


def test_regime_years_and_interaction_numbers() -> None:
    assert actor_name("Police Forces of Kenya (2013-)") == "Police Forces of Kenya"
    assert actor_name("Military Forces of Myanmar (2011-2016)") == "Military Forces of Myanmar"
    assert actor_name("CPI (Maoist): Communist Party of India (Maoist)") == \
        "CPI (Maoist): Communist Party of India (Maoist)"
    assert interaction_label("17") == f"{INTER.state_forces}-{INTER.civilians}"
    assert interaction_label("60") == f"{INTER.protesters} only"
    assert interaction_label("99") == ""


def test_a_file_that_is_not_an_export_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("id,text\n1,hello\n", encoding="utf-8")
    with pytest.raises(AcledReadError, match="not an ACLED export"):
        read_acled(str(path))


def test_date_stated_test() -> None:
    day = dt.date(2021, 3, 3)
    assert date_stated("On 3 March 2021, police fired", day)
    assert date_stated("marched on 2021-03-03 to", day)
    assert date_stated("clashes went on between 1 and 4 March 2021 in the valley", day)
    assert not date_stated("riders rioted on Sunday", day)
    assert not date_stated("On March 3rd, traders marched", day)  # no year: not the full date
    assert not date_stated("Gunmen may have shot two herders near a watering point.", day)
    # a full date of another day (a report date, an earlier killing) does not state this one
    assert not date_stated("Figures recorded on 9 March 2021 put the toll at six.", day)
    assert not date_stated("On 3 March 2021, police fired", None)



def test_fatalities_are_scored_where_the_note_reports_a_death_or_the_row_counts_none() -> None:
    # a count the note gives no word of came from the export's other sources
    assert not fatalities_stated("Herders raided a village near the river and took cattle.", 2)
    assert fatalities_stated("Herders raided a village and killed a boy.", 1)
    assert fatalities_stated("A trader was shot near the market.", 1)  # maybe fatal: scored
    assert fatalities_stated("A teacher succumbed to his wounds.", 1)
    # a row that counts no death is always scored: a coder must not invent one
    assert fatalities_stated("Herders raided a village near the river.", 0)
    assert not fatalities_stated("Police killed two robbers.", None)

# --------------------------------------------------------------------------------------------
# Scoring on records written by hand
# --------------------------------------------------------------------------------------------


def _record(**fields: Any) -> EventRecord:
    base: dict[str, Any] = dict(event_id_cnty="XXX1", timestamp=0, doc_ids="x",
                                sentence_ids="x#0", n_documents=1, coder_version="0",
                                ruleset_hash="0123456789abcdef")
    return EventRecord.model_validate(base | fields)


def _hand_records() -> dict[str, list[EventRecord]]:
    """KEN101 right on every field (plus a second record); KEN102 wrong actor1, no country;
    TZA201 actors swapped, date, place and toll wrong; KEN105 the wrong protest sub-type;
    KEN103 and KEN104 give nothing."""
    protest = dict(event_type=EVENT.protests, sub_event_type=SUB.protest_with_intervention)
    return {
        "KEN101": [
            _record(event_type=EVENT.riots, sub_event_type=SUB.violent_demonstration,
                    fatalities=1),
            _record(**protest, actor1="Protesters (Kenya)", assoc_actor_1="Students (Kenya)",
                    inter1=INTER.protesters, actor2="Police Forces of Kenya (2013-)",
                    inter2=INTER.state_forces,
                    interaction=f"{INTER.state_forces}-{INTER.protesters}",
                    event_date="2021-03-03", country="Kenya", admin1="Uasin Gishu",
                    latitude=0.52, longitude=35.27, fatalities=0),
        ],
        "KEN102": [_record(event_type=EVENT.violence_against_civilians, sub_event_type=SUB.attack,
                           actor1="Police Forces of Kenya", actor2="Civilians (Kenya)",
                           fatalities=2)],
        "KEN103": [],
        "TZA201": [_record(event_type=EVENT.battles, sub_event_type=SUB.armed_clash,
                           actor1="Unidentified Armed Group (Tanzania)",
                           actor2="Military Forces of Tanzania (2015-)",
                           event_date="2021-03-11", country="Tanzania", admin1="Lindi",
                           latitude=-10.0, longitude=39.7)],
        "KEN104": [],
        "KEN105": [_record(**protest, actor1="Protesters (Kenya)", event_date="2021-03-15",
                           country="Kenya", admin1="Mombasa", latitude=-4.05,
                           longitude=39.67, fatalities=0)],
    }


def _scores(ev: acled_eval.AcledEvaluation) -> dict[str, tuple[int, int, int]]:
    return {name: (s.compared, s.agreed, s.not_stated) for name, s in ev.fields.items()}


@pytest.fixture
def by_hand(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(acled_eval, "code_notes",
                        lambda export, with_country=False: _hand_records())


@pytest.mark.usefixtures("by_hand")
def test_field_scores_computed_by_hand() -> None:
    ev = evaluate_acled(CURRENT)
    scores = _scores(ev)
    assert scores["detection"] == (6, 4, 0)
    assert scores["event_type"] == (4, 4, 0)
    assert scores["sub_event_type"] == (4, 3, 0)  # KEN105
    assert scores["actor1"] == (4, 2, 0)  # KEN102, TZA201 wrong
    assert scores["actor2"] == (4, 3, 0)  # TZA201 swapped; KEN105: none on both sides
    assert scores["actors_both"] == (4, 3, 0)  # KEN102 wrong; TZA201 right as a set
    assert scores["fatalities"] == (4, 3, 0)  # TZA201: unknown counts as 0, ACLED says 1
    assert ev.fields["event_type"].share == 1.0
    assert ev.extra_records == pytest.approx(1 / 4)
    assert ev.n_records == 5
    assert ev.confusion[SUB.peaceful_protest] == {SUB.protest_with_intervention: 1}
    assert ev.confusion[SUB.arrests] == {acled_eval.NOT_CODED: 1}
    kenya = ev.per_country["Kenya"]
    assert (kenya.notes, kenya.detected, kenya.type_agreed, kenya.actors_both) == (5, 3, 2, 2)


@pytest.mark.usefixtures("by_hand")
def test_fields_the_note_does_not_state_are_counted_apart() -> None:
    scores = _scores(evaluate_acled(CURRENT))
    # KEN102's note names no date and no place; the others do
    assert scores["date"] == (3, 2, 1)  # TZA201 a day late
    assert scores["admin1"] == (3, 2, 1)  # TZA201 wrong region
    assert scores["coordinates"] == (3, 2, 1)  # TZA201 far off; KEN101, KEN105 within 25 km
    assert scores["country"] == (3, 3, 1)


@pytest.mark.usefixtures("by_hand")
def test_with_country_scores_country_on_every_detected_note() -> None:
    ev = evaluate_acled(CURRENT, with_country=True)
    assert _scores(ev)["country"] == (4, 3, 0)  # KEN102's record has no country
    assert ev.with_country


@pytest.mark.usefixtures("by_hand")
def test_misses_carry_ids_and_both_codings_never_note_text() -> None:
    ev = evaluate_acled(CURRENT)
    misses = ev.misses(10)
    assert [m.note_id for m in misses["detection"]] == ["KEN103", "KEN104"]
    assert [(m.note_id, m.acled, m.ours) for m in misses["date"]] == \
        [("TZA201", "2021-03-10", "2021-03-11")]
    assert len(ev.misses(1)["detection"]) == 1
    assert ev.misses(0) == {}
    dumped = json.dumps(ev.to_json(misses=10)) + ev.render(misses=10)
    for event in read_acled(CURRENT).events:
        assert event.notes[:30] not in dumped


@pytest.mark.usefixtures("by_hand")
def test_render_and_json() -> None:
    ev = evaluate_acled(CURRENT)
    text = ev.render()
    assert "detection" in text and "Kenya" in text and "misses" not in text
    lines = text.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("field"))
    assert lines[header + 1].startswith("-----")
    data = ev.to_json()
    assert data["fields"]["detection"] == {"compared": 6, "agreed": 4, "share": 0.6667,
                                           "not_stated": 0}
    assert data["schema"] == "current" and data["misses"] == {}
    json.dumps(data)


# --------------------------------------------------------------------------------------------
# The real coder on the invented exports
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [CURRENT, OLD])
def test_a_real_run_counts_every_note(path: str) -> None:
    ev = evaluate_acled(path)
    n = len(read_acled(path).events)
    assert ev.n_notes == n
    assert ev.fields["detection"].compared == n
    assert sum(sum(c.values()) for c in ev.confusion.values()) == n
    assert ev.fields["detection"].agreed >= 1
    assert ("sub_event_type" in ev.fields) == (path == CURRENT)
    json.dumps(ev.to_json(misses=3))


def test_limit_codes_only_the_first_rows() -> None:
    ev = evaluate_acled(OLD, limit=2)
    assert ev.n_notes == 2
    assert set(ev.per_country) <= {"Nepal", "India"}


def test_the_command_scores_an_export_and_refuses_a_non_export(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from coder.cli import app

    runner = CliRunner()
    result = runner.invoke(app, ["evaluate", "--acled", str(FIXTURES / "acled_current.csv"),
                                 "--json", "--misses", "2"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["fields"]["detection"]["compared"] == 6  # the fixture's rows
    not_export = tmp_path / "records.csv"
    not_export.write_text("id,text\n1,hello\n", encoding="utf-8")
    refused = runner.invoke(app, ["evaluate", "--acled", str(not_export)])
    assert refused.exit_code == 2
    assert runner.invoke(app, ["evaluate"]).exit_code == 2


def test_with_country_codes_each_note_as_about_its_rows_country() -> None:
    export = read_acled(CURRENT)
    without = acled_eval.code_notes(export)
    known = acled_eval.code_notes(export, with_country=True)
    # KEN102's note names no place and no national actor: only the row's country places it
    assert {r.country for r in without["KEN102"]} == {""}
    assert {r.country for r in known["KEN102"]} == {"Kenya"}
    assert all(r.actor1.endswith("(Kenya)") for r in known["KEN102"])
