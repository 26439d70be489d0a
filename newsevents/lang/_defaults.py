"""The object that holds everything about one language (spaCy's
``FrenchDefaults``): its spaCy model, date grammar, lexicons, function words
and the grammatical words extraction reads.

Each ``lang/<iso>/__init__.py`` builds one ``LangResources`` named
``LANGUAGE``; the registry in ``newsevents.lang`` finds it there.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from ._lexicon import Marker, Trigger, load_lexicon, load_markers

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["Grammar", "LangResources"]


@dataclass(frozen=True)
class Grammar:
    """Grammatical words of a language, by the role extraction gives them.

    Every field is read by a language-neutral rule in ``newsevents.extract``.
    """

    # Negation adverbs ("n'a pas signé", "has not signed").
    negations: frozenset[str] = frozenset()
    # Whether the conditional mood reports an unconfirmed fact ("aurait fourni").
    conditional_alleged: bool = False
    # Contractions and the preposition they hold ("au" -> "à").
    prepositions: Mapping[str, str] = field(default_factory=dict)
    # Verb forms the tagger takes for another part of speech in a frequent,
    # known way ("Macron critique le plan": ADJ), with the verb's lemma.
    mistagged_verbs: Mapping[str, str] = field(default_factory=dict)
    # "selon l'agence KCNA", "according to Reuters".
    attribution_preps: frozenset[str] = frozenset()
    # "les deux pays": nouns and numbers naming the last two countries.
    pair_words: frozenset[str] = frozenset()
    pair_numbers: frozenset[str] = frozenset()
    # Reflexive pronouns of pronominal verbs ("se rencontrer").
    reflexives: frozenset[str] = frozenset()
    # Numbers that name a crowd when they stand alone ("Thousands marched",
    # "des milliers ont défilé"), not before their noun ("des milliers de
    # policiers" are police).
    quantity_words: frozenset[str] = frozenset()
    # Objects that make a verb reciprocal ("accused each other").
    reciprocals: frozenset[str] = frozenset()
    # Verbs whose subject is an event noun and whose object and preposition
    # name its two parties ("des heurts ont opposé des manifestants aux
    # policiers"), with that preposition.
    opposing_verbs: Mapping[str, str] = field(default_factory=dict)
    # Prepositions of a complement naming an owner ("le soutien de X").
    owner_preps: frozenset[str] = frozenset()
    # Prepositions of a complement naming a country ("l'armée de la Russie").
    genitive_preps: frozenset[str] = frozenset()
    # Prepositions of a nominal event's source ("la visite de Poutine").
    noun_source_preps: frozenset[str] = frozenset()
    # Of those, the one of an agent, which the parse may hang on the event's
    # patient ("l'arrestation de trois militants par la police").
    noun_agent_preps: frozenset[str] = frozenset()
    # Prepositions of the source of what is said or threatened ("criticism
    # from Rome", "threats from the militia"), which elsewhere mark a place
    # ("withdrawal from Iraq").
    claim_source_preps: frozenset[str] = frozenset()
    # Relative pronouns, which are no subject of their own ("qui", "who").
    relatives: frozenset[str] = frozenset()
    # Relative pronouns standing for an object ("le programme que X soutient").
    object_relatives: frozenset[str] = frozenset()
    # Articles the parser takes for a preposition before an object ("des").
    partitive_cases: frozenset[str] = frozenset()
    # Prepositions of the place a protest is held at, whose owner is its
    # target ("devant le siège d'Amazon", "outside the Ministry").
    protest_site_preps: frozenset[str] = frozenset()
    # Words opening a condition ("si", "if").
    if_words: frozenset[str] = frozenset()
    # Prepositions that make a name a place ("en Russie", "in Kyiv").
    locative_preps: frozenset[str] = frozenset()
    # Prepositions that make a name a toponym but not where an event is
    # ("from Cirencester", "across Europe").
    toponym_preps: frozenset[str] = frozenset()
    # Locative prepositions that with an article mark a recipient instead
    # ("à la Russie").
    recipient_preps: frozenset[str] = frozenset()
    # Verbs whose direct object is where the event takes place ("visited Russia").
    place_object_verbs: frozenset[str] = frozenset()
    # Nouns that make a landmark's name ("place Kim Il-sung", "Downing Street").
    landmarks: frozenset[str] = frozenset()
    # Whether the landmark noun ends the name ("Trafalgar Square") rather
    # than starts it ("place de la Concorde").
    landmark_name_first: bool = False
    # Small words inside a landmark name ("place de la Concorde").
    landmark_links: frozenset[str] = frozenset()
    # Nouns of an admin-1 region next to its name ("Donetsk oblast",
    # "région de Kherson").
    region_nouns: frozenset[str] = frozenset()
    # Articles stripped from the front of a place name, tried in order.
    place_articles: tuple[str, ...] = ()
    # Nouns of sport: national teams that "meet" or "clash" in a match do
    # not consult or fight ("s'affrontent en match amical").
    sport_words: frozenset[str] = frozenset()
    # Nouns of the government itself: the one a party forms is the state's
    # ("le gouvernement socialiste", "the Labour government").
    government_words: frozenset[str] = frozenset()
    # Trigger words with another sense, and the words next to them (head or
    # complements) that say it: "la rupture d'un barrage" is a dam, no
    # roadblock.
    other_senses: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # Words that make what follows them a person's background, not news:
    # "connu pour avoir défendu", "known for defending" (the word, then the
    # preposition right before the trigger or its auxiliaries).
    background_words: frozenset[str] = frozenset()
    background_preps: frozenset[str] = frozenset()
    # Words of an organisation's name that say its kind, with the role of
    # that kind ("Holdings", "plc": BUS; "Observatoire": NGO), for the
    # organisations the knowledge base does not know.
    organisation_kinds: Mapping[str, str] = field(default_factory=dict)
    # Nouns of a capacity whose infinitive is no event: "powers to detain",
    # "le droit de manifester" (the noun, an infinitive marker, the verb).
    capacity_nouns: frozenset[str] = frozenset()
    infinitive_markers: frozenset[str] = frozenset()
    # "ce dernier", "the latter": the last person named, with the gender the
    # word gives away (None: either; "pl": the last group, "ces derniers");
    # and the determiner it needs.
    latter_words: Mapping[str, str | None] = field(default_factory=dict)
    latter_determiners: frozenset[str] = frozenset()
    # Third-person singular subject pronouns that stand for a person or an
    # institution named before ("il a ajouté", "he said").
    person_pronouns: frozenset[str] = frozenset()
    # Third-person plural subject pronouns ("ils ont manifesté", "they
    # marched"): they stand for the last plural agent acting as a subject.
    plural_pronouns: frozenset[str] = frozenset()
    # Subject pronouns that stand for an institution or a country, never
    # for a person ("it").
    neuter_pronouns: frozenset[str] = frozenset()
    # Courtesy titles before a surname ("M. Drouet", "Mr Blair").
    courtesy_titles: frozenset[str] = frozenset()
    # The gender ("m", "f") that a pronoun or a courtesy title gives away.
    genders: Mapping[str, str] = field(default_factory=dict)
    # Nouns of a member or leader of a group, who belongs to the group its
    # complement names ("une figure des gilets jaunes", "leader of the
    # protesters"), not to the government that "leader" alone suggests.
    member_nouns: frozenset[str] = frozenset()
    # Agent nouns that, definite and singular, stand for the organisation of
    # their role named last ("Amazon ... l'entreprise", "the company").
    definite_anaphors: frozenset[str] = frozenset()
    # Verbs whose passive subject is the target of the event that is its
    # agent ("X a été visé par des injures", "X was targeted by attacks").
    target_verbs: frozenset[str] = frozenset()
    # Verbs whose subject undergoes the event that is their object ("Italy
    # faced attacks from Di Maio", "le ministre a essuyé les critiques des
    # syndicats"): that subject is its target.
    undergo_verbs: frozenset[str] = frozenset()
    # Light verbs that undergo an event through a noun: "faire face à des
    # critiques" (the noun's complement), "faire l'objet d'une arrestation"
    # (the noun itself): the verb's lemma and those nouns.
    undergo_idioms: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # Verbs whose subject takes part in the event that is their complement
    # ("workers took part in the strike", "ont participé à la grève"), with
    # the object word an idiom needs ("take part") or "".
    joining_verbs: Mapping[str, str] = field(default_factory=dict)
    # Nouns of a group that a protest noun may qualify ("protest movement",
    # "mouvement de contestation"): the group, not a protest.
    movement_nouns: frozenset[str] = frozenset()
    # Nouns without an entry of their own that a protest noun may qualify
    # and still be the event ("strike action"); any other noun it qualifies
    # as a compound ("riot police", "protest vote") is no protest.
    action_nouns: frozenset[str] = frozenset()
    # Words of obligation that make a claim's that-clause a demand
    # ("insisted that Iran must withdraw").
    obligation_words: frozenset[str] = frozenset()
    # Nouns of a government's policies ("backs the bill", "soutient la
    # réforme"): supporting one supports the government that makes it.
    policy_nouns: frozenset[str] = frozenset()
    # Who deals what the subject of an undergo verb undergoes: "received
    # threats from X" (a preposition), "a reçu des coups de la part d'un
    # policier" (the noun of a prepositional phrase, whose genitive is it).
    undergo_source_preps: frozenset[str] = frozenset()
    agent_phrase_nouns: frozenset[str] = frozenset()
    # Prepositions of the one an act is done to ("les injures à l'encontre
    # du philosophe", "violence against police"): in a condemnation of that
    # act, the victim is not the one condemned.
    victim_preps: frozenset[str] = frozenset()
    # Verbs that, right after a quotation, only go on speaking ('« ... », a
    # poursuivi la mère de famille', '"...," he went on'): no event of their
    # other sense (suing, launching).
    incise_verbs: frozenset[str] = frozenset()
    # Words of a charge or a sentence: an arrest entry with one of them as
    # its word or object is the judiciary's when no agent is named ("mis en
    # examen", "condamné à la prison", "was indicted").
    judicial_words: frozenset[str] = frozenset()
    # Words before a government title that make it the opposition's
    # ("shadow chancellor", "shadow work and pensions secretary").
    opposition_prefixes: frozenset[str] = frozenset()
    # Verbs of perception whose passive subject is who does what the
    # participle after them says ("protesters were filmed hurling abuse").
    perception_verbs: frozenset[str] = frozenset()
    # Nouns of a message or a document whose participle says what their
    # author does ("X posted a video criticising Y", "X a publié un
    # communiqué dénonçant Y"): the author is the subject of the verb that
    # has the noun as its object.
    message_nouns: frozenset[str] = frozenset()
    # Prepositions of a phrase saying someone is on a visit ("X, en visite
    # en Chine, ...", "X, on a visit to China, ..."): its event is theirs.
    travel_preps: frozenset[str] = frozenset()
    # Words of time an event noun hangs on ("lors des négociations", "à
    # l'issue des discussions"): the noun's verb is theirs.
    time_words: frozenset[str] = frozenset()
    # Light verbs whose object is an event noun that says what happened, done
    # by the verb's subject ("la police a procédé à 45 interpellations",
    # "police made 20 arrests", "carried out a raid").
    light_verbs: frozenset[str] = frozenset()
    # Verbs by which a description says whose founder or leader a person is
    # ("X, who founded the party", "X, qui a lancé le mouvement").
    leading_verbs: frozenset[str] = frozenset()
    # Combining forms of country adjectives before a hyphen ("franco-",
    # "Sino-"), with their country.
    combining_forms: Mapping[str, str] = field(default_factory=dict)
    # Whether a personal pronoun may stand for an institution ("le
    # gouvernement ... il a annoncé"; English says "it").
    pronouns_for_institutions: bool = False
    # Words joining a title to the organisation it is held in ("président
    # de l'UMP", "leader of the Conservatives").
    title_preps: frozenset[str] = frozenset()


@dataclass(frozen=True)
class LangResources:
    """Everything newsevents knows about one language.

    ``folder`` holds the data files, with the same names in every language:
    ``triggers.tsv``, ``modality.tsv`` and ``agents.tsv``. ``dates`` is the
    module of date expressions read by ``newsevents.extract.dates``.
    ``function_words`` are frequent words of the language, used to tell a
    text in no available language. ``lingua`` names the language in lingua
    (None: never detected, only chosen). ``gazetteer`` says whether the
    gazetteer indexes the CLDR and GeoNames place names of this language
    (changing the set rebuilds its cached index). ``tags``
    are the fine tags the name merger gives a merged proper noun and
    adjective. ``make_nlp`` builds the pipeline instead of
    ``spacy.load(model)``, for a language without a trained model. ``home``
    is the last resort for an article's home country.
    """

    code: str
    name: str
    model: str
    folder: Path
    dates: ModuleType
    grammar: Grammar
    function_words: frozenset[str] = frozenset()
    lingua: str | None = None
    gazetteer: bool = True
    tags: Mapping[str, str] = field(
        default_factory=lambda: {"PROPN": "PROPN", "ADJ": "ADJ"}
    )
    make_nlp: Callable[[], Language] | None = None
    # The country a text in this language is about when nothing in it (no
    # dateline, outlet, country, capital or known person) names one.
    home: str | None = None

    @cached_property
    def triggers(self) -> tuple[Trigger, ...]:
        """The event trigger lexicon: ``triggers.tsv`` and the larger
        ``triggers_*.tsv`` files beside it (see ``load_lexicon``)."""
        return load_lexicon(self.folder)

    @cached_property
    def lexicon_version(self) -> str:
        """A short hash of the trigger lexicon's files (``triggers.tsv``,
        ``triggers_*.tsv`` and the word lists they cite, ``words.tsv``:
        names and contents), stored on every event so that a dataset names
        the lexicon that coded it. Computed once per process."""
        digest = hashlib.sha256()
        paths = [self.folder / "triggers.tsv",
                 *sorted(self.folder.glob("triggers_*.tsv")),
                 self.folder / "words.tsv"]  # fmt: skip
        for path in paths:
            if path.is_file():
                digest.update(path.name.encode() + b"\0")
                digest.update(path.read_bytes() + b"\0")
        return digest.hexdigest()[:12]

    @cached_property
    def markers(self) -> dict[tuple[str, str], Marker]:
        """Modality markers and report verbs (``modality.tsv``)."""
        return load_markers(self.folder / "modality.tsv")

    @property
    def agents_path(self) -> Path:
        """The agent words (``agents.tsv``, read by ``newsevents.kb.agents``)."""
        return self.folder / "agents.tsv"

    @cached_property
    def index(self) -> dict[tuple[str, str], list[Trigger]]:
        """Triggers by (lemma, pos): reviewed entries before derived ones
        (a derived entry never shadows a reviewed one), and within each,
        entries needing an object or a particle first. Support-verb entries
        that differ only by their object are tried as one (the first one's
        id, every object), so a verb with a hundred objects stays cheap."""
        index: dict[tuple[str, str], list[Trigger]] = {}
        for trigger in self.triggers:
            index.setdefault((trigger.lemma, trigger.pos), []).append(trigger)
        for key, entries in index.items():
            entries.sort(
                key=lambda t: (
                    t.status != "reviewed",
                    not t.objects,
                    t.particle is None,
                )
            )
            index[key] = _merge_objects(entries)
        return index

    def triggers_for(self, lemma: str, pos: str) -> list[Trigger]:
        """The lexicon entries of a word."""
        return self.index.get((lemma, pos), [])

    # Shortcuts kept for the extraction code that reads them often.
    @property
    def negations(self) -> frozenset[str]:
        return self.grammar.negations

    @property
    def conditional_alleged(self) -> bool:
        return self.grammar.conditional_alleged

    @property
    def prepositions(self) -> Mapping[str, str]:
        return self.grammar.prepositions

    @property
    def attribution_preps(self) -> frozenset[str]:
        return self.grammar.attribution_preps

    @property
    def pair_words(self) -> frozenset[str]:
        return self.grammar.pair_words


def _merge_objects(entries: list[Trigger]) -> list[Trigger]:
    """Entries in order, those with objects and otherwise alike merged."""
    out: list[Trigger] = []
    at: dict[tuple[object, ...], int] = {}
    for t in entries:
        if not t.objects:
            out.append(t)
            continue
        sig = (t.status, t.particle, t.code, t.targets, t.flags)
        n = at.get(sig)
        if n is None:
            at[sig] = len(out)
            out.append(t)
        else:
            objects = out[n].objects + tuple(
                o for o in t.objects if o not in out[n].objects
            )
            out[n] = replace(out[n], objects=objects)
    return out
