"""Actor mentions at token level and what the article has established.

``ActorRef`` is one mention in a parsed paragraph; ``Context`` is the memory
an article carries from paragraph to paragraph (people named in full, people
described by a title, the last two countries named together, the last
actor a pronoun may stand for, the article's home country).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..kb.base import Entry
from ..kb.gazetteer import Gazetteer
from ..models import Actor, MentionKind, ResolvedBy
from .home import Home

__all__ = ["ActorRef", "Context"]

_ANTECEDENTS = 6
#: Roles of the staff of an organisation ("salariés d'Amazon"), who are
#: workers of the country they work in, not the organisation.
STAFF_ROLES = frozenset({"LAB", "CVL"})
#: Roles of those who protest: the opposition, unions, students.
PROTEST_ROLES = frozenset({"OPP", "LAB", "EDU"})


@dataclass(frozen=True)
class ActorRef:
    """A mention of one actor (or two, for "les deux pays") in a parsed Doc.

    ``start``/``end``/``head`` are token indices; ``capital`` marks a capital
    city's name, which stands for the government when it acts (metonymy).
    ``resolved_by`` names the step of the cascade that gave its actors;
    ``domestic`` marks an agent that took the article's home country for want
    of a qualifier, which an event's own context may override (protesters
    abroad take the country of their protest).
    """

    actors: tuple[Actor, ...]
    kind: MentionKind
    start: int
    end: int
    head: int
    capital: bool = False
    roles: tuple[str, ...] = ()
    resolved_by: ResolvedBy = "kb"
    domestic: bool = False
    name: str = ""  # a person's name, for the actor a later step gives it
    # A country's name, which stands for its government when it acts
    # ("France recalled its ambassador"); not a demonym ("Russian tanks").
    metonym: bool = False

    @property
    def bare(self) -> bool:
        """An agent word with no country yet ("des manifestants"): events
        give it the country of their place."""
        return not self.actors and bool(self.roles)

    @property
    def coded(self) -> tuple[Actor, ...]:
        """Its actors that have a code (not those known by name only)."""
        return tuple(a for a in self.actors if a.code)

    @property
    def all_roles(self) -> frozenset[str]:
        """Its own roles and its actors' roles."""
        return frozenset(self.roles).union(*(a.roles for a in self.actors))

    @classmethod
    def standing_for(
        cls,
        actors: tuple[Actor, ...],
        kind: MentionKind,
        index: int,
        metonym: bool = False,
    ) -> ActorRef:
        """A one-word mention at token ``index`` that stands for actors named
        before ("it", "the commission"): resolved by coreference."""
        return cls(
            actors,
            kind,
            index,
            index + 1,
            index,
            resolved_by="coreference",
            metonym=metonym,
        )

    @classmethod
    def implied(cls, index: int, role: str) -> ActorRef:
        """An actor the text implies at token ``index``, known by its role
        only ("34 people were arrested": the police)."""
        return cls((), "group", index, index + 1, index, roles=(role,))


@dataclass
class Context:
    """What the article has established so far (coreference memory)."""

    published: date | None
    surnames: dict[str, Entry] = field(default_factory=dict)
    last_pair: tuple[Actor, Actor] | None = None
    recent: list[Actor] = field(default_factory=list)
    home: Home | None = None
    gazetteer: Gazetteer | None = None
    # People the article described by a title, by full name and surname.
    people: dict[str, Actor] = field(default_factory=dict)
    # The last people, or acting agents, a pronoun may stand for, most
    # recent last, with their gender when the text gives it away.
    antecedents: list[tuple[Actor, str | None]] = field(default_factory=list)
    genders: dict[str, str] = field(default_factory=dict)
    # The subject among the last sentence's antecedents, with that sentence
    # (any hashable key): "X was fired from Macron's office. He ..." is X.
    subject: tuple[object, Actor] | None = None
    # The last plural agents acting as a subject ("les manifestants", "the
    # Tories"), for a later "ils" or "they".
    plural: tuple[Actor, ...] = ()
    # The last plural agents named in any role, for a later "ces derniers".
    last_plural: tuple[Actor, ...] = ()
    # The last institution or country acting as a subject ("the foreign
    # ministry said", "Russia warned"), for a later "it".
    institution: Actor | None = None
    # The last organisation named for each role ("BUS": Amazon), for a later
    # "l'entreprise" or "the company".
    organisations: dict[str, Actor] = field(default_factory=dict)
    # The words of the organisations named so far ("commission" for the
    # Electoral Commission), for a later "the commission".
    name_words: dict[str, Actor] = field(default_factory=dict)
    # Acronyms the article defined in brackets after a name ("the Muslim
    # Association of Britain (MAB)"), for the later "MAB".
    acronyms: dict[str, Actor] = field(default_factory=dict)

    def antecedent(self, gender: str | None) -> Actor | None:
        """The most recent antecedent of a compatible gender, or the subject
        of the sentence that named it when that is compatible too."""
        for actor, known in reversed(self.antecedents):
            if gender is None or known is None or known == gender:
                return self._subject_of(actor, gender) or actor
        return None

    def _subject_of(self, actor: Actor, gender: str | None) -> Actor | None:
        if self.subject is None or self.subject[1] == actor:
            return None
        subject = self.subject[1]
        known = self.genders.get(subject.name)
        if gender is not None and known is not None and known != gender:
            return None
        return subject if any(a == subject for a, _ in self.antecedents) else None

    def mentioned(
        self,
        actor: Actor,
        gender: str | None,
        sentence: object = None,
        subject: bool = False,
    ) -> None:
        """Record ``actor`` as the most recent antecedent; ``subject``: as
        the subject of ``sentence``, which a pronoun after that sentence
        prefers to the others it names."""
        if subject:
            self.subject = (sentence, actor)
        elif self.subject is not None and self.subject[0] != sentence:
            self.subject = None
        gender = gender or self.genders.get(actor.name)
        if gender is not None:
            self.genders[actor.name] = gender
        self.antecedents = [a for a in self.antecedents if a[0] != actor]
        self.antecedents.append((actor, gender))
        del self.antecedents[:-_ANTECEDENTS]

    def pair(self) -> tuple[Actor, Actor] | None:
        """The two countries "les deux pays" refers to: the last two named
        together, else the last two distinct countries named."""
        if self.last_pair is not None:
            return self.last_pair
        if len(self.recent) >= 2:
            return (self.recent[-2], self.recent[-1])
        return None

    def countries(self) -> list[str]:
        """The countries of the article so far, most salient first: its
        home country, then those named, the latest first."""
        found = [a.country for a in reversed(self.recent) if a.country]
        if self.home is not None:
            found.insert(0, self.home.country)
        return found

    def saw(self, actor: Actor) -> None:
        if not actor.country or len(actor.country) != 3 or actor.country == "IGO":
            return
        bare = Actor(code=actor.country, country=actor.country, name=actor.name)
        self.recent = [a for a in self.recent if a.country != actor.country]
        self.recent.append(bare)
