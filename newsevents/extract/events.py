"""Event coding: who did what to whom, from a parsed paragraph.

``extract_events`` is pure: a parsed ``Doc``, its actor mentions, the
language resources and the article's dates and places in, ``Event`` models
out. Triggers come from the language's lexicon; source and target from the
dependency parse (active, passive, coordination, control, participial and
relative clauses, nominal events); modality and attribution from markers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from ..kb.cameo import lookup
from ..lang import LangResources
from ..lang._lexicon import Trigger
from ..models import Actor, DateRef, Event, Evidence, Modality, Place
from ._arguments import (
    Arguments,
    direct_object,
    has_reflexive,
    object_matches,
    particle_matches,
    passive_subject,
    subject,
)
from .actors import ActorRef
from .modality import governing_markers, modality, reporter

_RELATIVE = frozenset({"qui", "que", "who", "which", "that", "lequel", "laquelle"})
_NOUN_SOURCE_PREPS = ("de", "par", "of", "by")
_MAX_EVIDENCE_TOKENS = 40
_FORCE_ROOTS = frozenset({"15", "17", "18", "19", "20"})
_VERBAL_ROOTS = frozenset({"01", "02", "03", "04", "05"})


@dataclass(frozen=True)
class Anchors:
    """Article-level dates and places, with article character offsets."""

    published: date | None
    dates: tuple[DateRef, ...] = ()
    places: tuple[Place, ...] = ()


@dataclass(frozen=True)
class _Found:
    trigger: Trigger
    token: Token
    sources: tuple[ActorRef, ...]
    targets: tuple[ActorRef, ...]
    pattern: str
    embedded: bool = False


def extract_events(
    doc: Doc,
    refs: list[ActorRef],
    res: LangResources,
    anchors: Anchors,
    offset: int = 0,
    sentence_base: int = 0,
) -> list[Event]:
    """Every event of a parsed paragraph whose text starts at ``offset``."""
    args = Arguments(refs, res)
    candidates = [(t, _entries(t, res)) for t in doc]
    triggers = {t.i for t, entries in candidates if entries}
    sentences = {sent.start: n for n, sent in enumerate(doc.sents)}
    events: list[Event] = []
    for token, entries in candidates:
        for trigger in entries:
            found = _match(token, trigger, args, res)
            if found is None:
                continue
            events.extend(
                _events(
                    found,
                    args,
                    res,
                    anchors,
                    triggers,
                    offset,
                    sentence_base + sentences.get(token.sent.start, 0),
                )
            )
            break
    return _denials(events)


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


def _entries(token: Token, res: LangResources) -> list[Trigger]:
    if token.pos_ not in ("VERB", "NOUN"):
        return []
    return res.triggers_for(token.lemma_.lower(), token.pos_)


# -- matching one trigger --------------------------------------------------
def _match(
    token: Token, trigger: Trigger, args: Arguments, res: LangResources
) -> _Found | None:
    support = None
    if trigger.objects and trigger.pos == "NOUN":
        # "démonstration de force": a noun entry's object is its complement.
        if not any(c.lemma_.lower() in trigger.objects for c in token.children):
            return None
    elif trigger.objects:
        support = object_matches(token, trigger)
        if support is None:
            return None
    if not particle_matches(token, trigger):
        return None
    if "refl" in trigger.flags and not has_reflexive(token):
        return None
    if trigger.pos == "NOUN":
        if _is_support_object(token, res):
            return None
        if any(c.dep_ in ("nsubj", "nsubj:pass") for c in token.children):
            # A verb the tagger took for a noun ("a téléphoné à").
            return _verbal(token, trigger, args, res, None)
        return _nominal(token, trigger, args)
    return _verbal(token, trigger, args, res, support)


def _is_support_object(noun: Token, res: LangResources) -> bool:
    """ "imposer des sanctions": the verb entry codes it, not the noun. And
    the verbal cooperation a verb event is about ("a salué le soutien de X")
    is that event's content, not an event of its own."""
    head = noun.head
    if head is noun or head.pos_ != "VERB":
        return False
    entries = res.triggers_for(head.lemma_.lower(), "VERB")
    if any(noun.lemma_.lower() in t.objects for t in entries):
        return True
    # "a salué le soutien de X": the support is what is praised. But "a
    # condamné la visite de X en Corée" reports the visit too.
    roots = {t.code[:2] for t in res.triggers_for(noun.lemma_.lower(), "NOUN")}
    verb_roots = {t.code[:2] for t in entries}
    content = roots <= {"05"} or bool(roots & verb_roots)
    return bool(entries) and noun.dep_ in ("obj", "dobj") and content


def _verbal(
    verb: Token,
    trigger: Trigger,
    args: Arguments,
    res: LangResources,
    support: Token | None,
) -> _Found | None:
    subj, passive = subject(verb)
    pattern = "passive" if passive else "active"
    embedded = False
    sources: list[ActorRef] = []
    if subj is not None and subj.lower_ not in _RELATIVE:
        sources = args.group(subj)
        head = verb.head
        if (
            verb.dep_ in ("conj", "punct", "dep", "parataxis")
            and head.pos_ in ("PROPN", "NOUN")
            and any(c.dep_ == "cc" for c in verb.children)
        ):
            # "Poutine, arrivé ..., et Kim Jong Un ont entamé": a parse that
            # hangs the verb on the first subject.
            first = args.resolve(head, depth=0)
            if first is not None and first not in sources:
                sources = [first, *sources]
                pattern = "coordinated-subject"
    if not sources:
        sources, pattern, embedded = _inherited(verb, args, res)
    if not sources:
        return None
    targets = _verb_targets(verb, trigger, args, passive, support)
    return _Found(trigger, verb, tuple(sources), tuple(targets), pattern, embedded)


def _verb_targets(
    verb: Token, trigger: Trigger, args: Arguments, passive: bool, support: Token | None
) -> list[ActorRef]:
    for spec in trigger.targets:
        token = None
        if spec == "obj":
            token = passive_subject(verb) if passive else direct_object(verb)
        elif spec == "iobj":
            token = next(
                (c for c in verb.children if c.dep_ in ("iobj", "dative")), None
            )
        else:
            heads = [verb]
            if support is not None:
                # "signer un accord de coopération avec X", "utiliser des
                # missiles nord-coréens en Ukraine": the target may hang on
                # the object or on its complements.
                heads += _support_heads(support)
            refs, _ = args.marked_actors(heads, spec)
            if refs:
                return refs
        if token is not None and token is not support:
            refs = args.group(token)
            if refs:
                return refs
    return []


def _support_heads(support: Token, depth: int = 2) -> list[Token]:
    heads = [support]
    if depth == 0:
        return heads
    for child in support.children:
        if child.dep_ == "amod" or child.dep_.startswith("nmod"):
            heads += _support_heads(child, depth - 1)
    return heads


def _inherited(
    verb: Token, args: Arguments, res: LangResources
) -> tuple[list[ActorRef], str, bool]:
    """Sources of a verb without its own subject: the controller of an
    infinitive ("prévoit de se rendre", "accusent Pyongyang de fournir"), the
    subject of a coordinated verb, the noun a participle or relative clause
    modifies ("Poutine, arrivé en Corée du Nord")."""
    head = verb.head
    if head is verb:
        return [], "", False
    dep = verb.dep_
    if dep == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        # English gerunds: "accuse X of supplying", "blame X for attacking".
        head, dep = head.head, "xcomp"
    if dep in ("xcomp", "advcl", "obl:arg", "ccomp") and head.pos_ in ("VERB", "AUX"):
        marker = res.markers.get((head.lemma_.lower(), head.pos_))
        embeds = any(
            "embed" in t.flags for t in res.triggers_for(head.lemma_.lower(), "VERB")
        )
        if (marker is not None and marker.control == "obj") or embeds:
            obj = direct_object(head) or passive_subject(head)
            if obj is not None:
                return args.group(obj), "embedded", True
        if dep == "ccomp":
            return [], "", False
        subj, passive = subject(head)
        if subj is not None and not passive:
            return args.group(subj), "control", False
        refs, _, embedded = _inherited(head, args, res)
        return refs, "control", embedded
    if dep == "conj":
        if head.pos_ in ("VERB", "AUX"):
            subj, passive = subject(head)
            if subj is not None and not passive:
                return args.group(subj), "coordinated-verb", False
            refs, pattern, embedded = _inherited(head, args, res)
            return refs, pattern, embedded
        ref = args.resolve(head, depth=0)
        if ref is not None:
            # "Vladimir Poutine et Kim Jong Un signent": a parse that hangs the
            # verb on the first subject.
            subj, _ = subject(verb)
            refs = [ref] + (args.group(subj) if subj is not None else [])
            return refs, "coordinated-subject", False
    if dep in ("acl", "acl:relcl", "relcl"):
        ref = args.resolve(head, depth=0) or args.resolve(head)
        if ref is not None:
            return [ref], "participle" if dep == "acl" else "relative", False
    return [], "", False


def _nominal(noun: Token, trigger: Trigger, args: Arguments) -> _Found | None:
    """ "l'invasion russe de l'Ukraine", "la visite de Poutine en Corée"."""
    targets: list[ActorRef] = []
    used: set[int] = set()
    for spec in trigger.targets:
        if spec in ("amod", "poss"):
            token = next(
                (
                    c
                    for c in noun.children
                    if c.dep_.startswith(spec)
                    or (spec == "poss" and c.dep_ == "nmod:poss")
                ),
                None,
            )
            ref = args.resolve(token) if token is not None else None
            if token is not None and ref is not None:
                targets, used = [ref], {token.i}
                break
        elif spec not in ("obj", "iobj"):
            # "an incursion by soldiers into South Korea": the target may hang
            # on the source noun.
            heads = [noun, *(_prep_objects(noun))]
            refs, token = args.marked_actors(heads, spec)
            if token is not None:
                targets, used = refs, {token.i}
                break
    sources: list[ActorRef] = []
    for child, prep in _noun_arguments(noun, args):
        if child.i in used:
            continue
        if child.dep_ in ("amod", "poss", "nmod:poss", "compound") or (
            prep in _NOUN_SOURCE_PREPS
        ):
            ref = args.resolve(child)
            if ref is not None and ref not in targets:
                sources.append(ref)
                break
    if not sources:
        return None
    return _Found(trigger, noun, tuple(sources), tuple(targets), "nominal")


def _noun_arguments(noun: Token, args: Arguments) -> list[tuple[Token, str | None]]:
    """The dependents of a noun with the preposition introducing each."""
    out: list[tuple[Token, str | None]] = []
    for child in noun.children:
        if child.dep_ == "prep":
            out.extend((g, child.lower_) for g in child.children if g.dep_ == "pobj")
        else:
            out.append((child, args.preposition(child)))
    return out


def _prep_objects(noun: Token) -> list[Token]:
    out = []
    for child in noun.children:
        if child.dep_ == "prep":
            out.extend(g for g in child.children if g.dep_ == "pobj")
        elif child.dep_.startswith("nmod"):
            out.append(child)
    return out


# -- building events -------------------------------------------------------
def _events(
    found: _Found,
    args: Arguments,
    res: LangResources,
    anchors: Anchors,
    triggers: set[int],
    offset: int,
    sentence: int,
) -> list[Event]:
    trigger = found.trigger
    mood = modality(found.token, res, embedded_alleged=found.embedded)
    # A capital or city one travels to or attacks is a place in a country,
    # not its government; other actors are not the event's place.
    as_place = trigger.code[:3] == "042" or trigger.code[:2] in _FORCE_ROOTS
    actors = [*found.sources] if as_place else [*found.sources, *found.targets]
    where = _place(found.token, anchors, triggers, offset, avoid=actors)
    here = where.country if where is not None else None
    sources = [(a, r) for r in found.sources for a in _actors(r, here)]
    targets = [(a, r) for r in found.targets for a in _actors(r, here, as_place)]
    if not targets and trigger.code[:2] in _FORCE_ROOTS and here is not None:
        # "shelled the city of Kharkiv": force used on a place hits its country.
        victim = Actor(code=here, country=here, name=here)
        targets = [
            (victim, found.sources[0]) for a, _ in sources[:1] if a.country != here
        ]
    pairs: list[tuple[Actor, Actor | None, ActorRef, ActorRef | None]] = []
    if not targets and trigger.symmetric and len(sources) > 1:
        for a, ra in sources:
            for b, rb in sources:
                if a.code != b.code:
                    pairs.append((a, b, ra, rb))
    elif targets:
        for a, ra in sources:
            for b, rb in targets:
                if a.code == b.code:
                    continue
                pairs.append((a, b, ra, rb))
                # "X a signé avec Y" is also Y signing with X, but "X a
                # refusé de signer avec Y" says nothing of Y.
                if trigger.symmetric and mood != "negated":
                    pairs.append((b, a, rb, ra))
    elif not trigger.needs_target:
        pairs = [(a, None, ra, None) for a, ra in sources]
    if not pairs:
        return []
    code = lookup(trigger.code)
    when = _date(found.token, anchors, triggers, offset)
    attribution = _attribution(found.token, args, res)
    confidence = 0.9 if found.pattern in ("active", "passive") else 0.75
    events = []
    seen: set[tuple[str, str | None]] = set()
    for source, target, ref_s, ref_t in pairs:
        if (source.code, target.code if target else None) in seen:
            continue
        seen.add((source.code, target.code if target else None))
        events.append(
            Event(
                source=source,
                target=target,
                code=code.code,
                root=code.root,
                quad_class=code.quad_class,
                goldstein=code.goldstein,
                label=code.label,
                plover_type=code.plover_event,
                plover_mode=code.plover_mode,
                modality=mood,
                attribution=attribution,
                date=when,
                place=where,
                evidence=(_evidence(found.token, ref_s, ref_t, offset, sentence),),
                confidence=confidence,
                trigger=trigger.id,
                pattern=found.pattern,
                symmetric=trigger.symmetric,
            )
        )
    return events


def _actors(
    ref: ActorRef, country: str | None = None, as_place: bool = False
) -> list[Actor]:
    """The event actors of a mention: a capital acting is its government; a
    bare agent ("des manifestants") belongs to the country of the event's
    place."""
    if ref.bare:
        if country is None:
            return []
        return [
            Actor(
                code=country + "".join(ref.roles),
                country=country,
                roles=ref.roles,
                name=f"{country} ({'/'.join(ref.roles)})",
            )
        ]
    if ref.capital and not as_place:
        return [
            Actor(
                code=f"{a.country}GOV",
                country=a.country,
                roles=("GOV",),
                name=f"{a.name} (government)",
            )
            for a in ref.actors
        ]
    return list(ref.actors)


def _evidence(
    token: Token, source: ActorRef, target: ActorRef | None, offset: int, sentence: int
) -> Evidence:
    doc = token.doc
    sent = token.sent
    indices = [token.i, source.start, source.end - 1]
    if target is not None:
        indices += [target.start, target.end - 1]
    inside = [i for i in indices if sent.start <= i < sent.end]
    start, end = min(inside), max(inside) + 1
    if end - start > _MAX_EVIDENCE_TOKENS:
        start, end = max(sent.start, token.i - 10), min(sent.end, token.i + 10)
    span: Span = doc[start:end]
    return Evidence(
        start=offset + span.start_char,
        end=offset + span.end_char,
        text=span.text,
        sentence=sentence,
    )


def _attached(token: Token, triggers: set[int]) -> Token:
    """The trigger or verb that a word (a date, a place) belongs to."""
    current = token
    for _ in range(12):
        if current.i in triggers and current is not token:
            return current
        if current.pos_ == "VERB" and current is not token:
            return current
        if current.head is current:
            return current
        current = current.head
    return current


def _tokens_at(doc: Doc, start: int, end: int, offset: int) -> Token | None:
    span = doc.char_span(start - offset, end - offset, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _date(
    token: Token, anchors: Anchors, triggers: set[int], offset: int
) -> DateRef | None:
    doc = token.doc
    attached: dict[int, DateRef] = {}
    for ref in anchors.dates:
        if ref.start is None or ref.end is None or ref.value is None:
            continue
        if not (offset <= ref.start < offset + len(doc.text)):
            continue
        root = _tokens_at(doc, ref.start, ref.end, offset)
        if root is not None and root.sent == token.sent:
            attached.setdefault(_attached(root, triggers).i, ref)
    current = token
    for _ in range(6):
        if current.i in attached:
            return attached[current.i]
        if current.head is current:
            break
        current = current.head
    if anchors.published is None:
        return None
    return DateRef(
        text="", value=anchors.published.isoformat(), precision="publication"
    )


def _place(
    token: Token,
    anchors: Anchors,
    triggers: set[int],
    offset: int,
    avoid: Sequence[ActorRef] = (),
) -> Place | None:
    doc = token.doc
    current_places: dict[int, Place] = {}
    for place in anchors.places:
        if place.start is None or place.end is None:
            continue
        if not (offset <= place.start < offset + len(doc.text)):
            continue
        root = _tokens_at(doc, place.start, place.end, offset)
        if root is None or root.sent != token.sent:
            continue
        if any(ref.start <= root.i < ref.end for ref in avoid):
            continue  # "Pyongyang accuse Séoul": an actor, not a place
        current_places.setdefault(_attached(root, triggers).i, place)
    current = token
    for _ in range(4):
        if current.i in current_places:
            return current_places[current.i]
        if current.head is current:
            break
        current = current.head
    return None


def _attribution(token: Token, args: Arguments, res: LangResources) -> Actor | None:
    """Who reports the event: "selon l'agence KCNA", "X a annoncé que"."""
    verb = reporter(token)
    if verb is not None:
        marker = res.markers.get((verb.lemma_.lower(), verb.pos_))
        if marker is not None and marker.kind == "report":
            subj, _ = subject(verb)
            if subj is not None:
                refs = args.group(subj)
                if refs:
                    return next(iter(_actors(refs[0])), None)
    for word in token.sent:
        if word.lower_ in res.attribution_preps:
            holder = word.head if word.dep_ in ("case", "prep") else word
            if word.dep_ == "prep":
                holder = next(
                    (
                        g
                        for c in word.children
                        for g in [c, *c.children]
                        if g.dep_ == "pobj"
                    ),
                    word,
                )
            ref = args.resolve(holder)
            if ref is not None:
                return next(iter(_actors(ref)), None)
    return None


def modality_of(token: Token, res: LangResources) -> Modality:
    """The modality of a trigger token (exposed for tests and explanations)."""
    return modality(token, res)


__all__ = ["Anchors", "extract_events", "governing_markers", "modality_of"]
