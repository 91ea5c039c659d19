"""Pure rules of the re-integration domain: no Qt, no database, no I/O beyond resources."""
