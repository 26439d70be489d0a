"""``python -m newsevents.api``: the ``serve`` command on its own."""

from __future__ import annotations

import typer

from .cli import serve_command

if __name__ == "__main__":
    typer.run(serve_command)
