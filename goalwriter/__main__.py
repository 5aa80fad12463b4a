"""`python -m goalwriter` runs the command line (the window by default)."""

from goalwriter.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
