"""The backstop classifier (newsevents/classify): the bundled embedding
loads offline and is stable, the shipped weights load, and training works
on a tiny sample."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from newsevents.classify import NONE, Backstop, Embedder
from newsevents.classify.model import WEIGHTS
from newsevents.classify.train import accuracy, fit, save
from newsevents.errors import DataError
from newsevents.kb.cameo import lookup


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return Embedder(threads=1)


def test_embedding_is_stable_and_multilingual(embedder: Embedder) -> None:
    texts = [
        "The president met the foreign minister in Paris.",
        "Le président a rencontré le ministre des affaires étrangères à Paris.",
        "Police fired tear gas at the protesters.",
    ]
    first = embedder.embed(texts)
    again = embedder.embed(texts[::-1])[::-1]
    assert first.shape == (3, 384) and first.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-3)
    np.testing.assert_allclose(first, again, atol=1e-5)
    similar = first @ first.T
    # a translation is nearer than an unrelated sentence in either language
    assert similar[0, 1] > 0.9
    assert similar[0, 1] > similar[0, 2] + 0.1
    assert similar[1, 2] < similar[0, 1]
    assert embedder.embed([]).shape == (0, 384)


def test_shipped_weights_load() -> None:
    model = Backstop.load()
    assert NONE in model.labels
    assert model.weights.shape == (384, len(model.labels))
    assert 0.0 < model.threshold < 1.0
    for label in model.labels:
        if label != NONE:
            assert lookup(label).code == label
    assert model.about["trainer"] == "tools/train_backstop.py"
    assert "split=tune only" in model.about["gold"]


def test_bad_weights_file_is_a_data_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a zip")
    with pytest.raises(DataError, match="unreadable classifier weights"):
        Backstop.load(bad)


def test_train_on_a_tiny_sample(embedder: Embedder, tmp_path: Path) -> None:
    sample = [
        ("Troops shelled the town overnight.", "190"),
        ("Soldiers opened fire on the rebel positions.", "190"),
        ("Les soldats ont bombardé la ville.", "190"),
        ("The two leaders held talks in Geneva.", "040"),
        ("The ministers met to discuss trade.", "040"),
        ("Les deux dirigeants se sont entretenus à Genève.", "040"),
        ("The weather was sunny on Sunday.", NONE),
        ("Le match s'est terminé sur un score nul.", NONE),
    ]
    vectors = embedder.embed([t for t, _ in sample])
    labels = [label for _, label in sample]
    names, weights, bias = fit(vectors, labels, epochs=200)
    assert names == ("040", "190", NONE)
    path = tmp_path / "tiny.npz"
    save(path, names, weights, bias, {"threshold": 0.4, "trainer": "test"})
    model = Backstop.load(path, embedder)
    assert model.threshold == 0.4
    assert accuracy(model, vectors, labels) == 1.0
    unseen = model.predict(
        ["Artillery pounded the city.", "Les ministres se sont réunis à Bruxelles."]
    )
    assert [p.label for p in unseen] == ["190", "040"]
    assert all(0.0 < p.p <= 1.0 for p in unseen)


def test_fit_refuses_a_single_label() -> None:
    with pytest.raises(ValueError, match="at least two labels"):
        fit(np.zeros((2, 4)), ["190", "190"])


def test_weights_file_is_small() -> None:
    assert WEIGHTS.stat().st_size < 2_000_000
