"""Find the source and target actors of a trigger in the dependency parse."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar, cast

from spacy.tokens import Token

from ..lang import Grammar, LangResources
from ..lang._lexicon import Trigger
from ._refs import ActorRef

# "a-t-il annoncé": the inverted pronoun (and its "-t") are expl:subj.
_SUBJECT = frozenset({"nsubj", "csubj", "expl:subj"})
_PASSIVE_SUBJECT = frozenset({"nsubj:pass", "nsubjpass"})
_AGENT = frozenset({"obl:agent", "agent"})
_OBJECT = frozenset({"obj", "dobj"})
_OBLIQUE = frozenset(
    {"obl", "obl:arg", "obl:mod", "nmod", "prep", "iobj", "dative", "advmod"}
)
_NAME_PARTS = frozenset({"appos", "flat:name", "flat", "compound", "fixed"})
_CLAUSE_DEPS = frozenset({"acl:relcl", "relcl", "ccomp", "advcl", "xcomp", "csubj"})


T = TypeVar("T")


class Arguments:
    """Resolves tokens to the actor mentions found in their paragraph."""

    def __init__(self, refs: list[ActorRef], res: LangResources) -> None:
        self.res = res
        self._memo: dict[tuple[str, int], object] = {}
        self.by_token: dict[int, ActorRef] = {}
        for ref in refs:
            for index in range(ref.start, ref.end):
                self.by_token[index] = ref

    def once(self, key: tuple[str, int], compute: Callable[[], T]) -> T:
        """What a check finds about a token of this paragraph, computed once
        for all the lexicon entries of the token."""
        if key not in self._memo:
            self._memo[key] = compute()
        return cast(T, self._memo[key])

    # -- resolving one argument token -------------------------------------
    def resolve(self, token: Token, depth: int = 2) -> ActorRef | None:
        """The actor a token stands for: its own mention, a name in apposition
        ("le président Vladimir Poutine"), or, for a thing, its owner ("le
        soutien de la Corée du Nord", "le programme spatial de la Corée")."""
        ref = self.by_token.get(token.i)
        if ref is not None:
            return ref
        for child in token.children:
            if child.dep_ in _NAME_PARTS:
                ref = self.by_token.get(child.i)
                if ref is not None:
                    return ref
        if depth == 0:
            return None
        for child in token.children:
            if child.dep_ in _CLAUSE_DEPS or child.pos_ in ("VERB", "AUX"):
                continue
            owners = self.res.grammar.owner_preps
            if child.dep_ == "prep" and child.lower_ not in owners:
                continue  # "in Paris" says where, not whose
            owner = child.dep_ in ("poss", "amod", "pobj", "prep", "nmod:poss")
            if child.dep_.startswith("nmod") or child.dep_ == "obl:arg":
                prep = self.preposition(child)
                owner = prep is None or prep in owners
            if owner:
                # An English preposition is a token of its own: crossing it
                # costs no depth ("abuse by a group of protesters").
                ref = self.resolve(child, depth if child.dep_ == "prep" else depth - 1)
                if ref is not None:
                    return ref
        return None

    def group(self, token: Token) -> list[ActorRef]:
        """The actors of a token and of the tokens coordinated with it; for a
        thing, its owners ("le rapprochement entre Moscou et Pyongyang")."""
        refs: list[ActorRef] = []
        for member in (token, *token.conjuncts):
            ref = self.resolve(member, depth=0)
            if ref is None:
                ref = self.resolve(member)
                if ref is not None:
                    refs.extend(
                        r for r in self._conjoined(ref, member) if r not in refs
                    )
            if ref is not None and ref not in refs:
                refs.append(ref)
        doc = token.doc
        return [r for r in refs if not self._opening_place(doc[r.head])]

    def _opening_place(self, token: Token) -> bool:
        """A place that opens its sentence after a locative preposition ("À
        Reykjavik, Moscou et Washington appellent", "A Reykjavik", "In
        Geneva, ..."), which the parse may coordinate with the subject."""
        first = token.sent.start
        if token.i != first + 1:
            return False
        word = token.doc[first]
        locative = self.res.grammar.locative_preps
        # French drops the accent of a capital "À"; English "A court" is
        # an article.
        return word.lower_ in locative or (word.text == "A" and "à" in locative)

    def _conjoined(self, ref: ActorRef, root: Token) -> list[ActorRef]:
        found = [ref]
        head = root.doc[ref.head]
        for conj in head.conjuncts:
            other = self.by_token.get(conj.i)
            if other is not None and other not in found:
                found.append(other)
        return found

    # -- finding argument tokens -----------------------------------------
    def preposition(self, token: Token) -> str | None:
        """The preposition introducing ``token`` (contractions normalised)."""
        if token.dep_ == "pobj" and token.head.dep_ == "prep":
            return token.head.lower_
        for child in token.children:
            if child.dep_ in ("case", "mark") and child.pos_ == "ADP":
                word = child.lower_
                fixed = [g.lower_ for g in child.children if g.dep_ == "fixed"]
                if fixed:
                    word = " ".join([word, *fixed])
                return self.res.prepositions.get(word, word)
        return None

    def marked(self, head: Token, prep: str) -> list[Token]:
        """The children of ``head`` introduced by preposition ``prep``."""
        found = []
        for child in head.children:
            if child.dep_ in ("prep", "dative", "prt") and child.lower_ == prep:
                # "called on Tony Blair": the parser may take the
                # preposition for a particle, its object still hanging on it.
                found.extend(g for g in child.children if g.dep_ == "pobj")
                # "an investigation into whether Trump posed a threat": the
                # subject of the clause the preposition introduces.
                found.extend(
                    s
                    for g in child.children
                    if g.dep_ == "pcomp" and g.pos_ in ("VERB", "AUX")
                    for s in g.children
                    if s.dep_ == "nsubj"
                )
            elif child.dep_ in _OBLIQUE or child.dep_.startswith("nmod"):
                if self.preposition(child) == prep:
                    found.append(child)
        return found

    def marked_actors(
        self, heads: list[Token], prep: str
    ) -> tuple[list[ActorRef], Token | None]:
        """The actors introduced by ``prep`` under any of ``heads``."""
        for head in heads:
            for token in self.marked(head, prep):
                refs = self.group(token)
                if refs:
                    return refs, token
        return [], None


def subject(verb: Token) -> tuple[Token | None, bool]:
    """The subject of a verb and whether the verb is passive.

    In the passive, the "subject" returned is the agent ("par X", "by X"),
    also for a participle without auxiliary ("Poutine, accueilli par Kim").
    """
    passive = (
        any(
            c.dep_ in _PASSIVE_SUBJECT or c.dep_ in ("aux:pass", "auxpass")
            for c in verb.children
        )
        or (
            verb.dep_ in ("acl", "dep", "advcl")
            and any(c.dep_ in _AGENT for c in verb.children)
        )
        or _copula_passive(verb)
        or _tense_passive(verb)
    )
    if passive:
        return agent(verb), True
    incise = incise_subject(verb)
    if incise is not None:
        return incise, False
    for child in verb.children:
        if child.dep_ in _SUBJECT:
            return child, False
    return None, False


#: Marks that close a quotation.
CLOSING_QUOTES = frozenset({'"', "»", "”"})


def quoted_subject(verb: Token) -> Token | None:
    """The quotation a verb of an incise follows when the parse makes it the
    verb's subject ('« Les injures sont la négation de ce que nous sommes »,
    a déclaré Emmanuel Macron': "négation" nsubj, "Macron" obj): a subject
    before the verb with a closing quotation mark between them."""
    subj = next(
        (c for c in verb.lefts if c.dep_ in _SUBJECT and c.pos_ != "PRON"), None
    )
    if subj is None:
        return None
    # The quotation's last token (its closing mark may belong to it) and
    # what lies between it and the verb (", a").
    tail = verb.doc[subj.right_edge.i : verb.i]
    if not any(t.text in CLOSING_QUOTES for t in tail):
        return None
    if not all(t.is_punct or t.pos_ == "AUX" for t in tail[1:]):
        return None
    return subj


def incise_subject(verb: Token) -> Token | None:
    """The subject after a verb of an incise, which the French model takes
    for its object ("« C'est une honte », a dénoncé la ministre")."""
    if verb.dep_ == "parataxis" and verb.head.i < verb.i:
        if any(c.dep_ in _SUBJECT for c in verb.children):
            return None
    elif quoted_subject(verb) is None:
        return None
    return next(
        (
            c
            for c in verb.rights
            if (c.dep_ in ("obj", "dobj") and c.pos_ in ("NOUN", "PROPN"))
            # "a déclaré Emmanuel Macron", the name read as an adverb.
            or (c.dep_ == "advmod" and c.pos_ == "PROPN")
        ),
        None,
    )


def agent(verb: Token) -> Token | None:
    """The agent of a passive verb or participle: "par X" (its noun), "by X"
    (the object of "by")."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), child)
        if child.dep_ in _AGENT:
            return child
    for child in verb.children:
        # "ont été refoulés par les autorités françaises": the French model
        # may label the agent a plain modifier.
        if (
            child.dep_ in ("obl:mod", "obl")
            and child.pos_ in ("NOUN", "PROPN")
            and any(c.dep_ == "case" and c.lower_ == "par" for c in child.children)
        ):
            return child
    # "was branded a betrayal by Poland", "has been branded a waste by MPs":
    # after a second object, the English model makes "by" a plain
    # preposition, of the verb or of that object.
    hosts = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "oprd"))]
    for host in hosts:
        for child in host.children:
            if child.dep_ == "prep" and child.lower_ == "by":
                found = next((g for g in child.children if g.dep_ == "pobj"), None)
                if found is not None and found.pos_ in ("PROPN", "NOUN"):
                    return found
    return None


def _copula_passive(verb: Token) -> bool:
    """A passive the French model parses as a copula: "a été violemment
    prise à partie par des manifestants" (été: cop, the patient nsubj),
    known by its "par" agent."""
    return (
        verb.pos_ == "VERB"
        and any(c.dep_ == "cop" for c in verb.children)
        and any(c.dep_ in _AGENT for c in verb.children)
    )


# French verbs whose compound tenses take "être" ("ils sont partis"), and the
# clitics of pronominal verbs ("ils se sont réunis"): with neither, "être"
# and a past participle make a passive.
_ETRE_VERBS = frozenset(
    """aller venir revenir devenir parvenir survenir intervenir partir repartir
    arriver entrer rentrer sortir rester tomber retomber naître mourir décéder
    monter remonter descendre redescendre retourner passer repasser ressortir
    apparaître réapparaître accourir advenir""".split()
)
_REFLEXIVE_CLITICS = frozenset({"se", "s'", "me", "m'", "te", "t'", "nous", "vous"})


def _tense_passive(verb: Token) -> bool:
    """A French passive the model parses as a compound tense: "les habitants
    sont invités à quitter" (sont: aux:tense, the patient nsubj)."""
    if verb.pos_ != "VERB" or "Part" not in verb.morph.get("VerbForm"):
        return False
    if not any(c.dep_ == "aux:tense" and c.lemma_ == "être" for c in verb.children):
        return False
    if verb.lemma_.lower() in _ETRE_VERBS:
        return False
    return not any(
        c.pos_ == "PRON" and c.lower_ in _REFLEXIVE_CLITICS for c in verb.children
    )


def passive_subject(verb: Token) -> Token | None:
    """The patient of a passive verb; for a participle, the noun it
    modifies ("Poutine, accueilli par Kim": Poutine)."""
    for child in verb.children:
        if child.dep_ in _PASSIVE_SUBJECT:
            return child
    if _copula_passive(verb) or _tense_passive(verb):
        for child in verb.children:
            if child.dep_ in _SUBJECT:
                return child
    if any(c.dep_ in ("aux:pass", "auxpass") for c in verb.children):
        # "a police car stuck in a traffic jam was stoned", parsed with the
        # patient as the subject of the participle before the verb.
        for child in verb.lefts:
            if child.dep_ == "advcl":
                for grand in child.lefts:
                    if grand.dep_ in _SUBJECT:
                        return grand
    if verb.dep_ in ("acl", "dep", "advcl") and verb.head.i != verb.i:
        return verb.head
    return None


def genitive(token: Token, preps: frozenset[str]) -> bool:
    """Whether a noun complement opens with one of the genitive ``preps``
    ("la décision de Washington", "l'avocat d'Eric Drouet")."""
    cases = [c.lower_ for c in token.children if c.dep_ == "case"]
    return bool(cases) and cases[0] in preps


def direct_object(verb: Token, grammar: Grammar) -> Token | None:
    """The direct object of a verb, tolerating the French model's habit of
    labelling a name right after the verb as a second subject or an adverb
    ("a rencontré Olaf Scholz": nsubj; "a attaqué des soldats": obl:arg
    with "des" read as a preposition)."""
    if incise_subject(verb) is not None:
        return None  # the subject of an incise, not its object
    objects = [child for child in verb.children if child.dep_ in _OBJECT]
    if objects:
        # Of two objects, a bare noun is an idiom misread as one ("a reçu
        # tour à tour les patrons": "tour" is no object).
        determined = [o for o in objects if not _bare_noun(o)]
        return (determined or objects)[0]
    if verb.dep_ in ("acl", "acl:relcl", "relcl") and verb.pos_ == "VERB":
        # "le programme que la Russie soutient": the noun is the object.
        for child in verb.children:
            if child.lower_ in grammar.object_relatives and child.dep_ == "obj":
                return verb.head
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT and c.i < verb.i]
    for child in verb.rights:
        if child.pos_ not in ("PROPN", "NOUN") or child.dep_ in _CLAUSE_DEPS:
            continue
        cases = [c.lower_ for c in child.children if c.dep_ == "case"]
        if child.dep_ == "nsubj" and subjects:
            return child
        partitive = len(cases) == 1 and cases[0] in grammar.partitive_cases
        if child.dep_ in _MISLABELLED and (not cases or partitive):
            return child
        if child.dep_ == "nmod" and not cases and child.i == verb.i + 1:
            # "Poutine menace Kiev": a name right after the verb, read as a
            # noun complement.
            return child
        break
    return None


def _bare_noun(token: Token) -> bool:
    """A common noun without determiner, number or possessive."""
    return token.pos_ == "NOUN" and not any(
        c.dep_ in ("det", "nummod", "nmod:poss", "poss") for c in token.children
    )


def _idiom_case(token: Token) -> bool:
    """A bare noun after "à" or "en", the object of an idiom parsed as a
    modifier ("prise à partie", "mis en cause")."""
    return any(
        c.dep_ == "case" and c.lower_ in ("à", "en") for c in token.children
    ) and not any(c.dep_ == "det" for c in token.children)


_MISLABELLED = frozenset({"advmod", "dep", "appos", "obl:arg", "obl:mod", "flat:name"})


def has_reflexive(verb: Token, grammar: Grammar) -> bool:
    return any(
        c.lower_ in grammar.reflexives
        and c.dep_ in ("expl:comp", "expl:pv", "expl", "obj", "iobj", "expl:pass")
        for c in verb.children
    )


@dataclass(frozen=True)
class VerbObjects:
    """What the support-verb entries of a verb are matched against, read
    once per verb: its object candidates with their lemma and lower case,
    then each candidate's noun complements (lemma in lower case)."""

    words: tuple[tuple[Token, str, str], ...]
    complements: tuple[tuple[Token, str], ...]


def verb_objects(verb: Token) -> VerbObjects:
    """The object candidates of ``verb`` (see ``object_matches``)."""
    # Partitive objects ("fournir de l'aide") are parsed as obl:arg.
    candidates = [
        c
        for c in verb.children
        if c.dep_ in _OBJECT
        or c.dep_ in _PASSIVE_SUBJECT
        or c.dep_ == "obl:arg"
        or (c.dep_ == "obl:mod" and _idiom_case(c))
        # "was found guilty", "found the journalist guilty": what is said of
        # the object.
        or c.dep_ == "oprd"
        or (c.dep_ == "ccomp" and c.pos_ == "ADJ")
    ]
    candidates += [
        c
        for c in verb.children
        if c.dep_.startswith("obl") and c.lemma_.lower() in _QUANTITIES
    ]
    for obj in list(candidates):
        if obj.lemma_.lower() in _QUANTITIES:
            # "a procédé à un nombre record d'interpellations", "made a series
            # of arrests": what is counted is the object.
            candidates.extend(_counted(obj))
    for obj in list(candidates):
        candidates.extend(c for c in obj.conjuncts)
        if obj.pos_ == "NOUN":
            # "a ouvert dimanche une enquête": the French parser takes the
            # day for the object and hangs the real one on it (a noun has
            # no object of its own).
            candidates.extend(c for c in obj.children if c.dep_ == "obj")
    return VerbObjects(
        words=tuple((obj, obj.lemma_.lower(), obj.lower_) for obj in candidates),
        complements=tuple(
            (obj, child.lemma_.lower())
            for obj in candidates
            for child in obj.children
            if child.dep_.startswith("nmod")
        ),
    )


# Nouns of a quantity, whose complement is what an object really names.
_QUANTITIES = frozenset(
    """nombre série vague dizaine dizaines centaine centaines millier milliers
    multitude succession number series wave dozens hundreds thousands spate
    string""".split()
)


def _counted(noun: Token) -> list[Token]:
    """What a quantity noun counts: its "de" complement, or the object of
    its "of"."""
    found = [c for c in noun.children if c.dep_.startswith("nmod")]
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            found.extend(c for c in prep.children if c.dep_ == "pobj")
    return found


def object_matches(
    verb: Token, trigger: Trigger, objects: VerbObjects | None = None
) -> Token | None:
    """The object noun required by a support-verb entry, if present
    (``objects``: ``verb_objects(verb)``, when already read)."""
    if objects is None:
        objects = verb_objects(verb)
    wanted = trigger.objects
    for obj, lemma, lower in objects.words:
        if lemma in wanted or lower in wanted:
            return obj
    # "un accord de partenariat": the object's noun complement also counts.
    for obj, lemma in objects.complements:
        if lemma in wanted:
            return obj
    return _particle_object(verb, trigger)


def particle_matches(verb: Token, trigger: Trigger) -> bool:
    """The entry's particle, or the same word parsed as a preposition whose
    object is the entry's ("went on strike": "on" is a prep with "strike"
    its object; not "take officers in", which needs the particle)."""
    if trigger.particle is None:
        return True
    # "takes over the presidency ... in July": a verb with another particle,
    # or a preposition of time, is no such prepositional verb.
    other = any(c.dep_ == "prt" and c.lower_ != trigger.particle for c in verb.children)
    return any(
        (c.dep_ == "prt" and c.lower_ == trigger.particle)
        # "called for the ban to be lifted": the preposition marks a clause.
        or (
            c.dep_ == "advcl"
            and any(
                m.dep_ == "mark" and m.lower_ == trigger.particle for m in c.children
            )
        )
        # "called for calm": a prepositional verb whose entry wants no
        # particular object.
        or (
            not trigger.objects
            and not other
            and c.dep_ == "prep"
            and c.lower_ == trigger.particle
            and not any(o.ent_type_ in ("DATE", "TIME") for o in c.children)
        )
        for c in verb.children
    ) or (_particle_object(verb, trigger) is not None)


def _particle_object(verb: Token, trigger: Trigger) -> Token | None:
    """The entry's object after its particle parsed as a preposition ("went
    on strike")."""
    if trigger.particle is None:
        return None
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == trigger.particle:
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.lemma_.lower() in trigger.objects:
                    return obj
    return None
