"""Trede: start the GUI, or run a headless command (`python main.py --help`)."""

import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())
