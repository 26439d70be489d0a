"""Open-world actors: the steps of the resolution cascade after the
knowledge base.

``find_actors`` (``actors.py``) finds the names the knowledge base knows and
the agent words with the country their noun phrase gives (demonym
adjective, genitive, place). ``open_world`` then, in order:

1. keeps every person and organisation the parser's NER finds, coded or
   not (an uncoded actor has an empty code and its surface name, as GDELT
   keeps actor names), and the people the article described earlier;
2. gives a person the title or function next to the name ("le ministre de
   l'Intérieur Christophe Castaner", "Hungarian PM Viktor Orban", "X, the
   Kenyan opposition leader") and remembers it for later mentions;
3. gives unqualified agents ("le gouvernement", "the police") the
   article's home country;
4. resolves subject pronouns ("il a ajouté", "he said") to the last person
   or acting agent named outside quotations.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

import numpy
from spacy import symbols
from spacy.tokens import Doc, Span, Token

from ..kb.base import Entry, KnowledgeBase, agent_actor, key, surnames
from ..lang import Grammar, LangResources
from ..lang import get as get_language
from ..models import Actor, MentionKind
from ._arguments import genitive
from ._doc import doc_text
from ._gates import may_hold
from ._refs import STAFF_ROLES, ActorRef, Context
from .dateline import dateline_end

__all__ = ["open_world"]

_ENTITY_KINDS: dict[str, MentionKind] = {
    "PER": "person",
    "PERSON": "person",
    "ORG": "organisation",
    "NORP": "group",
}
_QUOTES = frozenset({'"'})
# Tokens that may sit between a title and its name: "le ministre, X".
_BETWEEN = frozenset({",", "-", ":", '"'})
_MAX_BETWEEN = 2
# Per knowledge base and language: a cache of derived data, not state.
_NOT_NAMES: dict[tuple[int, str], frozenset[str]] = {}
_PRONOUN_PATTERNS: dict[frozenset[str], re.Pattern[str]] = {}
_SUBJECT = ("nsubj", "nsubj:pass", "nsubjpass")
# Roles of the state's own actors.
_STATE_ROLES = frozenset({"GOV", "LEG", "JUD", "MIL", "COP"})


def open_world(
    doc: Doc, refs: list[ActorRef], kb: KnowledgeBase, lang: str, context: Context
) -> list[ActorRef]:
    """The mentions of ``doc`` after every step of the cascade, in text
    order (``refs``: those the knowledge base and agent words gave)."""
    grammar = get_language(lang).grammar
    dateline = dateline_end(doc, doc_text(doc))
    refs = [ref for ref in refs if ref.start >= dateline]
    taken = {i for ref in refs for i in range(ref.start, ref.end)}
    taken.update(range(dateline))
    found = _entities(doc, taken, context, grammar, _not_names(kb, lang))
    found = [_of_kind(doc, ref, grammar, kb.demonyms.get(lang, {})) for ref in found]
    taken.update(i for ref in found for i in range(ref.start, ref.end))
    found += _titled_names(doc, refs, taken)
    refs = sorted([*refs, *found], key=lambda r: r.start)
    refs = _members(doc, refs, grammar)
    refs = _forces_of(doc, refs, grammar)
    refs = _protest_members(doc, refs, lang)
    refs = _titles(doc, refs, grammar)
    refs = _nationals(doc, refs, kb.demonyms.get(lang, {}))
    refs = _described(doc, refs, grammar)
    people = {
        i: ref.coded[0].country
        for ref in refs
        if ref.kind == "person" and len(ref.coded) == 1
        for i in range(ref.start, ref.end)
    }
    refs = [
        _domestic(
            doc,
            _definite(doc, ref, grammar, context),
            context,
            grammar,
            people,
            _official_abroad(doc, refs, ref, context),
        )
        for ref in refs
    ]
    _remember(doc, refs, context)
    refs = [_recall(ref, context) for ref in refs]
    refs = _named_again(doc, refs, context)
    refs = _named_by_word(doc, refs, grammar, context)
    refs = _acronyms(doc, refs, context)
    return _coreference(doc, refs, grammar, context)


def _not_names(kb: KnowledgeBase, lang: str) -> frozenset[str]:
    """Capitalised words the NER takes for names that are none: the words
    of agent phrases ("le ministre des Affaires étrangères"), weekdays and
    months ("Lundi, ...")."""
    cached = _NOT_NAMES.get((id(kb), lang))
    if cached is None:
        dates = get_language(lang).dates
        words = {w for phrase in kb.agents.get(lang, {}) for w in phrase.split()}
        words.update(getattr(dates, "WEEKDAYS", {}))
        words.update(getattr(dates, "MONTHS", {}))
        cached = frozenset(words)
        _NOT_NAMES[(id(kb), lang)] = cached
    return cached


def _entities(
    doc: Doc,
    taken: set[int],
    context: Context,
    grammar: Grammar,
    not_names: frozenset[str],
) -> list[ActorRef]:
    """The persons, organisations and groups the NER finds that no entry of
    the knowledge base covers: those the article described earlier keep that
    description, others are kept by name."""
    found = []
    for ent in doc.ents:
        kind = _ENTITY_KINDS.get(ent.label_)
        if kind is None:
            continue
        start = ent.start
        while start < ent.end and start in taken:
            start += 1  # "PM Viktor Orban": the title is an agent of its own
        if any(i in taken for i in range(start, ent.end)):
            continue
        span = _trim(doc[start : ent.end], grammar)
        if span is None or all(key(t.text) in not_names for t in span if t.is_alpha):
            continue
        remembered = context.people.get(key(span.text))
        if remembered is not None:
            actor, step = remembered, "title"
        else:
            actor, step = Actor(code="", name=span.text), "kb"
        found.append(
            ActorRef(
                actors=(actor,),
                kind="person" if remembered is not None else kind,
                start=span.start,
                end=span.end,
                head=span.root.i,
                resolved_by=step,  # type: ignore[arg-type]
            )
        )
    return found


def _of_kind(
    doc: Doc, ref: ActorRef, grammar: Grammar, demonyms: Mapping[str, str]
) -> ActorRef:
    """An organisation nobody knows whose name says its kind ("Acme
    Holdings plc", "Scottish Retail Consortium", "l'Observatoire des
    inégalités") has that kind's role, and the country of a demonym in its
    name (else the article's, later)."""
    if ref.kind != "organisation" or ref.coded or not grammar.organisation_kinds:
        return ref
    span = doc[ref.start : ref.end]
    role = next(
        (grammar.organisation_kinds[t.lower_] for t in span
         if t.lower_ in grammar.organisation_kinds),
        None,
    )  # fmt: skip
    if role is None:
        return ref
    country = next(
        (demonyms[key(t.text)] for t in span if key(t.text) in demonyms), None
    )
    if country is None:
        return replace(ref, actors=(), roles=(role,), name=span.text)
    actor = agent_actor(country, (role,), span.text)
    return replace(ref, actors=(actor,), resolved_by="adjective")


def _titled_names(doc: Doc, refs: list[ActorRef], taken: set[int]) -> list[ActorRef]:
    """Names right after a title that the NER missed or mislabelled
    ("Hungarian PM Viktor Orban" read as a work of art): a run of proper
    nouns of two words or more, or of one word attached to the title."""
    found = []
    for ref in refs:
        if not _is_title(ref):
            continue
        end = ref.end
        while end < len(doc) and end not in taken and doc[end].pos_ == "PROPN":
            end += 1
        run = doc[ref.end : end]
        if not run or not all(t.text[:1].isupper() for t in run):
            continue
        if len(run) == 1 and not ref.start <= run[0].head.i < ref.end:
            continue
        taken.update(range(ref.end, end))
        found.append(
            ActorRef(
                actors=(Actor(code="", name=run.text),),
                kind="person",
                start=run.start,
                end=run.end,
                head=run.root.i,
            )
        )
    return found


def _trim(ent: Span, grammar: Grammar) -> Span | None:
    """The entity without the punctuation, determiners and courtesy titles
    the NER may take in ("M. Drouet" is "Drouet")."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (
        doc[start].pos_ in ("PUNCT", "DET", "ADP")
        or doc[start].lower_ in grammar.courtesy_titles
    ):
        start += 1
    while end > start and doc[end - 1].pos_ in ("PUNCT", "ADP"):
        end -= 1
    if start == end or not any(t.text[:1].isupper() for t in doc[start:end]):
        return None
    return doc[start:end]


def _titles(doc: Doc, refs: list[ActorRef], grammar: Grammar) -> list[ActorRef]:
    """A person named next to a title or function takes its actor: the title
    before ("le ministre de la Justice Rachida Dati", "Hungarian PM Viktor
    Orban") or after, in apposition ("X, the Kenyan opposition leader", "M.
    X, président de l'UMP"). A person the knowledge base knows keeps its own
    actor (the title only joins its mention)."""
    out: list[ActorRef] = []
    used: set[int] = set()
    for n, ref in enumerate(refs):
        if n in used:
            continue
        if not _personal(doc, ref, refs[n - 1] if n > 0 else None):
            out.append(ref)
            continue
        title, step = None, "title"
        before = refs[n - 1] if n > 0 and (n - 1) not in used else None
        after = refs[n + 1] if n + 1 < len(refs) else None
        if before is not None and _headed_by(doc, before, ref, grammar):
            # "Metropolitan Police Commissioner Sir Ian Blair": the head of
            # a body named just before is the body's.
            title = before
        elif (
            before is not None
            and _is_title(before, doc)
            and (
                _joined(doc, before, ref, grammar.courtesy_titles)
                or _complemented(doc, before, ref)
                or _coordinated(doc, before, ref)
                or _of_place(doc, before, ref, grammar)
            )
        ):
            title = before
        elif (
            after is not None
            and _is_title(after, doc)
            and _joined(doc, ref, after)
            and _describes(doc, ref, after)
        ):
            title, step = after, "apposition"
        if title is None:
            out.append(ref)
            continue
        if title is before:
            out.pop()
        else:
            used.add(n + 1)
        titled = _with_title(doc, ref, title, step)
        if (
            title is before
            and title.bare
            and after is not None
            and after.coded
            and _is_title(after, doc)
            and _joined(doc, ref, after)
            and _describes(doc, ref, after)
        ):
            # "Lord Strathclyde, Tory leader in the Lords": a peer who leads
            # the opposition there has the roles of both descriptions.
            used.add(n + 1)
            titled = _both_titles(_with_title(doc, ref, after, "apposition"), title)
        out.append(titled)
    return out


def _both_titles(person: ActorRef, rank: ActorRef) -> ActorRef:
    """A person described in apposition who also bears a title of roles
    only before the name: the apposition's actors, with the title's roles
    added."""
    actors = []
    for actor in person.actors:
        roles = (*actor.roles, *(r for r in rank.roles if r not in actor.roles))
        code = actor.code + "".join(r for r in rank.roles if r not in actor.roles)
        actors.append(actor.model_copy(update={"roles": roles, "code": code}))
    return replace(person, actors=tuple(actors), start=rank.start)


def _nationals(
    doc: Doc, refs: list[ActorRef], demonyms: dict[str, str]
) -> list[ActorRef]:
    """A person nobody knows, described by a demonym and what they do
    ("Pakistani scientist Abdul Qadeer Khan", "l'écrivain algérien Kamel
    Daoud", "le Français X", "X, a Kenyan writer,"), is a national of that
    country, with no role: the description is the person's title."""
    out: list[ActorRef] = []
    used: set[int] = set()
    for n, ref in enumerate(refs):
        if n in used:
            continue
        if ref.kind != "person" or ref.coded or ref.roles:
            out.append(ref)
            continue
        before = refs[n - 1] if n > 0 and (n - 1) not in used else None
        after = refs[n + 1] if n + 1 < len(refs) else None
        if (
            before is not None
            and _demonym(doc, before, demonyms)
            and _description(doc[before.end : ref.start])
        ):
            out.pop()
            out.append(_national(doc, ref, before, "title"))
        elif (
            after is not None
            and _demonym(doc, after, demonyms)
            and _apposed(doc, ref, after)
        ):
            used.add(n + 1)
            out.append(_national(doc, ref, after, "apposition"))
        else:
            out.append(ref)
    return out


def _demonym(doc: Doc, ref: ActorRef, demonyms: dict[str, str]) -> bool:
    return (
        ref.kind == "country"
        and len(ref.coded) == 1
        and key(doc[ref.start : ref.end].text) in demonyms
    )


def _description(span: Span) -> bool:
    """Whether ``span`` is at most three common nouns and adjectives
    ("nuclear scientist", "écrivain")."""
    return len(span) <= 3 and all(
        t.pos_ in ("NOUN", "ADJ") and t.is_lower for t in span
    )


def _apposed(doc: Doc, person: ActorRef, demonym: ActorRef) -> bool:
    """ "X, a Pakistani scientist," or "X, écrivain algérien,": a comma, an
    optional determiner and description words around the demonym, then the
    end of the apposition."""
    between = doc[person.end : demonym.start]
    if len(between) == 0 or between[0].text != ",":
        return False
    words = (
        between[2:] if len(between) > 1 and between[1].pos_ == "DET" else between[1:]
    )
    if not _description(words):
        return False
    end = demonym.end
    while end < len(doc) and doc[end].pos_ in ("NOUN", "ADJ") and doc[end].is_lower:
        end += 1
    return end == len(doc) or doc[end].is_punct or doc[end].pos_ in ("VERB", "AUX")


def _national(doc: Doc, person: ActorRef, demonym: ActorRef, step: str) -> ActorRef:
    name = doc[person.start : person.end].text
    country = demonym.coded[0]
    actor = Actor(
        code=country.country or country.code, country=country.country, name=name
    )
    return ActorRef(
        actors=(actor,),
        kind="person",
        start=min(person.start, demonym.start),
        end=max(person.end, demonym.end),
        head=person.head,
        resolved_by=step,  # type: ignore[arg-type]
    )


# Nouns of armed forces that take the kind of the body they are of.
_FORCE_NOUNS = frozenset({"force", "forces"})


def _forces_of(doc: Doc, refs: list[ActorRef], grammar: Grammar) -> list[ActorRef]:
    """Forces of a body are that body's: "les forces spécialisées de la
    police aux frontières", "the forces of the interior ministry" are not
    the army."""
    by_head = {ref.head: ref for ref in refs if ref.bare}
    out = []
    for ref in refs:
        head = doc[ref.head]
        if ref.bare and ref.roles == ("MIL",) and head.lower_ in _FORCE_NOUNS:
            body = next(
                (
                    by_head[c.i]
                    for c in _complements(head)
                    if c.i in by_head
                    and by_head[c.i].roles != ref.roles
                    and (c.dep_ == "pobj" or genitive(c, grammar.genitive_preps))
                ),
                None,
            )
            if body is not None:
                ref = replace(ref, roles=body.roles)
        out.append(ref)
    return out


def _complements(noun: Token) -> list[Token]:
    """A noun's noun complements: French "nmod" children, English objects of
    its prepositions."""
    found = []
    for child in noun.children:
        if child.dep_ == "prep":
            found.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_.startswith("nmod"):
            found.append(child)
    return found


def _members(doc: Doc, refs: list[ActorRef], grammar: Grammar) -> list[ActorRef]:
    """A member or leader of a group belongs to the group: "une figure des
    gilets jaunes" is OPP like the gilets jaunes, "the leader of the
    protesters" is no government leader."""
    if not grammar.member_nouns or not may_hold(doc_text(doc), grammar.member_nouns):
        return refs  # no token visited
    by_token = {i: ref for ref in refs for i in range(ref.start, ref.end)}
    out = list(refs)
    for token in doc:
        if token.lower_ not in grammar.member_nouns or token.pos_ != "NOUN":
            continue
        own = by_token.get(token.i)
        if own is not None and not own.bare and own.resolved_by != "place":
            # "le dirigeant nord-coréen": qualified already; a place only
            # gives a country ("les dirigeants des syndicats à Matignon").
            continue
        group = _group_of(token, by_token, grammar)
        if group is None or group is own:
            continue
        if not (group.bare or group.roles or _named_organisation(group)):
            continue
        start = min(token.i, own.start if own else token.i)
        end = max(group.end, own.end if own else token.i + 1)
        head = token.i
        if token.head.lower_ in grammar.member_nouns and token.head.i < token.i:
            # "la figure de proue du mouvement": the phrase's head is first.
            start = head = min(start, token.head.i)
        merged = replace(group, start=start, end=end, head=head, kind="organisation")
        out = [r for r in out if r is not own and r is not group]
        out.append(merged)
        for i in range(start, end):
            by_token[i] = merged
    return sorted(out, key=lambda r: r.start)


def _protest_members(doc: Doc, refs: list[ActorRef], lang: str) -> list[ActorRef]:
    """The leaders or members of a protest are protesters, not office
    holders: "protest leaders", "the leaders of the protests", "les
    dirigeants de la grève" (an event noun of protest qualifying a member
    noun)."""
    res = get_language(lang)
    grammar = res.grammar
    out: list[ActorRef] = []
    for ref in refs:
        head = doc[ref.head]
        if (
            ref.kind == "organisation"
            and head.lower_ in grammar.member_nouns
            and ref.resolved_by in ("kb", "place", "domestic")
            and not ref.coded
            and any(_protest_noun(c, res) for c in _qualifiers(head, grammar))
        ):
            ref = replace(ref, roles=("OPP",), resolved_by="genitive")
        out.append(ref)
    return out


def _qualifiers(noun: Token, grammar: Grammar) -> list[Token]:
    """The nouns that qualify a noun: compounds before it ("protest
    leaders") and genitive complements ("leaders of the protests")."""
    out = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i]
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in grammar.title_preps:
            out.extend(g for g in child.children if g.dep_ == "pobj")
        elif child.dep_.startswith("nmod") and genitive(child, grammar.genitive_preps):
            out.append(child)
    return out


def _protest_noun(token: Token, res: LangResources) -> bool:
    """Whether a noun is an event noun of protest (CAMEO root 14) in the
    lexicon ("strike", "manifestation")."""
    return token.pos_ == "NOUN" and any(
        t.code[:2] == "14" for t in res.triggers_for(token.lemma_.lower(), "NOUN")
    )


def _named_organisation(ref: ActorRef) -> bool:
    """An organisation the knowledge base names ("the head of the CBI")."""
    return ref.kind == "organisation" and ref.resolved_by == "kb" and bool(ref.coded)


def _described(doc: Doc, refs: list[ActorRef], grammar: Grammar) -> list[ActorRef]:
    """A person the knowledge base does not know (or knows by country only),
    described in apposition as a member of a group ("Ingrid Levavasseur, 31,
    a health worker who has become one of the most high-profile members of
    the movement", "X, l'une des figures des gilets jaunes") or by a clause
    as its founder or leader ("X, who founded the party"), belongs to the
    group."""
    if not grammar.member_nouns and not grammar.leading_verbs:
        return refs
    members = {
        i: ref
        for ref in refs
        if ref.kind == "organisation"
        and (ref.actors or ref.roles)
        and doc[ref.head].lower_ in grammar.member_nouns
        for i in range(ref.start, ref.end)
    }
    groups = {
        ref.head: ref
        for ref in refs
        if ref.roles or (ref.kind != "person" and any(a.roles for a in ref.coded))
    }
    if not members and not groups:
        return refs
    out: list[ActorRef] = []
    for ref in refs:
        if (
            ref.kind == "person"
            and not ref.roles
            and not any(a.roles for a in ref.coded)
        ):
            group = _description_group(doc[ref.head], members) or _founder_of(
                doc[ref.head], groups, grammar
            )
            countries = {a.country for a in ref.coded}
            name = doc[ref.start : ref.end].text
            if group is not None and ref.coded and group.bare:
                # Known by country only, in a group of that country.
                actors = tuple(
                    agent_actor(a.country, group.roles, name)
                    for a in ref.coded
                    if a.country
                )
                ref = replace(ref, actors=actors, resolved_by="apposition")
            elif group is not None and countries <= {a.country for a in group.actors}:
                ref = replace(
                    group,
                    kind="person",
                    start=ref.start,
                    end=ref.end,
                    head=ref.head,
                    resolved_by="apposition",
                    name=name,
                )
        out.append(ref)
    return out


# The clauses that describe a name: participles and relative clauses.
_DESCRIPTIONS = frozenset({"acl", "acl:relcl", "relcl"})


def _description_group(name: Token, members: dict[int, ActorRef]) -> ActorRef | None:
    """The member phrase in the appositions (and their relative clauses) of
    a name."""
    doc = name.doc
    for child in name.children:
        # "Benjamin Cauchy, une des figures du mouvement, a salué": the
        # French parse makes such an apposition a conjunct or a noun
        # complement, with a comma before it and no conjunction.
        parted = (
            child.dep_ in ("conj", "nmod")
            and child.left_edge.i > 0
            and doc[child.left_edge.i - 1].text == ","
            and not any(c.dep_ == "cc" for c in child.children)
        )
        if child.dep_ != "appos" and not parted:
            continue
        for token in child.subtree:
            ref = members.get(token.i)
            if ref is not None and token.i == ref.head:
                return ref
    return None


def _founder_of(
    name: Token, groups: dict[int, ActorRef], grammar: Grammar
) -> ActorRef | None:
    """The group a name's participle or relative clause says the person
    founded or leads ("X, widely credited with starting the yellow vests
    movement", "X, qui a lancé le mouvement des gilets jaunes")."""
    for child in name.children:
        if child.dep_ not in _DESCRIPTIONS:
            continue
        for verb in child.subtree:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in grammar.leading_verbs:
                continue
            for obj in verb.children:
                if obj.dep_ in ("dobj", "obj") and obj.i in groups:
                    return groups[obj.i]
    return None


def _group_of(
    token: Token, by_token: dict[int, ActorRef], grammar: Grammar
) -> ActorRef | None:
    """The group a genitive complement, a compound, a possessive or an
    adjective of ``token`` names ("des gilets jaunes", "of the protesters",
    "yellow vest leader", "doctors' leaders", "les dirigeants syndicaux";
    the complement may hang on a second noun: "director general of the
    BCC")."""
    after = [
        c for c in token.children if c.i > token.i and c.dep_ in ("amod", "compound")
    ]
    if token.dep_ == "compound" and token.head.i > token.i:
        after.append(token.head)  # "director general", parsed the other way
    for child in [*token.children, *(g for c in after for g in c.children)]:
        target = child
        if child.dep_ == "prep" and child.lower_ in grammar.title_preps:
            target = next((g for g in child.children if g.dep_ == "pobj"), child)
        elif child.dep_ == "compound" and child.i < token.i:
            pass  # "yellow vest leader", "rebel leader"
        elif child.dep_ in ("poss", "nmod:poss", "amod"):
            pass  # "doctors' leaders", "les dirigeants syndicaux"
        elif not child.dep_.startswith("nmod") or not any(
            c.dep_ == "case" and c.lower_ in grammar.title_preps for c in child.children
        ):
            continue
        ref = by_token.get(target.i)
        if ref is not None and ref.kind in ("organisation", "group"):
            return ref
    return None


def _personal(doc: Doc, ref: ActorRef, before: ActorRef | None) -> bool:
    """A person's mention; also a name the NER took for an organisation
    right after a title it depends on ("la ministre du Travail Muriel
    Pénicaud")."""
    if ref.kind == "person":
        return True
    if before is None or ref.resolved_by != "kb" or not _is_title(before):
        return False
    if ref.coded:
        # "Bree Prime Minister Romendacil", a name a dictionary gives only a
        # country: the title of that country says what the name is (not a
        # place: "a reçu à Pékin son homologue").
        if ref.capital or doc[ref.head].ent_type_ not in ("PERSON", ""):
            return False
        return _titled_roles(ref.coded, before) != ref.coded
    head, title = doc[ref.head], doc[before.head]
    # "la ministre du Travail Muriel Pénicaud": the name hangs on the title;
    # "the philosopher Alain Finkielkraut": the title is the name's compound.
    return (
        head.dep_ in ("appos", "flat:name", "compound")
        and before.start <= head.head.i < before.end
    ) or (
        (title.dep_ == "compound" or title.dep_ == "amod" and title.pos_ == "NOUN")
        and ref.start <= title.head.i < ref.end
    )


def _headed_by(doc: Doc, body: ActorRef, person: ActorRef, grammar: Grammar) -> bool:
    """Whether a person is named as the head of the organisation just before
    ("Metropolitan Police Commissioner Sir Ian Blair", "PCS leader X")."""
    if body.kind != "organisation" or not body.coded:
        return False
    between = doc[body.end : person.start]
    return any(t.lower_ in grammar.member_nouns for t in between) and _joined(
        doc, body, person, grammar.courtesy_titles | grammar.member_nouns
    )


def _is_title(ref: ActorRef, doc: Doc | None = None) -> bool:
    """An agent phrase: a function ("ministre"), bare or with its country or
    organisation ("président de l'UMP"); not a plural of civilians
    ("spokeswoman for women Sandra Gidley")."""
    if doc is not None and ref.roles == ("CVL",):
        if "Plur" in doc[ref.head].morph.get("Number", []):
            return False
    return ref.kind == "organisation" and (
        ref.bare or bool(ref.roles) or _agentive(ref)
    )


def _agentive(ref: ActorRef) -> bool:
    return len(ref.actors) == 1 and ref.resolved_by in ("adjective", "genitive")


def _joined(
    doc: Doc, first: ActorRef, second: ActorRef, courtesy: frozenset[str] = frozenset()
) -> bool:
    """Whether two mentions are one noun phrase: adjacent, or separated only
    by a comma, a dash or a ``courtesy`` title ("Health Secretary Dr John
    Reid"), within one sentence."""
    between = doc[first.end : second.start]
    if len(between) > _MAX_BETWEEN or doc[first.start].sent != doc[second.start].sent:
        return False
    # ", the Kenyan opposition leader": an article may open the apposition.
    return all(
        t.text in _BETWEEN or t.pos_ == "DET" or t.lower_ in courtesy for t in between
    )


# A place's entity types, or none (the NER misses "York" before a name).
_PLACE_ENTS = frozenset({"GPE", "LOC", ""})


def _of_place(doc: Doc, title: ActorRef, person: ActorRef, grammar: Grammar) -> bool:
    """A title with a place for complement right before a name: "the mayor
    of London Boris Johnson", "le maire de Bordeaux Alain Juppé", "the
    Archbishop of Canterbury Dr Rowan Williams"."""
    between = doc[title.end : person.start]
    if not 2 <= len(between) <= _MAX_COMPLEMENT or title.actors:
        return False
    if between[0].lower_ not in grammar.title_preps:
        return False
    rest = [
        t
        for t in between[1:]
        if t.pos_ != "DET" and t.lower_ not in grammar.courtesy_titles
    ]
    return bool(rest) and all(
        t.pos_ == "PROPN" and t.ent_type_ in _PLACE_ENTS for t in rest
    )


def _describes(doc: Doc, name: ActorRef, title: ActorRef) -> bool:
    """Whether a title after a name describes it: set off as an apposition
    ("X, the Kenyan opposition leader"), or right after it with no other
    name to follow ("Minas Tirith border police"). A title right after a
    name and before another begins that one ("Lifelong Learning Minister
    Jim Wallace")."""
    if any(t.is_punct for t in doc[name.end : title.start]):
        return True
    return title.end >= len(doc) or doc[title.end].pos_ != "PROPN"


def _complemented(doc: Doc, title: ActorRef, person: ActorRef) -> bool:
    """A title with its own complement before the name it hangs on: "le
    professeur de droit public Alexandre Viala", "the professor of law John
    Smith" (no actor in between)."""
    between = doc[title.end : person.start]
    if not 0 < len(between) <= _MAX_COMPLEMENT or title.actors:
        return False
    head, top = doc[person.head], title.head
    name_head = head if head.dep_ not in ("flat:name", "compound") else head.head
    if name_head.dep_ != "appos" or name_head.head.i != top:
        return False
    return all(
        t.pos_ not in ("PROPN", "VERB", "PUNCT") and top in {a.i for a in t.ancestors}
        for t in between
    )


_MAX_COMPLEMENT = 5


def _coordinated(doc: Doc, title: ActorRef, person: ActorRef) -> bool:
    """Two titles joined before the name they modify: "philosopher and
    writer Alain Finkielkraut", "le philosophe et écrivain X"."""
    between = doc[title.end : person.start]
    top = doc[title.head]
    if not 0 < len(between) <= 3 or not all(
        t.dep_ == "cc" or (t.dep_ == "conj" and t.pos_ == "NOUN") for t in between
    ):
        return False
    # The titles modify the name, or the name hangs on the last title.
    hosts = {top.i, *(t.i for t in between)}
    return person.start <= top.head.i < person.end or doc[person.head].head.i in hosts


def _with_title(doc: Doc, person: ActorRef, title: ActorRef, step: str) -> ActorRef:
    start, end = min(person.start, title.start), max(person.end, title.end)
    name = doc[person.start : person.end].text
    coded = person.coded
    if coded:
        # A known person keeps the person: the title is part of the mention,
        # and gives the role a person known only by country has that day
        # ("Bree Prime Minister Romendacil" is BREGOV).
        coded = _titled_roles(coded, title)
        return ActorRef(
            actors=coded,
            kind="person",
            start=start,
            end=end,
            head=person.head,
            resolved_by=person.resolved_by,
        )
    if title.bare and _organ(doc, title, person):
        return replace(person, kind="person", start=start, end=end)
    if title.bare:
        return ActorRef(
            actors=(),
            kind="person",
            start=start,
            end=end,
            head=person.head,
            roles=title.roles,
            resolved_by=step,  # type: ignore[arg-type]
            name=name,
        )
    actors = tuple(a.model_copy(update={"name": name}) for a in title.actors)
    return ActorRef(
        actors=actors,
        kind="person",
        start=start,
        end=end,
        head=person.head,
        roles=title.roles,
        resolved_by=step,  # type: ignore[arg-type]
    )


def _titled_roles(coded: tuple[Actor, ...], title: ActorRef) -> tuple[Actor, ...]:
    """A person known only by country, with the roles of a title of that
    country ("Bree Prime Minister Romendacil": BREGOV); else unchanged."""
    person = coded[0] if len(coded) == 1 else None
    if person is None or person.roles or not person.country:
        return coded
    if title.actors:
        if len(title.actors) != 1 or title.actors[0].country != person.country:
            return coded
        roles = title.actors[0].roles
    else:
        roles = title.roles
    if not roles:
        return coded
    code = person.country + "".join(roles)
    return (person.model_copy(update={"code": code, "roles": roles}),)


def _domestic(
    doc: Doc,
    ref: ActorRef,
    context: Context,
    grammar: Grammar | None = None,
    people: Mapping[int, str | None] | None = None,
    abroad: str | None = None,
) -> ActorRef:
    """An agent the text does not qualify ("le gouvernement", "the police",
    "le ministre X") belongs to the article's home country, or to the
    foreign country whose officials alone act in its sentence (``abroad``:
    "Belgium's interior minister praised the police"); an agent word used as
    an adjective ("military provocations") names no actor. The agent of a
    known person ("Drouet's lawyer", ``people``: the country of each token
    of a person's mention) belongs to that person's country."""
    if not ref.bare or (context.home is None and abroad is None):
        return ref
    head = doc[ref.head]
    if head.pos_ == "ADJ" and head.dep_ == "amod":
        return ref
    owner = next(
        (c.i for c in head.children if c.i in (people or {}) and _owns(c, grammar)),
        None,
    )
    staff = bool(ref.roles) and set(ref.roles) <= STAFF_ROLES
    if owner is None and ref.kind != "person" and not staff and _organ(doc, ref):
        return ref
    step = ref.resolved_by if ref.kind == "person" else "domestic"
    home = (people or {}).get(owner) if owner is not None else None
    if home is None and abroad is not None:
        home, step = abroad, "sentence"
    elif home is None and context.home is not None:
        home = context.home.country
        if context.home.source == "headline" and step == "domestic":
            step = "headline"
    if home is None:
        return ref
    roles = tuple(r for r in ref.roles if r != home)
    actor = agent_actor(home, roles, ref.name)
    return ActorRef(
        actors=(actor,),
        kind=ref.kind,
        start=ref.start,
        end=ref.end,
        head=ref.head,
        roles=roles,
        resolved_by=step,
        domestic=True,
        name=ref.name,
    )


def _official_abroad(
    doc: Doc, refs: list[ActorRef], ref: ActorRef, context: Context
) -> str | None:
    """The foreign country whose state actors, named with their country,
    are the only ones before a state agent ``ref`` in its sentence
    ("Belgium's interior minister, Jan Jambon, praised the police")."""
    if not ref.bare or not _STATE_ROLES & set(ref.roles):
        return None
    sent = doc[ref.head].sent
    found = {
        actor.country
        for other in refs
        if sent.start <= other.start < ref.start
        and other.kind != "place"
        and not other.bare
        and other.resolved_by not in ("domestic", "headline", "sentence", "coreference")
        for actor in other.coded
        if actor.country and _STATE_ROLES & set(actor.roles)
    }
    home = context.home.country if context.home is not None else None
    if len(found) != 1 or home in found:
        return None
    return next(iter(found))


def _owns(token: Token, grammar: Grammar | None) -> bool:
    """Whether a name is the owner of the noun it hangs on: "Drouet's
    lawyer", "l'avocat d'Eric Drouet"."""
    if token.dep_ == "poss":
        return True
    if grammar is None or not token.dep_.startswith("nmod"):
        return False
    return genitive(token, grammar.genitive_preps)


def _definite(doc: Doc, ref: ActorRef, grammar: Grammar, context: Context) -> ActorRef:
    """A definite singular agent noun that stands for the organisation of
    its role named last ("Amazon ... l'entreprise", "the company"); a
    named organisation is remembered for such a noun."""
    if not ref.bare:
        if ref.kind == "organisation" and ref.resolved_by == "kb":
            for actor in ref.coded:
                for role in actor.roles:
                    context.organisations[role] = actor
        return ref
    head = doc[ref.head]
    if (
        ref.kind == "person"
        or ref.end - ref.start != 1
        or head.lemma_.lower() not in grammar.definite_anaphors
        or "Plur" in head.morph.get("Number", [])
        or not any("Def" in c.morph.get("Definite", []) for c in head.children)
    ):
        return ref
    known = (context.organisations.get(role) for role in ref.roles)
    named = next((actor for actor in known if actor is not None), None)
    if named is None:
        return ref
    return replace(ref, actors=(named,), roles=(), resolved_by="coreference")


def _remember(doc: Doc, refs: list[ActorRef], context: Context) -> None:
    """People described by a title, for their later mentions by full name,
    surname or "M. X"."""
    for ref in refs:
        if ref.kind != "person" or ref.resolved_by not in ("title", "apposition"):
            continue
        coded = ref.coded
        if len(coded) != 1:
            continue
        actor = coded[0]
        name = actor.name if actor.name else doc[ref.start : ref.end].text
        context.people[key(name)] = actor
        if len(name.split()) < 4:
            for surname in surnames(name):
                context.people[key(surname)] = actor
                context.surnames.setdefault(
                    key(surname), Entry(kind="person", actor=actor)
                )


def _named_again(doc: Doc, refs: list[ActorRef], context: Context) -> list[ActorRef]:
    """Later mentions of a person the article described, by surname or full
    name, that the NER did not find ("Finkielkraut, who had voiced support
    ...", after "philosopher and writer Alain Finkielkraut")."""
    if not context.people:
        return refs
    taken = {i for ref in refs for i in range(ref.start, ref.end)}
    found: list[ActorRef] = []
    names = numpy.flatnonzero(doc.to_array("POS") == symbols.PROPN).tolist()
    for i in names:
        if i in taken or not doc[i].text[:1].isupper():
            continue
        for width in (2, 1):
            span = doc[i : i + width]
            if len(span) < width or any(t.i in taken for t in span):
                continue
            actor = context.people.get(key(span.text))
            if actor is not None and actor.code:
                found.append(
                    ActorRef(
                        actors=(actor,),
                        kind="person",
                        start=i,
                        end=i + width,
                        head=span[-1].i,
                        resolved_by="title",
                    )
                )
                taken.update(range(i, i + width))
                break
    return sorted([*refs, *found], key=lambda r: r.start) if found else refs


def _named_by_word(
    doc: Doc, refs: list[ActorRef], grammar: Grammar, context: Context
) -> list[ActorRef]:
    """A definite singular noun that repeats a word of the name of an
    organisation named before ("the Electoral Commission ... the
    commission", "le Conseil de l'ordre ... le conseil") stands for it."""
    names = [
        (ref.end, words, ref.coded[0])
        for ref in refs
        if ref.kind == "organisation" and len(ref.coded) == 1 and not ref.bare
        for words in (_name_words(doc, ref, grammar),)
        if words
    ]
    wanted = set(context.name_words).union(*(words for _, words, _ in names))
    found: list[ActorRef] = []
    if wanted:
        taken = {i for ref in refs for i in range(ref.start, ref.end)}
        # Only the nouns spelt like a word of a name are visited.
        lower = doc.vocab.strings
        keys = {lower[w] for w in wanted if w in lower}
        rows = doc.to_array(["POS", "LOWER"]).tolist()
        for i, (pos, low) in enumerate(rows):
            if pos != symbols.NOUN or low not in keys or i in taken:
                continue
            known = dict(context.name_words)
            for end, words, actor in names:
                if end <= i:
                    known.update(dict.fromkeys(words, actor))
            actor = known.get(doc[i].lemma_.lower())
            if actor is not None and _definite_singular(doc[i]):
                found.append(ActorRef.standing_for((actor,), "organisation", i))
    for _, words, actor in names:
        context.name_words.update(dict.fromkeys(words, actor))
    return sorted([*refs, *found], key=lambda r: r.start) if found else refs


def _definite_singular(token: Token) -> bool:
    """A singular noun with a definite article and no qualifier of its own
    ("the commission", not "the European commission")."""
    return (
        "Plur" not in token.morph.get("Number", [])
        and any("Def" in c.morph.get("Definite", []) for c in token.children)
        and not any(c.dep_ in ("amod", "compound", "nmod") for c in token.children)
    )


def _acronyms(doc: Doc, refs: list[ActorRef], context: Context) -> list[ActorRef]:
    """An acronym defined in brackets after a coded name ("the Muslim
    Association of Britain (MAB)") stands for it there and later, where
    nothing else codes it."""
    out: list[ActorRef] = []
    for ref in refs:
        coded = ref.coded
        if len(coded) == 1 and ref.end + 2 < len(doc) and doc[ref.end].text == "(":
            inside, closing = doc[ref.end + 1], doc[ref.end + 2]
            if closing.text == ")" and _acronym(inside.text):
                context.acronyms[inside.text] = coded[0]
        elif not coded and ref.end - ref.start == 1 and not ref.roles:
            actor = context.acronyms.get(doc[ref.start].text)
            if actor is not None:
                ref = replace(ref, actors=(actor,), resolved_by="coreference")
        out.append(ref)
    return out


def _acronym(text: str) -> bool:
    return 2 <= len(text) <= 8 and text.isalpha() and text.isupper()


def _name_words(doc: Doc, ref: ActorRef, grammar: Grammar) -> list[str]:
    """The words of a named organisation's name that a later definite noun
    may repeat, up to its genitive ("Muslim Association of Britain":
    muslim, association); none for a name of one word."""
    words = doc[ref.start : ref.end].text.split()
    for index, word in enumerate(words):
        if key(word) in grammar.genitive_preps:
            words = words[:index]
            break
    if len(words) < 2:
        return []
    return [word.lower() for word in words if word[:1].isupper() and len(word) > 3]


def _organ(doc: Doc, ref: ActorRef, person: ActorRef | None = None) -> bool:
    """ "président de l'association X": an organ of an organisation the
    knowledge base does not know belongs to it, not to a country (the
    name of the person holding the title does not count)."""
    inside = set(range(ref.start, ref.end))
    if person is not None:
        inside.update(range(person.start, person.end))
    head = doc[ref.head]
    if head.ent_type_ == "ORG":
        # "the University of Manchester", "la Fondation Abbé Pierre": the
        # agent word is the kind of the organisation it names.
        inside.update(range(_entity_start(head), _entity_end(head)))
    return any(
        c.ent_type_ in ("ORG", "PER", "PERSON")
        and c.i not in inside
        and not (c.dep_ == "poss" and c.ent_type_ != "ORG")  # "X's lawyer"
        # "Lifelong Learning Minister": a portfolio the NER took for a name.
        and not (c.dep_ == "compound" and c.i < ref.head and c.ent_type_ != "ORG")
        for c in doc[ref.head].children
    )


def _entity_start(token: Token) -> int:
    i = token.i
    while i > 0 and token.doc[i].ent_iob_ == "I":
        i -= 1
    return i


def _entity_end(token: Token) -> int:
    doc, i = token.doc, token.i + 1
    while i < len(doc) and doc[i].ent_iob_ == "I":
        i += 1
    return i


def _recall(ref: ActorRef, context: Context) -> ActorRef:
    """A person named by name only who was described earlier in the
    article ("M. Castaner" after "le ministre de l'Intérieur Christophe
    Castaner") takes that description."""
    if ref.kind != "person" or len(ref.actors) != 1:
        return ref
    if ref.coded:
        # "Ms Hughes" after "immigration minister Beverley Hughes": a lone
        # surname is the article's person, not another the KB knows by it.
        if ref.resolved_by != "kb" or ref.end - ref.start != 1:
            return ref
        actor = context.people.get(key(ref.actors[0].name.split()[-1]))
        same = actor is None or actor.code == ref.coded[0].code
        return ref if same else replace(ref, actors=(actor,), resolved_by="title")
    name = ref.actors[0].name
    actor = context.people.get(key(name)) or context.people.get(key(name.split()[-1]))
    if actor is None:
        return ref
    return replace(ref, actors=(actor,), resolved_by="title")


_CLOSING_PUNCTUATION = frozenset(",.;:!?)]")


def _quoted(text: str) -> list[tuple[int, int]]:
    """The character spans inside quotation marks. A mark glued to the word
    after it opens a quotation, one glued to the word before closes it: a
    quotation that runs on into a new one without closing ("... 26 weeks.
    "We are") stays open. A mark before punctuation never opens one: the
    French closing guillemet, spaced, comes before a comma ("« ... »,
    dénonce-t-il")."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    at = text.find('"')
    while at != -1:
        before = at == 0 or text[at - 1].isspace()
        after = at + 1 < len(text) and not (
            text[at + 1].isspace() or text[at + 1] in _CLOSING_PUNCTUATION
        )
        if (before and after) or (before and opened is None):
            opened = at if opened is None else opened
        elif opened is not None:
            spans.append((opened, at))
            opened = None
        at = text.find('"', at + 1)
    if opened is not None:
        spans.append((opened, len(text)))
    return spans


def _inside(char: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < char < end for start, end in spans)


def _coreference(
    doc: Doc, refs: list[ActorRef], grammar: Grammar, context: Context
) -> list[ActorRef]:
    """Subject pronouns outside quotations stand for the last person, or
    the last agent acting as a subject, named outside quotations and of a
    compatible gender. A quotation never supplies an antecedent: the
    speaker does."""
    if not grammar.person_pronouns and not grammar.plural_pronouns:
        return refs
    text = doc_text(doc)
    quoted = _quoted(text)
    taken = {i for ref in refs for i in range(ref.start, ref.end)}
    # Only the refs and the pronouns are visited, in text order.
    pronouns = [
        t
        for t in [
            *_pronoun_tokens(doc, text, grammar),
            *_latter_tokens(doc, text, grammar),
        ]
        if t.i not in taken and not _inside(t.idx, quoted)
    ]
    items: list[tuple[int, ActorRef | Token]] = [(r.start, r) for r in refs]
    items += [(t.i, t) for t in pronouns]
    items.sort(key=lambda item: item[0])
    out: list[ActorRef] = []
    for _, item in items:
        if isinstance(item, ActorRef):
            out.append(item)
            inside = _inside(doc[item.start].idx, quoted)
            if not inside and _antecedent(doc, item, grammar):
                head = doc[item.head]
                context.mentioned(
                    item.actors[0],
                    _gender(doc, item, grammar),
                    (text, head.sent.start),
                    head.dep_.startswith(_SUBJECT),
                )
            if not inside and _plural_mention(doc, item):
                context.last_plural = tuple(a for a in item.actors if a.code)
            if not inside and _plural_antecedent(doc, item):
                context.plural = tuple(a for a in item.actors if a.code)
            if not inside and _institution_antecedent(doc, item):
                context.institution = item.actors[0]
            continue
        token = item
        if _bare_pronoun(token) in grammar.neuter_pronouns:
            # "The foreign ministry said it had summoned ...": the last
            # institution or country acting, as a government when a country.
            actor = context.institution
            if actor is not None and actor.code:
                metonym = actor.code == actor.country
                out.append(
                    ActorRef.standing_for(
                        (actor,), "organisation", token.i, metonym=metonym
                    )
                )
            continue
        if grammar.latter_words.get(token.lower_) == _PLURAL:
            # "ces derniers ont dénoncé": the last group named.
            if context.last_plural:
                out.append(ActorRef.standing_for(context.last_plural, "group", token.i))
            continue
        if _bare_pronoun(token) in grammar.plural_pronouns:
            if context.plural:
                out.append(ActorRef.standing_for(context.plural, "group", token.i))
            continue
        if token.lower_ in grammar.latter_words:
            gender = grammar.latter_words[token.lower_]
        else:
            gender = grammar.genders.get(_bare_pronoun(token))
        actor = context.antecedent(gender)
        if actor is None:
            continue
        context.mentioned(
            actor, gender, (text, token.sent.start), token.dep_.startswith(_SUBJECT)
        )
        if not actor.code:
            continue  # stands for someone known by name only
        # "a-t-il": the "-t" the parser also takes for a subject joins it.
        glue = token.i > 0 and doc[token.i - 1].lower_ == "-t"
        out.append(
            ActorRef(
                actors=(actor,),
                kind="person",
                start=token.i - 1 if glue else token.i,
                end=token.i + 1,
                head=token.i,
                resolved_by="coreference",
            )
        )
    return out


def _pronoun_tokens(doc: Doc, text: str, grammar: Grammar) -> list[Token]:
    """The subject pronouns of ``doc``, found in its text first (cheaper
    than visiting every token)."""
    pronouns = (
        grammar.person_pronouns | grammar.plural_pronouns | grammar.neuter_pronouns
    )
    pattern = _PRONOUN_PATTERNS.get(pronouns)
    if pattern is None:
        words = "|".join(sorted(pronouns))
        pattern = re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE)
        _PRONOUN_PATTERNS[pronouns] = pattern
    found = []
    for match in pattern.finditer(text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None and len(span) == 1 and _pronoun(span[0], grammar):
            found.append(span[0])
    return found


#: What ``Grammar.latter_words`` gives for a plural ("ces derniers").
_PLURAL = "pl"


def _latter_tokens(doc: Doc, text: str, grammar: Grammar) -> list[Token]:
    """The subjects "ce dernier", "cette dernière", "the latter": the word
    after its determiner, as a pronoun."""
    if not grammar.latter_words or not may_hold(text, frozenset(grammar.latter_words)):
        return []
    return [
        t
        for t in doc
        if t.lower_ in grammar.latter_words
        and t.dep_.startswith(_SUBJECT)
        and t.i > 0
        and doc[t.i - 1].lower_ in grammar.latter_determiners
    ]


def _bare_pronoun(token: Token) -> str:
    return token.lower_.removeprefix("-t-").removeprefix("-")


def _pronoun(token: Token, grammar: Grammar) -> bool:
    """A subject pronoun ("il", "he", the "-il" of "a-t-il déclaré"; not the
    impersonal "il" of "il faut", which the parser marks expl:subj). The
    inverted pronoun right after its verb is its subject whatever its label
    ("fustige-t-il", where the parser takes "-t" for the subject and "-il"
    for an adverb)."""
    inverted = token.lower_.startswith("-") and (
        token.dep_ == "expl:subj"
        or (token.head.pos_ in ("VERB", "AUX") and 0 < token.i - token.head.i <= 2)
    )
    word = _bare_pronoun(token)
    pronouns = (
        grammar.person_pronouns | grammar.plural_pronouns | grammar.neuter_pronouns
    )
    return (
        word in pronouns
        and token.pos_ == "PRON"
        and (token.dep_.startswith(_SUBJECT) or inverted)
    )


def _gender(doc: Doc, ref: ActorRef, grammar: Grammar) -> str | None:
    """The gender a mention gives away: its courtesy title ("Mme Dati",
    "Ms Hewitt"), else the grammatical gender of its first word or article
    ("la ministre")."""
    before = doc[ref.start - 1] if ref.start > 0 else None
    if before is not None and before.lower_ in grammar.genders:
        return grammar.genders[before.lower_]
    for token in (doc[ref.start], before):
        if token is None or (token is before and token.pos_ != "DET"):
            continue
        morph = token.morph.get("Gender", [])
        if morph == ["Masc"]:
            return "m"
        if morph == ["Fem"]:
            return "f"
    return None


def _institution_antecedent(doc: Doc, ref: ActorRef) -> bool:
    """Whether a mention may be what a later "it" stands for: one
    institution or country, not a person, acting as a subject (one known by
    name only too: "Royal Mail said it ..." is no earlier institution)."""
    head = doc[ref.head]
    return (
        len(ref.actors) == 1
        and ref.kind in ("organisation", "country", "place")
        and head.dep_.startswith(_SUBJECT)
        and "Plur" not in head.morph.get("Number", [])
    )


def _plural_antecedent(doc: Doc, ref: ActorRef) -> bool:
    """Whether a mention may be what a later "ils" or "they" stands for:
    plural agents or groups acting as a subject ("les manifestants ont
    défilé", "the Tories said"), or two actors named together."""
    return doc[ref.head].dep_.startswith(_SUBJECT) and _plural_mention(doc, ref)


def _plural_mention(doc: Doc, ref: ActorRef) -> bool:
    """Whether a mention names plural agents or groups, or two actors, in
    any role: what a later "ces derniers" may stand for."""
    head = doc[ref.head]
    if not any(a.code for a in ref.actors):
        return False
    if len(ref.actors) > 1 or "Plur" in head.morph.get("Number", []):
        return True
    # "MPs said", an agent word in the plural that the tagger took for a
    # singular name.
    return bool(ref.roles) and head.pos_ == "PROPN" and head.text.endswith("s")


def _antecedent(doc: Doc, ref: ActorRef, grammar: Grammar) -> bool:
    """Whether a mention may be what a later "il" or "he" stands for: a
    person, or (where the language allows) an agent acting as a subject
    ("le ministre a annoncé")."""
    if len(ref.actors) != 1:
        return False
    if ref.kind == "person":
        return True
    head = doc[ref.head]
    return (
        grammar.pronouns_for_institutions
        and ref.kind == "organisation"
        and bool(ref.roles or ref.actors[0].roles)
        and head.dep_.startswith(_SUBJECT)
        and "Plur" not in head.morph.get("Number", [])
    )
