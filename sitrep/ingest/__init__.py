"""Reading the inbox: articles in, rejects with their reasons out."""
