"""``python -m game``: the same command line as ``python main.py`` and ``crossroads``."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
