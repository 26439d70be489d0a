"""Readers of inputs, and nothing else: files and folders (``files``),
feeds (``feeds``), tables (``tables``), corpora (``corpora``) and web pages
(``html``) become raw items or failures. They never code text nor touch the
database: the batch pipeline (``newsevents.batch``) does both."""

from __future__ import annotations

__all__ = ["corpora", "feeds", "files", "html", "tables"]
