"""``python -m newsevents.cli``."""

from . import main

main()
