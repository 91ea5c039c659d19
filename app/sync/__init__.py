"""The client side of sync with the central store: change capture, push/pull, conflicts."""
