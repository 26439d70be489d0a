"""Per-stage actor scores: found, right country, right role, looked up in the
sentence of each gold event's evidence."""

from __future__ import annotations

from newsevents.eval.actors import actor_stages
from newsevents.eval.gold import GoldDocument
from newsevents.models import Actor, Article, CodedArticle, Mention

TEXT = "Le ministre a critiqué les juges. Les policiers ont arrêté un homme."


def _gold() -> GoldDocument:
    return GoldDocument.model_validate(
        {
            "id": "d",
            "language": "fr",
            "text": TEXT,
            "events": [
                {
                    "id": "e1",
                    "source": {"country": "FRA", "role": "GOV"},
                    "target": {"country": "FRA", "role": "JUD"},
                    "code": "111",
                    "evidence": "a critiqué les juges",
                },
                {
                    "id": "e2",
                    "source": {"country": "FRA", "role": "COP"},
                    "code": "173",
                    "evidence": "ont arrêté un homme",
                },
                {
                    "id": "e3",
                    "required": False,
                    "source": {"country": "BEL"},
                    "code": "010",
                    "evidence": "Le ministre",
                },
            ],
        }
    )


def _mention(text: str, actor: Actor | None) -> Mention:
    start = TEXT.index(text)
    return Mention(
        start=start, end=start + len(text), text=text, kind="group", actor=actor
    )


def test_actor_stages_count_found_country_and_role_per_gold_actor() -> None:
    coded = CodedArticle(
        article=Article.from_text(TEXT, "fr"),
        mentions=(
            # found with the right country and role
            _mention(
                "ministre",
                Actor(code="FRAGOV", country="FRA", roles=("GOV",), name="ministre"),
            ),
            # found, right country, wrong role (judges coded GOV)
            _mention(
                "juges",
                Actor(code="FRAGOV", country="FRA", roles=("GOV",), name="juges"),
            ),
            # found, no country
            _mention("policiers", Actor(code="COP", roles=("COP",), name="policiers")),
        ),
    )
    stages = actor_stages([(_gold(), coded)])
    # e1 source and target (both in the first sentence), e2 source; e3 is optional.
    assert (stages.gold, stages.found, stages.country, stages.role) == (3, 3, 2, 1)
    assert stages.to_json() == {
        "gold_actors": 3,
        "found": 1.0,
        "right_country": 2 / 3,
        "right_role": 1 / 3,
    }


def test_actor_stages_look_only_in_the_evidence_sentence() -> None:
    coded = CodedArticle(
        article=Article.from_text(TEXT, "fr"),
        mentions=(
            _mention(
                "policiers",
                Actor(code="FRACOP", country="FRA", roles=("COP",), name="policiers"),
            ),
        ),
    )
    stages = actor_stages([(_gold(), coded)])
    assert (stages.gold, stages.found, stages.country, stages.role) == (3, 1, 1, 1)
