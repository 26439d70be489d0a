"""Find the actors an article mentions and resolve them to CAMEO actor codes.

Works on a parsed paragraph (spaCy ``Doc`` with known multi-word names
already merged into single tokens) and a ``Context`` that carries what earlier
paragraphs established: surnames of people named in full ("Poutine" after
"Vladimir Poutine") and the last two countries named together ("les deux
pays").
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections.abc import Hashable, Mapping

from spacy.tokens import Doc, Token

from ..kb.base import Entry, KnowledgeBase, key, surnames
from ..lang import get as get_language
from ..models import Actor, Mention, MentionKind, ResolvedBy
from ._arguments import genitive
from ._doc import RowMemo, memo_for, sentence_starts, tokens_where
from ._refs import STAFF_ROLES, ActorRef, Context
from .resolve import open_world

__all__ = ["ActorRef", "Context", "find_actors", "mentions"]

_KIND_ORDER = {"person": 0, "organisation": 1, "group": 2, "country": 3, "place": 4}
_MAX_AGENT_WORDS = 5
# Words of these classes never start an actor mention.
_NEVER_ACTORS = frozenset({"PUNCT", "ADP", "CCONJ", "SCONJ", "SPACE", "SYM"})
# The classes of the words that may name an actor or an agent in lower case.
_NOMINAL = frozenset({"PROPN", "NOUN", "X", "ADJ"})

_MAX_NAME_TOKENS = 7
_PERSON_LABELS = frozenset({"PERSON", "PER"})
_PERSON_WINS = -2


def find_actors(
    doc: Doc, kb: KnowledgeBase, lang: str, context: Context
) -> list[ActorRef]:
    """Every actor mention of ``doc``, in text order."""
    refs: list[ActorRef] = []
    taken: set[int] = set()
    keys = kb.mention_keys(lang)
    pairs = get_language(lang).grammar.pair_words
    for index in _starts(doc, lang, keys, pairs):
        if index in taken:
            continue
        token = doc[index]
        # A party word of the home country before a name: "Republicans" in a
        # French story are Les Républicains.
        ref = _hyphenated(token, kb, lang) or _party(token, kb, lang, context)
        ref = (
            ref or _named(token, kb, lang, context) or _agent(token, kb, lang, context)
        )
        if ref is None:
            ref = _demonym(token, kb, lang) or _pair(token, lang, context)
        if ref is not None:
            # "the NATO secretary general": the agent took in the name before
            # it, which is one mention with it.
            refs = [r for r in refs if not ref.start <= r.start < ref.end]
            refs.append(ref)
            taken.update(range(ref.start, ref.end))
            if len(ref.actors) == 1 and ref.kind in ("country", "place", "person"):
                context.saw(ref.actors[0])
            _remember_pair(ref, refs, doc, context)
    return open_world(doc, refs, kb, lang, context)


def _starts(
    doc: Doc, lang: str, keys: frozenset[str], pairs: frozenset[str]
) -> list[int]:
    """The indices of the tokens that may start a mention: of a class that
    may (not ``_NEVER_ACTORS``) and not ``_plain``, each class, word and
    lemma asked once (``tokens_where``)."""
    forms = get_language(lang).grammar.combining_forms

    def starts(row: tuple[str, ...]) -> bool:
        pos, text, lemma, lower = row
        if pos in _NEVER_ACTORS:
            return False
        return not _plain(text, pos, lemma, lower, keys, pairs, forms)

    memo = memo_for(_STARTS, lang, (keys, pairs))
    return tokens_where(doc, ("POS", "ORTH", "LEMMA", "LOWER"), memo, starts)


# The answers of ``_starts`` of each language, for its current keys and pairs.
_STARTS: dict[Hashable, tuple[tuple[object, ...], RowMemo]] = {}


def _plain(
    text: str,
    pos: str,
    lemma: str,
    lower: str,
    keys: frozenset[str],
    pairs: frozenset[str],
    forms: Mapping[str, str],
) -> bool:
    """Whether a word can start no mention, which is cheaper to tell than
    asking each finder: in lower case (no name the finders look up by its
    capital), neither it nor its lemma a key of ``kb.mention_keys`` when it
    is a noun, proper noun or adjective (only those name actors or agents)
    and no pair word ("les deux pays")."""
    if text[:1].isupper() or "-" in text or lower in forms:
        return False  # "franco-allemand", "israélo - palestinien"
    if pos in _NOMINAL and (key(text) in keys or key(lemma) in keys):
        return False
    return lemma.lower() not in pairs and lower not in pairs


def mentions(
    refs: list[ActorRef], doc: Doc, offset: int, sentence_base: int
) -> list[Mention]:
    """Turn token-level references into Mention models with article offsets."""
    # The sentence of a mention's first word, by its start among theirs
    # (``Span.sent`` walks the tokens to both ends of the sentence).
    starts = sentence_starts(doc)
    out: list[Mention] = []
    for ref in refs:
        span = doc[ref.start : ref.end]
        sent = sentence_base + bisect_right(starts, ref.start) - 1
        for actor in ref.actors:
            out.append(
                Mention(
                    start=offset + span.start_char,
                    end=offset + span.end_char,
                    text=span.text,
                    kind=ref.kind,
                    actor=actor,
                    sentence=sent,
                    resolved_by=ref.resolved_by if actor.code else "unresolved",
                )
            )
    return out


def _best(entries: list[Entry]) -> Entry:
    return min(entries, key=lambda e: _KIND_ORDER.get(e.kind, 9))


def _named(
    token: Token, kb: KnowledgeBase, lang: str, context: Context
) -> ActorRef | None:
    if not (token.pos_ in ("PROPN", "NOUN", "X", "ADJ") or token.text[:1].isupper()):
        return None
    entries = kb.lookup(lang, token.text)
    end = token.i + 1
    if (
        not entries
        and token.pos_ not in ("DET", "ADP", "PRON", "CCONJ", "PUNCT")
        and kb.starts_name(lang, token.text)
    ):
        # Names the merger did not join (a user's own pipeline): the longest
        # run of tokens that is a known name.
        entries, end = _longest_name(token, kb, lang) or (entries, end)
    step: ResolvedBy = "kb"
    if not entries:
        entry = context.surnames.get(key(token.text))
        if entry is None and (
            _courtesy(token, lang)
            or (context.published is not None and _bare_surname(token))
        ):
            # "M. Philippe", "Mr Di Maio", "Blinken": a surname the article
            # never gave in full names the one person of that name then in
            # office (bare, only on a known date: offices change).
            entry = kb.office_holder(token.text, context.published)
        if entry is None or not token.text[:1].isupper():
            return None
        entries = [entry]
        if entry.person is None:
            step = "title"  # "M. Drouet" after "le militant Eric Drouet"
    elif (
        " " not in token.text
        and not any(ch.isupper() for ch in token.text)
        and all(e.kind != "group" for e in entries)
    ):
        # "union", "congrès"? Only capitalised names ("agence KCNA" counts)
        # or names of several words ("diplomatie américaine") name actors
        # here; groups such as "occidentaux" are the exception.
        return None
    entry = _best(entries)
    if (
        entry.kind in ("country", "place")
        and token.dep_ in ("compound", "poss", "nmod:poss", "amod")
        and token.head.i != token.i
        and _agent_phrase(token.head, kb, lang) is not None
    ):
        return None  # "Russia's foreign minister": the agent takes its country
    actor = entry.actor_at(context.published)
    if actor is None:
        return None
    if actor.country == "NGO" and end < len(token.doc):
        # "Greenpeace France", "Amnesty International UK": a national section
        # of an international NGO is an NGO of that country.
        section = _national_section(token.doc[end], actor, kb, lang)
        if section is not None:
            actor, end = section, end + 1
    if entry.person is not None:
        # Surname-only repeats ("Poutine" after "Vladimir Poutine", "Di
        # Maio" after "Luigi Di Maio").
        for surname in surnames(token.doc[token.i : end].text):
            context.surnames[key(surname)] = entry
    head = token.doc[token.i : end].root.i
    return ActorRef(
        actors=(actor,),
        kind=entry.kind,
        start=token.i,
        end=end,
        head=head,
        capital=entry.capital,
        resolved_by=step,
        metonym=entry.kind == "country" and kb.country_metonymy,
    )


def _longest_name(
    token: Token, kb: KnowledgeBase, lang: str
) -> tuple[list[Entry], int] | None:
    """The entries and end of the longest run of two to
    ``_MAX_NAME_TOKENS`` tokens from ``token`` that is a known name.

    Runs are read from the shortest: once a run that ends before a space
    begins no name (``kb.name_prefixes``), no longer run is one (the key
    of a text is the keys of its space-separated words, joined)."""
    doc = token.doc
    prefixes = kb.name_prefixes(lang)
    text = token.text_with_ws  # the key ignores the trailing space
    found = None
    for stop in range(token.i + 2, min(len(doc), token.i + _MAX_NAME_TOKENS) + 1):
        last = doc[stop - 1]
        text += last.text_with_ws
        entries = kb.lookup(lang, text)
        if entries:
            found = (entries, stop)
        if last.whitespace_ and key(text) not in prefixes:
            break
    return found


def _bare_surname(token: Token) -> bool:
    """Whether ``token`` is a one-word person name ("Blinken headed to
    Israel") and the article names nobody else of that surname in full
    ("Magic Johnson" keeps a later "Johnson" from the prime minister). A
    name after an article is a thing's ("the Bill")."""
    if (
        token.ent_type_ not in _PERSON_LABELS
        or token.ent_iob_ != "B"
        or " " in token.text
        or any(c.dep_ == "det" for c in token.children)
    ):
        return False
    following = token.i + 1
    if following < len(token.doc) and token.doc[following].ent_iob_ == "I":
        return False
    return not any(
        ent.label_ in _PERSON_LABELS
        and len(words := ent.text.split()) > 1
        and words[-1] == token.text
        for ent in token.doc.ents
    )


def _courtesy(token: Token, lang: str) -> bool:
    """Whether a courtesy title ("M.", "Mr") comes right before ``token``."""
    if token.i == 0:
        return False
    before = token.doc[token.i - 1].lower_
    return before in get_language(lang).grammar.courtesy_titles


def _agent_phrase(
    token: Token, kb: KnowledgeBase, lang: str
) -> tuple[int, tuple[str, ...]] | None:
    """The longest agent phrase starting at ``token``: (end index, roles)."""
    agents = kb.agents.get(lang, {})
    first = key(token.text)
    best = None
    roles = agents.get(first) or agents.get(key(token.lemma_))
    if roles is not None:
        best = (token.i + 1, roles)
    if not kb.starts_agent(lang, first):
        return best
    doc = token.doc
    folded = None
    for index in range(token.i + 1, min(len(doc), token.i + _MAX_AGENT_WORDS)):
        # The span's text, not its tokens joined: "ministre de l'intérieur".
        text = key(doc[token.i : index + 1].text)
        roles = agents.get(text)
        if roles is None and doc[index].text[:1] in _UNACCENTED_CAPITALS:
            # "le chef de l'Etat": capitals often lose their accents.
            folded = folded or _folded_agents(kb, lang)
            roles = folded.get(_fold(text))
        if roles is not None:
            best = (index + 1, roles)
    return best


_UNACCENTED_CAPITALS = frozenset("AEIOUC")
_FOLDED: dict[tuple[int, str], dict[str, tuple[str, ...]]] = {}


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _folded_agents(kb: KnowledgeBase, lang: str) -> dict[str, tuple[str, ...]]:
    """The agent phrases without accents (a cache of derived data)."""
    table = _FOLDED.get((id(kb), lang))
    if table is None:
        table = {}
        for phrase, roles in kb.agents.get(lang, {}).items():
            table.setdefault(_fold(phrase), roles)
        _FOLDED[(id(kb), lang)] = table
    return table


def _agent(
    token: Token, kb: KnowledgeBase, lang: str, context: Context
) -> ActorRef | None:
    if token.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return None
    found = _agent_phrase(token, kb, lang)
    if found is None:
        return None
    end, roles = found
    if _counted(token.doc[end - 1], lang):
        return None  # "des milliers de policiers": the police are the agent
    before = token.doc[token.i - 1] if token.i > 0 else None
    shadows = get_language(lang).grammar.opposition_prefixes
    if before is not None and before.lower_ in shadows and "GOV" in roles:
        # "shadow work and pensions secretary": the opposition's.
        roles = ("OPP",)
        token = before
    head = token.doc[token.i : end].root
    country, country_index, step = _country_of(head, kb, lang, context)
    if country is None and country_index != _PERSON_WINS:
        # "le chef de la diplomatie américaine": a qualifier of the phrase's
        # last noun qualifies the phrase.
        last = token.doc[end - 1]
        if last.i != head.i and last.pos_ in ("NOUN", "PROPN"):
            country, country_index, step = _country_of(last, kb, lang, context)
    if country is not None and country.org is not None and set(roles) <= STAFF_ROLES:
        # "quatre salariés d'Amazon": the staff of an organisation are
        # workers of the country they work in, not the organisation.
        country, country_index = None, -1
    if (
        country is not None
        and country.org is not None
        and country.roles
        and set(country.roles) <= _PARTY_ROLES
        and head.lemma_.lower() in get_language(lang).grammar.government_words
        and country.country in kb.countries
    ):
        # "le gouvernement socialiste", "the Labour government": the
        # government a party forms is its country's, whatever the date.
        iso3 = country.country
        country = Actor(code=iso3, country=iso3, name=kb.countries[iso3].name_en)
    if country is not None and country.org is not None:
        # "le conseil des gouverneurs de l'AIEA": an organ of an organisation
        # is the organisation.
        return ActorRef(
            actors=(country,),
            kind="organisation",
            start=min(token.i, country_index),
            end=max(end, country_index + 1),
            head=head.i,
            resolved_by=step,
        )
    if country is None:
        if country_index == _PERSON_WINS:
            return None
        return ActorRef(
            actors=(),
            kind="organisation",
            start=token.i,
            end=end,
            head=head.i,
            roles=tuple(roles),
        )
    start = min(token.i, country_index)
    stop = max(end, country_index + 1)
    if step == "place":
        # The place stays a place of its own (the event's place, too).
        start, stop = token.i, end
    actor = Actor(
        code=(country.country or "")
        + "".join(r for r in roles if r != country.country),
        country=country.country,
        roles=tuple(roles),
        org=country.org,
        name=f"{country.name} ({'/'.join(roles)})",
    )
    return ActorRef(
        actors=(actor,),
        kind="organisation",
        start=start,
        end=stop,
        head=head.i,
        resolved_by=step,
    )


#: The roles a party has, in government or out of it.
_PARTY_ROLES = frozenset({"GOV", "OPP"})


def _counted(last: Token, lang: str) -> bool:
    """Whether an agent phrase is a number of something named after it
    ("thousands of police", "des milliers de policiers")."""
    if last.lower_ not in get_language(lang).grammar.quantity_words:
        return False
    for child in last.children:
        if child.dep_ == "prep" and any(g.dep_ == "pobj" for g in child.children):
            return True
        if child.dep_.startswith("nmod") and child.pos_ in ("NOUN", "PROPN"):
            return True
    return False


def _national_section(
    after: Token, ngo: Actor, kb: KnowledgeBase, lang: str
) -> Actor | None:
    """The national section an international NGO's name ends with (the
    country name right after it, "Greenpeace France")."""
    if not after.text[:1].isupper() or after.is_sent_start:
        return None
    entries = kb.lookup(lang, after.text)
    country = next((e for e in entries if e.kind == "country"), None)
    iso3 = country.actor.country if country is not None else None
    if not iso3:
        return None
    return Actor(
        code=f"{iso3}NGO",
        country=iso3,
        roles=("NGO",),
        org=ngo.org,
        name=f"{ngo.name} {after.text}",
    )


def _country_of(
    head: Token, kb: KnowledgeBase, lang: str, context: Context
) -> tuple[Actor | None, int, ResolvedBy]:
    """The country qualifying an agent noun: "soldats nord-coréens",
    "l'armée de la Russie", "the Russian foreign minister", "Russia's army",
    "students in Lagos"."""
    for child in head.children:
        if child.dep_ in ("appos", "flat:name") and _in_office(
            [e for e in kb.lookup(lang, child.text) if e.kind != "organisation"],
            context,
        ):
            # "le président Vladimir Poutine"; but a title gives its role to
            # a person then out of office ("the shadow secretary of state,
            # Theresa May", in 2005).
            return None, _PERSON_WINS, "kb"
    candidates = [head, *head.children]
    for tok in candidates:
        for word in (tok.text, tok.lemma_):
            iso3 = kb.demonyms.get(lang, {}).get(key(word))
            if iso3 and (tok is not head or tok.pos_ == "ADJ"):
                country = kb.countries[iso3]
                named = Actor(code=iso3, country=iso3, name=country.name_en)
                return named, tok.i, "adjective"
    grammar = get_language(lang).grammar
    preps = grammar.genitive_preps
    for child in head.children:
        owner = (
            child.dep_ in ("poss", "compound", "nmod:poss", "amod")
            or (child.dep_.startswith("nmod") and _genitive(child, preps))
            or (child.dep_ == "prep" and child.lower_ in preps)
        )
        if child.dep_ == "prep":
            child = next((g for g in child.children if g.dep_ == "pobj"), child)
        apposed = child.dep_ in ("appos", "flat:name")  # "le député UMP"
        if owner or apposed:
            entries = [
                e
                for e in kb.lookup(lang, child.text)
                if e.kind in ("country", "place", "organisation")
                and (owner or e.kind == "organisation")
            ]
            if entries:
                actor = _best(entries).actor_at(context.published)
                if actor is not None and actor.country:
                    return actor, child.i, "genitive"
            party = _party_entry(child, kb, lang, context)
            member = party.actor_at(context.published) if party else None
            if member is not None:
                # "Conservative MP", "le sénateur communiste"
                return member, child.i, "adjective"
    # "students in Lagos", and the city an agent is of ("le wali d'Oran",
    # "the mayor of Leeds").
    return _located(head, grammar.locative_preps | preps, context)


def _party_entry(
    token: Token, kb: KnowledgeBase, lang: str, context: Context
) -> Entry | None:
    """The party a party word names in this article's home country."""
    if not kb.parties.get(lang) or context.home is None:
        return None
    return kb.party(lang, token.text, context.home.country)


def _party(
    token: Token, kb: KnowledgeBase, lang: str, context: Context
) -> ActorRef | None:
    """A party word on its own ("les socialistes", "Conservative Theresa
    May", "la socialiste X"): the party, as a qualifier a title may give."""
    if token.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return None
    entry = _party_entry(token, kb, lang, context)
    actor = entry.actor_at(context.published) if entry is not None else None
    if actor is None:
        return None
    return _word_ref(token, actor, "organisation", "adjective")


def _in_office(entries: list[Entry], context: Context) -> bool:
    """Whether known names are something other than a person out of office
    at the article's date (who is known by country only)."""
    for entry in entries:
        if entry.person is None:
            return True
        actor = entry.actor_at(context.published)
        if actor is not None and actor.roles:
            return True
    return False


def _located(
    head: Token, locative: frozenset[str], context: Context
) -> tuple[Actor | None, int, ResolvedBy]:
    """ "students in Lagos", "les manifestants à Bordeaux": the country of
    the place an agent is in (never one of its own events' places: only a
    complement of the agent noun itself counts)."""
    if context.gazetteer is None:
        return None, -1, "kb"
    for child in head.children:
        place = child
        if child.dep_ == "prep" and child.lower_ in locative:
            place = next((g for g in child.children if g.dep_ == "pobj"), child)
        elif not (
            child.dep_.startswith("nmod")
            and any(c.dep_ == "case" and c.lower_ in locative for c in child.children)
        ):
            continue
        # "the University of Manchester": the place in the name of the
        # organisation the agent word heads.
        named = place.ent_type_ == "ORG" and head.ent_type_ == "ORG"
        if place.pos_ != "PROPN" or (
            place.ent_type_ not in ("GPE", "LOC") and not named
        ):
            continue
        found = context.gazetteer.resolve(place.text, context.countries(), None)
        if found is not None and found.country:
            iso3 = found.country
            return Actor(code=iso3, country=iso3, name=found.name), place.i, "place"
    return None, -1, "kb"


def _genitive(token: Token, preps: frozenset[str]) -> bool:
    """ "l'armée de la Russie": a complement with "de" (not "à Tripoli"),
    or with no preposition at all."""
    return not any(c.dep_ == "case" for c in token.children) or genitive(token, preps)


def _demonym(token: Token, kb: KnowledgeBase, lang: str) -> ActorRef | None:
    iso3 = kb.demonyms.get(lang, {}).get(key(token.text))
    if iso3 is None or token.pos_ not in ("ADJ", "NOUN", "PROPN"):
        return None
    if token.head.i != token.i and _agent_phrase(token.head, kb, lang) is not None:
        return None  # "soldats nord-coréens": the agent takes its country
    country = kb.countries.get(iso3)
    if country is None:
        return None
    actor = Actor(code=iso3, country=iso3, name=country.name_en)
    return _word_ref(token, actor, "country")


def _word_ref(
    token: Token, actor: Actor, kind: MentionKind, step: ResolvedBy = "kb"
) -> ActorRef:
    """The mention of one word standing for one actor."""
    return ActorRef(
        actors=(actor,),
        kind=kind,
        start=token.i,
        end=token.i + 1,
        head=token.i,
        resolved_by=step,
    )


def _hyphenated(token: Token, kb: KnowledgeBase, lang: str) -> ActorRef | None:
    """Two countries joined by a hyphen: "franco-allemand", "Franco-German",
    "Sino-US", "israélo-palestinien" (a combining form or a demonym, then a
    demonym or a country's name), one mention of both."""
    forms = get_language(lang).grammar.combining_forms
    doc = token.doc
    if "-" in token.text[1:-1]:
        first, _, second = token.text.partition("-")
        end = token.i + 1
    elif (
        token.lower_ in forms
        and token.i + 2 < len(doc)
        and doc[token.i + 1].text == "-"
    ):
        first, second = token.text, doc[token.i + 2].text
        end = token.i + 3
    else:
        return None
    one = forms.get(first.lower()) or _country_word(first, kb, lang)
    two = _country_word(second, kb, lang) or forms.get(second.lower())
    if one is None or two is None or one == two or first.lower() not in forms:
        return None
    actors = tuple(
        Actor(code=iso3, country=iso3, name=kb.countries[iso3].name_en)
        for iso3 in (one, two)
        if iso3 in kb.countries
    )
    if len(actors) != 2:
        return None
    return ActorRef(
        actors=actors, kind="group", start=token.i, end=end, head=end - 1, metonym=True
    )


def _country_word(word: str, kb: KnowledgeBase, lang: str) -> str | None:
    """The country of a demonym ("allemand", "German") or a name ("US")."""
    iso3 = kb.demonyms.get(lang, {}).get(key(word))
    if iso3 is not None:
        return iso3
    for entry in kb.lookup(lang, word):
        if entry.kind == "country" and entry.actor is not None:
            return entry.actor.country
    return None


def _pair(token: Token, lang: str, context: Context) -> ActorRef | None:
    grammar = get_language(lang).grammar
    words = grammar.pair_words
    if token.lemma_.lower() not in words and token.lower_ not in words:
        return None
    pair = context.pair()
    numbers = [c for c in token.children if c.lower_ in grammar.pair_numbers]
    if pair is None or not numbers:
        return None
    start = min(numbers[0].i, token.i)
    return ActorRef(
        actors=pair, kind="group", start=start, end=token.i + 1, head=token.i
    )


def _remember_pair(
    new: ActorRef, refs: list[ActorRef], doc: Doc, context: Context
) -> None:
    """Record the last two countries named together ("la Russie et la Corée du
    Nord", "entre Moscou et Pyongyang") for a later "les deux pays": the new
    mention against the earlier ones it is coordinated with."""
    if len(new.actors) != 1:
        return
    conjuncts = {t.i for t in doc[new.head].conjuncts}
    for ref in refs:
        if ref is new or len(ref.actors) != 1 or ref.head not in conjuncts:
            continue
        first, second = (ref, new) if ref.head < new.head else (new, ref)
        a, b = first.actors[0], second.actors[0]
        if a.country and b.country and a.country != b.country:
            context.last_pair = (
                Actor(code=a.country, country=a.country, name=a.name),
                Actor(code=b.country, country=b.country, name=b.name),
            )
