"""Great Expectations checks for every sitrep table.

The suites live as JSON in the repository's `expectations/` folder (the source of truth):
`<stage>.json` blocks what comes after the stage when it fails, `<stage>_review.json` warns.
`validate(frame, suite_name)` runs one of them on a polars frame and returns a `CheckOutcome`
ready for a Dagster asset check.
"""

from sitrep.quality.runner import CheckOutcome, validate
from sitrep.quality.suites import STAGES, expectations_dir, load_suite, suite_names

__all__ = ["STAGES", "CheckOutcome", "expectations_dir", "load_suite", "suite_names", "validate"]
