"""The event filter on the command line: one option per filter of
``store.filters.FILTERS``, under the same name as in a URL (``_`` written
``-``: ``--actor-country``), added to a command by ``with_filters``. The
command receives them parsed, as one ``EventFilter`` named ``filters``.

Kept free of heavy imports: ``--help`` must stay fast."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Annotated, Any

import typer

from ._util import fail

# store.filters.FILTERS without importing the store (and DuckDB) for --help:
# tests/test_cli_filters.py checks that the two agree.
FILTER_HELP: dict[str, str] = {
    "actor": "Source actor code (prefix: RUS matches RUSMIL).",
    "target": "Target actor code (prefix).",
    "undirected": "Actor and target in either direction.",
    "match": "prefix (default) or exact: how actor codes match.",
    "actor_country": "Source actor's country, ISO alpha-3 or group.",
    "actor_role": "Source actor's role: GOV, MIL, REB...",
    "target_country": "Target actor's country.",
    "target_role": "Target actor's role.",
    "code": "CAMEO event codes or prefixes, | between them: 14|18|19.",
    "quad": "Quad classes 1-4, | between them (3|4: conflict).",
    "goldstein": "Goldstein range LOW..HIGH, either side optional: -10..-5.",
    "modality": "Modalities, | between them: asserted, negated, planned...",
    "language": "Article languages, | between them: fr|en.",
    "outlet": "Outlets (name or web site), | between them.",
    "place": "Place name or country code of the event.",
    "place_country": "Countries of the event's place, | between them.",
    "since": "First day, YYYY-MM-DD.",
    "until": "Last day, YYYY-MM-DD.",
    "q": "Words in the evidence, the article's title or text.",
}


def _option(name: str) -> inspect.Parameter:
    flag = "--" + name.replace("_", "-")
    help_text = FILTER_HELP[name]
    if name == "undirected":
        annotation: Any = Annotated[
            bool, typer.Option(flag, help=help_text, rich_help_panel="Filters")
        ]
        default: object = False
    else:
        annotation = Annotated[
            str | None,
            typer.Option(flag, help=help_text, rich_help_panel="Filters"),
        ]
        default = None
    return inspect.Parameter(
        name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation
    )


def with_filters(command: Callable[..., None]) -> Callable[..., None]:
    """``command`` (which takes ``filters``) with one option per filter. A
    bad value is a one-line error and exit 1; an unknown option exits 2
    (click's usage error)."""
    # The command's own options, their annotations evaluated; ``filters``
    # may name a type imported for the type checker only.
    signature = inspect.signature(command)
    own = [
        p.replace(annotation=eval(p.annotation, command.__globals__))  # noqa: S307
        if isinstance(p.annotation, str)
        else p
        for p in signature.parameters.values()
        if p.name != "filters"
    ]

    @functools.wraps(command)
    def wrapper(**kwargs: Any) -> None:
        from ..errors import BadParameter
        from ..store.filters import parse_filters

        values = {name: kwargs.pop(name) for name in FILTER_HELP}
        values["undirected"] = "1" if values["undirected"] else None
        try:
            kwargs["filters"] = parse_filters(values)
        except BadParameter as exc:
            fail(str(exc))
        command(**kwargs)

    wrapper.__annotations__ = {}
    wrapper.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=[*own, *(_option(name) for name in FILTER_HELP)]
    )
    return wrapper
