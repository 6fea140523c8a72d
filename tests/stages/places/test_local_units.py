"""Local administrative units the GeoNames gazetteer lacks (coder/data/places_units.csv, built
by scripts/build_places_units.py): a ward or constituency named in a story gives its county and
the unit's centre, at geo precision 2, and never outranks a town of the same name."""

from __future__ import annotations

import csv

from coder.dictionaries.files import DATA_DIR
from coder.stages.places import Gazetteer, PlaceContext
from coder.text.tokens import phrase_key, tokenize

KENYA = PlaceContext(["KEN"], "", "KEN")


def _found(text: str, context: PlaceContext) -> list[tuple[str, str, str, int]]:
    gaz = Gazetteer.load()
    return [(m.place.name, m.place.iso3, m.place.admin1, m.place.geo_precision)
            for m in gaz.find_places(tokenize(text), text, context)]


def test_a_ward_gives_its_county_and_the_centre_of_its_constituency() -> None:
    assert _found("Youths blocked a road in Kangemi on Monday.", KENYA) == [
        ("Kangemi", "KEN", "Nairobi", 2)]
    place = Gazetteer.load().lookup("Kangemi", "KEN")
    assert place is not None and place.admin2 == "Westlands" and place.feature == "admin3"


def test_a_constituency_is_an_admin2_unit_of_its_county() -> None:
    assert _found("Traders protested in Kisauni over evictions.", KENYA) == [
        ("Kisauni", "KEN", "Mombasa", 2)]


def test_a_unit_without_population_does_not_place_a_story_with_no_context() -> None:
    # nothing says the story is Kenyan and the name is not cued as a place
    assert _found("Kangemi supporters cheered the candidate.", PlaceContext()) == []


def test_units_never_repeat_a_town_of_their_country() -> None:
    gaz = Gazetteer.load()
    with open(DATA_DIR / "places_units.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    assert len(rows) > 1000
    for row in rows:
        others = [x for x in gaz.index[phrase_key(row["name"])]
                  if gaz.entries[x][3] == row["iso3"]
                  and not gaz.entries[x][0].startswith("units:")]
        assert not others, row["name"]


def test_a_neighbourhood_split_into_compass_wards_is_named_by_its_own_name() -> None:
    # "Kayole North", "Kayole Central", "Kayole South" are wards; news writes "Kayole"
    assert _found("Commuters were stranded when residents of Kayole blocked a road.",
                  KENYA) == [("Kayole Central", "KEN", "Nairobi", 2)]


def test_a_place_after_the_comma_in_another_county_rules_out_a_ward() -> None:
    # "Kasarani, Naivasha": a village near Naivasha (geo precision 2), not the Nairobi ward
    # called Kasarani
    assert _found("Parents marched in Kasarani, Naivasha on Monday.", KENYA) == [
        ("Naivasha", "KEN", "Nakuru", 2)]
    # a town of the ward's own county keeps it
    assert _found("Gunmen attacked a school in Kasarani, Nairobi.", KENYA)[0][:3] == (
        "Kasarani", "KEN", "Nairobi")


def test_a_place_split_into_numbered_or_lettered_wards_is_named_by_its_own_name() -> None:
    # wards "<Name> Area I".."<Name> Area Iv" and "<Name> 'a'", "<Name> B": news writes the name
    assert _found("Police shot a suspect in Dandora on Sunday.", KENYA)[0][1:3] == (
        "KEN", "Nairobi")
    assert _found("Residents of Nyalenda blocked the road.", KENYA)[0][1:3] == ("KEN", "Kisumu")


def test_a_place_split_into_compass_units_across_the_county_is_named_by_its_own_name() -> None:
    # constituencies "Dagoretti North" and "Dagoretti South"; wards of one name split over two
    # constituencies of one county ("Kariobangi North", "Kariobangi South")
    assert _found("Rioters lit bonfires in Dagoretti.", KENYA)[0][1:3] == ("KEN", "Nairobi")
    assert _found("A driver was shot in Kariobangi.", KENYA)[0][1:3] == ("KEN", "Nairobi")


def test_a_unit_named_after_a_people_gives_no_alias_of_the_people() -> None:
    # "Pokot South" is a constituency; "Pokot" alone names the people, an actor
    gaz = Gazetteer.load()
    assert gaz.lookup("Pokot", "KEN") is None or gaz.lookup("Pokot", "KEN").name != "Pokot South"


def test_a_slum_known_by_its_old_spelling_is_found() -> None:
    # the Nairobi constituency is spelt Kibra; news mostly writes Kibera
    assert _found("Youths burned tyres in Kibera after the verdict.", KENYA) == [
        ("Kibera", "KEN", "Nairobi", 1)]


def test_a_former_district_is_placed_at_its_headquarters_in_kenya() -> None:
    # Trans Mara (now Kilgoris and Emurua Dikirr) is not Tanzania's Mara region
    found = _found("Two clans fought over grazing land in Trans Mara.", KENYA)
    assert found and found[0][1:3] == ("KEN", "Narok")


def test_a_town_takes_the_county_of_the_unit_named_after_it() -> None:
    # GeoNames files this town under Nairobi; the constituency named after it, whose centre
    # is close by, lies in Kiambu (places_admin1.csv)
    assert _found("Traders marched through Thika on Friday.", KENYA) == [
        ("Thika", "KEN", "Kiambu", 1)]


def test_a_town_with_no_county_takes_the_nearest_constituency_county() -> None:
    assert _found("Herders clashed near Sololo overnight.", KENYA)[0][2] == "Marsabit"


def test_every_admin1_fix_is_a_town_of_the_gazetteer() -> None:
    gaz = Gazetteer.load()
    with open(DATA_DIR / "places_admin1.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    assert rows
    admin1 = {e[4] for e in gaz.entries if e[1] == "admin1" and e[3] == "KEN"}
    for row in rows:
        place = gaz.place(next(i for i, e in enumerate(gaz.entries)
                               if e[0] == f"gazetteer:{row['id']}"))
        assert (place.name, place.iso3, place.admin1) == (row["name"], row["iso3"],
                                                          row["admin1"])
        assert row["admin1"] in admin1


def test_brackets_naming_another_county_give_a_far_namesake_way_to_that_county() -> None:
    # the only Sankuri the gazetteer has is a ward far off in Garissa: the village meant is
    # one it lacks, so the county the brackets name stands for it (ACLED's precision 3)
    assert _found("A lorry hit a roadside bomb near Sankuri (Lamu county) on Sunday.",
                  KENYA) == [("Lamu", "KEN", "Lamu", 3)]


def test_brackets_naming_a_nearby_county_correct_a_border_town() -> None:
    # GeoNames files this border town under Garissa; the county in brackets is next door
    assert _found("Two herders were hurt at Mado Gashi market (Isiolo) on Friday.",
                  KENYA) == [("Mado Gashi", "KEN", "Isiolo", 1)]


def test_a_constituency_named_after_a_town_and_a_compass_word_sits_at_the_town() -> None:
    gaz = Gazetteer.load()
    unit, town = gaz.lookup("Mwingi Central", "KEN"), gaz.lookup("Mwingi", "KEN")
    assert unit is not None and town is not None and unit.feature == "admin2"
    assert (unit.latitude, unit.longitude) == (town.latitude, town.longitude)
    assert unit.geo_precision == 2


def test_a_far_namesake_inside_a_named_town_gives_way_to_the_town() -> None:
    # the gazetteer's only Majengo is in Vihiga; the one meant here is a part of Mombasa
    found = _found("On Friday gunmen shot two men at the Majengo area of Mombasa.", KENYA)
    assert found == [("Mombasa", "KEN", "Mombasa", 1)]


def test_a_border_village_inside_a_named_unit_takes_the_unit_county() -> None:
    found = _found("Raiders attacked herders near Kapedo in Tiaty on Sunday.", KENYA)
    assert ("Kapedo", "KEN", "Baringo", 2) in found


def test_a_place_after_a_group_and_from_names_the_group_origin() -> None:
    # the raiders come from West Pokot; the ambush is on the road out of Lodwar
    found = _found("Two officials were ambushed by raiders from West Pokot near Lodwar.", KENYA)
    assert [name for name, *_ in found] == ["Lodwar"]


def test_two_peoples_before_a_group_word_name_origins() -> None:
    found = _found("A clash between Turkana and Pokot herders left two dead in Tiaty.", KENYA)
    assert [name for name, *_ in found] == ["Tiaty"]


def test_travellers_named_after_their_county_come_from_it() -> None:
    found = _found("Gunmen attacked a group of Turkana travellers in Tiaty.", KENYA)
    assert [name for name, *_ in found] == ["Tiaty"]
