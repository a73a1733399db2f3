"""Article text before NLP: boilerplate, titles, outlets, wire agencies."""
