"""Scoring sitrep against hand-coded gold and externally annotated evaluation sets."""
