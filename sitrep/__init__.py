"""sitrep: checked weekly conflict statistics from raw news reports."""

__version__ = "0.1.0"
