"""Codes of the parties to a measure, in words: "KR" is South Korea, "*" is all countries.

Codes are ISO 3166-1 alpha-2 (read with pycountry), "EU" for the European
Union and "*" for everyone (the extraction contract's codes).
"""

from __future__ import annotations

from functools import cache

import pycountry

EVERYONE = "*"
#: Codes the contract uses besides ISO 3166-1, and a few ISO names no reader uses.
_OWN = {
    EVERYONE: "all countries",
    "EU": "the European Union",
    "RU": "Russia",
    "US": "the United States",
    "GB": "the United Kingdom",
}


@cache
def party_name(code: str) -> str:
    """The party a code stands for, as a reader says it; an unknown code is shown as it is."""
    code = code.strip()
    if code.upper() in _OWN:
        return _OWN[code.upper()]
    country = pycountry.countries.get(alpha_2=code.upper()) if len(code) == 2 else None
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or country.name)


def known_party(code: str) -> bool:
    """Whether a code names a country, the European Union or everyone."""
    if code.upper() in _OWN:
        return True
    return len(code) == 2 and pycountry.countries.get(alpha_2=code.upper()) is not None


def title_name(code: str) -> str:
    """`party_name` for the start of a sentence or a table cell ("The European Union", "All countries")."""
    name = party_name(code)
    return name[:1].upper() + name[1:]


def label_name(code: str) -> str:
    """The party as a label in a table or list ("United States", "European Union", "All countries")."""
    name = party_name(code)
    if name.startswith("the "):
        name = name[4:]
    return name[:1].upper() + name[1:]
