"""Computer players: the vectorised policies (``policies``), by name for every seat."""
