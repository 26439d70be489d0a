"""Event coding: who did what to whom, from a parsed paragraph.

``extract_events`` is pure: a parsed ``Doc``, its actor mentions, the
language resources and the article's dates and places in, ``Event`` models
out. Triggers come from the language's lexicon; source and target from the
dependency parse (``_patterns``); modality and attribution from markers
(``modality``); date, place and evidence from ``_anchors``.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from dataclasses import replace
from functools import partial

from spacy import symbols
from spacy.tokens import Doc, Token

from ..kb.agents import ROLE_CODES
from ..kb.base import agent_actor, government_of, is_generic
from ..kb.cameo import CameoCode, lookup
from ..lang import LangResources
from ..lang._lexicon import POS, Trigger
from ..lang.verbs import VerbDictionary
from ..models import Actor, Event
from ._anchors import Anchors, attribution, event_date, event_place, evidence
from ._arguments import Arguments, direct_object
from ._doc import RowMemo, memo_for, sentence_starts, tokens_where
from ._frames import compose
from ._patterns import Found, implicit_agent, in_words, match, mistagged_verb, viable
from ._refs import PROTEST_ROLES
from ._verbs import dictionary_triggers
from .actors import ActorRef
from .modality import governing_markers, modality

FORCE_ROOTS = frozenset({"15", "17", "18", "19", "20"})
_DOMESTIC_ROOTS = frozenset({"11", "12", "13", "17", "18"})
#: Roots of fighting, whose unqualified enemies ("rebel positions") are of
#: the place of the fighting.
_FIGHT_ROOTS = frozenset({"19", "20"})


def extract_events(
    doc: Doc,
    refs: list[ActorRef],
    res: LangResources,
    anchors: Anchors,
    offset: int = 0,
    sentence_base: int = 0,
    verbs: VerbDictionary | None = None,
) -> list[Event]:
    """Every event of a parsed paragraph whose text starts at ``offset``.

    ``verbs``, a PETRARCH/TABARI verb dictionary, is tried before the
    language's lexicon for the verbs it has.
    """
    args = Arguments(refs, res)
    candidates = [
        (t, entries)
        for t in _lexical(doc, verbs, res)
        if (entries := _entries(t, res, verbs))
    ]
    triggers = {t.i for t, _ in candidates}
    sentences = {start: n for n, start in enumerate(sentence_starts(doc))}
    founds: list[Found] = []
    for token, entries in candidates:
        first: Found | None = None
        for trigger in viable(token, entries, args):
            found = match(token, trigger, args, res)
            if found is None:
                continue
            if _complete(found):
                first = found
                break
            # An entry whose target the sentence lacks ("held exercises"
            # without "with" a partner) yields to a later entry that has
            # what it needs ("near Taiwan", or no target at all); entries
            # keep their order otherwise (a support verb's before the plain
            # verb's).
            first = first or found
        if first is not None:
            founds.append(first)
    founds = _event_objects(founds, res)
    by_token = {t.i: entries for t, entries in candidates}
    events: list[Event] = []
    for found, intended in compose(founds, by_token):
        if intended is None:
            found = _warning(found)
        if not _demands(found, res):
            continue
        events.extend(
            _events(
                found,
                args,
                res,
                anchors,
                triggers,
                offset,
                sentence_base + sentences.get(found.token.sent.start, 0),
                intended,
            )
        )
    return _denials(events)


def _complete(found: Found) -> bool:
    """Whether a match has what its entry asks for: its targets, or none
    needed, or it may go without, or it is mutual between its sources
    ("China and Russia held joint exercises")."""
    trigger = found.trigger
    return (
        bool(found.targets)
        or found.untargeted
        or not trigger.needs_target
        or (_mutual(trigger) and len(found.sources) > 1)
    )


def _mutual(trigger: Trigger) -> bool:
    """Whether an entry's event is between its sources when it names no
    target ("China and Russia held joint exercises")."""
    return trigger.symmetric or "mutual" in trigger.flags


# Judgements (praise, criticism, accusation, rejection) of an action target
# its agents: protests and violence, whose sources are who acted.
_JUDGING = frozenset({"05", "11", "12"})
_ACTIONS = frozenset({"14", "18", "19", "20"})


def _event_objects(founds: list[Found], res: LangResources) -> list[Found]:
    """A judgement without an actor target whose object is another event's
    noun targets that event's agents: "denounced the protests as
    grotesque" targets the protesters, "a condamné les violences" those
    who used it; an act whose agent goes without saying targets that agent:
    "called the arrest an abuse of power" targets the police."""
    by_token = {f.token.i: f for f in founds}
    out: list[Found] = []
    for found in founds:
        obj = (
            direct_object(found.token, res.grammar)
            if found.trigger.code[:2] in _JUDGING
            else None
        )
        targets: tuple[ActorRef, ...] = ()
        if obj is not None and not found.targets:
            other = by_token.get(obj.i)
            if (
                other is not None
                and other is not found
                and other.trigger.code[:2] in _ACTIONS
                and other.sources
            ):
                targets = other.sources
            elif other is None:
                targets = _implied_agents(obj, res)
        elif obj is not None and all(_within(t, obj) for t in found.targets):
            # "defended Drouet's arrest": the one arrested is no target of
            # the judgement, the police are.
            targets = _implied_agents(obj, res)
        if targets:
            pattern = found.pattern.replace("+untargeted", "")
            found = replace(
                found,
                targets=targets,
                pattern=pattern + "+event-object",
                untargeted=False,
            )
        out.append(found)
    return out


def _within(ref: ActorRef, token: Token) -> bool:
    """Whether a mention lies inside the phrase ``token`` heads."""
    head = token.doc[ref.head]
    return head.i != token.i and token in head.ancestors


def _implied_agents(noun: Token, res: LangResources) -> tuple[ActorRef, ...]:
    """The agent an event noun implies (an arrest the police's, an
    indictment the judiciary's), as a bare agent of its sentence's country."""
    if noun.pos_ != "NOUN":
        return ()
    for trigger in res.triggers_for(noun.lemma_.lower(), "NOUN"):
        implied = implicit_agent(
            trigger, (noun.lemma_.lower(),), res.grammar.judicial_words
        )
        if implied is not None:
            return (ActorRef.implied(noun.i, implied[0]),)
    return ()


def _warning(found: Found) -> Found:
    """A warning of no one that something may happen ("warned that small
    firms could be crippled", "a averti que ...") is a pessimistic comment
    (012), not a threat: a threat names whom it is made to or what the
    speaker will do."""
    if "warn" not in found.trigger.flags:
        return found
    parts = found.pattern.split("+")
    if found.targets and "clause-subject" not in parts:
        return found
    if not any(c.dep_ == "ccomp" for c in found.token.children):
        return found
    # What the clause is about is no target of the warning.
    pattern = "+".join(p for p in parts if p != "clause-subject")
    return replace(
        found,
        trigger=replace(found.trigger, code="012"),
        targets=(),
        pattern=pattern + "+warning",
        untargeted=True,
    )


def _demands(found: Found, res: LangResources) -> bool:
    """Whether a claim entry's match demands: "insisted on a ceasefire",
    "insisted that Iran must withdraw" do; "ministers insist they are
    proportionate" states (a that-clause without obligation, of no one)."""
    if "claim" not in found.trigger.flags:
        return True
    if found.targets and "clause-subject" not in found.pattern.split("+"):
        return True
    clauses = [c for c in found.token.children if c.dep_ == "ccomp"]
    words = res.grammar.obligation_words
    return not clauses or any(
        t.lemma_.lower() in words for c in clauses for t in (c, *c.children)
    )


def _denials(events: list[Event]) -> list[Event]:
    """A denial without a target denies the last accusation: "accusations
    que les deux pays nient" targets the accusers."""
    out: list[Event] = []
    for event in events:
        if event.code.startswith("016") and event.target is None:
            accusers = [
                e.source
                for e in out
                if e.root == "11"
                and e.source is not None
                and e.target is not None
                and e.target.country == (event.source.country if event.source else None)
            ]
            accusers = accusers or [
                e.source for e in out if e.root == "11" and e.source is not None
            ]
            if accusers:
                event = event.model_copy(
                    update={
                        "target": accusers[-1],
                        "pattern": event.pattern + "+denied-accusation",
                    }
                )
        out.append(event)
    return out


def _lexical(
    doc: Doc, verbs: VerbDictionary | None, res: LangResources
) -> Iterator[Token]:
    """The tokens that may have entries: verbs and nouns, the verb forms the
    tagger takes for something else (``Grammar.mistagged_verbs``), and
    auxiliaries for a verb dictionary. Read off the token arrays: visiting
    every token costs more. Without a verb dictionary, only the verbs and
    nouns whose lemma the lexicon lists, with the answer for each class,
    lemma and word remembered (``_listed``)."""
    if verbs is not None:
        strings = doc.vocab.strings
        rows = doc.to_array(["POS", "LEMMA", "LOWER"]).tolist()
        wanted = {symbols.VERB, symbols.NOUN, symbols.AUX}  # see dictionary_triggers
        forms = {strings[w] for w in res.grammar.mistagged_verbs}
        return (
            doc[i] for i, (pos, _, lower) in enumerate(rows)
            if pos in wanted or lower in forms
        )  # fmt: skip
    memo = memo_for(_LISTED, id(res), (res, res.index))
    # The attributes ``_starts`` of actors.py reads too: read once.
    kept = tokens_where(
        doc, ("POS", "ORTH", "LEMMA", "LOWER"), memo, partial(_listed, res)
    )
    return (doc[i] for i in kept)


def _listed(res: LangResources, row: tuple[str, ...]) -> bool:
    """Whether a token of this class, word, lemma and lower-case word may
    have entries (see ``_entries``): a mistagged verb form, or a verb or
    noun the lexicon has."""
    pos, _, lemma, lower = row
    if lower in res.grammar.mistagged_verbs:
        return True
    return pos in POS and bool(res.triggers_for(lemma.lower(), pos))


# The answers of ``_listed`` for each language's resources (kept with them,
# and with the lexicon index they read).
_LISTED: dict[Hashable, tuple[tuple[object, ...], RowMemo]] = {}


def _entries(
    token: Token, res: LangResources, verbs: VerbDictionary | None = None
) -> list[Trigger]:
    own = dictionary_triggers(token, verbs) if verbs is not None else []
    verb = mistagged_verb(token, res)
    if verb is not None:
        return own + res.triggers_for(verb, "VERB")
    if token.pos_ not in POS:
        return own
    return own + res.triggers_for(token.lemma_.lower(), token.pos_)


def code_entry(code: str) -> CameoCode:
    """The code book entry of a code; a code of a user's dictionary that the
    CAMEO code book lacks keeps its digits, with its root's quad class."""
    try:
        return lookup(code)
    except ValueError:
        root = code[:2]
        quad = 0
        if root.isdigit() and 1 <= int(root) <= 20:
            quad = 1 if int(root) <= 5 else 2 if int(root) <= 9 else 3
            quad = 4 if int(root) >= 15 else quad
        return CameoCode(code, "", 0.0, quad, None, None)


def _events(
    found: Found,
    args: Arguments,
    res: LangResources,
    anchors: Anchors,
    triggers: set[int],
    offset: int,
    sentence: int,
    intended: str | None = None,
) -> list[Event]:
    trigger = found.trigger
    mood = modality(found.token, res, embedded=found.embedded)
    # A capital or city one travels to or attacks is a place in a country,
    # not its government; other actors are not the event's place.
    as_place = trigger.code[:3] == "042" or trigger.code[:2] in FORCE_ROOTS
    actors = [*found.sources] if as_place else [*found.sources, *found.targets]
    where = event_place(found.token, anchors, triggers, offset, avoid=actors)
    here = where.country if where is not None else None
    root = trigger.code[:2]
    # A bare agent takes a country from context: protesters from the place
    # they protest in; those arrested or criticised from whoever does it.
    crowd = here if root == "14" else None
    implied = bool(_IMPLIED_STATE & set(found.pattern.split("+")))
    if implied:
        # The state of the event's place, else of the one it is done to
        # ("Russian opposition leader X was arrested"), else at home.
        patients = None if trigger.code.startswith(_RELEASE) else found.targets
        # A release is rarely by the state of the one released ("the
        # Egyptian suspect was freed" in a British story): not theirs.
        crowd = here or _patients_state(patients or []) or anchors.home
    sources = [(a, r) for r in found.sources for a in event_actors(r, crowd)]
    if root == "14":
        sources = [(_protester(a), r) for a, r in sources]
    # The parties of a domestic act, or an implied state's, are of one country.
    domestic = root in _DOMESTIC_ROOTS or implied
    own = sources[0][0].country if sources and domestic else None
    if root in _FIGHT_ROOTS and sources:
        # "l'armée a bombardé des positions rebelles": the rebels of the
        # place fought in, else of the army's country.
        own = here or sources[0][0].country
    if "event-object" in found.pattern.split("+"):
        # The police of an arrest judged: where the event is, else the
        # judge's own country (an organisation's: none), else at home.
        state = sources[0][0].country if sources else None
        state = state if state not in ROLE_CODES else None
        own = here or state or anchors.home
    targets = [(a, r) for r in found.targets for a in event_actors(r, own, as_place)]
    if trigger.code.startswith("175"):
        # Crowds that police disperse are protesters.
        targets = [(_protester(a), r) for a, r in targets]
    own_place = event_place(
        found.token, anchors, triggers, offset, avoid=actors, depth=1
    )
    here = own_place.country if own_place is not None else None
    if not targets and trigger.code[:3] == "042" and here is not None:
        # "will visit Auschwitz": a visit to a place is a visit to its country.
        host = Actor(code=here, country=here, name=here)
        targets = [
            (host, found.sources[0]) for a, _ in sources[:1] if a.country != here
        ]
    if not targets and root in FORCE_ROOTS and here is not None:
        # "shelled the city of Kharkiv": force used on a place hits its country.
        victim = Actor(code=here, country=here, name=here)
        targets = [
            (victim, found.sources[0]) for a, _ in sources[:1] if a.country != here
        ]
    intent = found.pattern == "control" and any(
        m.kind == "planned" for _, m in governing_markers(found.token, res)
    )
    pairs: list[tuple[Actor, Actor | None, ActorRef, ActorRef | None]] = []
    mutual = _mutual(trigger)
    if not targets and mutual and len(sources) > 1:
        for a, ra in sources:
            for b, rb in sources:
                if a.code != b.code:
                    pairs.append((a, b, ra, rb))
    elif targets:
        for a, ra in sources:
            for b, rb in targets:
                if a.code == b.code and (
                    rb is ra
                    or a.name == b.name
                    and not (is_generic(a) and _distinct(ra, rb))
                ):
                    # One actor is not its own target; two parties of one
                    # code ("the Tories criticised the Lib Dems") are two,
                    # and so are two groups ("une figure du mouvement prise
                    # à partie par des manifestants").
                    continue
                pairs.append((a, b, ra, rb))
                # "X a signé avec Y" is also Y signing with X, but "X a
                # refusé de signer avec Y" and "X veut signer avec Y" (X's
                # intention, not a future tense) say nothing of Y.
                if trigger.symmetric and mood != "negated" and not intent:
                    pairs.append((b, a, rb, ra))
    elif not trigger.needs_target or found.untargeted:
        pairs = [(a, None, ra, None) for a, ra in sources]
    if not pairs:
        return []
    code = code_entry(_in_words(found.token, trigger.code))
    mark = ""  # what made the code more precise, for --explain
    if code.code in _AID_INTENTS and _money(found.token):
        # "promised €10bn", "a promis dix milliards d'euros": economic aid.
        code, mark = code_entry(_ECONOMIC_AID), "+money"
    if code.code == _STATEMENT and mood == "negated":
        # "did not comment", "n'a pas commenté", "n'a pas répondu": CAMEO's
        # decline comment, which did happen.
        code, mood, mark = code_entry(_DECLINE), "asserted", "+declined"
    when = event_date(found.token, anchors, triggers, offset)
    reported_by = attribution(found.token, args, res, event_actors)
    # Fallbacks ("+clause-subject", "+untargeted") are less sure than a
    # direct parse; the frame itself ("+intended") is not a fallback.
    parts = found.pattern.split("+")
    direct = parts[0] in ("active", "passive") and set(parts[1:]) <= {"intended"}
    confidence = 0.9 if direct else 0.75
    events = []
    seen: set[tuple[str, str | None]] = set()
    for source, target, ref_s, ref_t in pairs:
        if (source.code, target.code if target else None) in seen:
            continue
        seen.add((source.code, target.code if target else None))
        fields, why = _street_violence(code, source, target)
        events.append(
            Event(
                source=source,
                target=target,
                **fields.event_fields(),  # type: ignore[arg-type]
                modality=mood,
                attribution=reported_by,
                date=when,
                place=where,
                evidence=(evidence(found.token, ref_s, ref_t, offset, sentence),),
                confidence=confidence,
                trigger=trigger.id,
                pattern=found.pattern + why + mark,
                symmetric=trigger.symmetric,
                intended_code=intended,
            )
        )
    return events


#: Intents that, with a sum of money, are intents to give economic aid.
_AID_INTENTS = frozenset({"030", "033"})
_ECONOMIC_AID = "0331"
_CURRENCY_SIGNS = frozenset("€$£¥")
_CURRENCY_WORDS = frozenset(
    {"euro", "euros", "dollar", "dollars", "pound", "pounds", "sterling", "francs"}
)


def _money(token: Token) -> bool:
    """Whether the phrase a trigger governs names a sum of money (a sign or
    a currency word next to a number)."""
    for word in token.subtree:
        if word.i < token.i:
            continue
        if any(sign in word.text for sign in _CURRENCY_SIGNS):
            return True
        if word.lower_ in _CURRENCY_WORDS and any(
            w.like_num for w in word.doc[max(0, word.i - 4) : word.i]
        ):
            return True
    return False


def _in_words(token: Token, code: str) -> str:
    """Force in words is criticism: "was verbally attacked", "verbal
    attacks", "agressé verbalement" are 111, not 18x/19x."""
    if code[:2] in _VIOLENCE_ROOTS and in_words(token):
        return "111"
    return code


def _distinct(a: ActorRef, b: ActorRef) -> bool:
    """Two mentions of groups that may be two groups: neither stands for
    the other by coreference ("ministers insist they ...")."""
    return a.resolved_by != "coreference" and b.resolved_by != "coreference"


_VIOLENCE_ROOTS = frozenset({"18", "19"})


def _street_violence(
    code: CameoCode, source: Actor, target: Actor | None
) -> tuple[CameoCode, str]:
    """CAMEO's protest conventions for violence in the street: protesters
    who assault or fight ("stoned the police", "clashed with police") riot
    (145); police who assault or fight protesters repress them (175). And
    protesters who mobilise ("la mobilisation des gilets jaunes") protest
    (140), where armed forces would mobilise (154). Some codes are made
    precise by the source's role (``_BY_ROLE``)."""
    roles = set(source.roles)
    if code.code[:2] in _VIOLENCE_ROOTS and _party_politics(source, target):
        # "Labour attacked the Tories over their tax plans": one party of a
        # country's politics attacking another speaks in figures.
        return lookup("111"), "+political-attack"
    if code.code.startswith(_MOBILISE) and roles & PROTEST_ROLES:
        if not roles & {"MIL", "REB", "GOV", "COP"}:
            return lookup("140"), "+protest-mobilisation"
    refined = _BY_ROLE.get(code.code)
    if refined is not None and roles & refined[0] and not roles & refined[1]:
        return lookup(refined[2]), refined[3]
    if code.code[:2] not in _VIOLENCE_ROOTS:
        return code, ""
    if "OPP" in roles and not roles & {"MIL", "REB", "GOV"}:
        return lookup("145"), "+protest-violence"
    if "COP" in roles and target is not None and "OPP" in target.roles:
        return lookup("175"), "+repression"
    return code, ""


#: A plain statement, and declining to make one (a statement negated).
_STATEMENT = "010"
_DECLINE = "011"

#: The roles of a country's politics: government, opposition, legislature.
_POLITICAL_ROLES = frozenset({"GOV", "OPP", "LEG"})


def _party_politics(source: Actor, target: Actor | None) -> bool:
    """Whether an attack is between the politics of one country: a named
    source (a party, a politician; not "protesters"), both sides political
    (government, opposition, legislature) of the same country ("Labour
    attacked the Tories", "the Home Secretary hit the Lib Dems")."""
    if target is None or not source.country or source.country != target.country:
        return False
    if is_generic(source):
        return False  # "protesters attacked parliament": force
    return (
        bool(source.roles)
        and bool(target.roles)
        and set(source.roles) <= _POLITICAL_ROLES
        and set(target.roles) <= _POLITICAL_ROLES
    )


#: The code of mobilising forces (a protest when protesters mobilise).
_MOBILISE = "154"
#: Codes that the source's role makes precise: (code: roles that do, roles
#: that prevent it, the precise code, the pattern's mark). Police deployed
#: or mobilised show police power, not military power; an investigation
#: by prosecutors or police is into a crime; a government that backs down
#: accedes to a demand for a change of policy.
_BY_ROLE: dict[str, tuple[frozenset[str], frozenset[str], str, str]] = {
    "150": (frozenset({"COP"}), frozenset({"MIL"}), "153", "+police-power"),
    "154": (frozenset({"COP"}), frozenset({"MIL"}), "153", "+police-power"),
    "090": (frozenset({"JUD", "COP"}), frozenset(), "091", "+criminal-inquiry"),
    "080": (frozenset({"GOV"}), frozenset(), "0832", "+policy-yield"),
}

#: The implicit agents of passives that belong to the state of the event's
#: place, else of the article's home.
_RELEASE = "0841"
_IMPLIED_STATE = frozenset(
    {"implicit-police", "implicit-judiciary", "implicit-government"}
)


def _protester(actor: Actor) -> Actor:
    """People who demonstrate are protesters: "50,000 people demonstrated"
    is an opposition actor (CAMEO OPP), not the public at large."""
    if actor.roles != ("CVL",) or actor.country is None:
        return actor
    generic = actor.name == f"{actor.country} (CVL)"
    return actor.model_copy(
        update={
            "code": f"{actor.country}OPP",
            "roles": ("OPP",),
            "name": f"{actor.country} (OPP)" if generic else actor.name,
        }
    )


def _patients_state(targets: tuple[ActorRef, ...]) -> str | None:
    """The country of the first target that the text itself qualifies (not
    one given the article's home for want of a qualifier)."""
    for ref in targets:
        if ref.domestic or ref.bare:
            continue
        for actor in ref.coded:
            if actor.country is not None and actor.country not in ROLE_CODES:
                return actor.country
    return None


def event_actors(
    ref: ActorRef, country: str | None = None, as_place: bool = False
) -> list[Actor]:
    """The event actors of a mention: a capital acting is its government; a
    bare agent ("des manifestants") belongs to the country of the event's
    place, as does one that only took the article's home country; actors
    known by name only (no code) take part in no event."""
    if ref.domestic and country is not None:
        # An agent with the article's home country for want of a qualifier
        # takes the country its event gives (protesters abroad).
        ref = replace(ref, actors=())
    if ref.bare:
        if country is None:
            return []
        return [agent_actor(country, ref.roles)]
    if (ref.capital or ref.metonym) and not as_place:
        # "Paris a annoncé", "France recalled its ambassador": a capital or a
        # country acting is its government (metonymy).
        return [
            government_of(a)
            for a in ref.coded
            if a.country is not None and a.code == a.country
        ] + [a for a in ref.coded if a.country is None or a.code != a.country]
    return list(ref.coded)


__all__ = ["Anchors", "extract_events"]
