"""Vietnam's administrative map (34 provinces and their communes since 1 July 2025), stored with official codes."""
