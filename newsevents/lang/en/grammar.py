"""English grammar words used by extraction."""

from __future__ import annotations

NEGATIONS = frozenset({"not", "n't", "never", "no"})

# English has no conditional mood that marks hearsay.
CONDITIONAL_ALLEGED = False

PREPOSITIONS: dict[str, str] = {}

# "according to Reuters".
ATTRIBUTION_PREPS = frozenset({"according"})

# "both countries", "the two leaders".
PAIR_WORDS = frozenset({"countries", "leaders", "governments", "capitals", "nations"})
