"""Weekly statistics from events."""
