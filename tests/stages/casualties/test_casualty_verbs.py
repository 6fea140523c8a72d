"""Present-tense and split killing verbs, headline objects with no article, and death
sentences (which are no deaths): each case fails without its trigger or rule."""

from __future__ import annotations

import pytest

from coder.stages.casualties import find_casualties


def _killed(text: str) -> list[int]:
    return [m.value for m in find_casualties(text) if m.kind == "killed"]


@pytest.mark.parametrize(("text", "expect"), [
    ("Bandits kill three herders near Oruma.", [3]),
    ("A crowd lynches a suspected burglar in Tovani.", [1]),
    ("Troops shoot dead 6 smugglers at the border.", [6]),
    ("Villagers stone two alleged thieves to death.", [2]),
    ("A mob beat to death a suspected pickpocket on Monday.", [1]),
    ("Four traders die in clashes at the market.", [4]),
    ("Gunmen gun down a teacher outside Velka.", [1]),
])
def test_present_and_split_verbs(text: str, expect: list[int]) -> None:
    assert _killed(text) == expect


@pytest.mark.parametrize(("text", "expect"), [
    ("Mob kills woman accused of witchcraft", [1]),
    ("Raiders kill Dorlan villagers and steal goats", [3]),
    ("Rebels kill police reservist at checkpoint", [1]),
    ("Vigilantes lynch suspected thieves", [3]),
])
def test_headline_object_without_article(text: str, expect: list[int]) -> None:
    assert _killed(text) == expect


@pytest.mark.parametrize("text", [
    "A court in Marrow sentenced two men to death for the robbery.",
    "The activist was condemned to death in absentia.",
    "Rebels launched a killing spree in the hills.",
])
def test_no_death(text: str) -> None:
    assert _killed(text) == []


@pytest.mark.parametrize(("text", "expect"), [
    ("Gunmen hacked to death a ward elder and his clerk in Sarbo.", [2]),
    ("A farmer and his eight-year-old daughter were killed by raiders.", [2]),
    ("A teacher and a nurse were shot dead near the clinic.", [2]),
    ("Rebels killed a trader and kidnapped his wife.", [1]),
])
def test_two_singular_victims_joined_by_and(text: str, expect: list[int]) -> None:
    assert _killed(text) == expect


@pytest.mark.parametrize(("text", "expect"), [
    ("A clerk at the district office, was shot dead on Friday.", [1]),
    ("A village headman from the eastern valley has been shot dead.", [1]),
    ("A suspected burglar was beaten and killed by residents.", [1]),
    ("Clashes over grazing land left one death, police said.", [1]),
    ("No death was reported after the blast.", [0]),
    ("Her body was found in a ditch outside Kolo.", [1]),
    ("Nine insurgents reportedly KIA near the pass.", [9]),
    ("7 cattle rustlers shot dead by rangers.", [7]),
])
def test_singular_subjects_bodies_and_lone_deaths(text: str, expect: list[int]) -> None:
    assert _killed(text) == expect


@pytest.mark.parametrize("text", [
    "The governing body was found guilty of fraud.",
    "He received death threats from 3 men.",
    "Thirty goats were killed by the raiders.",
])
def test_no_death_either(text: str) -> None:
    assert _killed(text) == []


@pytest.mark.parametrize(("text", "expect"), [
    ("The trader was tortured to death later.", [1]),
    ("A crowd beat a widow to death who they accused of sorcery.", [1]),
    ("Three guards were shot, hacked and beheaded by raiders.", [3]),
    ("Soldiers shot one smuggler, who died later in hospital.", [1]),
    ("Two fishermen (of a crew of six) were killed by pirates.", [2]),
    ("Councillor killed at his home in Velo", [1]),
])
def test_shared_auxiliaries_brackets_and_relatives(text: str, expect: list[int]) -> None:
    assert _killed(text) == expect


@pytest.mark.parametrize(("text", "expect"), [
    ("A fire was set to the hut, killing its three occupants.", [3]),
    ("Six guards escorting a convoy have been killed in an ambush.", [6]),
    ("A girl, an old woman, and a watchman were killed by the raiders.", [3]),
    ("A crowd lynched and burned two suspected thieves in Rusi.", [2]),
    ("A form three student was killed by a stray bullet.", [1]),
    ("Rebels said 20/11 was the day 5 soldiers were killed.", [5]),
])
def test_figures_in_lists_and_second_verbs(text: str, expect: list[int]) -> None:
    assert _killed(text) == expect


@pytest.mark.parametrize("text", [
    "Hundreds attended the funeral of a murdered trader in Velo.",
    "A man was beaten by a crowd for allegedly killing his uncle.",
    "Residents chased a man they believe killed a herder.",
])
def test_adjectives_and_past_deeds_are_no_deaths(text: str) -> None:
    assert _killed(text) == []


@pytest.mark.parametrize(("text", "expect"), [
    ("A mob lynches and torches a suspected robber in Rusi.", [1]),
    ("Police detective shot dead while on patrol", [1]),
    ("Bandits killed and looted in Velo on Monday.", []),
])
def test_second_verbs_and_active_subjects(text: str, expect: list[int]) -> None:
    assert _killed(text) == expect


@pytest.mark.parametrize(("text", "expect"), [
    ("Raiders stormed a farm, killing and robbing him.", [1]),
    ("Twelve people (among them four guards, two drivers and a cook at the camp) were killed.",
     [12]),
    ("Soldiers killed while answering a distress call", [3]),
])
def test_pronoun_objects_long_brackets_and_headline_plurals(text: str, expect: list[int]) -> None:
    assert _killed(text) == expect


@pytest.mark.parametrize(("text", "expect"), [
    ("The mayor was shot dead along with two guards and a driver in Velo.", [4]),
    ("The commander was killed together with five fighters.", [6]),
    ("The trader was killed with a machete.", [1]),
])
def test_companions_add_up(text: str, expect: list[int]) -> None:
    assert _killed(text) == expect


@pytest.mark.parametrize(("text", "expect"), [
    ("A taxi driver, who was burnt when youths set fire to his car on Monday night, died in "
     "hospital on Wednesday.", [1]),
    ("Two herders, who were wounded when raiders fired on their camp, died later.", [2]),
])
def test_a_relative_clause_between_the_victims_and_died(text: str, expect: list[int]) -> None:
    """The victims named before a relative clause between commas are the ones who died."""
    assert [m.value for m in find_casualties(text) if m.kind == "killed"] == expect


@pytest.mark.parametrize(("text", "expect"), [
    # a long subject: the figure opens a noun phrase of ten words before the verb
    ("Two members of the banned Eastern Valley People's Liberation Front were killed in a raid.",
     [2]),
    # an editor's aside in square brackets between the figure and its noun
    ("Four FNL [National Liberation Forces] fighters were killed near the lake.", [4]),
])
def test_the_figure_opening_a_long_subject_counts(text: str, expect: list[int]) -> None:
    assert _killed(text) == expect


@pytest.mark.parametrize("text", [
    "Turnout was low in the elections to local governing bodies in the province.",
    "Rival candidates clashed before the vote for local bodies in the district.",
])
def test_an_institution_named_bodies_is_no_death(text: str) -> None:
    assert _killed(text) == []


@pytest.mark.parametrize(("text", "expect"), [
    ("Three people including a police officer died in clashes near Loima.", [3]),
    ("Six herders including two boys were killed by raiders.", [6]),
])
def test_people_including_some_counts_them_all(text: str, expect: list[int]) -> None:
    """ "N people including M X": N died, M of them X; with no commas around the aside too."""
    assert _killed(text) == expect


@pytest.mark.parametrize("text", [
    "The cause of their deaths is unknown.",
    "Police are investigating their deaths.",
])
def test_a_possessive_toll_noun_refers_back(text: str) -> None:
    """ "their deaths", "their bodies": the victims were counted where they were named, so the
    possessive gives no figure of its own (it used to give one)."""
    assert _killed(text) == []


@pytest.mark.parametrize(("text", "expect"), [
    ("Eight rangers from a forest station died when their truck struck a mine.", [8]),
    ("Two porters on a night shift were shot dead by robbers.", [2]),
    ("The cook of a mission near a river died of his wounds.", [1]),
    ("A man from a nearby village was killed.", [1]),
])
def test_an_article_after_a_preposition_is_a_place_not_a_count(text: str, expect: list[int]
                                                                ) -> None:
    assert _killed(text) == expect


@pytest.mark.parametrize(("text", "expect"), [
    ("Twelve seized and one killed by the rebels near Osto.", [1]),
    ("Six herders missing and two killed after the raid.", [2]),
    ("Two guards and a driver were killed.", [3]),
])
def test_a_figure_with_another_fate_is_not_added(text: str, expect: list[int]) -> None:
    assert _killed(text) == expect


@pytest.mark.parametrize(("text", "expect"), [
    ("Five miners died, including three crushed to death.", [5]),
    ("Six villagers were killed, including two who were burnt alive.", [6]),
    ("Four guards were wounded, including one who later died.", [1]),
])
def test_an_aside_naming_part_of_a_toll_adds_nothing(text: str, expect: list[int]) -> None:
    assert _killed(text) == expect


@pytest.mark.parametrize(("text", "expect"), [
    ("On May 3 soldiers shot dead four bandits near Garissa.", [4]),
    ("Four bandits were shot dead on 3 May near Garissa.", [4]),
    ("In May 2014 gunmen killed six traders.", [6]),
])
def test_the_month_may_is_no_modal(text: str, expect: list[int]) -> None:
    assert _killed(text) == expect


def test_the_modal_may_still_makes_a_toll_hypothetical() -> None:
    assert _killed("Officials fear the raid may have killed dozens.") == []
