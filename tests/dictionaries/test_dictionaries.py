"""The dictionary registry: user directories change the coding in a running process, every
file's problems are reported at once, and ids do not repeat within a file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coder.api import check_dictionaries, explain_text
from coder.cli import app
from coder.dictionaries.files import (
    DictionaryError,
    add_user_directory,
    read_jsonl_models,
    remove_user_directories,
)
from coder.dictionaries.registry import loaders
from coder.dictionaries.rules import Trigger

ORGANISATIONS = "id,aliases,name,code,inter,iso3,kind,start,end\n"
PLACES = "id,name,aliases,city,iso3,admin1,admin2,lat,lon,geo_precision,feature\n"


@pytest.fixture()
def user_dir(tmp_path: Path) -> Iterator[Path]:
    for sub in ("events", "actors"):
        (tmp_path / sub).mkdir()
    yield tmp_path
    remove_user_directories()


def _trigger(**fields: object) -> str:
    entry = {"id": "user.hijack", "concept": "abduct", "pos": "verb", "phrases": ["{commandeer}"]}
    return json.dumps(entry | fields) + "\n"


def test_a_user_organisation_added_after_coding_changes_the_actor(user_dir: Path) -> None:
    text = "Fighters of the Zorblat Front attacked a police post in Gao on Monday."
    assert [r.actor1 for r in explain_text(text).records] == ["Unidentified Armed Group (Mali)"]
    (user_dir / "actors" / "organisations.csv").write_text(
        ORGANISATIONS + "zorblat,Zorblat Front,Zorblat Front,MLIREB,2,MLI,group,,\n", "utf-8")
    add_user_directory(user_dir)
    assert [r.actor1 for r in explain_text(text).records] == ["Zorblat Front"]


def test_a_user_word_set_entry_added_after_coding_changes_the_coding(user_dir: Path) -> None:
    # the event and document stages read their word sets through registered loaders, not
    # tables built at import: a pronoun added by the user resolves to the person named before
    text = ("Iraqi Prime Minister Mustafa al-Kadhimi visited Basra on Sunday. "
            "Xe condemned the attack on protesters.")
    assert [r.cameo_code for r in explain_text(text).records] == ["175"]
    (user_dir / "events" / "words.csv").write_text("set,word\nperson_pronoun,xe\n", "utf-8")
    add_user_directory(user_dir)
    records = explain_text(text).records
    assert [(r.actor1, r.cameo_code) for r in records][1] == ("Government of Iraq", "111")


def test_a_user_place_added_after_coding_changes_the_location(user_dir: Path) -> None:
    text = "Soldiers clashed with rebels in Qwertzstadt, Mali, on Monday."
    assert "Qwertzstadt" not in [r.location for r in explain_text(text).records]
    (user_dir / "places_supplement.csv").write_text(
        PLACES + "qwertz,Qwertzstadt,,,MLI,Gao,,16.2,-0.1,1,city\n", "utf-8")
    add_user_directory(user_dir)
    assert [r.location for r in explain_text(text).records] == ["Qwertzstadt"]


def test_adding_a_directory_clears_every_registered_table(user_dir: Path) -> None:
    check_dictionaries()  # every table loaded
    assert all(fn.cache_info().currsize for fn in loaders())
    add_user_directory(user_dir)
    assert not [fn for fn in loaders() if fn.cache_info().currsize]


def test_the_packaged_dictionaries_pass_every_check() -> None:
    check_dictionaries()


def test_problems_of_every_file_are_reported_together(user_dir: Path) -> None:
    (user_dir / "events" / "triggers.jsonl").write_text("{not json\n", "utf-8")
    (user_dir / "actors" / "organisations.csv").write_text(
        ORGANISATIONS + "bad id,X,Xx,MLIREB,9,MLI,group,,\n", "utf-8")
    add_user_directory(user_dir)
    with pytest.raises(DictionaryError) as err:
        check_dictionaries()
    found = {(Path(p.file).name, p.row, p.code) for p in err.value.problems}
    assert ("triggers.jsonl", 1, "invalid-json") in found
    assert ("organisations.csv", 2, "bad-dictionary") in found


def test_the_cli_lists_every_broken_file_and_exits_2(user_dir: Path) -> None:
    (user_dir / "events" / "triggers.jsonl").write_text("{not json\n", "utf-8")
    (user_dir / "actors" / "organisations.csv").write_text(
        ORGANISATIONS + "bad id,X,Xx,MLIREB,9,MLI,group,,\n", "utf-8")
    result = CliRunner().invoke(app, ["--dictionaries", str(user_dir), "explain", "Police fired."])
    assert result.exit_code == 2
    assert "triggers.jsonl:1: invalid JSON" in result.output
    assert "organisations.csv:2: id:" in result.output


def test_an_id_repeated_within_one_file_is_an_error(user_dir: Path) -> None:
    (user_dir / "events" / "triggers.jsonl").write_text(
        _trigger() + _trigger(phrases=["{snatch}"]), "utf-8")
    add_user_directory(user_dir)
    with pytest.raises(DictionaryError) as err:
        read_jsonl_models("events/triggers.jsonl", Trigger)
    (problem,) = err.value.problems
    assert (problem.row, problem.column, problem.code) == (2, "id", "duplicate-id")
    assert str(problem).endswith("triggers.jsonl:2: id: duplicate id 'user.hijack' (first on "
                                 "line 1)")


def test_a_user_file_may_reuse_a_packaged_id(user_dir: Path) -> None:
    packaged = read_jsonl_models("events/triggers.jsonl", Trigger)[0]
    (user_dir / "events" / "triggers.jsonl").write_text(_trigger(id=packaged.id), "utf-8")
    add_user_directory(user_dir)
    ids = [t.id for t in read_jsonl_models("events/triggers.jsonl", Trigger)]
    assert ids.count(packaged.id) == 2
