"""Training of the backstop: softmax regression in numpy, and its file.

Pure functions: labelled sentences in, weights out; ``save`` writes them with
an ``about`` header (what it was trained on, the threshold). The data are
gathered by ``tools/train_backstop.py``.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from .model import Backstop


def fit(
    vectors: np.ndarray,
    labels: Sequence[str],
    *,
    l2: float = 1e-2,
    epochs: int = 500,
    rate: float = 2.0,
    balanced: bool = True,
) -> tuple[tuple[str, ...], np.ndarray, np.ndarray]:
    """Softmax regression by full-batch gradient descent.

    Returns the label set (sorted), weights ``(dim, labels)`` and bias.
    ``balanced`` weighs each example by the inverse frequency of its label,
    so that rare roots are not drowned by frequent ones. The embeddings
    are standardised (e5's vectors crowd in a narrow cone) and the scaling
    is folded into the returned weights, which take raw embeddings. Raises
    ValueError for fewer than two labels or mismatched sizes.
    """
    if len(vectors) != len(labels):
        raise ValueError(f"{len(vectors)} vectors but {len(labels)} labels")
    names = tuple(sorted(set(labels)))
    if len(names) < 2:
        raise ValueError("training needs at least two labels")
    index = {name: i for i, name in enumerate(names)}
    y = np.array([index[label] for label in labels])
    raw = np.asarray(vectors, dtype=np.float64)
    mean = raw.mean(axis=0)
    scale = raw.std(axis=0) + 1e-6
    x = (raw - mean) / scale
    n, dim = x.shape
    onehot = np.zeros((n, len(names)))
    onehot[np.arange(n), y] = 1.0
    counts = Counter(y.tolist())
    if balanced:
        sample = np.array([n / (len(names) * counts[i]) for i in y.tolist()])
    else:
        sample = np.ones(n)
    sample = sample / sample.sum()
    w = np.zeros((dim, len(names)))
    b = np.zeros(len(names))
    for _ in range(epochs):
        logits = x @ w + b
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        grad = (p - onehot) * sample[:, None]
        w -= rate * (x.T @ grad + l2 * w)
        b -= rate * grad.sum(axis=0)
    folded = w / scale[:, None]
    return names, folded.astype(np.float32), (b - mean @ folded).astype(np.float32)


def accuracy(model: Backstop, vectors: np.ndarray, labels: Sequence[str]) -> float:
    """Share of rows whose best label is the given one."""
    if not len(labels):
        return 0.0
    best = model.probabilities(vectors).argmax(axis=1)
    return float(
        np.mean(
            [model.labels[int(i)] == lab for i, lab in zip(best, labels, strict=True)]
        )
    )


def save(
    path: Path,
    labels: Sequence[str],
    weights: np.ndarray,
    bias: np.ndarray,
    about: dict[str, Any],
) -> None:
    """Write weights and their ``about`` header (JSON) as one npz file."""
    np.savez_compressed(
        path,
        labels=np.array(list(labels)),
        weights=weights.astype(np.float32),
        bias=bias,
        about=np.array(json.dumps(about, ensure_ascii=False, sort_keys=True)),
    )
