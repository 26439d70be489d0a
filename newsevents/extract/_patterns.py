"""Match a trigger of the lexicon to its source and target in the
dependency parse: active and passive voice, coordination, control of
infinitives and gerunds, participial and relative clauses, nominal events."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..lang import LangResources
from ..lang._lexicon import Trigger
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


@dataclass(frozen=True)
class Found:
    trigger: Trigger
    token: Token
    sources: tuple[ActorRef, ...]
    targets: tuple[ActorRef, ...]
    pattern: str
    embedded: str | None = None  # modality an embedding verb gives the event


def match(
    token: Token, trigger: Trigger, args: Arguments, res: LangResources
) -> Found | None:
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
    if "refl" in trigger.flags and not has_reflexive(token, res.grammar):
        return None
    if trigger.pos == "NOUN":
        if _is_support_object(token, res):
            return None
        if any(c.dep_ in ("nsubj", "nsubj:pass") for c in token.children):
            # A verb the tagger took for a noun ("a téléphoné à").
            return _verbal(token, trigger, args, res, None)
        return _nominal(token, trigger, args, res)
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
) -> Found | None:
    subj, passive = subject(verb)
    pattern = "passive" if passive else "active"
    embedded: str | None = None
    sources: list[ActorRef] = []
    if subj is not None and subj.lower_ not in res.grammar.relatives:
        sources = args.group(subj)
        # "Putin, who arrived ..., and Kim held talks": parsed as two subjects.
        for other in verb.lefts:
            if other.dep_ == "nsubj" and other is not subj:
                sources += [r for r in args.group(other) if r not in sources]
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
    targets = _verb_targets(verb, trigger, args, res, passive, support)
    return Found(trigger, verb, tuple(sources), tuple(targets), pattern, embedded)


def _verb_targets(
    verb: Token,
    trigger: Trigger,
    args: Arguments,
    res: LangResources,
    passive: bool,
    support: Token | None,
) -> list[ActorRef]:
    for spec in trigger.targets:
        token = None
        if spec == "obj":
            token = (
                passive_subject(verb) if passive else direct_object(verb, res.grammar)
            )
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
) -> tuple[list[ActorRef], str, str | None]:
    """Sources of a verb without its own subject: the controller of an
    infinitive ("prévoit de se rendre", "accusent Pyongyang de fournir"), the
    subject of a coordinated verb, the noun a participle or relative clause
    modifies ("Poutine, arrivé en Corée du Nord")."""
    head = verb.head
    if head is verb:
        return [], "", None
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
            obj = direct_object(head, res.grammar) or passive_subject(head)
            if obj is not None:
                # "accusent X de fournir": alleged; "exhorte X à livrer": asked.
                kind = marker.kind if marker is not None else "alleged"
                return args.group(obj), "embedded", kind
        if dep == "ccomp":
            return [], "", None
        subj, passive = subject(head)
        if subj is not None and not passive:
            return args.group(subj), "control", None
        refs, _, embedded = _inherited(head, args, res)
        return refs, "control", embedded
    if dep == "conj":
        if head.pos_ in ("VERB", "AUX"):
            subj, passive = subject(head)
            if subj is not None and not passive:
                return args.group(subj), "coordinated-verb", None
            refs, pattern, embedded = _inherited(head, args, res)
            return refs, pattern, embedded
        ref = args.resolve(head, depth=0)
        if ref is not None:
            # "Vladimir Poutine et Kim Jong Un signent": a parse that hangs the
            # verb on the first subject.
            subj, _ = subject(verb)
            refs = [ref] + (args.group(subj) if subj is not None else [])
            return refs, "coordinated-subject", None
    if dep in ("acl", "acl:relcl", "relcl"):
        ref = args.resolve(head, depth=0) or args.resolve(head)
        if ref is not None:
            return [ref], "participle" if dep == "acl" else "relative", None
    return [], "", None


def _nominal(
    noun: Token, trigger: Trigger, args: Arguments, res: LangResources
) -> Found | None:
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
            prep in res.grammar.noun_source_preps
        ):
            ref = args.resolve(child)
            if ref is not None and ref not in targets:
                sources.append(ref)
                break
    if not sources:
        return None
    return Found(trigger, noun, tuple(sources), tuple(targets), "nominal")


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
