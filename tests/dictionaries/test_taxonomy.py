"""The taxonomy module: ACLED's and CAMEO's names come from the data, by name, checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from locations import ROOT

from coder.dictionaries import files
from coder.dictionaries.files import DictionaryError
from coder.dictionaries.taxonomy import (
    DISORDER,
    EVENT,
    INTER,
    INTER_CODE,
    INTER_GROUP,
    KIND,
    SUB,
    TaxonomyError,
    check_names,
    kind_problem,
    taxonomy,
)

PACKAGE = ROOT / "coder"


def test_names_resolve_to_the_codebook_spelling() -> None:
    assert EVENT.explosions_remote_violence == "Explosions/Remote violence"
    assert SUB.remote_explosive_landmine_ied == "Remote explosive/landmine/IED"
    assert DISORDER.political_violence_demonstrations == "Political violence; Demonstrations"
    assert INTER.external_other_forces == "External/Other forces"
    assert len(SUB.all()) == 25 and len(EVENT.all()) == 6


def test_a_misspelt_name_raises_instead_of_coding_wrong() -> None:
    with pytest.raises(TaxonomyError, match="armed_clsh"):
        _ = SUB.armed_clsh
    with pytest.raises(TaxonomyError, match="no event kind"):
        _ = KIND.peacefull_protest


def test_kinds_are_fresh_event_types() -> None:
    first = KIND.mob_violence
    first.cameo_code = "999"
    assert KIND.mob_violence.cameo_code == "145"
    assert (first.event_type, first.sub_event_type) == (EVENT.riots, SUB.mob_violence)


def test_every_name_the_package_uses_is_in_the_data() -> None:
    problems = [f"{p}: {message}" for p in PACKAGE.rglob("*.py") if p.name != "taxonomy.py"
                for message in check_names(p.read_text(encoding="utf-8"))]
    assert problems == []
    assert check_names("x = SUB.armed_clsh") == [
        "no sub event type named 'armed_clsh' in the taxonomy data"
    ]


def test_taxonomy_checks_pairs_and_codes() -> None:
    assert kind_problem(EVENT.battles, SUB.armed_clash, "190") == ""
    assert "sub-event type of 'Battles'" in kind_problem(EVENT.riots, SUB.armed_clash, "")
    assert "unknown CAMEO code" in kind_problem(EVENT.battles, SUB.armed_clash, "999")
    assert "unknown ACLED event type" in kind_problem("Battle", "", "")
    assert taxonomy().disorder_of[SUB.mob_violence] == DISORDER.political_violence


def test_a_kind_outside_the_taxonomy_is_a_load_error(tmp_path: Path) -> None:
    (tmp_path / "events").mkdir()
    (tmp_path / "events" / "kinds.csv").write_text(
        "name,event_type,sub_event_type,cameo_code\nodd,Riots,Armed clash,190\n",
        encoding="utf-8")
    files.add_user_directory(tmp_path)
    try:
        with pytest.raises(DictionaryError) as err:
            taxonomy()
        (problem,) = err.value.problems
        assert problem.row == 2 and "sub-event type of 'Battles'" in problem.message
    finally:
        files.remove_user_directories()


def test_inter_codes_and_their_groups_are_named_from_the_codebook_file() -> None:
    labels = taxonomy().inter_labels
    assert labels[INTER_CODE.state_forces] == "State forces"
    assert labels[INTER_CODE.civilians] == "Civilians"
    assert labels[INTER_CODE.external_other_forces] == "External/Other forces"
    assert {labels[c] for c in INTER_GROUP.crowd} == {"Rioters", "Protesters"}
    assert {labels[c] for c in INTER_GROUP.armed} == {
        "State forces", "Rebel group", "Political militia", "Identity militia",
        "External/Other forces"}
    assert INTER_GROUP.non_state_armed < INTER_GROUP.armed
    with pytest.raises(TaxonomyError, match="no inter code named 'militia'"):
        INTER_CODE.militia  # noqa: B018
    with pytest.raises(AttributeError):
        INTER_GROUP.everyone  # noqa: B018
