"""``python -m factcheck``: the ``factcheck`` command (see :mod:`factcheck.cli`)."""

from __future__ import annotations

import sys

from factcheck.cli import main

sys.exit(main())
