"""Mentions to events: one real-world event, one row, one conservative count."""
