"""Merge events across articles: the same real-world event reported by
several articles becomes one cluster. Two events share a cluster when they
have the same source and target actors (either order for symmetric events
such as meetings), the same CAMEO root code and modality, dates compatible
at their precision (``keys.dates_compatible``), and when the new
report falls within ``window`` days of the cluster's first and last seen.
An event that nothing places in time (no date, no publication date) or
that has no actor stays in a cluster of its own."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from ..keys import dates_compatible, more_precise_date
from ..models import DateRef
from .backend import Connection

DEFAULT_WINDOW_DAYS = 7

ClusterKey = tuple[str | None, str | None, str, str]


@dataclass
class Cluster:
    """What the writer needs of a cluster to match new events against it."""

    id: int
    key: ClusterKey
    code: str
    symmetric: bool
    date: DateRef | None
    first_seen: date | None
    last_seen: date | None
    dirty: bool = False
    new: bool = False


def cluster_key(
    source: str | None, target: str | None, root: str, modality: str, symmetric: bool
) -> ClusterKey | None:
    """The key of an event's cluster; None when the event has no actor at
    all (nothing to tell it from other events of its kind)."""
    if source is None and target is None:
        return None
    if symmetric and (source or "") > (target or ""):
        source, target = target, source
    return (source, target, root, modality)


@dataclass
class ClusterIndex:
    """The clusters of a database, by key, kept in step by the writer."""

    window: timedelta = timedelta(days=DEFAULT_WINDOW_DAYS)
    by_key: dict[ClusterKey, list[Cluster]] = field(default_factory=dict)
    by_id: dict[int, Cluster] = field(default_factory=dict)
    next_id: int = 1

    @classmethod
    def load(
        cls, conn: Connection, window_days: int = DEFAULT_WINDOW_DAYS
    ) -> ClusterIndex:
        """Every cluster of the database."""
        index = cls(window=timedelta(days=window_days))
        rows = conn.execute(
            "SELECT id, source_code, target_code, root_code, modality, code, "
            "is_symmetric, date_value, date_precision, first_seen, last_seen "
            "FROM clusters ORDER BY id"
        ).fetchall()
        for row in rows:
            ref = DateRef(text="", value=row[7], precision=row[8]) if row[7] else None
            cluster = Cluster(
                id=row[0],
                key=(row[1], row[2], row[3], row[4]),
                code=row[5],
                symmetric=row[6],
                date=ref,
                first_seen=row[9],
                last_seen=row[10],
            )
            index._add(cluster)
        return index

    def _add(self, cluster: Cluster) -> None:
        self.by_key.setdefault(cluster.key, []).append(cluster)
        self.by_id[cluster.id] = cluster
        self.next_id = max(self.next_id, cluster.id + 1)

    def assign(
        self,
        key: ClusterKey | None,
        code: str,
        symmetric: bool,
        ref: DateRef | None,
        seen: date | None,
    ) -> Cluster:
        """The cluster of an event (created when none matches); ``seen`` is
        the day its article reports it."""
        if ref is None and seen is None:
            # Nothing places the event in time: it cannot be told to be the
            # same as any other report, so it stands alone.
            key = None
        if key is not None:
            for cluster in reversed(self.by_key.get(key, [])):
                if self._matches(cluster, ref, seen):
                    self._update(cluster, ref, seen)
                    return cluster
        cluster = Cluster(
            id=self.next_id,
            key=key or (None, None, code[:2], ""),
            code=code,
            symmetric=symmetric,
            date=ref,
            first_seen=seen,
            last_seen=seen,
            dirty=True,
            new=True,
        )
        if key is None:
            self.by_id[cluster.id] = cluster
            self.next_id += 1
        else:
            self._add(cluster)
        return cluster

    def _matches(
        self, cluster: Cluster, ref: DateRef | None, seen: date | None
    ) -> bool:
        if not dates_compatible(cluster.date, ref):
            return False
        if (cluster.date is None) != (ref is None or ref.value is None):
            return False
        if seen is None or cluster.first_seen is None or cluster.last_seen is None:
            return False
        # In day numbers: a date near year 1 or 9999 minus or plus the
        # window would leave the calendar (OverflowError).
        days = self.window.days
        return (
            cluster.first_seen.toordinal() - days
            <= seen.toordinal()
            <= cluster.last_seen.toordinal() + days
        )

    def _update(self, cluster: Cluster, ref: DateRef | None, seen: date | None) -> None:
        if ref is not None and more_precise_date(ref, cluster.date):
            cluster.date = ref
        if seen is not None:
            cluster.first_seen = min(cluster.first_seen or seen, seen)
            cluster.last_seen = max(cluster.last_seen or seen, seen)
        cluster.dirty = True

    def forget(self, cluster_id: int) -> None:
        """Drop a cluster left without events."""
        cluster = self.by_id.pop(cluster_id, None)
        if cluster is not None and cluster.key in self.by_key:
            self.by_key[cluster.key] = [
                c for c in self.by_key[cluster.key] if c.id != cluster_id
            ]
