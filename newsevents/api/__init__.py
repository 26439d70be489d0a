"""The HTTP service: a FastAPI app over one read-only event database. Each
resource has one view (``views``) whose data renders as JSON under
``/api/``, as a page elsewhere, or in a record format (``render``);
``routes`` maps the URLs, ``app.create_app`` builds the service.

Modules: ``app``, ``deps`` (dependencies), ``params`` (checked parameters),
``views``, ``render``, ``routes``, ``schemas`` (response models),
``security`` (token, body limit, headers), ``highlight`` (article text cut
into highlighted segments)."""

from __future__ import annotations

__all__ = [
    "app",
    "deps",
    "highlight",
    "params",
    "render",
    "routes",
    "schemas",
    "security",
    "views",
]
