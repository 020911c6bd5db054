"""Run the ``quoteverify`` command: ``python -m quoteverify``."""

import sys

from quoteverify.cli import main

sys.exit(main())
