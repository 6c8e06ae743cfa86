"""factcheck: bind every figure and date in Sphinx prose to one canonical facts file."""

from __future__ import annotations

__version__ = "0.1.0"
