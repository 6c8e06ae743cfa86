import sys
from pathlib import Path

import factcheck

# The site's chart extension lives in docs/_ext of the repository factcheck comes from.
sys.path.insert(0, str(Path(factcheck.__file__).resolve().parents[1] / "docs" / "_ext"))

extensions = ["myst_parser", "factcheck", "charts"]
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence"]
factcheck_skip_directives = ["fact-bar-chart", "fact-sum-table", "fact-timeline-figure"]
