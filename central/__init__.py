"""The central store: the HTTP sync service over PostgreSQL (or SQLite) and its admin."""
