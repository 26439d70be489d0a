"""French grammar words used by extraction."""

from __future__ import annotations

# Negation adverbs ("n'a pas signé", "n'a jamais rencontré").
NEGATIONS = frozenset({"pas", "jamais", "plus", "nullement", "aucunement", "guère"})

# The French conditional reports an unconfirmed fact ("aurait fourni").
CONDITIONAL_ALLEGED = True

# Contractions and their prepositions.
PREPOSITIONS = {"au": "à", "aux": "à", "du": "de", "des": "de", "d'": "de"}

# "selon l'agence KCNA".
ATTRIBUTION_PREPS = frozenset({"selon", "d'après"})

# "les deux pays", "les deux dirigeants": the two actors last named together.
PAIR_WORDS = frozenset({"pays", "dirigeants", "gouvernements", "capitales", "nations"})
