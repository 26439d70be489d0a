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

from ..errors import DataError
from ..lang import available, name_key, normalise
from ..models import Actor, MentionKind
from ._cache import cached
from .agents import load_agents
from .countries import Country, load_countries
from .country_words import (
    PARTY_WORDS,
    HomeWord,
    PartyWord,
    load_home_words,
    load_party_words,
)
from .metonyms import Metonym, load_metonyms
from .organisations import PHOENIX_PATH as ORGS_PHOENIX
from .organisations import DatedCode, NamedActor, actor_on, load_organisations
from .people import PHOENIX_PATH as PEOPLE_PHOENIX
from .people import Person, load_people

__all__ = [
    "Entry",
    "KnowledgeBase",
    "agent_actor",
    "country_actor",
    "government_of",
    "default_kb",
    "key",
    "load_kb",
]

# Roles that hold no office: a former official ("ELI") is not who "Mr Bell"
# is in an article that never named him in full.
_NO_OFFICE = frozenset({"ELI"})

# The lookup key of a name: typography normalised, lower case, one space.
key = name_key


@dataclass(frozen=True)
class Entry:
    """What a name can refer to.

    ``capital`` marks a capital city's name, which stands for its country's
    government only when used as a political agent (metonymy); ``acts_as`` is
    the actor such a name stands for when it is not that government
    ("Brussels" acting is the EU, the place is in Belgium). ``dated`` holds
    the roles of an organisation that change with the date (a party is GOV
    while it governs, OPP otherwise).
    """

    kind: MentionKind
    actor: Actor | None = None
    person: Person | None = None
    capital: bool = False
    dated: tuple[DatedCode, ...] = ()
    acts_as: Actor | None = None

    def actor_at(self, when: date | None) -> Actor | None:
        """The actor at a date: people hold roles only during their terms,
        organisations have the role of the period covering ``when``."""
        if self.person is not None:
            return self.person.actor_at(when)
        if self.actor is not None and self.dated:
            return actor_on(self.actor, self.dated, when)
        return self.actor

    def acting_actor(self, when: date | None) -> Actor | None:
        """The actor a name stands for when it acts as a political agent: a
        capital is its country's government ("Moscou a annoncé" is RUSGOV),
        "Bruxelles" is the EU; other names are their :meth:`actor_at`."""
        if self.acts_as is not None:
            return self.acts_as
        actor = self.actor_at(when)
        if not self.capital or actor is None or actor.country is None:
            return actor
        return government_of(actor)


def country_actor(country: Country) -> Actor:
    """The actor standing for a whole country."""
    return Actor(code=country.iso3, country=country.iso3, name=country.name_en)


def agent_actor(country: str, roles: tuple[str, ...], name: str = "") -> Actor:
    """An agent of a country known by its roles only ("des manifestants" in
    France is FRAOPP, named "FRA (OPP)" unless ``name`` is given)."""
    return Actor(
        code=country + "".join(roles),
        country=country,
        roles=roles,
        name=name or f"{country} ({'/'.join(roles)})",
    )


_PARTICLES = frozenset(
    "di de da del della der le la van von du dos des al el ben bin ibn".split()
)


def surnames(name: str) -> list[str]:
    """The forms a later mention of a person may take: the last word of a
    full name, with its particle ("Di Maio", "Le Pen", "bin Salman"); none
    of fewer than three letters (the "Un" of "Kim Jong Un")."""
    parts = name.split()
    if len(parts) < 2:
        return []
    found = [parts[-1]] if len(parts[-1]) >= 3 else []
    if len(parts) >= 3 and parts[-2].lower() in _PARTICLES:
        found.append(" ".join(parts[-2:]))
    return found


def is_generic(actor: Actor) -> bool:
    """Whether an actor is only a country's agent ("FRA (OPP)"), which two
    different groups of one article may both be."""
    return actor.name == f"{actor.country} ({'/'.join(actor.roles)})"


def government_of(actor: Actor) -> Actor:
    """The government of a country's actor: a capital or a country acting
    ("Moscou a annoncé", "France recalled its ambassador") is RUSGOV, FRAGOV."""
    return Actor(
        code=f"{actor.country}GOV",
        country=actor.country,
        roles=("GOV",),
        name=f"{actor.name} (government)",
    )


@dataclass
class KnowledgeBase:
    """Names, demonyms and agent words of every language of the registry."""

    names: dict[str, dict[str, list[Entry]]] = field(
        default_factory=lambda: {lang: defaultdict(list) for lang in available()}
    )
    demonyms: dict[str, dict[str, str]] = field(default_factory=dict)
    agents: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    countries: dict[str, Country] = field(default_factory=dict)
    # Party words by language and key: the word as written (a capitalised
    # one must be capitalised in the text) and the party's entry.
    parties: dict[str, dict[str, list[tuple[str, Entry]]]] = field(default_factory=dict)
    # Home words by language and key: the country whose institutions they
    # name ("MPs", "bourgmestre"), evidence of an article's home country.
    home_words: dict[str, dict[str, str]] = field(default_factory=dict)
    # Whether a country's name acting in an event stands for its government
    # ("France recalled its ambassador" is FRAGOV), as our gold guidelines
    # and human coders have it.
    country_metonymy: bool = True

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

    def party(self, lang: str, word: str, country: str | None) -> Entry | None:
        """The party of ``country`` that ``word`` names ("socialiste" in a
        French story is the Parti socialiste), or None."""
        for written, entry in self.parties.get(lang, {}).get(key(word), ()):
            if entry.actor is None or entry.actor.country != country:
                continue
            if written[:1].isupper() and not word[:1].isupper():
                continue  # "conservative" is no party, "Conservative" is
            return entry
        return None

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

    def name_prefixes(self, lang: str) -> frozenset[str]:
        """The key of every name and of each run of its first words ("kim",
        "kim jong", "kim jong un"): a run of words that none of these is
        begins no name. Rebuilt when the names grow."""
        names = self.names[lang]
        cached = self._prefixes.get(lang)
        if cached is None or cached[0] != len(names):
            prefixes: set[str] = set()
            for name in names:
                words = name.split(" ")
                prefixes.update(" ".join(words[:n]) for n in range(1, len(words) + 1))
            cached = (len(names), frozenset(prefixes))
            self._prefixes[lang] = cached
        return cached[1]

    def mention_keys(self, lang: str) -> frozenset[str]:
        """The keys of every word that may start an actor mention: names and
        the first words of longer ones, agent words and the first words of
        agent phrases, demonyms. Rebuilt when the tables grow."""
        names = self.names[lang]
        agents = self.agents.get(lang, {})
        demonyms = self.demonyms.get(lang, {})
        parties = self.parties.get(lang, {})
        sizes = (len(names), len(agents), len(demonyms), len(parties))
        cached = self._mention_keys.get(lang)
        if cached is None or cached[0] != sizes:
            self.starts_name(lang, "")  # builds the first words of names
            self.starts_agent(lang, "")
            keys = frozenset(
                {*names, *self._firsts[lang], *agents, *demonyms, *parties}
                | self._agent_firsts[lang]
            )
            cached = (sizes, keys)
            self._mention_keys[lang] = cached
        return cached[1]

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

    def office_holder(self, surname: str, when: date | None) -> Entry | None:
        """The one person of that surname ("Philippe", "Di Maio") who holds
        an office on ``when``, for "M. Philippe" or "Mr Di Maio" in an
        article that never gave the full name; None if none or several."""
        if self._surnames is None:
            index: dict[str, list[Entry]] = defaultdict(list)
            for names in self.names.values():
                for entries in names.values():
                    for entry in entries:
                        if entry.person is None:
                            continue
                        parts = entry.person.name.split()
                        for tail in {parts[-1], " ".join(parts[1:])} - {""}:
                            if len(parts) > 1 and entry not in index[key(tail)]:
                                index[key(tail)].append(entry)
            self._surnames = dict(index)
        found = [
            entry
            for entry in self._surnames.get(key(surname), [])
            if (actor := entry.actor_at(when)) is not None
            and set(actor.roles) - _NO_OFFICE
        ]
        people = {id(entry.person) for entry in found}
        return found[0] if len(people) == 1 else None

    _firsts: dict[str, set[str]] = field(default_factory=dict)
    _agent_firsts: dict[str, set[str]] = field(default_factory=dict)
    _mention_keys: dict[str, tuple[tuple[int, ...], frozenset[str]]] = field(
        default_factory=dict
    )
    _prefixes: dict[str, tuple[int, frozenset[str]]] = field(default_factory=dict)
    _country_words: dict[str, tuple[tuple[int, int], dict[str, str]]] = field(
        default_factory=dict
    )
    _surnames: dict[str, list[Entry]] | None = None
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
            entry = Entry(
                kind=named.kind,  # type: ignore[arg-type]
                actor=named.actor,
                dated=named.dated,
            )
            for lang, names in named.names.items():
                for name in names:
                    self._add_surface(lang if lang in self.names else "*", name, entry)

    def add_metonyms(self, metonyms: Iterable[Metonym]) -> None:
        """Add place names that stand for an organisation when they act
        ("Bruxelles" is the EU). Each replaces the capital entry of its name."""
        for metonym in metonyms:
            country = self.countries.get(metonym.place)
            place = (
                country_actor(country)
                if country is not None
                else Actor(code=metonym.place, country=metonym.place)
            )
            entries = self.names[metonym.lang][key(metonym.name)]
            entries[:] = [e for e in entries if not e.capital]
            entry = Entry(
                kind="place", actor=place, capital=True, acts_as=metonym.actor
            )
            self._add_surface(metonym.lang, metonym.name, entry)

    def add_converted(
        self, people: Iterable[Person], actors: Iterable[NamedActor]
    ) -> None:
        """Add converted (not reviewed) people and organisations, such as those
        of PETRARCH2's Phoenix dictionaries, under the reviewed ones.

        A converted name is added only where no entry added before has that
        name in that language, so a reviewed entry always wins; nor where it
        is an agent phrase of the language ("Secretary of State", a title of
        several countries that Phoenix gives the United States). A converted
        person whose main name is a reviewed person's name, in a country where
        that person held office, is that person: its other names are added as
        aliases of the reviewed entry (which keeps its own terms).

        Converted names are looked up but not merged into one token before
        parsing (:meth:`multiword_names`): the reviewed names only change the
        parse of every text, which keeps the merger small and fast; a
        converted name of several words is still found as a run of tokens.
        """
        taken = {
            lang: set(names) | set(self.agents.get(lang, {}))
            for lang, names in self.names.items()
        }
        for person in people:
            target = self._reviewed_person(person)
            entry = target or Entry(kind="person", person=person)
            for lang, names in person.names.items():
                for name in names:
                    if key(name) not in taken[lang]:
                        self.add(lang, name, entry)
        for named in actors:
            entry = Entry(
                kind=named.kind,  # type: ignore[arg-type]
                actor=named.actor,
                dated=named.dated,
            )
            for lang, names in named.names.items():
                for name in names:
                    if key(name) not in taken[lang]:
                        self.add(lang, name, entry)

    def _reviewed_person(self, person: Person) -> Entry | None:
        countries = {term.country for term in person.terms}
        for names in self.names.values():
            for entry in names.get(key(person.name), []):
                if entry.person is not None and countries & {
                    term.country for term in entry.person.terms
                }:
                    return entry
        return None

    def add_party_words(self, words: Iterable[PartyWord]) -> None:
        """Add party words, each tied to its party's organisation entry.

        Raises DataError for a word whose party no organisation row names."""
        parties: dict[tuple[str, str], Entry] = {}
        for names in self.names.values():
            for entries in names.values():
                for entry in entries:
                    actor = entry.actor
                    if entry.kind == "organisation" and actor and actor.org:
                        parties.setdefault((actor.country or "", actor.org), entry)
        for word in words:
            party = parties.get((word.country, word.org))
            if party is None:
                raise DataError(
                    PARTY_WORDS,
                    word.line,
                    f"{word.word!r}: no organisation {word.org!r} of {word.country}",
                )
            table = self.parties.setdefault(word.lang, {})
            table.setdefault(key(word.word), []).append((word.word, party))

    def country_words(self, lang: str) -> dict[str, str]:
        """Demonyms and home words of ``lang`` by key, with their country:
        the words that count half a country's name towards an article's home
        country. Rebuilt when the tables grow."""
        demonyms = self.demonyms.get(lang, {})
        home = self.home_words.get(lang, {})
        sizes = (len(demonyms), len(home))
        cached = self._country_words.get(lang)
        if cached is None or cached[0] != sizes:
            cached = (sizes, {**demonyms, **home})
            self._country_words[lang] = cached
        return cached[1]

    def add_home_words(self, words: Iterable[HomeWord]) -> None:
        """Add home words (``MPs`` -> GBR)."""
        for word in words:
            self.home_words.setdefault(word.lang, {})[key(word.word)] = word.country

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
    kb.add_metonyms(load_metonyms())
    kb.add_named_actors(load_organisations())
    kb.add_people(load_people())
    kb.add_party_words(load_party_words())
    kb.add_home_words(load_home_words())
    for lang in kb.names:
        kb.add_agents(lang, load_agents(lang))
    kb.add_converted(
        load_people(PEOPLE_PHOENIX), load_organisations(ORGS_PHOENIX, roles=None)
    )
    kb.office_holder("", None)  # builds the surname index, cached with the rest
    return kb


def default_kb() -> KnowledgeBase:
    """The bundled knowledge base (built once per process and set of
    languages, and cached on disk between processes: see ``_cache``)."""
    return _default_kb(available())


@cache
def _default_kb(languages: tuple[str, ...]) -> KnowledgeBase:
    return cached(_bundled, KnowledgeBase, languages)


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
        # PETRARCH's dictionaries code a country's name as the country
        # itself, never its government: a user's codes are kept as given.
        kb.country_metonymy = False
    if petrarch_agents is not None:
        kb.add_agents("en", load_petrarch_agents(petrarch_agents))
    return kb
