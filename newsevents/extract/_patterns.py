"""Match a trigger of the lexicon to its source and target in the
dependency parse: active and passive voice, coordination, control of
infinitives and gerunds, participial and relative clauses, nominal events."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..kb.base import agent_actor
from ..lang import LangResources
from ..lang._lexicon import Trigger
from ._arguments import (
    _PASSIVE_SUBJECT,
    _SUBJECT,
    CLOSING_QUOTES,
    Arguments,
    VerbObjects,
    agent,
    direct_object,
    genitive,
    has_reflexive,
    incise_subject,
    object_matches,
    particle_matches,
    passive_subject,
    quoted_subject,
    subject,
    verb_objects,
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
    # An event that CAMEO allows without a target, though its entry names one.
    untargeted: bool = False


def match(
    token: Token, trigger: Trigger, args: Arguments, res: LangResources
) -> Found | None:
    support = None
    if trigger.objects and trigger.pos == "NOUN":
        # "démonstration de force": a noun entry's object is its complement.
        if not any(c.lemma_.lower() in trigger.objects for c in token.children):
            return None
    elif trigger.objects and "speech" in trigger.flags:
        # "said the decision was a disgrace", "a estimé que c'était
        # inacceptable": what is said gives the polarity.
        if "modal" in trigger.flags:
            said = args.once(("modal", token.i), lambda: _said_modals(token))
        else:
            said = args.once(("said", token.i), lambda: _said_words(token))
        if said.isdisjoint(trigger.objects):
            return None
    elif trigger.objects and "predicate" in trigger.flags:
        # "called the decision a disgrace", "a qualifié la décision de
        # scandale": what is said of the object gives the polarity.
        if _predicate(token, trigger) is None:
            return None
    elif trigger.objects:
        objects = args.once(("objects", token.i), lambda: verb_objects(token))
        support = object_matches(token, trigger, objects)
        if support is None:
            return None
        if trigger.code[:2] == "01" and _says_what_it_does(support, res):
            return None
    if not particle_matches(token, trigger):
        return None
    if args.once(("sense", token.i), lambda: _other_sense(token, res)):
        return None
    if trigger.code[:2] != "01" and _goes_on_speaking(token, res):
        return None
    if "refl" in trigger.flags and not has_reflexive(token, res.grammar):
        return None
    if trigger.pos == "NOUN":
        if _is_support_object(token, res):
            return None
        if trigger.code[:2] == _PROTEST_ROOT and _names_group(token, res):
            return None
        if any(c.dep_ in ("nsubj", "nsubj:pass") for c in token.children):
            # A verb the tagger took for a noun ("a téléphoné à").
            return _verbal(token, trigger, args, res, None)
        return _nominal(token, trigger, args, res)
    if not trigger.objects and args.once(
        ("undergoes", token.i), lambda: _undergoes_event(token, res)
    ):
        return None
    return _verbal(token, trigger, args, res, support)


def viable(token: Token, entries: list[Trigger], args: Arguments) -> list[Trigger]:
    """The entries of ``token`` that ``match`` may accept: an entry that
    only its objects decide (a support verb's, without particle, neither a
    noun's nor a speech or predicate entry) is left out when none of its
    objects is a word of the verb's objects, which ``object_matches`` would
    find first. Spares the verbs with many such entries a call each."""
    words: set[str] | None = None
    kept = []
    for trigger in entries:
        if _by_objects(trigger):
            if words is None:
                words = _object_words(
                    args.once(("objects", token.i), lambda: verb_objects(token))
                )
            if words.isdisjoint(trigger.objects):
                continue
        kept.append(trigger)
    return kept


def _by_objects(trigger: Trigger) -> bool:
    """Whether ``match`` decides an entry by ``object_matches`` alone."""
    return bool(
        trigger.objects
        and trigger.pos != "NOUN"
        and trigger.particle is None
        and "speech" not in trigger.flags
        and "predicate" not in trigger.flags
    )


def _object_words(objects: VerbObjects) -> set[str]:
    """The words ``object_matches`` compares with an entry's objects."""
    words = {lemma for _, lemma in objects.complements}
    for _, lemma, lower in objects.words:
        words.update((lemma, lower))
    return words


_NOT_PREDICATE = frozenset(
    {"ccomp", "advcl", "relcl", "acl:relcl", "parataxis", "conj", "xcomp", "csubj"}
)


def _predicate(verb: Token, trigger: Trigger) -> Token | None:
    """The evaluative word said of a verb's object, after the verb and in
    its own clause ("called the arrest arbitrary", "dismissed the plan as
    desperate", "a jugé la décision inacceptable")."""
    skip: set[int] = set()
    for child in verb.children:
        if child.dep_ == "xcomp" and child.pos_ in ("ADJ", "NOUN"):
            continue  # "a jugé injuste la prime": the predicate itself
        if child.dep_ in _NOT_PREDICATE or child.dep_.startswith("nsubj"):
            skip.update(t.i for t in child.subtree)
    for token in verb.subtree:
        if token.i <= verb.i or token.i in skip:
            continue
        if token.lemma_.lower() in trigger.objects or token.lower_ in trigger.objects:
            return token
    return None


_SAID = frozenset({"ccomp", "parataxis"})


def said_clause(verb: Token) -> list[Token]:
    """What a speech verb reports: its complement clause ("said that ..."),
    or the quotation it follows ('"...," he said'), without the speaker."""
    tokens: list[Token] = []
    for child in verb.children:
        if child.dep_ in _SAID:
            tokens.extend(child.subtree)
    quotation = quoted_subject(verb) if not tokens else None
    if quotation is not None:
        tokens = list(quotation.subtree)
    if not tokens and verb.dep_ in _SAID and verb.head.i < verb.i:
        own = {t.i for t in verb.subtree}
        tokens = [t for t in verb.head.subtree if t.i not in own]
    colon = next((c for c in verb.children if c.text == ":" and c.i > verb.i), None)
    if not tokens and colon is not None:
        # 'a réagi : « Violence insupportable »', 'reacted: "unacceptable"':
        # what follows the colon.
        tokens = [t for c in verb.children if c.i > colon.i for t in c.subtree]
    return tokens


def _said_words(verb: Token) -> frozenset[str]:
    """The words (lemmas and forms) of what a speech verb reports, looked
    up once for all its entries (praise, blame)."""
    return frozenset(
        word for t in said_clause(verb) for word in (t.lemma_.lower(), t.lower_)
    )


def _said_modals(verb: Token) -> frozenset[str]:
    """The verb and auxiliaries of the clause a speech verb reports ("said
    the Home Office should act": should, act; "estime que l'État doit
    agir": devoir), where an appeal's word of obligation is."""
    words: set[str] = set()
    for clause in verb.children:
        if clause.dep_ != "ccomp":
            continue
        for t in (clause, *(c for c in clause.children if c.dep_.startswith("aux"))):
            words.update((t.lemma_.lower(), t.lower_))
    return frozenset(words)


def about_sport(token: Token, res: LangResources) -> bool:
    """Whether a verb's own complements (and theirs) say it is sport ("se
    sont affrontées en match amical", "met in the cup final", "a battu
    l'Allemagne en demi-finale")."""
    words = res.grammar.sport_words
    near = [c for c in token.children if c.dep_ not in ("nsubj", "nsubj:pass")]
    near += [g for c in near for g in c.children]
    return any(t.lemma_.lower() in words or t.lower_ in words for t in near)


def _other_sense(token: Token, res: LangResources) -> bool:
    """Whether the trigger is sport (``about_sport``), or the words next to
    it give the word another sense (``Grammar.other_senses``: "la rupture
    d'un barrage")."""
    if about_sport(token, res) or _background(token, res) or _capacity(token, res):
        return True
    senses = res.grammar.other_senses.get(token.lemma_.lower())
    if not senses:
        return False
    near = [token.head, *token.children]
    return any(t.lemma_.lower() in senses or t.lower_ in senses for t in near)


def _goes_on_speaking(token: Token, res: LangResources) -> bool:
    """Whether the trigger is a verb of ``Grammar.incise_verbs`` right after
    a quotation, with only commas and auxiliaries between ('« ... », a
    poursuivi la mère', '"...," he continued')."""
    if token.lemma_.lower() not in res.grammar.incise_verbs:
        return False
    i = token.i - 1
    doc = token.doc
    while i >= 0 and (doc[i].pos_ == "AUX" or doc[i].text == ","):
        i -= 1
    return i >= 0 and doc[i].text in CLOSING_QUOTES


def _background(token: Token, res: LangResources) -> bool:
    """Whether the trigger tells a person's background ("connu pour avoir
    défendu", "known for defending"): a preposition of
    ``Grammar.background_preps`` right before it (or before its
    auxiliaries), after a word of ``Grammar.background_words``."""
    grammar = res.grammar
    if not grammar.background_words:
        return False
    i = token.i - 1
    doc = token.doc
    while i > 0 and doc[i].pos_ == "AUX":
        i -= 1
    return (
        i > 0
        and doc[i].lower_ in grammar.background_preps
        and doc[i - 1].lower_ in grammar.background_words
    )


def _capacity(token: Token, res: LangResources) -> bool:
    """Whether the trigger is the infinitive of a capacity ("current powers
    to detain suspects", "le droit de manifester"): a power to act is no
    act."""
    grammar = res.grammar
    i = token.i
    doc = token.doc
    return (
        i > 1
        and token.pos_ == "VERB"
        and doc[i - 1].lower_ in grammar.infinitive_markers
        and doc[i - 2].lower_ in grammar.capacity_nouns
    )


def _says_what_it_does(message: Token, res: LangResources) -> bool:
    """Whether a statement's noun carries a participle that is an event of
    its own ("issued a statement condemning", "a publié un rapport
    dénonçant"): that event is the statement's content, not a second one."""
    return any(
        c.dep_ == "acl"
        and c.pos_ == "VERB"
        and res.triggers_for(c.lemma_.lower(), "VERB")
        for c in message.children
    )


def _names_group(noun: Token, res: LangResources) -> bool:
    """Whether a protest noun only qualifies a group or its members ("the
    protest movement", "protest leaders", "le mouvement de contestation"),
    or, as a compound, any noun that is no event ("riot police"): the group
    is an actor, not a protest of its own."""
    head = noun.head
    if head.i == noun.i or head.pos_ != "NOUN":
        return False
    if noun.dep_ == "compound" and not _event_head(head, res):
        # "riot police", "protest vote": the noun qualifies another thing.
        return True
    group = res.grammar.member_nouns | res.grammar.movement_nouns
    if head.lemma_.lower() not in group and head.lower_ not in group:
        return False
    return noun.dep_ == "compound" or (
        noun.dep_.startswith("nmod")
        and genitive(noun, res.grammar.genitive_preps)
        and not any(c.dep_ == "det" for c in noun.children)
    )


def _event_head(noun: Token, res: LangResources) -> bool:
    """Whether a noun that a protest noun qualifies is an event itself
    ("protest march", "strike action"), so the compound names the event."""
    lemma = noun.lemma_.lower()
    return lemma in res.grammar.action_nouns or bool(res.triggers_for(lemma, "NOUN"))


def _noun_entries(noun: Token, res: LangResources) -> list[Trigger]:
    """The noun entries of a noun whose complement words (if they name
    any) it has: "coups de matraque" is no "coup de fil"."""
    lemmas = {c.lemma_.lower() for c in noun.children}
    return [
        t
        for t in res.triggers_for(noun.lemma_.lower(), "NOUN")
        if not t.objects or not lemmas.isdisjoint(t.objects)
    ]


def _undergoes_event(verb: Token, res: LangResources) -> bool:
    """Whether a verb of ``Grammar.undergo_verbs`` has an event noun for
    object ("a reçu des coups", "received threats"): the noun's event is
    the one reported, its subject the target."""
    if verb.lemma_.lower() not in res.grammar.undergo_verbs:
        return False
    obj = direct_object(verb, res.grammar)
    return (
        obj is not None
        and obj.pos_ == "NOUN"
        and bool(_noun_entries(obj, res))
        and not _is_support_object(obj, res)
    )


def _is_support_object(noun: Token, res: LangResources) -> bool:
    """ "imposer des sanctions": the verb entry codes it, not the noun. And
    the verbal cooperation a verb event is about ("a salué le soutien de X")
    is that event's content, not an event of its own."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB":
        # "called for the resignation of": the entry's particle is the
        # preposition, the noun its object.
        verb = head.head
        return any(
            t.particle == head.lower_ and noun.lemma_.lower() in t.objects
            for t in res.triggers_for(verb.lemma_.lower(), "VERB")
        )
    if head.i == noun.i or head.pos_ != "VERB" or noun.dep_ == "nsubj":
        # "the attack on Israel continued": the subject of a verb whose
        # entries take it as object ("continue an attack") is no object.
        return False
    # A predicate entry's objects are what is said of its object, not it.
    entries = [
        t
        for t in res.triggers_for(head.lemma_.lower(), "VERB")
        if "predicate" not in t.flags
    ]
    if any(noun.lemma_.lower() in t.objects for t in entries):
        return True
    # "a salué le soutien de X": the support is what is praised. But "a
    # condamné la visite de X en Corée" reports the visit too.
    roots = {t.code[:2] for t in _noun_entries(noun, res)}
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
    if subj is None and verb.pos_ == "ADJ" and verb.dep_ == "acomp":
        # "Turkey is willing to host talks": the copula's subject.
        subj, passive = subject(verb.head)
    if passive and "refl" in trigger.flags and has_reflexive(verb, res.grammar):
        # "Trump s'est attaqué à la France", parsed as a passive.
        subj, passive = passive_subject(verb), False
    pattern = "passive" if passive else "active"
    embedded: str | None = None
    sources: list[ActorRef] = []
    if subj is not None and subj.lower_ not in res.grammar.relatives:
        sources = args.group(subj)
        # "Putin, who arrived ..., and Kim held talks": parsed as two subjects.
        for other in verb.lefts if not passive else ():
            if other.dep_ == "nsubj" and other.i != subj.i:
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
    if not sources and subj is None and not passive:
        sources = _left_subject(verb, args, res)
        if sources:
            pattern += "+left-subject"
    if not sources and not (
        passive and (passive_subject(verb) is not None or verb.dep_ == "xcomp")
    ):
        # A passive with its own patient inherits no agent: "Macron condemned
        # the abuse after a philosopher was attacked" (not by Macron); nor
        # does one whose controller is its patient ("vient d'être condamné").
        sources, pattern, embedded = _inherited(verb, args, res)
        if pattern == "attributive" and trigger.code[:2] != _PROTEST_ROOT:
            # "the invading army" describes; "striking workers" strike.
            return None
        if pattern == "control" and trigger.status == "derived":
            # "tries to quell the movement", "appear to promote Russian
            # objectives": an unreviewed entry's sense is too loose to read
            # through the verb that controls it.
            return None
        if pattern == "control" and _purpose(verb) and trigger.code[:2] in _SAID_ROOTS:
            # "met officials to press the case", "used a message to denounce
            # the war": what one says in order to is the aim, not an event
            # of its own (a deed done for a purpose is: "to disperse").
            return None
    implicit = (
        implicit_agent(
            trigger,
            (
                verb.lemma_.lower(),
                support.lemma_.lower() if support else "",
                *(
                    _complement_lemmas(verb)
                    if trigger.code.startswith(_RELEASES)
                    else ()
                ),
            ),
            res.grammar.judicial_words,
        )
        if passive and not sources
        else None
    )
    if implicit is not None:
        # "Il a été placé en garde à vue", "34 people were arrested", "une
        # enquête a été ouverte": an arrest with no agent named is the
        # police's, an investigation the judiciary's.
        role, name = implicit
        sources = [ActorRef.implied(verb.i, role)]
        pattern = f"passive+implicit-{name}"
    if passive and not sources and trigger.code.startswith(_HOST):
        # "ont été reçus à Matignon", "were received at Downing Street": the
        # seat of government they were received at is the host.
        sources = [r for r in _hosting_seat(verb, args) if r.coded]
        pattern = "passive+seat" if sources else pattern
    if passive and not sources and trigger.code.startswith(_POSTURE_ROOT):
        # "des policiers ont été déployés", "troops were deployed": with no
        # one named who sent them, the force deployed shows its force.
        patient = passive_subject(verb)
        deployed = args.group(patient) if patient is not None else []
        sources = [r for r in deployed if _armed(r)]
        pattern = "passive+deployed" if sources else pattern
    if not sources:
        return None
    targets = _verb_targets(verb, trigger, args, res, passive, support)
    if not targets and _reflexive_object(verb, trigger, res):
        if len(sources) < 2:
            # "les habitantes se consolent": the subject acts on itself.
            return None
        # "la Russie et l'Ukraine s'accusent": each acts on the other.
        targets = list(sources)
        pattern += "+reciprocal"
    if (
        not targets
        and "obj" in trigger.targets
        and not passive
        and support is None
        and direct_object(verb, res.grammar) is None
    ):
        # "has met Italian Prime Minister Silvio Berlusconi and German
        # Chancellor Gerhard Schroeder to talk", parsed with the names as
        # the subject of "to talk": the actors right after the verb.
        targets = [r for r in _right_objects(verb, args) if r not in sources]
        pattern += "+right-object" if targets else ""
    if not targets and trigger.code.startswith("14"):
        targets = _protest_site([verb], args, res, sources)
        pattern += "+site" if targets else ""
    if not targets and support is not None:
        # "a procédé à des interpellations en marge de la manifestation".
        targets = _arrested_at_protest(verb, trigger, sources, res)
        pattern += "+implicit-protesters" if targets else ""
    if "speech" in trigger.flags:
        # The judged one is the actor of what is said: its subject first.
        said = said_clause(verb)
        targets = [
            r
            for r in _clause_subject(verb, args)
            if r.coded and not same_as(r, sources)
        ]
        # "said Ofsted boss Mr Bell's comments were irresponsible", Mr Bell
        # unknown: the first actor named in what is said. An appeal is to
        # the subject who should act, not to whoever the clause names ("said
        # laws affecting 750,000 people should change").
        if "modal" not in trigger.flags:
            targets = targets or _first_actors(said, args, sources)
        # '"France has been the target of criticism," the ministry said':
        # the speaker's own state is not what it judges.
        targets = [r for r in targets if not _own_state(r, sources)]
    if not targets and trigger.targets and trigger.code[:2] not in _CONFLICT_ROOTS:
        # "the US demands that North Korea disarm": the target is the
        # subject of the clause the trigger governs (not of a deed's: "to
        # ban what the government calls thugs" does not ban the government).
        targets = [r for r in _clause_subject(verb, args) if not same_as(r, sources)]
        if targets:
            pattern += "+clause-subject"
    if not targets and trigger.code[:2] in _JUDGING_ROOTS and _incise(verb):
        # '"Les casseurs sont des criminels", dénonce-t-il': the verb of an
        # incise judges the first actor of the quotation it follows.
        targets = _first_actors(said_clause(verb), args, sources)
        pattern += "+quoted" if targets else ""
    if not targets and trigger.targets and verb.dep_ in ("acl", "amod"):
        # "X a été visé par des injures proférées par des manifestants".
        targets = [r for r in _targeted_by(verb.head, args, res) if r not in sources]
        pattern += "+targeted" if targets else ""
    untargeted = False
    if not targets and "speech" in trigger.flags:
        if trigger.code[:2] not in UNTARGETED_ROOTS:
            return None  # praise of nobody
        if (
            "modal" in trigger.flags
            and sources
            and all("GOV" in r.all_roles for r in sources)
        ):
            # "Macron said the state must guarantee social justice": what a
            # government says should be done, naming no one else to do it,
            # is its own policy, not an appeal.
            return None
        untargeted = True
        pattern += "+untargeted"
        if _says_of_policy(verb, res):
            # "told parliament the law was dangerous": judging a policy
            # judges whoever makes it (implicit.py).
            pattern += "+policy"
    if (
        not targets
        and trigger.needs_target
        and trigger.code[:2] in UNTARGETED_ROOTS
        and trigger.status != "derived"
    ):
        # "Fillon dénonce des excès": criticism of a thing, not of an actor,
        # is still criticism. Derived entries (converted, not reviewed) keep
        # the target they require, as PETRARCH does.
        obj = support or direct_object(verb, res.grammar)
        # What an incise's verb of judgement is about is the quotation
        # before it ("« C'est une honte », a dénoncé X").
        clause = any(c.dep_ in ("xcomp", "ccomp") for c in verb.children) or (
            trigger.code[:2] in _JUDGING_ROOTS and incise_subject(verb) is not None
        )
        optional = trigger.code[:2] in _TARGET_OPTIONAL
        patient = passive_subject(verb) if passive else None
        if patient is not None and patient.pos_ == "PRON":
            # "Elle a été prise à partie par des manifestants": someone the
            # text names elsewhere, not a thing; no target is better than
            # the wrong one.
            pass
        elif (
            obj is not None
            and not args.group(obj)
            and (support is not None or _object_fits(trigger, verb, obj, args))
        ) or (obj is None and clause):
            # "refused to lead the list", "a refusé de prendre la tête":
            # what is refused or demanded is an action, not an actor.
            untargeted = True
            pattern += "+untargeted"
        elif obj is None and not clause and _marked_thing(trigger, verb, args):
            # "a appelé au calme", "enquête sur les financements": what the
            # preposition introduces is a thing, not an actor.
            untargeted = True
            pattern += "+untargeted"
        elif obj is None and optional:
            # "ont manifesté samedi", "said on Monday": protests and
            # statements need no target.
            untargeted = True
            pattern += "+untargeted"
    if (
        not targets
        and trigger.code[:2] == _SUPPORT_ROOT
        and trigger.status != "derived"
        and not passive
    ):
        # "the BMA backs the bill", "soutient la réforme": support for a
        # policy is support for whoever makes it (implicit.py).
        obj = support or direct_object(verb, res.grammar)
        if (
            obj is not None
            and obj.lemma_.lower() in res.grammar.policy_nouns
            and not args.group(obj)
        ):
            untargeted = True
            pattern += "+policy"
    if (
        not targets
        and trigger.code[:2] in _FORCE_ON_THINGS
        and trigger.status != "derived"
        and not passive
    ):
        # "gunmen opened fire on a bus", "fighters attacked a checkpoint":
        # force against a thing keeps its source; its place, if any, gives
        # the target's country (events.py).
        obj = direct_object(verb, res.grammar) or support
        # "the Tories attacked him": a pronoun stands for someone.
        if obj is not None and obj.pos_ != "PRON" and not args.group(obj):
            if not any(map(_may_use_force, sources)):
                # "Gordon Brown has hit home buyers", "a strategy which will
                # target ...": a person or a civilian body hitting a thing
                # speaks in figures.
                return None
            untargeted = True
            pattern += "+thing"
    if not targets and pattern.startswith("passive+deployed"):
        untargeted = True  # a show of force needs no one it is aimed at
    return Found(
        trigger, verb, tuple(sources), tuple(targets), pattern, embedded, untargeted
    )


def _object_fits(trigger: Trigger, verb: Token, obj: Token, args: Arguments) -> bool:
    """Whether a direct object may stand for the target an entry wants: not
    when the entry's target comes only after prepositions, none of them is
    on the verb and the object is a plain noun ("called the arrest an
    abuse" is no "call on"). Support-verb entries ("réclamer le retrait")
    and clauses ("promet de fournir à Kiev") are not judged here."""
    if trigger.objects or obj.pos_ not in ("NOUN", "PROPN"):
        return True
    if trigger.code[:2] == _INTENT_ROOT:
        return True  # "a promis une baisse des impôts": what is promised
    if any(slot in _NOMINAL_SLOTS for slot in trigger.targets):
        return True
    for child in verb.children:
        prep = args.preposition(child) if child.dep_ != "prep" else child.lower_
        if child.lower_ in trigger.targets or prep in trigger.targets:
            return True
    return False


def _marked_thing(trigger: Trigger, verb: Token, args: Arguments) -> bool:
    """Whether one of the entry's target prepositions is on the verb with a
    complement that names no actor (with no clause on the verb: "a demandé à
    ses services de procéder" names whom it asks, not what)."""
    for spec in trigger.targets:
        things = [] if spec in _NOMINAL_SLOTS else args.marked(verb, spec)
        if (
            things
            and not any(map(args.group, things))
            and not any(g.pos_ == "VERB" for t in things for g in t.children)
        ):
            return True
    return False


#: Target slots that are no preposition: the object, a possessive, the
#: entry's own target word.
_NOMINAL_SLOTS = frozenset({"obj", "poss", "target", "-"})
#: Roots whose events never need a target: statements and protests.
_TARGET_OPTIONAL = frozenset({"01", "14"})
#: The root of support and praise.
_SUPPORT_ROOT = "05"


def _purpose(verb: Token) -> bool:
    """An English infinitive of purpose: "to" + verb, adverbial."""
    return verb.dep_ == "advcl" and any(
        c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children
    )


# Roots of what is said rather than done.
_SAID_ROOTS = frozenset({"01", "02", "03", "05", "10", "11", "12", "13"})


def _reflexive_object(verb: Token, trigger: Trigger, res: LangResources) -> bool:
    """Whether the object an entry wants is a reflexive or reciprocal
    pronoun ("se consolent", "s'accusent", "accused each other"), for an
    entry that is not pronominal itself (``refl``: "s'inquiéter de")."""
    if "refl" in trigger.flags or "obj" not in trigger.targets:
        return False
    grammar = res.grammar
    return any(
        c.dep_ in _REFLEXIVE_OBJECTS
        and (c.lower_ in grammar.reflexives or c.lower_ in grammar.reciprocals)
        for c in verb.children
    )


# "se consolent" is parsed as a reflexive passive too.
_REFLEXIVE_OBJECTS = frozenset({"expl:comp", "expl:pass", "obj", "dobj"})

#: Roots of force that may hit a thing, not an actor: assault, fight.
_FORCE_ON_THINGS = frozenset({"18", "19"})
#: Roles of armed actors, who use force on things (a bus, a checkpoint).
_ARMED_ROLES = frozenset({"MIL", "COP", "REB", "INS", "SPY", "CRM", "SEP", "UAF"})


#: The root of protests.
_PROTEST_ROOT = "14"
#: The code of hosting a visit.
_HOST = "043"
#: The code of arrests.
_ARREST = "173"
#: Roots of conflict: protest, force, coercion, assault, fight, mass violence.
_CONFLICT_ROOTS = frozenset({"14", "15", "17", "18", "19", "20"})

#: The root of displays of force (alert, deployment, mobilisation).
_POSTURE_ROOT = "15"


def _armed(ref: ActorRef) -> bool:
    """Whether a mention is of armed forces or police."""
    return bool(ref.all_roles & _ARMED_ROLES)


#: Roles of bodies that hit things only in figures of speech.
_UNARMED_BODIES = frozenset({"MED", "LEG", "JUD", "BUS", "NGO", "HLH", "REL", "ELI"})


def _may_use_force(source: ActorRef) -> bool:
    """Whether a source may use force on a thing: an armed actor, a country
    or government ("Russia struck the power grid"), a crowd ("protesters
    attacked a bank"); not a named person ("Gordon Brown has hit home
    buyers") nor a body such as a newspaper or a court."""
    roles = source.all_roles
    if roles & _ARMED_ROLES:
        return True
    if source.kind == "person":
        return False
    return not roles or not roles <= _UNARMED_BODIES


#: Codes of acts that, reported without an agent, are the police's.
_POLICE_ACTS = ("173",)
#: Codes of acts that, reported without an agent, are the judiciary's
#: (investigations, convictions and sentences).
_JUDICIAL_ROOTS = ("09", "116")
#: Codes of acts that, reported without an agent, are the government's
#: (dismissals: "le préfet a été limogé", "the police chief was sacked").
_GOVERNMENT_ACTS = ("172",)
#: Releases: the police's when on bail or from custody.
_RELEASES = ("0841",)
_POLICE_RELEASES = frozenset({"bail", "custody", "garde", "caution"})


def implicit_agent(
    trigger: Trigger,
    words: tuple[str, ...] = (),
    judicial: frozenset[str] = frozenset(),
) -> tuple[str, str] | None:
    """The role (and its name) of the agent a passive trigger implies: an
    arrest the police's, an investigation, a charge or a sentence (one of
    ``words``, the trigger's lemma and object, in ``judicial``: "mis en
    examen", "sentenced to prison") the judiciary's, a dismissal the
    government's."""
    if trigger.code.startswith(_GOVERNMENT_ACTS):
        return "GOV", "government"
    if trigger.code.startswith(_RELEASES):
        # "was released on police bail": the police's; a hostage freed may
        # be the kidnappers' doing, no one's to guess.
        if not _POLICE_RELEASES.isdisjoint(words):
            return "COP", "police"
        return None
    if trigger.code.startswith(_JUDICIAL_ROOTS):
        return "JUD", "judiciary"
    if trigger.code.startswith(_POLICE_ACTS):
        if not judicial.isdisjoint(words):
            return "JUD", "judiciary"
        return "COP", "police"
    return None


def _complement_lemmas(verb: Token) -> list[str]:
    """The nouns of a verb's prepositional complements ("released on police
    bail": bail)."""
    found = []
    for child in verb.children:
        if child.dep_ == "prep":
            found.extend(g.lemma_.lower() for g in child.children if g.dep_ == "pobj")
        elif child.dep_.startswith("obl"):
            found.append(child.lemma_.lower())
    return found


#: Roots of events CAMEO allows without a target (statements, appeals,
#: intents, investigations, demands, disapproval, rejection, threats,
#: protest).
UNTARGETED_ROOTS = frozenset({"01", "02", "03", "09", "10", "11", "12", "13", "14"})


#: Roots of judging something said or done: praise, blame, rejection.
_JUDGING_ROOTS = frozenset({"05", "11", "12"})


def _incise(verb: Token) -> bool:
    """A verb of an incise after a quotation ('"...", dénonce-t-il')."""
    return (verb.dep_ == "parataxis" and verb.head.i < verb.i) or quoted_subject(
        verb
    ) is not None


_CLAUSE_OBJECTS = frozenset({"ccomp", "xcomp", "obj", "dobj", "obl:arg"})


def _says_of_policy(verb: Token, res: LangResources) -> bool:
    """Whether what a speech verb reports is said of a policy ("said the
    bill was flawed", "a estimé que la réforme était injuste")."""
    for child in verb.children:
        if child.dep_ not in _CLAUSE_OBJECTS:
            continue
        for grand in child.children:
            if grand.dep_ in _SUBJECT | _PASSIVE_SUBJECT:
                return grand.lemma_.lower() in res.grammar.policy_nouns
    return False


def _clause_subject(verb: Token, args: Arguments) -> list[ActorRef]:
    """The actors subject of a clause, infinitive or that-complement of a
    verb ("demands that X disarm", "exige que X se retire")."""
    for child in verb.children:
        if child.dep_ not in _CLAUSE_OBJECTS:
            continue
        # "demands that North Korea disarm", with "disarm" tagged a noun and
        # "North Korea" its compound: a "that" says it is a clause.
        marked = child.dep_ == "ccomp" and any(g.dep_ == "mark" for g in child.children)
        if child.pos_ not in ("VERB", "AUX", "ADJ") and not marked:
            continue
        deps = _SUBJECT | _PASSIVE_SUBJECT
        if child.pos_ not in ("VERB", "AUX", "ADJ"):
            deps = deps | {"compound"}
            # "exigent que la Corée du Nord désarme", parsed with the name as
            # the clause and the verb as its noun complement.
            refs = args.group(child) if child.pos_ == "PROPN" else []
            if refs:
                return refs
        for grand in child.children:
            if grand.dep_ in deps:
                refs = args.group(grand)
                if refs:
                    return refs
    return []


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
            if token is None and passive and verb.dep_ == "xcomp":
                # "Il vient d'être condamné", "is due to be sentenced": the
                # patient is the subject of the verb that controls it.
                token, _ = subject(verb.head)
            if token is None and support is not None and not passive:
                # "a mis en demeure la société": parsed as the object of
                # "demeure", the idiom's own noun.
                token = next((c for c in support.children if c.dep_ == "obj"), None)
        elif spec == "iobj":
            token = next(
                (c for c in verb.children if c.dep_ in ("iobj", "dative")), None
            )
        elif spec == "poss":
            # "dismantled the protesters' camp", "the EU's move was welcomed":
            # the owner of the object (or of the passive's patient).
            owned = support or (None if passive else direct_object(verb, res.grammar))
            token = _possessor(owned, args) if owned is not None else None
        elif spec == "after":
            # A dictionary verb's target: the first actor of the verb phrase
            # after the verb, as PETRARCH takes it.
            token = _first_actor_after(verb, args)
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
            if support is not None and spec in res.grammar.genitive_preps:
                # "a rejeté le plan américain": the owner a genitive would
                # name, given by a demonym.
                owner = _possessor(support, args)
                if owner is not None:
                    return args.group(owner)
            if trigger.code[:2] in _OWNED_TARGETS:
                # "ont manifesté contre le projet de loi du gouvernement",
                # "protested against the government's reform": what one
                # protests against or judges is a thing, its owner the target.
                # The parse may hang the complement on a noun of the verb's
                # ("manifesté dans plusieurs villes ... contre le projet").
                for head in [verb, *_oblique_nouns(verb)]:
                    for thing in args.marked(head, spec):
                        refs = _owner_actors(thing, args, res)
                        if refs:
                            return refs
        if spec == "obj" and token is not None and "after" in trigger.targets:
            # A dictionary verb's object is a target only if it names one.
            ref = args.resolve(token, depth=0)
            token = token if ref is not None and ref.actors else None
        if token is not None and token is not support:
            # A bare agent word modifying a thing ("military ties") is no
            # target; a bare agent that is the object ("arrested students") is.
            refs = [
                r
                for r in args.group(token)
                if not r.bare
                or r.start <= token.i < r.end
                or "after" not in trigger.targets
            ]
            if refs:
                return refs
    obj = support or direct_object(verb, res.grammar)
    if obj is not None and not passive:
        # "restored full diplomatic ties with X": the parser hangs the
        # target's preposition on the object, not on the verb.
        for spec in trigger.targets:
            if spec not in ("obj", "iobj", "poss", "amod"):
                refs, _ = args.marked_actors(_noun_chain(obj), spec)
                if refs:
                    return refs
        if support is not None and trigger.targets:
            # "a ouvert une enquête visant le ministre".
            refs = _aimed_at(support, args, res)
            if refs:
                return refs
    if "obj" in trigger.targets and trigger.code[:2] in _JUDGED_OWNERS and not passive:
        # "a qualifié de honteuse la décision de Washington": what is judged
        # is a thing, its owner the target (the thing may hang on the
        # predicate, not on the verb).
        thing = obj or _predicate_object(verb)
        owner = _owner(thing, res) if thing is not None else None
        if owner is not None:
            return args.group(owner)
    preps = [spec for spec in trigger.targets if spec not in _NOMINAL_SLOTS]
    if preps and obj is None and "sym" in trigger.flags:
        # "s'est entretenu au téléphone avec X", "talked by phone with X":
        # the partner's preposition hangs on the means.
        for noun in _oblique_nouns(verb):
            for spec in preps:
                refs, _ = args.marked_actors(_noun_chain(noun, 1), spec)
                if refs:
                    return refs
    if support is not None and not passive and trigger.code[:2] in _ASKED_OWNERS:
        # "a réclamé le retrait des troupes françaises", "demanded Macron's
        # resignation": what is asked for is an act of its owner.
        owner = _owner(support, res) or _possessor(support, args)
        if owner is not None:
            return args.group(owner)
    if (
        support is None
        and obj is not None
        and obj.pos_ == "NOUN"
        and not passive
        and trigger.code[:2] in _ASKED_OWNERS
        and args.resolve(obj, depth=0) is None
    ):
        # A plain verb of demand asking for a thing: "a demandé l'arrêt du
        # mouvement des gilets jaunes", "demanded an end to the strike of
        # the rail unions": the thing's owner, through the things it owns.
        return _owner_actors(obj, args, res)
    if support is not None and not passive and trigger.code[:2] in _SUPPORT_TARGETS:
        # "a dispersé les manifestants", "expelled Russian diplomats": the
        # idiom's own noun names who it is done to.
        return [r for r in args.group(support) if r.start <= support.i < r.end]
    return []


#: The root of intents, promises and offers, whose object may be what is
#: promised.
_INTENT_ROOT = "03"
#: Roots whose support noun is an act of the target: appeals and demands.
_ASKED_OWNERS = frozenset({"02", "10"})
#: Roots whose support noun may itself be the target: reduce relations,
#: coerce, assault, fight.
_SUPPORT_TARGETS = frozenset({"16", "17", "18", "19"})
_SKIP_CLAUSES = frozenset({"advcl", "ccomp", "relcl", "acl:relcl", "parataxis", "conj"})


def same_as(ref: ActorRef, sources: list[ActorRef]) -> bool:
    """Whether a mention is one of ``sources`` or names the same actors
    ("Russia warned that it would ...": "it" is Russia)."""
    return any(ref is s or (ref.actors and ref.actors == s.actors) for s in sources)


def _own_state(ref: ActorRef, sources: list[ActorRef]) -> bool:
    """Whether a mention is the state (its name, or its government) that
    one of ``sources`` speaks for."""
    states = {
        a.country
        for r in sources
        for a in r.coded
        if a.country and (a.code == a.country or a.roles == ("GOV",))
    }
    return bool(ref.coded) and all(
        a.code == a.country and a.country in states for a in ref.coded
    )


def _first_actors(
    tokens: list[Token], args: Arguments, sources: list[ActorRef]
) -> list[ActorRef]:
    """The first actor named among ``tokens`` that is not a source nor the
    victim of what is judged ("les injures à l'encontre du philosophe")."""
    victim_preps = args.res.grammar.victim_preps
    for token in sorted(tokens, key=lambda t: t.i):
        ref = args.by_token.get(token.i)
        if ref is None or not ref.actors or ref in sources:
            continue
        head = token.doc[ref.start : ref.end].root
        marks = {
            head.head.lower_,
            *(c.lower_ for c in head.children if c.dep_ == "case"),
        }
        if not marks.isdisjoint(victim_preps):
            continue
        return [ref]
    return []


def _first_actor_after(verb: Token, args: Arguments) -> Token | None:
    skip: set[int] = set()
    for child in verb.rights:
        if child.dep_ in _SKIP_CLAUSES:
            skip.update(t.i for t in child.subtree)
    for token in verb.subtree:
        ref = args.by_token.get(token.i)
        if token.i <= verb.i or token.i in skip or not ref or not ref.actors:
            continue
        if token.pos_ == "PRON" and token.dep_ in ("poss", "nmod:poss"):
            continue  # "reopen its embassy with Gondor": not "its"
        head = token.doc[ref.head]
        if head.dep_ == "amod" and head.head.i not in range(ref.start, ref.end):
            continue  # "a million Swiss francs to Gondor": not the Swiss
        return token
    return None


#: Roots of judgements whose object's owner is judged: praise, criticism.
_JUDGED_OWNERS = frozenset({"05", "11", "12"})
#: Roots whose complement's owner is the target: judgements and protests.
_OWNED_TARGETS = _JUDGED_OWNERS | {"14"}


def _predicate_object(verb: Token) -> Token | None:
    """The object parsed under a predicate complement ("a qualifié de
    honteuse la décision")."""
    for child in verb.children:
        if child.dep_ in ("xcomp", "oprd", "acomp"):
            for grand in child.children:
                if grand.dep_ in ("obj", "dobj") and grand.pos_ == "NOUN":
                    return grand
    return None


def _owner(thing: Token, res: LangResources) -> Token | None:
    """The name that owns a thing: "la décision de Washington",
    "Washington's decision", "the decision of Russia"."""
    preps = res.grammar.genitive_preps
    for child in thing.children:
        if child.dep_ in ("poss", "nmod:poss"):
            return child
        if child.dep_ == "prep" and child.lower_ in preps:
            return next((g for g in child.children if g.dep_ == "pobj"), None)
        if child.dep_.startswith("nmod") and genitive(child, preps):
            return child
    for child in thing.children:
        if child.dep_ == "acl" and child.pos_ == "VERB":
            # "the claim made by campaign groups", "les accusations portées
            # par l'opposition": the agent of the participle.
            by = agent(child)
            if by is not None:
                return by
    return None


def _possessor(owned: Token, args: Arguments) -> Token | None:
    """The owner a thing names before it: a possessive ("the EU's plan"),
    or a name or demonym that modifies it and is an actor of its own ("the
    EU plan", "the American proposal", "le plan américain")."""
    for child in owned.children:
        if child.dep_ in ("poss", "nmod:poss"):
            return child
    for child in owned.children:
        modifier = child.dep_ == "amod" or (
            child.dep_ == "compound" and child.i < owned.i
        )
        if modifier and args.resolve(child, depth=0) is not None:
            return child
    return None


def _owner_actors(
    thing: Token, args: Arguments, res: LangResources, depth: int = 2
) -> list[ActorRef]:
    """The actors owning a thing, through things that own it ("le projet de
    loi du gouvernement": the bill's law's owner)."""
    owner = _owner(thing, res)
    if owner is None:
        return []
    refs = args.group(owner)
    if refs or depth == 0:
        return refs
    return _owner_actors(owner, args, res, depth - 1)


def _oblique_nouns(verb: Token) -> list[Token]:
    """The nouns of a verb's prepositional complements ("au téléphone",
    "by phone")."""
    nouns = []
    for child in verb.children:
        if child.dep_ == "prep":
            nouns += [
                g for g in child.children if g.dep_ == "pobj" and g.pos_ == "NOUN"
            ]
        elif child.dep_.startswith("obl") and child.pos_ == "NOUN":
            nouns.append(child)
    return nouns


def _noun_chain(noun: Token, depth: int = 3) -> list[Token]:
    """A noun and the nouns of its complements ("a resumption of formal
    ties with X": resumption, ties)."""
    heads = [noun]
    if depth == 0:
        return heads
    for child in noun.children:
        if child.dep_ == "prep":
            for grand in child.children:
                if grand.dep_ == "pobj" and grand.pos_ == "NOUN":
                    heads += _noun_chain(grand, depth - 1)
        elif child.dep_.startswith("nmod") and child.pos_ == "NOUN":
            heads += _noun_chain(child, depth - 1)
    return heads


def _support_heads(support: Token, depth: int = 2) -> list[Token]:
    heads = [support]
    if depth == 0:
        return heads
    for child in support.children:
        if child.dep_ == "amod" or child.dep_.startswith("nmod"):
            heads += _support_heads(child, depth - 1)
    return heads


def _right_objects(verb: Token, args: Arguments) -> list[ActorRef]:
    """The actors that start right after a verb (only adverbs between),
    with those coordinated to the first by "and", "et" or a comma."""
    doc, i = verb.doc, verb.i + 1
    end = verb.sent.end
    while i < end and doc[i].pos_ in ("ADV", "PART", "DET"):
        i += 1
    found: list[ActorRef] = []
    while i < end:
        ref = args.by_token.get(i)
        if ref is None or ref.start != i or not ref.actors:
            break
        found.append(ref)
        i = ref.end
        if (
            i + 1 < end
            and doc[i].pos_ in ("CCONJ", "PUNCT")
            and doc[i].text in (",", "and", "et")
        ):
            i += 1
        else:
            break
    return found


def mistagged_verb(token: Token, res: LangResources) -> str | None:
    """The lemma of a verb the tagger took for another part of speech, or
    lemmatised as one, in a known way ("Viala critique le président": ADJ,
    lemma "critique"), when no determiner or preposition makes it the noun
    or adjective ("la critique", "en visite")."""
    verb = res.grammar.mistagged_verbs.get(token.lower_)
    if verb is None or token.pos_ == "VERB":
        return verb  # a verb with the lemma of the noun ("critique")
    if token.i == 0:
        return None
    before = token.doc[token.i - 1]
    if before.pos_ in ("DET", "ADP", "NUM") or any(
        c.dep_ in ("det", "case") or (c.dep_ == "amod" and c.i < token.i)
        for c in token.children
    ):
        return None  # "la critique", "en visite", "une nouvelle visite"
    return verb


def _left_subject(verb: Token, args: Arguments, res: LangResources) -> list[ActorRef]:
    """The actor right before a verb the parse left without a subject:
    "..., Donald Trump s'était vivement attaqué à la France", with the name
    hung on the previous clause. Only the verb's own auxiliaries, clitics
    and adverbs may stand between."""
    finite = (
        "Fin" in verb.morph.get("VerbForm", [])
        or any(c.dep_.startswith("aux") for c in verb.children)
        or mistagged_verb(verb, res) is not None
    )
    if not finite:
        return []  # "un homme soupçonné de ...": the noun is the patient
    doc, i = verb.doc, verb.i - 1
    while i >= verb.sent.start:
        token = doc[i]
        if token.head.i != verb.i or token.pos_ not in _VERB_GROUP:
            break
        if i in args.by_token:
            break  # "Macron a refusé", the name tagged as an adverb
        if token.dep_ in _SUBJECT:
            return []
        i -= 1
    ref = args.by_token.get(i) if i >= verb.sent.start else None
    if ref is None or ref.end != i + 1:
        return []
    head = doc[ref.head]
    if head.dep_ in _NOT_LEFT_SUBJECT or any(c.dep_ == "case" for c in head.children):
        return []
    return args.group(head)


_VERB_GROUP = frozenset({"AUX", "ADV", "PART", "PRON"})
# A noun the parse already gives a role that cannot be a subject.
_NOT_LEFT_SUBJECT = frozenset(
    {"obj", "dobj", "iobj", "obl", "obl:arg", "obl:mod", "pobj", "nmod", "poss"}
)


def _joined(head: Token, verb: Token) -> bool:
    """Whether a conjunction or a comma stands between two coordinated
    verbs (or just before the second: "et a appelé")."""
    between = head.doc[head.i + 1 : verb.i]
    return any(t.dep_ == "cc" or t.text in (",", ";") for t in between) or any(
        c.dep_ == "cc" for c in verb.children
    )


def _inherited(
    verb: Token, args: Arguments, res: LangResources
) -> tuple[list[ActorRef], str, str | None]:
    """Sources of a verb without its own subject: the controller of an
    infinitive ("prévoit de se rendre", "accusent Pyongyang de fournir"), the
    subject of a coordinated verb, the noun a participle or relative clause
    modifies ("Poutine, arrivé en Corée du Nord")."""
    head = verb.head
    if head.i == verb.i:
        return [], "", None
    dep = verb.dep_
    if dep == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        # English gerunds: "accuse X of supplying", "blame X for attacking".
        head, dep = head.head, "xcomp"
    if dep == "xcomp" and head.pos_ == "ADJ" and head.dep_ in ("acomp", "xcomp"):
        # "is about to restore", "is ready to sign": the adjective's verb
        # has the subject.
        head = head.head
    held = subject(head)[0] if dep == "xcomp" and head.pos_ == "ADJ" else None
    if held is not None:
        # "la France est prête à financer": the adjective has the subject.
        return args.group(held), "control", None
    if dep in ("xcomp", "advcl", "obl:arg", "ccomp") and head.pos_ in ("VERB", "AUX"):
        marker = res.markers.get((head.lemma_.lower(), head.pos_))
        embeds = any(
            "embed" in t.flags for t in res.triggers_for(head.lemma_.lower(), "VERB")
        )
        if marker is not None and marker.kind == "asserted" and dep == "advcl":
            # "had forced the changes, telling the BBC": only the infinitive
            # of "forced X to" is X's.
            marker = None
        if (marker is not None and marker.control == "obj") or embeds:
            obj = direct_object(head, res.grammar) or passive_subject(head)
            if obj is not None:
                # "accusent X de fournir": alleged; "exhorte X à livrer": asked.
                kind = marker.kind if marker is not None else "alleged"
                return args.group(obj), "embedded", kind
        if dep == "ccomp":
            return [], "", None
        subj, passive = subject(head)
        if subj is not None and (not passive or dep == "xcomp"):
            # "were used by police to disperse crowds": a passive's agent
            # controls its purpose infinitive.
            return args.group(subj), "control", None
        patient = passive_subject(head) if subj is None else None
        if (
            patient is not None
            and dep == "xcomp"
            and head.lemma_.lower() in res.grammar.perception_verbs
        ):
            # "protesters were filmed hurling abuse": who was seen doing it.
            return args.group(patient), "control", None
        refs, _, embedded = _inherited(head, args, res)
        return refs, "control", embedded
    if (
        dep in ("xcomp", "dep", "appos")
        and head.pos_ == "PROPN"
        and head.dep_ == "ROOT"
    ):
        # "Royal condamne la décision": the French parser makes the name the
        # root and the verb its complement.
        ref = args.resolve(head, depth=0)
        if ref is not None and head.i < verb.i:
            return [ref], "mistagged-root", None
    if dep == "conj":
        if head.pos_ in ("VERB", "AUX") and not _joined(head, verb):
            # "Trump blamed the accord as demonstrations continued to
            # protest": a conjunct with neither a conjunction nor a comma
            # before it is a parse of another clause.
            return [], "", None
        if head.pos_ in ("VERB", "AUX"):
            subj, passive = subject(head)
            if subj is not None and not passive:
                return args.group(subj), "coordinated-verb", None
            if head.dep_ == "ccomp" and any(c.dep_ == "expl" for c in head.children):
                # "said there had been no threat and praised the police": no
                # verb shares "there"; the parser hung the speaker's second
                # verb on what is said.
                head = head.head
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
    if dep == "amod" and verb.tag_ == "VBG":
        # "Striking students closed schools", "protesting farmers".
        ref = args.resolve(head, depth=0)
        if ref is not None:
            return [ref], "attributive", None
    if dep in ("acl", "acl:relcl", "relcl"):
        ref = args.resolve(head, depth=0) or args.resolve(head)
        if ref is not None:
            return [ref], "participle" if dep == "acl" else "relative", None
        if dep == "acl" or "Inf" in verb.morph.get("VerbForm"):
            return _message_author(head, verb, args, res)
    return [], "", None


def _message_author(
    noun: Token, clause: Token, args: Arguments, res: LangResources
) -> tuple[list[ActorRef], str, str | None]:
    """The author of a message whose participle (``clause``) says what it
    does: the subject of the verb that has the message as its object or in
    a complement ("posted a video criticising", "said in a statement
    condemning", "a publié un communiqué dénonçant"); likewise the author of
    a policy whose infinitive says what it does ("approved measures to ban
    masked protesters", "a adopté une loi pour interdire")."""
    lemma = noun.lemma_.lower()
    purpose = lemma in res.grammar.policy_nouns and "Inf" in clause.morph.get(
        "VerbForm"
    )
    if lemma not in res.grammar.message_nouns and not purpose:
        return [], "", None
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    elif noun.dep_ not in ("obj", "dobj", "obl", "obl:mod", "obl:arg"):
        return [], "", None
    if verb.pos_ not in ("VERB", "AUX") or verb.i == noun.i:
        return [], "", None
    subj, passive = subject(verb)
    if subj is None or passive:
        return [], "", None
    refs = args.group(subj)
    return (refs, "message", None) if refs else ([], "", None)


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
    source_preps = res.grammar.noun_source_preps
    if trigger.code[:2] in _CLAIM_ROOTS or in_words(noun):
        source_preps = source_preps | res.grammar.claim_source_preps
    pattern = "nominal"
    for child, prep in _noun_arguments(noun, args):
        if child.i in used:
            continue
        if child.dep_ in ("amod", "poss", "nmod:poss", "compound") or (
            prep in source_preps
        ):
            ref = args.resolve(child)
            if ref is not None and ref not in targets:
                if trigger.code[:2] == _PROTEST_ROOT and prep is None:
                    people, against = _protest_modifier(child, ref)
                    if against is not None:
                        targets = targets or [against]
                    if people is not ref:
                        pattern += "+protest-modifier"
                    if people is None:
                        break
                    ref = people
                sources.append(ref)
                break
    if not sources and used:
        # "l'arrestation de trois militants par la police": the agent hung
        # on the patient.
        sources = _patient_agents(noun.doc[min(used)], args, res, targets)
    if not sources:
        # "des injures proférées par des manifestants", "insults hurled by
        # protesters": the agent of the participle that tells who did it.
        sources = _participle_agents(noun, args, targets)
    if not sources:
        sources = _light_verb_subject(noun, args, res, targets)
        pattern += "+light-verb" if sources else ""
    if not sources:
        sources = _joined_by(noun, args, res, targets)
        pattern += "+joined" if sources else ""
    if not sources:
        sources = _dealt_by(noun, args, res, targets)
        pattern += "+dealt-by" if sources else ""
    if not sources and trigger.code[:2] == _CONSULT_ROOT:
        sources = [r for r in _travelling(noun, args, res) if r not in targets]
        pattern += "+travelling" if sources else ""
    if not targets:
        # "X was targeted by attacks", "X a été visé par des tirs".
        targets = _targeted_by(noun, args, res)
        pattern += "+targeted" if targets else ""
    if not targets and trigger.targets:
        # "des sanctions visant la Russie", "sanctions targeting Russia".
        targets = [r for r in _aimed_at(noun, args, res) if r not in sources]
        pattern += "+targeted" if targets else ""
    if not targets and trigger.targets:
        # "an EU demand for Turkey to recognise Cyprus", "a call for him to
        # resign": the subject of the clause the noun governs.
        targets = [r for r in _for_subject(noun, args) if r not in sources]
        pattern += "+clause-subject" if targets else ""
    for spec in {"between", "entre"} & set(trigger.targets) if not sources else ():
        # "scuffles (broke out) between gilets jaunes and police", with no
        # source of its own: the first party is the source, the others its
        # targets.
        pair = [r for r in args.marked_actors([noun, noun.head], spec)[0] if r.actors]
        if len(pair) > 1:
            sources, targets = pair[:1], pair[1:]
    if not sources and not targets:
        sources, targets = _opposed_parties(noun, args, res)
    if not sources and not targets and "sym" in trigger.flags:
        # "Moscou et Washington appellent à la coopération après des
        # discussions", "X and Y signed a deal after talks": talks that name
        # no one are between the subjects of the verb they hang on.
        sources, targets = _subjects_together(noun, args, res)
        pattern += "+subjects" if sources else ""
    # Talks at a protest are no clash: only conflict nouns (14-20) are.
    clash = bool({"between", "entre"} & set(trigger.targets)) and (
        trigger.code[:2] in _CONFLICT_ROOTS
    )
    if clash and not sources and not targets and _protest_in(noun.sent, res):
        # "des heurts ont marqué l'acte 19 des manifestations", "clashes
        # broke out on the sidelines of the protest": clashes at a protest
        # that name no one are between protesters and police.
        sources = [ActorRef.implied(noun.i, "OPP")]
        targets = [ActorRef.implied(noun.i, "COP")]
        pattern += "+implicit-protesters+implicit-police"
    if not targets:
        # The police arrest them, below.
        targets = _arrested_at_protest(noun, trigger, sources, res)
        pattern += "+implicit-protesters" if targets else ""
    if not sources and trigger.code[:2] == "14":
        # "during a fourth weekend of demonstrations, protesters ...": a
        # protest named without its protesters is theirs if the sentence
        # names some.
        sources = _sentence_protesters(noun, args, targets)
        pattern = "nominal+sentence-protesters"
    implicit = (
        implicit_agent(trigger, (noun.lemma_.lower(),), res.grammar.judicial_words)
        if targets and not sources
        else None
    )
    if implicit is not None:
        # "l'arrestation de trois militants", "X faced arrest": as in the
        # passive, an arrest with no agent named is the police's.
        sources = [ActorRef.implied(noun.i, implicit[0])]
        pattern += f"+implicit-{implicit[1]}"
    if not sources:
        return None
    if not targets and trigger.code[:2] == "14":
        targets = _protest_site([noun, noun.head], args, res, sources)
        pattern += "+site" if targets else ""
    # Who takes part in a strike or a protest that names no target still
    # protests (CAMEO allows it without one).
    untargeted = "joined" in pattern.split("+") and trigger.code[:2] in UNTARGETED_ROOTS
    return Found(
        trigger, noun, tuple(sources), tuple(targets), pattern, untargeted=untargeted
    )


def _for_subject(noun: Token, args: Arguments) -> list[ActorRef]:
    """The subject of an infinitive introduced by "for" under a noun ("a
    demand for Turkey to recognise Cyprus")."""
    for clause in noun.children:
        if clause.dep_ not in ("acl", "relcl") or clause.pos_ not in ("VERB", "AUX"):
            continue
        if any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children):
            for child in clause.children:
                if child.dep_ in _SUBJECT:
                    return args.group(child)
    # Parsed as "demand [for Turkey] [to recognise]", the infinitive hanging
    # on the noun or elsewhere: "to" right after the actor says it.
    doc = noun.doc
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "for":
            for child in prep.children:
                after = child.right_edge.i + 1
                if (
                    child.dep_ == "pobj"
                    and after < len(doc)
                    and doc[after].lower_ == "to"
                    and doc[after].head.pos_ == "VERB"
                ):
                    # Not "demands for citizens' referendums to decide".
                    return [r for r in args.group(child) if doc[r.head].dep_ != "poss"]
    return []


def _protest_modifier(
    word: Token, ref: ActorRef
) -> tuple[ActorRef | None, ActorRef | None]:
    """The protesters and the target a protest's modifier gives: "Paris
    protests", "French protests" are protests of that country's people (its
    opposition, not its government); "anti-government protests" are aimed at
    the government, by people of its country."""
    doc = word.doc
    anti = (
        word.i >= 2 and doc[word.i - 1].text == "-" and doc[word.i - 2].lower_ == "anti"
    )
    if not (anti or ref.kind in ("country", "place") or ref.capital):
        return ref, None  # "union protests": the union protests
    countries = [a.country for a in ref.coded if a.country]
    if len(countries) != 1:
        return None, None
    protesters = ActorRef(
        (agent_actor(countries[0], ("OPP",)),), "group", word.i, word.i + 1, word.i
    )
    return protesters, ref if anti else None


def _opposed_parties(
    noun: Token, args: Arguments, res: LangResources
) -> tuple[list[ActorRef], list[ActorRef]]:
    """The two parties of an event noun that is the subject of an opposing
    verb: "des affrontements ont opposé des manifestants aux policiers"
    (the object the source, the preposition's the target)."""
    verb = noun.head
    prep = res.grammar.opposing_verbs.get(verb.lemma_.lower())
    if prep is None or not noun.dep_.startswith("nsubj"):
        return [], []
    obj = direct_object(verb, res.grammar)
    if obj is None:
        return [], []
    first = [r for r in args.group(obj) if r.actors]
    marked, _ = args.marked_actors([verb, obj], prep)
    second = [r for r in marked if r.actors and r not in first]
    if not first or not second:
        return [], []
    return first, second


def _light_verb_subject(
    noun: Token, args: Arguments, res: LangResources, targets: list[ActorRef]
) -> list[ActorRef]:
    """The subject of the light verb whose object the event noun is: "la
    police a procédé à 45 interpellations", "police made 20 arrests"."""
    verb = noun.head
    direct = noun.dep_ in ("obj", "dobj", "obl:arg")
    if not (direct or (noun.dep_ == "obl" and args.preposition(noun) == "à")):
        return []  # "a U-turn because of street protests" is no light verb's
    if verb.lemma_.lower() not in res.grammar.light_verbs or verb.pos_ != "VERB":
        return []
    subj, passive = subject(verb)
    if subj is None or passive:
        return []
    return [r for r in args.group(subj) if r not in targets]


def _joined_by(
    noun: Token, args: Arguments, res: LangResources, targets: list[ActorRef]
) -> list[ActorRef]:
    """The subject of a verb of taking part whose complement the event noun
    is ("workers took part in the strike", "ont participé à la grève",
    "joined the protest")."""
    verb = noun.head
    if noun.dep_ == "pobj":
        verb = verb.head  # "take part [in [the strike]]"
    elif noun.dep_ not in ("obj", "dobj", "obl:arg", "obl"):
        return []
    if verb.pos_ != "VERB":
        return []
    needs = res.grammar.joining_verbs.get(verb.lemma_.lower())
    if needs is None:
        return []
    if needs and not any(
        c.lower_ == needs and c.dep_ in ("obj", "dobj") for c in verb.children
    ):
        return []
    subj, passive = subject(verb)
    if subj is None or passive:
        return []
    return [r for r in args.group(subj) if r not in targets]


#: The root of consultations: visits, meetings.
_CONSULT_ROOT = "04"


def _travelling(noun: Token, args: Arguments, res: LangResources) -> list[ActorRef]:
    """Who is on the visit a phrase says ("Emmanuel Macron, en visite en
    Chine, a salué ...", "X, on a visit to China, praised"): the name the
    phrase hangs on, the subject of the verb it hangs on, or the name right
    before its comma."""
    preps = res.grammar.travel_preps
    if noun.dep_ == "pobj" and noun.head.lower_ in preps:
        opening, head = noun.head, noun.head.head
    else:
        case = next(
            (c for c in noun.children if c.dep_ == "case" and c.lower_ in preps), None
        )
        if case is None:
            return []
        opening, head = case, noun.head
    if head.i == noun.i:
        return []
    ref = args.resolve(head, depth=0)
    if ref is not None:
        return [ref]
    if head.pos_ in ("VERB", "AUX"):
        subj, passive = subject(head)
        if subj is not None and not passive:
            return args.group(subj)
    before = opening.i - 1
    if before > opening.sent.start and opening.doc[before].text == ",":
        ref = args.by_token.get(before - 1)
        if ref is not None and ref.end == before:
            return [ref]
    return []


_VERBAL = frozenset(
    {"verbally", "verbal", "verbalement", "verbale", "verbales", "verbaux"}
)


def in_words(token: Token) -> bool:
    """Force in words: "verbally attacked", "verbal attacks"."""
    return any(c.lower_ in _VERBAL for c in token.children)


# Appeals, demands, criticism, rejections and threats: what one says.
_CLAIM_ROOTS = frozenset({"02", "10", "11", "12", "13"})


def _patient_agents(
    patient: Token, args: Arguments, res: LangResources, targets: list[ActorRef]
) -> list[ActorRef]:
    """The agent complement that the parse hung on a nominal event's
    patient rather than on the noun ("l'arrestation de trois militants par
    la police", "the arrest of two activists by police")."""
    for child, prep in _noun_arguments(patient, args):
        if prep in res.grammar.noun_agent_preps:
            refs = [r for r in args.group(child) if r not in targets]
            if refs:
                return refs
    return []


def _participle_agents(
    noun: Token, args: Arguments, targets: list[ActorRef]
) -> list[ActorRef]:
    """The agents of a passive participle that modifies ``noun`` ("des
    injures proférées par des manifestants")."""
    for child in noun.children:
        if child.dep_ not in ("acl", "amod") or child.pos_ != "VERB":
            continue
        by = agent(child)
        refs = [r for r in args.group(by) if r not in targets] if by else []
        if refs:
            return refs
    return []


def _aimed_at(noun: Token, args: Arguments, res: LangResources) -> list[ActorRef]:
    """The object of a "target" participle on a noun or on its complement:
    "une enquête visant le ministre", "sanctions targeting Russian banks",
    "une enquête pour corruption visant le maire"."""
    for child in (c for n in _noun_chain(noun, 1) for c in n.children):
        if child.dep_ not in ("acl", "amod") or child.pos_ != "VERB":
            continue
        if child.lemma_.lower() not in res.grammar.target_verbs:
            continue
        obj = direct_object(child, res.grammar)
        if obj is not None:
            return args.group(obj)
    return []


def _targeted_by(noun: Token, args: Arguments, res: LangResources) -> list[ActorRef]:
    """The patient of a passive "target" verb whose agent is ``noun``: "X
    was targeted by insults" (X), "X a été visé par des injures"; the
    subject of a verb that undergoes it: "X faced a wave of criticism", "X a
    essuyé les critiques de Y"."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "agent":
        head = head.head
    elif noun.dep_ != "obl:agent":
        return _undergone_by(noun, args, res)
    if head.lemma_.lower() not in res.grammar.target_verbs:
        return []
    patient = passive_subject(head)
    return args.group(patient) if patient is not None else []


def _dealt_by(
    noun: Token, args: Arguments, res: LangResources, targets: list[ActorRef]
) -> list[ActorRef]:
    """Who deals what the subject of an undergo verb undergoes: "received
    threats from X", "a reçu des coups de matraque de la part d'un
    policier" (on the verb or on the noun)."""
    verb = _undergo_verb(noun, res)
    if verb is None:
        return []
    grammar = res.grammar
    for head in (noun, verb):
        for child, prep in _noun_arguments(head, args):
            found: Token | None = None
            if prep in grammar.undergo_source_preps:
                found = child
            elif child.lemma_.lower() in grammar.agent_phrase_nouns:
                found = next(
                    (g for g in child.children if genitive(g, grammar.genitive_preps)),
                    None,
                )
            refs = [r for r in args.group(found) if r not in targets] if found else []
            if refs:
                return refs
    return []


def _undergone_by(noun: Token, args: Arguments, res: LangResources) -> list[ActorRef]:
    """The subject of a verb of ``Grammar.undergo_verbs`` whose object is
    ``noun``, or a quantity of it ("a series of attacks", "une vague de
    critiques")."""
    verb = _undergo_verb(noun, res)
    if verb is None:
        return []
    subj, passive = subject(verb)
    return [] if subj is None or passive else args.group(subj)


def _undergo_verb(noun: Token, res: LangResources) -> Token | None:
    """The verb of ``Grammar.undergo_verbs`` (or idiom) whose object is
    ``noun`` or a quantity of it."""
    if (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "of"
        and noun.head.head.pos_ == "NOUN"
    ):
        noun = noun.head.head
    elif (
        noun.dep_ == "nmod"
        and noun.head.pos_ == "NOUN"
        and any(c.dep_ == "case" and c.lower_ == "de" for c in noun.children)
    ):
        noun = noun.head
    verb = noun.head
    lemma = verb.lemma_.lower()
    idiom = res.grammar.undergo_idioms.get(lemma, frozenset())
    held = next(
        (c for c in verb.children if c.dep_ in ("obj", "dobj") and c.lower_ in idiom),
        None,
    )
    if noun.dep_.startswith("obl") and held is not None:
        # "a fait l'objet d'une arrestation", the noun parsed as the verb's.
        noun = held
    if noun.dep_ not in ("obj", "dobj") or verb.pos_ != "VERB":
        return None
    if lemma not in res.grammar.undergo_verbs and not (
        # "fait face à des critiques": "face à" hangs on the noun; "a fait
        # l'objet de critiques": the noun is the object.
        noun.lower_ in idiom or any(c.lower_ in idiom for c in noun.children)
    ):
        return None
    return verb


def _protest_site(
    heads: list[Token], args: Arguments, res: LangResources, sources: list[ActorRef]
) -> list[ActorRef]:
    """The actor at whose door a protest is held: "ont manifesté devant le
    siège d'Amazon", "protested outside the European Parliament"."""
    for prep in res.grammar.protest_site_preps:
        refs = [r for r in args.marked_actors(heads, prep)[0] if r not in sources]
        if refs:
            return refs
    return []


_PROTESTER_ROLES = frozenset({"OPP", "LAB", "EDU", "CVL"})


def _subjects_together(
    noun: Token, args: Arguments, res: LangResources
) -> tuple[list[ActorRef], list[ActorRef]]:
    """The coordinated subjects of the verb a noun hangs on, directly,
    through its preposition ("après des discussions", "after talks") or
    through a word of time ("lors des négociations", "à l'issue des
    discussions"): the first one and the others."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head  # "after talks"
    elif verb.lower_ in res.grammar.time_words and verb.i != noun.i:
        verb = verb.head  # "lors des négociations", "à l'issue des discussions"
    if verb.i == noun.i or verb.pos_ not in ("VERB", "AUX"):
        return [], []
    subj, passive = subject(verb)
    if subj is None or passive:
        return [], []
    group = [r for r in args.group(subj) if r.actors]
    if len(group) < 2:
        return [], []
    return group[:1], group[1:]


def _protest_in(sent: Span, res: LangResources) -> bool:
    """Whether a sentence names a protest (a protest noun of the lexicon)."""
    return any(
        t.pos_ == "NOUN"
        and any(
            trig.code.startswith("14")
            for trig in res.triggers_for(t.lemma_.lower(), "NOUN")
        )
        for t in sent
    )


def _hosting_seat(verb: Token, args: Arguments) -> list[ActorRef]:
    """The organisation a passive verb of hosting places its guests at ("à
    l'Élysée", "at Downing Street"), named as a place."""
    for child in verb.children:
        if child.dep_ not in ("obl", "obl:mod", "prep"):
            continue
        target = child
        if child.dep_ == "prep":
            target = next((g for g in child.children if g.dep_ == "pobj"), child)
        refs = [r for r in args.group(target) if r.kind == "organisation"]
        if refs:
            return refs
    return []


def _arrested_at_protest(
    token: Token, trigger: Trigger, sources: list[ActorRef], res: LangResources
) -> list[ActorRef]:
    """Those arrested at a protest whom the text does not name are its
    protesters: "des interpellations en marge de la manifestation", "police
    made 50 arrests at the rally" (an arrest by the police or by no one)."""
    if not trigger.code.startswith(_ARREST):
        return []
    if not all("COP" in r.all_roles for r in sources):
        return []
    if not _protest_in(token.sent, res):
        return []
    return [ActorRef.implied(token.i, "OPP")]


def _sentence_protesters(
    noun: Token, args: Arguments, targets: list[ActorRef]
) -> list[ActorRef]:
    """The agent nearest to ``noun`` in its sentence whose role may protest
    (opposition, unions, students, citizens)."""
    sent = noun.sent
    found: list[tuple[int, ActorRef]] = []
    for index in range(sent.start, sent.end):
        ref = args.by_token.get(index)
        if ref is None or ref in targets or index != ref.head:
            continue
        if (
            ref.all_roles & _PROTESTER_ROLES
            and any(a.code for a in ref.actors)
            or (ref.bare and set(ref.roles) & _PROTESTER_ROLES)
        ):
            found.append((abs(index - noun.i), ref))
    return [min(found, key=lambda f: f[0])[1]] if found else []


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
    out: list[Token] = []
    for child in noun.children:
        if child.dep_ == "prep":
            out.extend(g for g in child.children if g.dep_ == "pobj")
        elif child.dep_.startswith("nmod"):
            out.append(child)
    return out
