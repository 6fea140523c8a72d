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


def test_police_dispersing_a_protest_in_a_later_sentence_is_its_second_side() -> None:
    text = ("Market vendors marched through Voi, Kenya, on Tuesday against a new levy. "
            "Police fired tear gas to scatter them.")
    actor1, _, actor2, sub = _sides(text, "KEN")
    assert (actor1, actor2, sub) == (
        "Protesters (Kenya)", "Police Forces of Kenya", "Protest with intervention")


def test_police_using_live_rounds_in_a_later_sentence_is_excessive_force() -> None:
    text = ("Hundreds of parents demonstrated outside a school in Voi, Kenya, on Tuesday. "
            "Police used live ammunition to scatter them.")
    actor1, _, actor2, sub = _sides(text, "KEN")
    assert (actor1, actor2, sub) == (
        "Police Forces of Kenya", "Protesters (Kenya)", "Excessive force against protesters")


def test_rioters_the_police_dispersed_later_face_the_police() -> None:
    text = ("Youths rioted at Voi, Kenya, on Tuesday, stoning passing lorries. "
            "Officers later dispersed them.")
    actor1, _, actor2, sub = _sides(text, "KEN")
    assert (actor1, actor2, sub) == ("Rioters (Kenya)", "Police Forces of Kenya",
                                     "Violent demonstration")


def test_police_who_only_comment_on_a_protest_are_no_side() -> None:
    text = ("Market vendors marched through Voi, Kenya, on Tuesday against a new levy. "
            "Police said the march was peaceful.")
    _, _, actor2, sub = _sides(text, "KEN")
    assert (actor2, sub) == ("", "Peaceful protest")


def test_herders_of_a_named_group_killed_in_an_attack_are_its_civilians() -> None:
    item = {"text": "Armed Samburu raiders shot dead four Borana herders near Isiolo, Kenya.",
            "published": "2018-07-02", "country": "KEN"}
    record = code_texts([item]).records[0]
    assert (record.sub_event_type, record.actor2, record.assoc_actor_2) == (
        "Attack", "Civilians (Kenya)", "Borana Ethnic Group (Kenya)")


def test_unarmed_groups_fighting_each_other_are_rival_rioters() -> None:
    text = "Two groups of villagers clashed over a water point near Voi, Kenya, on Sunday."
    actor1, _, actor2, sub = _sides(text, "KEN")
    assert (actor1, actor2, sub) == ("Rioters (Kenya)", "Rioters (Kenya)", "Mob violence")


def test_villagers_fighting_the_police_are_no_rival_crowd() -> None:
    _, _, actor2, sub = _sides("Villagers clashed with police near Voi, Kenya, on Sunday.", "KEN")
    assert actor2 == "Police Forces of Kenya" and sub != "Mob violence"


def test_a_riot_faces_the_police_a_later_sentence_names_whatever_they_did() -> None:
    text = ("Students rioted in Kitwe, Zambia, on Monday, smashing windows over fee rises. "
            "Police moved in before noon.")
    actor1, _, actor2, sub = _sides(text, "ZMB")
    assert (actor1, actor2, sub) == ("Rioters (Zambia)", "Police Forces of Zambia",
                                     "Violent demonstration")


def test_a_riot_against_the_government_has_no_second_side() -> None:
    text = ("Traders rioted in Kitwe, Zambia, on Monday, burning tyres on the road to Lusaka "
            "against a tax the government had raised.")
    actor1, _, actor2, sub = _sides(text, "ZMB")
    assert (actor1, actor2, sub) == ("Rioters (Zambia)", "", "Violent demonstration")


def test_an_attack_with_no_named_perpetrator_is_by_the_group_the_report_suspects() -> None:
    text = ("Four farmers were shot dead near Beni, DR Congo, on Sunday. "
            "The ADF was suspected.")
    actor1, _, actor2, _ = _sides(text, "COD")
    assert (actor1, actor2) == ("ADF: Allied Democratic Forces",
                                "Civilians (Democratic Republic of Congo)")


def test_a_party_the_report_names_is_no_suspected_perpetrator() -> None:
    text = "Two men were kidnapped near Bogura on Sunday after a BNP rally."
    actor1, _, _, _ = _sides(text, "BGD")
    assert actor1 == "Unidentified Armed Group (Bangladesh)"


def test_a_politician_gunmen_shot_dead_is_a_civilian_victim() -> None:
    text = "Gunmen shot dead a senator in Kabwe, Zambia, on Friday night."
    actor1, _, actor2, sub = _sides(text, "ZMB")
    assert (actor1, actor2, sub) == ("Unidentified Armed Group (Zambia)", "Civilians (Zambia)",
                                     "Attack")


def test_the_side_a_clash_report_leaves_unnamed_is_an_unidentified_armed_group() -> None:
    text = "Police exchanged fire in Kabwe, Zambia, on Friday night, leaving two officers dead."
    actor1, _, actor2, sub = _sides(text, "ZMB")
    assert (actor1, actor2, sub) == ("Police Forces of Zambia",
                                     "Unidentified Armed Group (Zambia)", "Armed clash")


def test_raiders_clashing_with_an_unnamed_side_fight_another_communal_militia() -> None:
    text = "Cattle raiders clashed in Kabwe, Zambia, on Friday, leaving five dead."
    actor1, _, actor2, _ = _sides(text, "ZMB")
    assert actor1 == actor2 == "Unidentified Communal Militia (Zambia)"


def test_unidentified_attackers_in_clan_violence_are_a_communal_militia() -> None:
    text = ("Attackers shot dead five villagers in Kabwe, Zambia, on Friday in a feud between "
            "two rival clans.")
    actor1, _, actor2, _ = _sides(text, "ZMB")
    assert (actor1, actor2) == ("Unidentified Communal Militia (Zambia)", "Civilians (Zambia)")


def test_unidentified_attackers_with_no_communal_word_stay_an_armed_group() -> None:
    actor1, _, _, _ = _sides("Gunmen shot dead five villagers in Kabwe, Zambia, on Friday.",
                             "ZMB")
    assert actor1 == "Unidentified Armed Group (Zambia)"


def test_the_force_whose_officer_a_clash_wounded_is_its_other_side() -> None:
    text = ("One attacker was shot dead in a shootout in Kabwe, Zambia, on Friday, and a police "
            "officer was wounded.")
    actor1, _, actor2, _ = _sides(text, "ZMB")
    assert (actor1, actor2) == ("Unidentified Armed Group (Zambia)", "Police Forces of Zambia")


def test_the_unarmed_people_a_riot_hurt_are_its_civilian_side() -> None:
    text = ("Youths rioted in Kabwe, Zambia, on Friday over a land sale, and two passers-by "
            "were injured by stones.")
    actor1, _, actor2, sub = _sides(text, "ZMB")
    assert (actor1, actor2, sub) == ("Rioters (Zambia)", "Civilians (Zambia)",
                                     "Violent demonstration")


def test_aid_group_staff_gunmen_killed_are_civilians_with_the_group_as_associate() -> None:
    item = {"text": "Gunmen shot dead two Oxfam staff in Kabwe, Zambia, on Friday.",
            "published": "2016-05-10", "country": "ZMB"}
    record = code_texts([item]).records[0]
    assert (record.actor2, record.assoc_actor_2) == ("Civilians (Zambia)", "Oxfam")


def test_men_who_shoot_a_trader_are_an_unidentified_armed_group() -> None:
    actor1, _, actor2, sub = _sides("Three men shot dead a shopkeeper in Kitale, Kenya.", "KEN")
    assert (actor1, actor2, sub) == ("Unidentified Armed Group (Kenya)", "Civilians (Kenya)",
                                     "Attack")


def test_civilians_first_and_militants_second_in_an_attack_are_turned_round() -> None:
    text = ("Four people are in hospital with bullet wounds after their bus was shot at by "
            "militants near Lamu, Kenya.")
    item = {"text": text, "published": "2016-05-10", "country": "KEN"}
    record = code_texts([item]).records[0]
    assert (record.actor1, record.actor2) == ("Unidentified Armed Group (Kenya)",
                                              "Civilians (Kenya)")
    assert "defaults:armed-perpetrator:swapped" in record.rule_ids


def test_unnamed_attackers_in_violence_called_tribal_are_an_unidentified_ethnic_militia() -> None:
    text = "Gunmen killed two farmers near Molo, Kenya, in renewed tribal fighting over land."
    actor1, _, actor2, _ = _sides(text, "KEN")
    assert (actor1, actor2) == ("Unidentified Ethnic Militia (Kenya)", "Civilians (Kenya)")


def test_unnamed_attackers_in_violence_between_clans_stay_a_communal_militia() -> None:
    text = "Gunmen killed two herders near Wajir, Kenya, as fighting between two clans resumed."
    actor1, _, _, _ = _sides(text, "KEN")
    assert actor1 == "Unidentified Communal Militia (Kenya)"


def test_rival_crowds_that_clash_are_rioters_on_both_sides() -> None:
    text = "Supporters of two rival candidates clashed outside a polling centre in Voi, Kenya."
    actor1, _, actor2, sub = _sides(text, "KEN")
    assert (actor1, actor2, sub) == ("Rioters (Kenya)", "Rioters (Kenya)", "Mob violence")


def test_the_unnamed_enemy_of_an_unidentified_militia_is_the_same_kind_of_militia() -> None:
    text = "Ethnic militiamen clashed near Marsabit, Kenya, leaving four dead."
    actor1, _, actor2, _ = _sides(text, "KEN")
    assert actor1 == actor2 == "Unidentified Ethnic Militia (Kenya)"


def test_gunmen_a_report_later_blames_on_a_group_are_that_group() -> None:
    text = ("Gunmen shot dead a village elder in Garissa, Kenya, on Monday. "
            "Police said the attackers were believed to be Al Shabaab fighters.")
    actor1, _, actor2, _ = _sides(text, "KEN")
    assert (actor1, actor2) == ("Al Shabaab", "Civilians (Kenya)")


def test_unnamed_enemy_of_a_clash_is_the_group_the_report_suspects() -> None:
    text = ("Police exchanged fire with gunmen near Mandera, Kenya, on Sunday; "
            "the gunmen are suspected to be Al Shabaab.")
    actor1, _, actor2, _ = _sides(text, "KEN")
    assert {actor1, actor2} == {"Police Forces of Kenya", "Al Shabaab"}


def test_a_group_named_with_doubt_is_no_suspect() -> None:
    text = ("A shopkeeper was shot dead in Garissa, Kenya, on Monday. "
            "It is not clear whether Al Shabaab was responsible.")
    actor1, _, _, _ = _sides(text, "KEN")
    assert actor1 == "Unidentified Armed Group (Kenya)"


def test_an_unnamed_attacker_is_the_one_armed_group_the_report_names() -> None:
    text = ("Two traders were hacked to death in Murang'a, Kenya, on Friday. "
            "The killings came a week after the Mungiki leader was detained.")
    actor1, _, actor2, _ = _sides(text, "KEN")
    assert (actor1, actor2) == ("Mungiki Militia", "Civilians (Kenya)")


def test_attackers_the_report_calls_unknown_stay_unidentified() -> None:
    text = ("Unknown gunmen shot dead a preacher in Garissa, Kenya, on Friday. "
            "The preacher had spoken in favour of Al Shabaab.")
    actor1, _, _, _ = _sides(text, "KEN")
    assert actor1 == "Unidentified Armed Group (Kenya)"


def test_police_named_only_as_the_grievance_of_a_riot_is_no_side() -> None:
    text = ("Matatu drivers blocked the main road in Kisii, Kenya, with burning tyres to "
            "protest police harassment.")
    actor1, _, actor2, sub = _sides(text, "KEN")
    assert sub == "Violent demonstration"
    assert (actor1, actor2) == ("Rioters (Kenya)", "")


def test_police_a_riot_faced_after_its_grievance_is_the_second_side() -> None:
    text = ("Traders barricaded roads in Kisii, Kenya, on Monday in anger over a police "
            "crackdown. Police fired tear gas to disperse them.")
    actor1, _, actor2, _ = _sides(text, "KEN")
    assert (actor1, actor2) == ("Rioters (Kenya)", "Police Forces of Kenya")


def test_a_government_a_riot_is_directed_at_gives_way_to_the_force_it_faced() -> None:
    text = ("Hundreds of workers blocked the highway at Athi River, Kenya, on Monday to protest "
            "a decision by Nairobi to cut their pay. Police dispersed them.")
    actor1, _, actor2, _ = _sides(text, "KEN")
    assert (actor1, actor2) == ("Rioters (Kenya)", "Police Forces of Kenya")


def test_raiders_from_a_named_place_are_that_places_communal_militia() -> None:
    text = "Raiders from Kapedo killed two herders near Lokori, Kenya, on Friday."
    actor1, _, actor2, _ = _sides(text, "KEN")
    assert (actor1, actor2) == ("Kapedo Communal Militia (Kenya)", "Civilians (Kenya)")


def test_gunmen_from_a_country_stay_unidentified() -> None:
    text = "Gunmen from Ethiopia killed two herders near Moyale, Kenya, on Friday."
    actor1, _, _, _ = _sides(text, "KEN")
    assert actor1 == "Unidentified Armed Group (Ethiopia)"


def test_a_bomb_that_killed_only_police_has_the_police_as_its_target() -> None:
    text = "Three police officers died when their lorry struck a roadside bomb near Wajir, Kenya."
    _, _, actor2, sub = _sides(text, "KEN")
    assert sub == "Remote explosive/landmine/IED"
    assert actor2 == "Police Forces of Kenya"
