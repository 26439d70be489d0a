"""The actor knowledge base: every name newsevents knows, by language.

It gathers countries (names, demonyms, capitals), people with their terms of
office, organisations and groups, agent words, and any PETRARCH-format
dictionaries a user brings, behind one lookup by normalised name.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from ..lang import available, name_key, normalise
from ..models import Actor, MentionKind
from .agents import load_agents
from .countries import Country, load_countries
from .organisations import NamedActor, load_organisations
from .people import Person, load_people

__all__ = [
    "Entry",
    "KnowledgeBase",
    "country_actor",
    "default_kb",
    "key",
    "load_kb",
]

# The lookup key of a name: typography normalised, lower case, one space.
key = name_key


@dataclass(frozen=True)
class Entry:
    """What a name can refer to.

    ``capital`` marks a capital city's name, which stands for its country's
    government only when used as a political agent (metonymy).
    """

    kind: MentionKind
    actor: Actor | None = None
    person: Person | None = None
    capital: bool = False

    def actor_at(self, when: date | None) -> Actor | None:
        """The actor at a date: people hold roles only during their terms."""
        if self.person is not None:
            return self.person.actor_at(when)
        return self.actor


def country_actor(country: Country) -> Actor:
    """The actor standing for a whole country."""
    return Actor(code=country.iso3, country=country.iso3, name=country.name_en)


@dataclass
class KnowledgeBase:
    """Names, demonyms and agent words of every language of the registry."""

    names: dict[str, dict[str, list[Entry]]] = field(
        default_factory=lambda: {lang: defaultdict(list) for lang in available()}
    )
    demonyms: dict[str, dict[str, str]] = field(default_factory=dict)
    agents: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    countries: dict[str, Country] = field(default_factory=dict)

    def add(self, lang: str, name: str, entry: Entry) -> None:
        """Register ``name`` in ``lang`` (``"*"`` for every language)."""
        for code in self.names if lang == "*" else (lang,):
            self._firsts.pop(code, None)
            entries = self.names[code][key(name)]
            if entry not in entries:
                entries.append(entry)

    def lookup(self, lang: str, name: str) -> list[Entry]:
        """Every entry a name may refer to, most specific first."""
        return self.names[lang].get(key(name), [])

    def starts_agent(self, lang: str, word_key: str) -> bool:
        """Whether a (normalised) word begins a multi-word agent phrase."""
        firsts = self._agent_firsts.get(lang)
        if firsts is None:
            firsts = {p.split(" ")[0] for p in self.agents.get(lang, {}) if " " in p}
            self._agent_firsts[lang] = firsts
        return word_key in firsts

    def starts_name(self, lang: str, word: str) -> bool:
        """Whether ``word`` is the first word of a multi-word name."""
        firsts = self._firsts.get(lang)
        if firsts is None:
            firsts = {key(n).split(" ")[0] for n in self.names[lang] if " " in n}
            self._firsts[lang] = firsts
        return key(word) in firsts

    def multiword_names(self, lang: str) -> list[str]:
        """Names of two or more words, merged into one token before parsing."""
        return sorted(
            {
                " ".join(normalise(entry_name).split())
                for entry_name in self._surface[lang]
                if len(entry_name.split()) > 1 or "-" in entry_name
            }
        )

    def multiword_demonyms(self, lang: str) -> list[str]:
        """Demonyms of two or more words ("North Korean"), merged as one
        adjective before parsing."""
        names: set[str] = set()
        for country in self.countries.values():
            for form in country.demonyms.get(lang, ()):
                if len(form.split()) > 1:
                    names.add(normalise(form))
                    names.add(normalise(form[:1].upper() + form[1:]))
        return sorted(names)

    _firsts: dict[str, set[str]] = field(default_factory=dict)
    _agent_firsts: dict[str, set[str]] = field(default_factory=dict)
    _surface: dict[str, set[str]] = field(
        default_factory=lambda: {lang: set() for lang in available()}
    )

    def _add_surface(self, lang: str, name: str, entry: Entry) -> None:
        for code in self.names if lang == "*" else (lang,):
            self._surface[code].add(name)
        self.add(lang, name, entry)

    def add_named_actors(self, actors: Iterable[NamedActor]) -> None:
        """Add organisations, groups or PETRARCH actors."""
        for named in actors:
            entry = Entry(kind=named.kind, actor=named.actor)  # type: ignore[arg-type]
            for lang, names in named.names.items():
                for name in names:
                    self._add_surface(lang if lang in self.names else "*", name, entry)

    def add_agents(self, lang: str, agents: dict[str, tuple[str, ...]]) -> None:
        """Add agent words (``président`` -> GOV) for a language."""
        self.agents.setdefault(lang, {}).update(
            {key(phrase): roles for phrase, roles in agents.items()}
        )
        self._agent_firsts.pop(lang, None)

    def add_people(self, people: Iterable[Person]) -> None:
        for person in people:
            entry = Entry(kind="person", person=person)
            for lang, names in person.names.items():
                for name in names:
                    self._add_surface(lang, name, entry)

    def add_countries(self, countries: dict[str, Country]) -> None:
        self.countries.update(countries)
        for country in countries.values():
            actor = country_actor(country)
            for lang in self.names:
                for name in country.names.get(lang, ()):
                    self._add_surface(lang, name, Entry(kind="country", actor=actor))
                for name in country.capitals.get(lang, ()):
                    self._add_surface(
                        lang, name, Entry(kind="place", actor=actor, capital=True)
                    )
                table = self.demonyms.setdefault(lang, {})
                for form in country.demonyms.get(lang, ()):
                    table.setdefault(key(form), country.iso3)


def _bundled() -> KnowledgeBase:
    kb = KnowledgeBase()
    kb.add_countries(load_countries())
    kb.add_named_actors(load_organisations())
    kb.add_people(load_people())
    for lang in kb.names:
        kb.add_agents(lang, load_agents(lang))
    return kb


def default_kb() -> KnowledgeBase:
    """The bundled knowledge base (built once per process and set of
    languages)."""
    return _default_kb(available())


@cache
def _default_kb(languages: tuple[str, ...]) -> KnowledgeBase:
    return _bundled()


def load_kb(
    petrarch_actors: Path | None = None, petrarch_agents: Path | None = None
) -> KnowledgeBase:
    """The bundled knowledge base plus PETRARCH-format dictionaries, if given."""
    if petrarch_actors is None and petrarch_agents is None:
        return default_kb()
    from .petrarch import load_petrarch_actors, load_petrarch_agents

    kb = _bundled()
    if petrarch_actors is not None:
        kb.add_named_actors(load_petrarch_actors(petrarch_actors))
    if petrarch_agents is not None:
        kb.add_agents("en", load_petrarch_agents(petrarch_agents))
    return kb
