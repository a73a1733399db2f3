"""Language processing: spaCy, counts, dates, places, events."""
