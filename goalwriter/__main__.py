"""`python -m goalwriter` runs the command line (the window by default)."""

from goalwriter.cli import main

raise SystemExit(main())
