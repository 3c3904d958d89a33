"""Who is named in a sentence: countries, blocs, capitals, demonyms and the people and offices that act for them.

Country names and ISO 3166-1 codes come from pycountry's database (read on first use, so
importing the extractor stays fast); the small tables below add what pycountry
does not know: the names news uses, demonyms, capitals and actor words.
"""

from __future__ import annotations

import importlib.util
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from monitor.extract.scope import counted_groups

NAME, DEMONYM, CAPITAL, ACTOR, UNIVERSAL, BLOC = "name", "demonym", "capital", "actor", "universal", "bloc"
REGION = "region"
ANY = "*"

# Names in news that are not pycountry's, and pycountry names too ambiguous to trust in prose.
_EXTRA_NAMES = {
    "US": "US|U.S.|U.S.A.|USA|United States|United States of America|America",
    "GB": "UK|U.K.|Britain|Great Britain|United Kingdom",
    # The European Community (EC, EEC) was the Union's name until 1993; wire copy of that era calls it "the
    # Community" once introduced (only with its capital: "the international community" is nobody).
    "EU": "EU|E.U.|European Union|Europe|eurozone|euro zone|EC|E.C.|EEC|European Community|"
    "European Economic Community|Common Market|the Community|The Community",
    "KR": "South Korea|Korea",
    "KP": "North Korea",
    "RU": "Russia",
    "VN": "Vietnam|Viet Nam|Việt Nam",
    "TW": "Taiwan",
    "IR": "Iran",
    "SY": "Syria",
    "LA": "Laos",
    "BO": "Bolivia",
    "VE": "Venezuela",
    "TZ": "Tanzania",
    "MD": "Moldova",
    "CZ": "Czech Republic",
    "TR": "Turkey|Turkiye|Türkiye",
    "MM": "Burma",
    "MO": "Macau|Macao",
    "AE": "UAE|U.A.E.|United Arab Emirates|Emirates",
    "NL": "Netherlands|Holland",
    "CD": "DR Congo|DRC|Democratic Republic of Congo|Democratic Republic of the Congo",
    "CI": "Ivory Coast",
    "PH": "Philippines",
    "HK": "Hong Kong",
    "BN": "Brunei",
    "MK": "North Macedonia",
    # South African outlets shorten their country to "SA" in headlines and body alike ("tariffs on SA goods").
    "ZA": "SA",
    # Chinese and Hong Kong outlets name China by its mainland when they set it beside Hong Kong or Macao.
    "CN": "Chinese mainland|mainland China",
}
_SKIP_NAMES = frozenset({"Georgia", "Jersey", "Chad", "Guinea", "Man", "Niger", "Dominica", "Mali"})
# Names of a country that also name something else, trusted only beside the countries given: "Georgia" is the
# country beside another foreign country ("China and Georgia signed ...", "wines from Chile and Georgia"), a US
# state beside the US or alone; "the mainland" is China beside Hong Kong, Macao or Taiwan, not the mainland
# of Europe or of Tanzania. None: any country but the US.
_NAMES_IN_COMPANY: dict[str, tuple[str, frozenset[str] | None]] = {
    "Georgia": ("GE", None),
    "the mainland": ("CN", frozenset({"HK", "MO", "TW"})),
}
# A country's name before its money names the currency ("U.S. dollars", "Australian dollars", "US$", Reuters'
# "U.S. dlrs").
_CURRENCY_AFTER = re.compile(r"\$|\s+(?:dollars?|dlrs|cents)\b", re.I)
_NAME_GOES_ON = re.compile(r"(?:\s+|-)[A-Z][a-z]")
# Country names that are also surnames: a capitalised word right before ("Jim Jordan") makes it a person.
_SURNAMES = frozenset({"jordan"})
_GIVEN_NAME_BEFORE = re.compile(r"(?<![.!?])\b[A-Z][a-z]+\s+$")
# Short names that are also a company's legal form ("Airbus SA", "Banco Santander SA"): after a capitalised name
# they are the firm's, not a country.
_COMPANY_FORMS = frozenset({"sa"})
# A name before a company form, in title case or in a wire headline's capitals ("PEUGEOT SA").
_FIRM_NAME_BEFORE = re.compile(r"(?<![.!?])\b[A-Z][A-Za-z&'’-]+\s+$")
# Capitals that are also given names: a capitalised word right after ("Santiago Pena") makes it a person.
_GIVEN_NAMES = frozenset({"santiago"})
_SURNAME_AFTER = re.compile(r"\s+[A-Z][a-z]")
# Capitals that also name something that is no government: "the Doha round" is the WTO's round of talks.
_BYWORDS = frozenset({"doha"})
_BYWORD_AFTER = re.compile(r"[\s-]+(?:round|development|agenda|declaration|ministerial|mandate)\b", re.I)
# A round of world trade talks is named after the place it was launched ("the Tokyo Round", "the Uruguay trade
# round"): any country or capital right before "round" names the talks, not a government. Not after a hyphen or
# slash: "the US-China round of talks" is those two sides' own round.
_ROUND_AFTER = re.compile(r"\s+(?:(?:trade|gatt|multilateral|world trade)\s+)?round\b", re.I)

_DEMONYMS = {
    "US": "American|Americans|US-made|U.S.-made",
    "CN": "Chinese|Sino",
    "JP": "Japanese",
    "CA": "Canadian|Canadians",
    "MX": "Mexican|Mexicans",
    "IN": "Indian",
    "VN": "Vietnamese",
    "KR": "South Korean|Korean",
    "GB": "British",
    "EU": "European",
    "DE": "German",
    "FR": "French",
    "IT": "Italian",
    "ES": "Spanish",
    "CH": "Swiss",
    "BR": "Brazilian",
    "RU": "Russian",
    "AU": "Australian",
    "TW": "Taiwanese",
    "TH": "Thai",
    "ID": "Indonesian",
    "MY": "Malaysian",
    "PH": "Philippine|Filipino",
    "SG": "Singaporean",
    "TR": "Turkish",
    "ZA": "South African",
    "AR": "Argentine|Argentinian",
    "IL": "Israeli",
    "SA": "Saudi",
    "NZ": "New Zealand",
    "PK": "Pakistani",
    "BD": "Bangladeshi",
    "KH": "Cambodian",
    "NO": "Norwegian",
    "IE": "Irish",
    "NL": "Dutch",
    "SE": "Swedish",
    "UA": "Ukrainian",
    "CL": "Chilean",
    "CO": "Colombian",
    "PE": "Peruvian",
    "EG": "Egyptian",
    "NG": "Nigerian",
    # The adjectives English forms from country names, for the rest of the world's traders.
    "JO": "Jordanian",
    "IQ": "Iraqi",
    "IR": "Iranian",
    "SY": "Syrian",
    "LB": "Lebanese",
    "KW": "Kuwaiti",
    "QA": "Qatari",
    "AE": "Emirati",
    "OM": "Omani",
    "BH": "Bahraini",
    "MA": "Moroccan",
    "DZ": "Algerian",
    "TN": "Tunisian",
    "LY": "Libyan",
    "ET": "Ethiopian",
    "KE": "Kenyan",
    "GH": "Ghanaian",
    "TZ": "Tanzanian",
    "UG": "Ugandan",
    "AO": "Angolan",
    "ZW": "Zimbabwean",
    "ZM": "Zambian",
    "MZ": "Mozambican",
    "NA": "Namibian",
    "LK": "Sri Lankan",
    "NP": "Nepalese|Nepali",
    "MM": "Burmese",
    "LA": "Laotian|Lao",
    "MN": "Mongolian",
    "KZ": "Kazakh|Kazakhstani",
    "UZ": "Uzbek",
    "PL": "Polish",
    "HU": "Hungarian",
    "CZ": "Czech",
    "SK": "Slovak",
    "RO": "Romanian",
    "BG": "Bulgarian",
    "GR": "Greek",
    "PT": "Portuguese",
    "BE": "Belgian",
    "AT": "Austrian",
    "DK": "Danish",
    "FI": "Finnish",
    "IS": "Icelandic",
    "RS": "Serbian",
    "HR": "Croatian",
    "BY": "Belarusian",
    "VE": "Venezuelan",
    "EC": "Ecuadorian|Ecuadorean",
    "BO": "Bolivian",
    "PY": "Paraguayan",
    "UY": "Uruguayan",
    "CR": "Costa Rican",
    "PA": "Panamanian",
    "GT": "Guatemalan",
    "HN": "Honduran",
    "SV": "Salvadoran",
    "NI": "Nicaraguan",
    "CU": "Cuban",
    # Smaller economies, so that "a 14% Togolese levy" names its side as "a 10% US tariff" does. Demonyms shared
    # by two countries (Congolese, Guinean) or also a US state (Georgian) are left out.
    "KP": "North Korean",
    "DO": "Dominican",
    "HT": "Haitian",
    "BS": "Bahamian",
    "BB": "Barbadian",
    "TT": "Trinidadian",
    "GY": "Guyanese",
    "SR": "Surinamese",
    "BZ": "Belizean",
    "PR": "Puerto Rican",
    "GL": "Greenlandic",
    "AF": "Afghan",
    "AL": "Albanian",
    "AM": "Armenian",
    "AZ": "Azerbaijani",
    "BA": "Bosnian",
    "ME": "Montenegrin",
    "MK": "North Macedonian",
    "MD": "Moldovan",
    "EE": "Estonian",
    "LV": "Latvian",
    "LT": "Lithuanian",
    "SI": "Slovenian|Slovene",
    "CY": "Cypriot",
    "MT": "Maltese",
    "LU": "Luxembourgish",
    "KG": "Kyrgyz",
    "TJ": "Tajik",
    "TM": "Turkmen",
    "BT": "Bhutanese",
    "MV": "Maldivian",
    "BN": "Bruneian",
    "TL": "Timorese",
    "PG": "Papua New Guinean",
    "FJ": "Fijian",
    "YE": "Yemeni",
    "PS": "Palestinian",
    "SD": "Sudanese",
    "SS": "South Sudanese",
    "ER": "Eritrean",
    "DJ": "Djiboutian",
    "SO": "Somali",
    "TG": "Togolese",
    "BJ": "Beninese",
    "SN": "Senegalese",
    "CI": "Ivorian",
    "CM": "Cameroonian",
    "ML": "Malian",
    "BF": "Burkinabe",
    "NE": "Nigerien",
    "TD": "Chadian",
    "GA": "Gabonese",
    "GM": "Gambian",
    "LR": "Liberian",
    "SL": "Sierra Leonean",
    "MR": "Mauritanian",
    "RW": "Rwandan",
    "BI": "Burundian",
    "MW": "Malawian",
    "MG": "Malagasy",
    "MU": "Mauritian",
    "BW": "Botswanan",
    "JM": "Jamaican",
}
_CAPITALS = {
    "US": "Washington",
    "CN": "Beijing",
    "JP": "Tokyo",
    "CA": "Ottawa",
    "MX": "Mexico City",
    "IN": "New Delhi|Delhi",
    "VN": "Hanoi",
    "KR": "Seoul",
    "GB": "London|Downing Street",
    "EU": "Brussels",
    "DE": "Berlin",
    "FR": "Paris",
    "CH": "Bern|Berne",
    "BR": "Brasilia|Brasília",
    "RU": "Moscow|Kremlin",
    "AU": "Canberra",
    "TW": "Taipei",
    "PH": "Manila",
    "TH": "Bangkok",
    "ID": "Jakarta",
    "MY": "Kuala Lumpur",
    "ZA": "Pretoria",
    "TR": "Ankara",
    "IT": "Rome",
    "ES": "Madrid",
    # Capitals news uses for their governments ("Amman and Washington agreed"); those that mostly host
    # other parties' talks (Geneva, Buenos Aires, Lima) are left out.
    "JO": "Amman",
    "IQ": "Baghdad",
    "IR": "Tehran",
    "SA": "Riyadh",
    "PK": "Islamabad",
    "BD": "Dhaka",
    "LK": "Colombo",
    "KH": "Phnom Penh",
    "PL": "Warsaw",
    "NZ": "Wellington",
    "CO": "Bogota|Bogotá",
    "VE": "Caracas",
    "EC": "Quito",
    # The rest of the capitals of trading nations, by general knowledge. Left out: those that are mostly a
    # venue or a byword for something else (Geneva), and Sofia (a given name). Doha is kept but not as the
    # name of the WTO's round (see _BYWORD_AFTER).
    "QA": "Doha",
    "PE": "Lima",
    "CL": "Santiago",
    "AR": "Buenos Aires",
    "UY": "Montevideo",
    "PY": "Asuncion|Asunción",
    "PA": "Panama City",
    "GT": "Guatemala City",
    "CU": "Havana",
    "DO": "Santo Domingo",
    "NO": "Oslo",
    "SE": "Stockholm",
    "DK": "Copenhagen",
    "FI": "Helsinki",
    "IE": "Dublin",
    "PT": "Lisbon",
    "AT": "Vienna",
    "NL": "The Hague",
    "GR": "Athens",
    "HU": "Budapest",
    "CZ": "Prague",
    "SK": "Bratislava",
    "RO": "Bucharest",
    "RS": "Belgrade",
    "HR": "Zagreb",
    "UA": "Kyiv|Kiev",
    "BY": "Minsk",
    "EG": "Cairo",
    "NG": "Abuja",
    "KE": "Nairobi",
    "ET": "Addis Ababa",
    "GH": "Accra",
    "MA": "Rabat",
    "DZ": "Algiers",
    "TN": "Tunis",
    "SN": "Dakar",
    "AO": "Luanda",
    "ZW": "Harare",
    "ZM": "Lusaka",
    "UG": "Kampala",
    "AE": "Abu Dhabi",
    "KW": "Kuwait City",
    "OM": "Muscat",
    "BH": "Manama",
    "LB": "Beirut",
    "NP": "Kathmandu",
    "MM": "Naypyidaw|Naypyitaw|Nay Pyi Taw",
    "LA": "Vientiane",
    "MN": "Ulaanbaatar",
    "KZ": "Astana",
    "UZ": "Tashkent",
    "AZ": "Baku",
    "GE": "Tbilisi",
    "AM": "Yerevan",
    "KP": "Pyongyang",
}
# People and offices that act for a country in trade news.
_ACTORS = {
    "US": (
        "Trump|Biden|Obama|White House|USTR|Trade Representative|U.S. Trade Representative|"
        "Commerce Department|Department of Commerce|Commerce Secretary|Treasury|Treasury Secretary|"
        "Lutnick|Bessent|Greer|Lighthizer|Wilbur Ross|Mnuchin|Navarro|Katherine Tai|Raimondo|Yellen|Oval Office|"
        "Congress|International Trade Commission|USITC|"
        "CBP|Customs and Border Protection|Truth Social|"
        "Pence|Pompeo|Kudlow|Froman|"
        # US news names its own executive "the administration" once its president is named.
        "the administration|The administration"
    ),
    "CA": (
        "Trudeau|Carney|LeBlanc|Freeland|Champagne|Joly|CBSA|Canada Border Services Agency|CITT|"
        "Canadian International Trade Tribunal"
    ),
    "CN": "Xi|Xi Jinping|Liu He|He Lifeng|Li Qiang|MOFCOM|State Council|Customs Tariff Commission",
    # "The Commission", capitalised and alone, is the European Commission, which imposes the EU's anti-dumping and
    # anti-subsidy duties; other commissions are named in full ("the International Trade Commission").
    "EU": "European Commission|the Commission|The Commission|von der Leyen|Sefcovic|Šefčovič|Juncker|Malmstrom|"
    "Malmström",
    "JP": "Abe|Ishiba|Kishida|Takaichi|Akazawa|Motegi|Muto|METI",
    "MX": "Sheinbaum|Ebrard|Lopez Obrador|López Obrador",
    "GB": "Starmer|Sunak|Trade Remedies Authority",
    "KR": "Lee Jae-myung|Yoon|MOTIE|Korea Trade Commission",
    "AR": "Milei|Casa Rosada",
    "CO": "Petro",
    "EC": "Noboa",
    "TR": "Erdogan|Erdoğan",
    "MY": "Anwar Ibrahim|Anwar",
    "NZ": "McClay|Luxon",
    "CH": "Keller-Sutter|Parmelin",
    "PH": "Marcos",
    "VN": "To Lam",
    # Their leaders, and the trade bodies of major trading nations that news names without their country.
    "BR": "Lula|Alckmin|Camex|Gecex|Chamber of Foreign Trade|Chamber of Foreign Commerce",
    "IN": "Modi|Goyal|DGTR|Directorate General of Trade Remedies|DGFT|Directorate General of Foreign Trade|CBIC",
    "ID": "Prabowo|KADI|KPPI|Indonesian Anti-Dumping Committee",
    "ZA": "Ramaphosa|ITAC|International Trade Administration Commission",
    # The trade-remedy authorities news names without their country.
    "PK": "National Tariff Commission",
    "AU": "Albanese|Anti-Dumping Commission",
}
# Groupings that have no code of their own in the contract: a measure on them hits their members, so they are
# read as their member countries (never as the side that acts). Membership as of 2025.
_BLOCS = {
    "Mercosur|Mercosul|Southern Common Market": "AR BR PY UY",
    "ASEAN|Association of Southeast Asian Nations|Southeast Asian nations": "BN KH ID LA MY MM PH SG TH VN",
    "BRICS|BRICS countries|BRICS nations": "BR RU IN CN ZA EG ET IR AE ID",
    "G7|G-7|Group of Seven": "US JP DE GB FR IT CA",
    "EFTA|European Free Trade Association": "CH NO IS LI",
    "GCC|Gulf Cooperation Council|Gulf states": "SA AE QA KW BH OM",
    "USMCA partners|North American partners": "US CA MX",
}
# The European Union under the names news gives it once introduced; these are allowed in lower case.
_EU_IN_LOWER_CASE = "the bloc|27-nation bloc|27-member bloc|27-country bloc"
_UNIVERSAL = (
    "all countries|all trading partners|all partners|all foreign|all imports|any country|every country|"
    "all nations|universal|baseline|blanket|global tariff|worldwide|around the world|"
    "dozens of countries|dozens of economies|dozens of nations|dozens of trading partners|dozens of other|"
    "trading partners|trade partners|other countries|many countries|various countries|economic entities|"
    "most countries|most nations|most economies|most trading partners|most partners|other nations|"
    "other economies|foreign countries|every nation|every trading partner|all economies|everyone else|"
    "rest of the world|everyone but|everybody but|"
    # Goods of every origin: "on wine from all origins", "regardless of origin".
    "all origins|every origin|any origin|regardless of origin|whatever their origin|all suppliers|all sources|"
    "Liberation Day"
)


# Regions whose names hold a country's name or demonym ("a Latin American country", "South American
# producers"): no party, and never the United States their "American" would otherwise read as.
_REGIONS = (
    "Latin America|Latin American|Latin Americans|South America|South American|South Americans|"
    "Central America|Central American|Central Americans"
)


_MODIFIER_AFTER = re.compile(r"-(?:linked|based|related|owned|focused|style|era|born|listed)\b", re.I)


@dataclass(frozen=True, kw_only=True)
class Mention:
    """A party named in a sentence, with where it was found."""

    code: str
    start: int
    end: int
    form: str  # NAME, DEMONYM, CAPITAL, ACTOR, UNIVERSAL or BLOC (one mention per member)
    text: str


def mentions_within(mentions: list[Mention], start: int, end: int) -> list[Mention]:
    """The mentions that lie wholly in `text[start:end]`, placed where they stand in that slice: what reading a
    phrase of a sentence as a statement of its own needs."""
    return [
        Mention(code=m.code, start=m.start - start, end=m.end - start, form=m.form, text=m.text)
        for m in mentions
        if start <= m.start and m.end <= end
    ]


@dataclass(frozen=True)
class _Gazetteer:
    lower_pattern: re.Pattern[str]  # the names, for text already in lower case
    table: dict[str, tuple[str, str]]  # lower-cased surface form -> (code, form)
    case_sensitive: dict[str, tuple[str, str]]
    blocs: dict[str, tuple[str, ...]]  # lower-cased surface form -> member codes
    lower_ok: frozenset[str]  # lower-cased surface forms that need no capital letter


@lru_cache(maxsize=1)
def _blind_pattern() -> re.Pattern[str]:
    """The names case-blind, for the rare sentence that lower case would change (compiled only for one: the
    pattern is long, and compiling it costs a first article as much as reading it)."""
    return re.compile(_gazetteer().lower_pattern.pattern, re.I)


def _split(forms: str) -> list[str]:
    return [f.strip() for f in forms.split("|") if f.strip()]


def _countries() -> list[dict[str, str]]:
    """pycountry's ISO 3166-1 entries in its order (alpha_2, name, maybe common_name), read from its database
    file: importing pycountry itself costs a first article more than reading the file (it asks the installed
    packages for its own version, and sets up seven databases)."""
    spec = importlib.util.find_spec("pycountry")
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        path = Path(folder) / "databases" / "iso3166-1.json"
        if path.is_file():
            entries: list[dict[str, str]] = json.loads(path.read_text(encoding="utf-8"))["3166-1"]
            return entries
    import pycountry  # another layout of the package: ask it

    return [
        {"alpha_2": c.alpha_2, **{a: getattr(c, a) for a in ("name", "common_name") if hasattr(c, a)}}
        for c in pycountry.countries
    ]


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    table: dict[str, tuple[str, str]] = {}
    exact: dict[str, tuple[str, str]] = {}
    for country in _countries():
        for attr in ("name", "common_name"):
            name = country.get(attr)
            if not name or "," in name or "(" in name or name in _SKIP_NAMES:
                continue
            table.setdefault(name.lower(), (country["alpha_2"], NAME))

    def add(code: str, forms: str, form: str) -> None:
        for surface in _split(forms):
            # Short all-capital forms ("US", "EU") must keep their case: "us" is a pronoun; so must a form that
            # opens with a lower-case article ("the Community").
            if (surface.isupper() and len(surface.replace(".", "")) <= 4) or surface[:1].islower():
                exact[surface] = (code, form)
            else:
                table[surface.lower()] = (code, form)

    for code, forms in _EXTRA_NAMES.items():
        add(code, forms, NAME)
    for surface, (code, _company) in _NAMES_IN_COMPANY.items():
        add(code, surface, NAME)
    for code, forms in _DEMONYMS.items():
        add(code, forms, DEMONYM)
    for code, forms in _CAPITALS.items():
        add(code, forms, CAPITAL)
    for code, forms in _ACTORS.items():
        add(code, forms, ACTOR)
    for surface in _split(_UNIVERSAL):
        table[surface.lower()] = (ANY, UNIVERSAL)
    blocs: dict[str, tuple[str, ...]] = {}
    for forms, members in _BLOCS.items():
        for surface in _split(forms):
            if surface.isupper() and len(surface.replace("-", "")) <= 4:
                exact[surface] = (ANY, BLOC)
            else:
                table[surface.lower()] = (ANY, BLOC)
            blocs[surface.lower()] = tuple(members.split())
    for surface in _split(_REGIONS):
        table[surface.lower()] = (ANY, REGION)
    lower_ok = {surface.lower() for surface in _split(_EU_IN_LOWER_CASE)}
    for surface in lower_ok:
        table[surface] = ("EU", CAPITAL)
    surfaces = {s.lower() for s in (*table, *exact)}
    # A trie of the names as one regex: each position is tried against shared prefixes once, not 600 times.
    names = rf"(?<![\w.])(?:{_trie_pattern(surfaces)})(?![\w]|\.\w)"
    return _Gazetteer(re.compile(names), table, exact, blocs, frozenset(lower_ok))


def _trie_pattern(words: set[str]) -> str:
    """One regex matching any of `words`, longest first, built as a prefix trie."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict) -> str:
        branches = [re.escape(char) + render(child) for char, child in sorted(node.items()) if char]
        optional = "" in node
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if optional else body

    return render(trie)


def find_mentions(sentence: str) -> list[Mention]:
    """Every party named in `sentence`, left to right; longer names win over their parts."""
    gaz = _gazetteer()
    found: list[Mention] = []
    low = sentence.lower()
    # The names are searched in lower case, over twice as fast as with re.I and the same wherever lower-casing
    # keeps every offset, except for the two letters re.I takes for Latin ones: dotless i and long s.
    folded = len(low) != len(sentence) or "ı" in sentence or "ſ" in sentence
    for match in _blind_pattern().finditer(sentence) if folded else gaz.lower_pattern.finditer(low):
        surface = sentence[match.start() : match.end()]
        entry = gaz.case_sensitive.get(surface)
        if entry is None:
            entry = gaz.table.get(surface.lower())
            if entry is None:
                continue
            if entry[1] != UNIVERSAL and not surface[:1].isupper() and surface.lower() not in gaz.lower_ok:
                continue  # proper names are capitalised; "china" the porcelain, "turkey" the bird
        code, form = entry
        if form == REGION:
            continue  # the longer name of a region has kept its parts from reading as a party
        if surface.lower() in _SURNAMES and _GIVEN_NAME_BEFORE.search(
            sentence, max(0, match.start() - 20), match.start()
        ):
            continue
        if surface.lower() in _COMPANY_FORMS and _FIRM_NAME_BEFORE.search(
            sentence, max(0, match.start() - 30), match.start()
        ):
            continue
        if surface.lower() in _GIVEN_NAMES and _SURNAME_AFTER.match(sentence, match.end()):
            continue
        if surface.lower() in _BYWORDS and _BYWORD_AFTER.match(sentence, match.end()):
            continue
        if (
            form in (NAME, CAPITAL)
            and _ROUND_AFTER.match(sentence, match.end())
            and sentence[max(0, match.start() - 1) : match.start()] not in ("-", "/")
        ):
            continue
        if _CURRENCY_AFTER.match(sentence, match.end()):
            continue  # "8 billion U.S. dollars", "US$5 million": a currency, not a party
        if sentence.startswith("-", match.end()) and _MODIFIER_AFTER.match(sentence, match.end()):
            continue  # "Russia-linked penalty", "Texas-based firm": a description, not a party
        if form == BLOC:
            for member in gaz.blocs[surface.lower()]:
                found.append(Mention(code=member, start=match.start(), end=match.end(), form=BLOC, text=surface))
            continue
        found.append(Mention(code=code, start=match.start(), end=match.end(), form=form, text=surface))
    found = _in_company(sentence, found)
    # A group of countries given by a number instead of names ("14 countries") stands for everyone.
    groups = [
        Mention(code=ANY, start=start, end=end, form=UNIVERSAL, text=sentence[start:end])
        for start, end in counted_groups(sentence)
        if not any(m.start < end and start < m.end for m in found)
    ]
    return sorted([*found, *groups], key=lambda m: m.start) if groups else found


# A group's quantity that is a number, not a vague "dozens" or "scores": a list after it names all its members.
_NUMBERED = re.compile(
    r"\b(?:\d[\d,]*|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred)\b",
    re.I,
)


def numbered_groups(text: str) -> list[tuple[int, int]]:
    """The groups of countries `text` gives by an exact number ("the nine countries", "14 economies"), as
    (start, end); not those given by a vague quantity ("dozens of countries")."""
    return [(start, end) for start, end in counted_groups(text) if _NUMBERED.search(text, start, end)]


def _in_company(sentence: str, found: list[Mention]) -> list[Mention]:
    """The mentions without the ambiguous names (`_NAMES_IN_COMPANY`) whose sentence names none of their company,
    or that open a longer name ("Georgia Power", "Georgia-Pacific": a company)."""
    if not any(m.text in _NAMES_IN_COMPANY for m in found):
        return found
    codes = {m.code for m in found if m.text not in _NAMES_IN_COMPANY}
    kept = []
    for m in found:
        if m.text in _NAMES_IN_COMPANY:
            company = _NAMES_IN_COMPANY[m.text][1]
            if "US" in codes if company is None else not codes & company:
                continue
            if company is None and not codes - {ANY, m.code}:
                continue
            if _NAME_GOES_ON.match(sentence, m.end):
                continue
        kept.append(m)
    return kept


def warm_up() -> None:
    """Build the tables now rather than on the first article."""
    _gazetteer()


def place_of(surface: str) -> str | None:
    """The country `surface` names or is the capital of ("Lima" -> "PE", "Peru" -> "PE"), else None."""
    entry = _gazetteer().table.get(surface.strip().lower())
    return entry[0] if entry is not None and entry[1] in {NAME, CAPITAL} else None
