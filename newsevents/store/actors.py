"""One actor's profile, for its page, its API route and ``newsevents
actor``: the names it was written under (its mentions), the people seen
under its code, its events as source and as target, its busiest partners
(exact codes, both directions, so that each count is its dyad's with
``match=exact``) and what the knowledge base knows of it (name, Wikidata
id, terms of office)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..errors import NotFound
from ..kb.profiles import KnownActor, Office, known_actor
from .backend import Connection, dialect
from .views import actor_names

__all__ = ["ActorProfile", "NameSeen", "Partner", "PersonSeen", "actor_profile"]


@dataclass(frozen=True)
class NameSeen:
    """A name an actor was written under, and how many mentions used it."""

    name: str
    mentions: int


@dataclass(frozen=True)
class PersonSeen:
    """A person mentioned under the actor's code (Wikidata id when the
    coder resolved them in the knowledge base)."""

    name: str
    wikidata: str | None
    mentions: int


@dataclass(frozen=True)
class Partner:
    """Another actor (exact code) and the events between them: ``sent``
    from the profiled actor to it, ``received`` from it."""

    code: str
    name: str | None
    sent: int
    received: int
    events: int


@dataclass(frozen=True)
class ActorProfile:
    """Everything about one actor code (exact)."""

    code: str
    name: str | None
    kind: str | None
    wikidata: str | None
    roles: tuple[str, ...]
    as_source: int
    as_target: int
    first: date | None
    last: date | None
    names: list[NameSeen] = field(default_factory=list)
    people: list[PersonSeen] = field(default_factory=list)
    partners: list[Partner] = field(default_factory=list)
    offices: list[Office] = field(default_factory=list)
    bodies: list[str] = field(default_factory=list)


def actor_profile(conn: Connection, code: str, partners: int = 15) -> ActorProfile:
    """The profile of the actor ``code`` (exact, upper case), with its
    ``partners`` busiest partners. Raises NotFound when no event or mention
    has the code and the knowledge base does not know it."""
    row = conn.execute(
        "SELECT count(*) FILTER (WHERE source_code = ?), "
        "count(*) FILTER (WHERE target_code = ?), min(event_date), max(event_date) "
        "FROM events WHERE source_code = ? OR target_code = ?",
        [code, code, code, code],
    ).fetchone()
    as_source, as_target, first, last = row if row else (0, 0, None, None)
    names = [
        NameSeen(r[0], int(r[1]))
        for r in conn.execute(
            "SELECT text, count(*) FROM mentions WHERE actor_code = ? "
            "AND text IS NOT NULL GROUP BY text ORDER BY 2 DESC, 1 LIMIT 30",
            [code],
        ).fetchall()
    ]
    wikidata = dialect(conn).json_text("actor", "wikidata")
    people = [
        PersonSeen(r[0], r[1], int(r[2]))
        for r in conn.execute(
            f"SELECT actor_name, {wikidata}, count(*) FROM mentions "
            "WHERE actor_code = ? AND kind = 'person' AND actor_name IS NOT NULL "
            "GROUP BY 1, 2 ORDER BY 3 DESC, 1 LIMIT 30",
            [code],
        ).fetchall()
    ]
    known: KnownActor = known_actor(code, [(p.name, p.wikidata) for p in people])
    if not (as_source or as_target or names or known.name):
        raise NotFound(
            f"no actor {code!r}: no event, mention or knowledge-base entry has "
            "this code; list the actors at /api/actors"
        )
    return ActorProfile(
        code=code, name=known.name or _usual_name(conn, code), kind=known.kind,
        wikidata=known.wikidata, roles=known.roles, as_source=int(as_source or 0),
        as_target=int(as_target or 0), first=first, last=last, names=names,
        people=people, partners=_partners(conn, code, partners),
        offices=sorted(known.offices, key=lambda o: (o.person, o.start)),
        bodies=list(known.bodies),
    )  # fmt: skip


def _partners(conn: Connection, code: str, limit: int) -> list[Partner]:
    rows = conn.execute(
        """SELECT partner, sum(sent), sum(received), count(*) FROM (
            SELECT target_code AS partner, 1 AS sent, 0 AS received FROM events
            WHERE source_code = ? AND target_code IS NOT NULL AND target_code <> ?
            UNION ALL
            SELECT source_code, 0, 1 FROM events
            WHERE target_code = ? AND source_code IS NOT NULL AND source_code <> ?
        ) p GROUP BY partner ORDER BY 4 DESC, 1 LIMIT ?""",
        [code, code, code, code, limit],
    ).fetchall()
    names = actor_names(conn, [r[0] for r in rows])
    return [Partner(r[0], names.get(r[0]), int(r[1]), int(r[2]), int(r[3]))
            for r in rows]  # fmt: skip


def _usual_name(conn: Connection, code: str) -> str | None:
    return actor_names(conn, [code]).get(code)
