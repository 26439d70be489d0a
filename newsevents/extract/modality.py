"""Modality of an event (asserted, negated, planned, hypothetical, alleged)
and its attribution (who reports or claims it)."""

from __future__ import annotations

from spacy.tokens import Token

from ..lang import LangResources
from ..lang._lexicon import Marker
from ..models import Modality

_UP = frozenset({"xcomp", "ccomp", "advcl", "conj", "csubj", "acl"})
# The infinitive of a policy's purpose ("a law to ban"), and the object the
# policy is of the verb that governs it.
_PURPOSE = frozenset({"acl", "relcl", "acl:relcl"})
_OBJECTS = frozenset({"obj", "dobj"})
# Children that can mark the modality of their head: auxiliaries ("va",
# "will", "could"), adverbs ("reportedly") and adjectives ("présumée").
_MARKER_DEPS = frozenset(
    {"aux", "aux:tense", "aux:pass", "advmod", "amod", "mark", "cop"}
)


def governing_markers(token: Token, res: LangResources) -> list[tuple[Token, Marker]]:
    """Modality markers governing ``token``: its auxiliaries and adverbs, and
    the verbs it is the complement of ("prévoit de se rendre", "plans to")."""
    found: list[tuple[Token, Marker]] = []
    current = token
    for _ in range(4):
        for child in current.children:
            if child.dep_ not in _MARKER_DEPS:
                continue
            marker = res.markers.get((child.lemma_.lower(), child.pos_))
            if marker is not None:
                found.append((child, marker))
        purpose = current.dep_ in _PURPOSE and _policy_object(current.head, res)
        if purpose:
            # "proposed a law to ban protests": the verb of the policy.
            current = current.head
        elif current.dep_ not in _UP or current.head.i == current.i:
            break
        if current.dep_ == "conj" and current.head.pos_ not in ("VERB", "AUX"):
            break
        head = current.head
        if current.dep_ != "conj":
            marker = res.markers.get((head.lemma_.lower(), head.pos_))
            if marker is not None:
                found.append((head, marker))
                if marker.kind == "report":
                    break
        current = head
    return found


def _policy_object(noun: Token, res: LangResources) -> bool:
    """Whether ``noun`` is a policy noun that is a verb's object ("proposed
    a law", "présente un projet")."""
    return (
        noun.lemma_.lower() in res.grammar.policy_nouns
        and noun.dep_ in _OBJECTS
        and noun.head.pos_ == "VERB"
    )


def modality(token: Token, res: LangResources, embedded: str | None = None) -> Modality:
    """The modality of the event whose trigger is ``token``."""
    if _negated(token, res):
        return "negated"
    if _conditional_clause(token, res) or _conditional_main(token, res):
        return "hypothetical"
    markers = governing_markers(token, res)
    if any(m.kind in ("planned", "future") and _negated(t, res) for t, m in markers):
        # "n'a pas souhaité commenter", "did not want to meet": not done.
        return "negated"
    kinds = [m.kind for _, m in markers]
    for kind in kinds:
        if kind == "negated":
            return "negated"
        if kind == "hypothetical":
            return "hypothetical"
        if kind in ("planned", "future"):
            return "planned"
        if kind == "alleged":
            return "alleged"
    if embedded == "alleged":
        return "alleged"
    if embedded in ("hypothetical", "planned"):
        return embedded  # type: ignore[return-value]
    if _future(token):
        return "planned"
    if res.conditional_alleged and _conditional(token):
        return "alleged"
    return "asserted"


def reporter(token: Token) -> Token | None:
    """The verb that reports the clause of ``token`` ("annonce que ...")."""
    current = token
    for _ in range(4):
        if current.dep_ in ("ccomp", "parataxis") and current.head is not current:
            return current.head
        if current.dep_ not in _UP:
            return None
        current = current.head
    return None


def _negated(token: Token, res: LangResources) -> bool:
    return any(
        child.lower_ in res.negations and child.dep_ in ("advmod", "neg", "det")
        for head in _verbs_of(token)
        for child in head.children
    )


def _verbs_of(token: Token) -> list[Token]:
    """The verb, and the verb it is coordinated with when it shares that
    verb's auxiliary ("aurait soutenu ... et fourni"), not when it has its
    own ("n'a pas condamné, mais a exprimé")."""
    verbs = [token]
    own_aux = any(c.dep_ in ("aux", "aux:tense", "aux:pass") for c in token.children)
    if token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX") and not own_aux:
        verbs.append(token.head)
    return verbs


def _conditional(token: Token) -> bool:
    for verb in _verbs_of(token):
        for candidate in (verb, *verb.children):
            if candidate is not verb and candidate.dep_ not in (
                "aux",
                "aux:tense",
                "aux:pass",
                "cop",
            ):
                continue
            if "Cnd" in candidate.morph.get("Mood"):
                return True
    return False


def _future(token: Token) -> bool:
    for verb in _verbs_of(token):
        for candidate in (verb, *verb.children):
            if candidate is not verb and candidate.dep_ not in ("aux", "aux:tense"):
                continue
            if "Fut" in candidate.morph.get("Tense"):
                return True
    return False


def _conditional_main(token: Token, res: LangResources) -> bool:
    """The main clause of "si X, Y" / "if X, Y" is hypothetical too; a
    complement clause with "whether" or "si" is an indirect question
    ("questioned whether ..."), no condition."""
    return any(
        child.dep_ == "advcl"
        and any(
            g.lower_ in res.grammar.if_words and g.dep_ in ("mark", "advmod")
            for g in child.children
        )
        for verb in _verbs_of(token)
        for child in verb.children
    )


def _conditional_clause(token: Token, res: LangResources) -> bool:
    return any(
        child.lower_ in res.grammar.if_words and child.dep_ in ("mark", "advmod")
        for verb in _verbs_of(token)
        for child in verb.children
    )
