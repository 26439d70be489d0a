"""Agent words: generic nouns such as "soldats" or "foreign minister" mapped to
CAMEO role codes.

An agent word names a kind of actor, not a particular one; the extractor
combines it with a country found in context ("soldats nord-coréens" gives PRK +
MIL = PRKMIL). Each language keeps its list in ``lang/<iso>/agents.tsv`` with the
columns ``phrase``, ``roles`` (``|``-separated) and ``note``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ..errors import DataError, UnsupportedLanguage
from ..lang import get as get_language
from ..lang import name_key
from ._tsv import read_tsv

__all__ = ["ROLE_CODES", "load_agents", "normalise_phrase", "parse_roles"]

# The CAMEO role (agent) codes we accept in our own data files. Domestic roles
# first, then the transnational ones that may also qualify an actor.
ROLE_CODES: frozenset[str] = frozenset(
    {
        "AGR",  # agriculture
        "BUS",  # business
        "COP",  # police
        "CRM",  # criminals
        "CVL",  # civilians
        "DEV",  # development
        "EDU",  # education
        "ELI",  # elites, former officials
        "ENV",  # environment
        "GOV",  # government
        "HLH",  # health
        "HRI",  # human rights
        "INS",  # insurgents
        "JUD",  # judiciary
        "LAB",  # labour
        "LEG",  # legislature
        "MED",  # media
        "MIL",  # military
        "MOD",  # moderates
        "OPP",  # opposition
        "PTY",  # political party
        "RAD",  # radicals
        "REB",  # rebels
        "REF",  # refugees
        "REL",  # religious
        "SEP",  # separatists
        "SPY",  # intelligence
        "UAF",  # unaligned armed forces
        "IGO",  # intergovernmental organisation
        "NGO",  # non-governmental organisation
        "MNC",  # multinational corporation
        "PKO",  # peacekeepers
    }
)


def normalise_phrase(phrase: str) -> str:
    """Lower-case a phrase, straighten its apostrophes and collapse its spaces."""
    return name_key(phrase)


def parse_roles(value: str, path: Path, line: int) -> tuple[str, ...]:
    """Split a ``|``-separated roles field and check each code.

    Raises DataError naming the file and line for a code not in ROLE_CODES.
    """
    roles = tuple(part.strip().upper() for part in value.split("|") if part.strip())
    for role in roles:
        if role not in ROLE_CODES:
            known = ", ".join(sorted(ROLE_CODES))
            raise DataError(path, line, f"unknown role code {role!r}; known: {known}")
    return roles


def load_agents(lang: str, path: Path | None = None) -> dict[str, tuple[str, ...]]:
    """Load the agent words of a language: normalised phrase -> role codes.

    ``path`` defaults to ``newsevents/lang/<lang>/agents.tsv``; the default is
    read once per language. Raises DataError naming the file and line for an
    empty phrase, an unknown role code or a phrase listed twice, and
    FileNotFoundError when the language has no agents file.
    """
    if path is None:
        return dict(_load_default(lang))
    return _read_agents(path)


@cache
def _load_default(lang: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    # Cached as a tuple so that callers cannot change the shared copy.
    try:
        path = get_language(lang).agents_path
    except UnsupportedLanguage as exc:
        # An unknown language has no agents file, like a known one without it.
        raise FileNotFoundError(f"no agents.tsv for {lang!r}: {exc}") from exc
    return tuple(_read_agents(path).items())


def _read_agents(path: Path) -> dict[str, tuple[str, ...]]:
    agents: dict[str, tuple[str, ...]] = {}
    first_line: dict[str, int] = {}
    for number, row in read_tsv(path, ("phrase", "roles")):
        phrase = normalise_phrase(row["phrase"])
        roles = parse_roles(row["roles"], path, number)
        if phrase in agents:
            raise DataError(
                path,
                number,
                f"phrase {phrase!r} already listed on line {first_line[phrase]}",
            )
        agents[phrase] = roles
        first_line[phrase] = number
    return agents
