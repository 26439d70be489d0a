"""Merging the events of one article that report the same thing
(newsevents/extract/merge.py), on hand-built events: no parsing."""

from __future__ import annotations

from newsevents.extract.merge import dates_compatible, merge_events
from newsevents.models import Actor, DateRef, Event, Evidence, Place

TEXT = "Russia signed a pact with North Korea. Moscow signed it on 19 June."
RUS = Actor(code="RUS", country="RUS", name="Russia")
RUSGOV = Actor(code="RUSGOV", country="RUS", roles=("GOV",), name="Moscow")
PRK = Actor(code="PRK", country="PRK", name="North Korea")
USA = Actor(code="USA", country="USA", name="United States")
KOREA = Place(name="North Korea", geonameid=1873107, country="PRK", kind="country")
PYONGYANG = Place(name="Pyongyang", geonameid=1871859, country="PRK", kind="city")
PUBLISHED = DateRef(text="", value="2024-06-20", precision="publication")
JUNE_19 = DateRef(text="19 June", value="2024-06-19", precision="day")


def _event(
    source: Actor,
    target: Actor,
    span: tuple[int, int],
    when: DateRef | None,
    place: Place | None = None,
    code: str = "057",
    modality: str = "asserted",
    confidence: float = 0.75,
) -> Event:
    return Event(
        source=source, target=target, code=code, root=code[:2], quad_class=2,
        goldstein=8.0, label="Sign formal agreement", modality=modality,  # type: ignore[arg-type]
        date=when, place=place, confidence=confidence,
        evidence=(Evidence(start=span[0], end=span[1], text="", sentence=0),),
    )  # fmt: skip


def test_merge_same_signing_keeps_both_evidences_and_best_fields() -> None:
    first = _event(RUS, PRK, (0, 25), PUBLISHED, KOREA)
    second = _event(RUSGOV, PRK, (39, 52), JUNE_19, PYONGYANG, confidence=0.9)
    [merged] = merge_events([first, second], TEXT)
    assert merged.source == RUSGOV  # the government is more specific
    assert merged.date == JUNE_19  # day beats publication
    assert merged.place == PYONGYANG  # a city beats its country
    assert merged.confidence == 0.9
    assert [(e.start, e.end, e.text) for e in merged.evidence] == [
        (0, 25, "Russia signed a pact with"),
        (39, 52, "Moscow signed"),
    ]


def test_merge_keeps_different_events_apart() -> None:
    signing = _event(RUS, PRK, (0, 6), JUNE_19)
    events = [
        signing,
        _event(RUS, USA, (0, 6), JUNE_19),  # another target
        _event(RUS, PRK, (0, 6), JUNE_19, code="042"),  # another code
        _event(RUS, PRK, (0, 6), JUNE_19, modality="planned"),  # another modality
        _event(RUS, PRK, (0, 6), DateRef(text="", value="2024-05-02", precision="day")),
    ]
    merged = merge_events(events, TEXT)
    assert [(e.target and e.target.code, e.code, e.modality, e.date and e.date.value)
            for e in merged] == [
        ("PRK", "057", "asserted", "2024-06-19"),
        ("USA", "057", "asserted", "2024-06-19"),
        ("PRK", "042", "asserted", "2024-06-19"),
        ("PRK", "057", "planned", "2024-06-19"),
        ("PRK", "057", "asserted", "2024-05-02"),
    ]  # fmt: skip


def test_merge_dates_compatible() -> None:
    month = DateRef(text="", value="2024-06", precision="month")
    assert dates_compatible(month, JUNE_19)
    assert dates_compatible(None, JUNE_19)
    # A publication date stands for a stated day of the week before it ...
    assert dates_compatible(PUBLISHED, JUNE_19)
    week_before = DateRef(text="", value="2024-06-13", precision="day")
    assert dates_compatible(PUBLISHED, week_before)
    # ... not for one more than seven days before, nor after it.
    too_early = DateRef(text="", value="2024-06-12", precision="day")
    assert not dates_compatible(PUBLISHED, too_early)
    later = DateRef(text="", value="2024-06-21", precision="day")
    assert not dates_compatible(PUBLISHED, later)
    assert not dates_compatible(JUNE_19, later)
