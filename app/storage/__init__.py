"""The encrypted local store: SQLCipher engine, key management and migrations."""
