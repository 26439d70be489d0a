"""The place lookup benchmark (newsevents/bench/places.py): its names and
what it counts; the speed itself is printed by `newsevents bench-places`,
not asserted."""

from __future__ import annotations

from newsevents.bench.places import bench_places, town_names


def test_town_names_are_distinct_and_most_populous_first() -> None:
    names = town_names(50)
    assert len(names) == len(set(names)) == 50
    assert {"Tokyo", "Shanghai"} & set(names[:10])


def test_bench_places_resolves_the_names_it_counts() -> None:
    result = bench_places(["Paris", "Tokyo", "Xqzzyville"], "en")
    assert result.names == 3
    assert result.resolved == 2  # no place is called Xqzzyville
    assert result.cold_lookups_per_s > 0 and result.warm_lookups_per_s > 0
