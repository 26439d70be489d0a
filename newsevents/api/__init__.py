"""The HTTP service: a FastAPI app with the JSON API under ``/api/`` and the
web pages, over one read-only event database."""

from __future__ import annotations
