"""Crossroads: Balanced Diplomacy in Central Asia. Thin entry point; see game/cli.py."""

import sys

from game.cli import main

if __name__ == "__main__":
    sys.exit(main())
