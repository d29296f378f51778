"""Domain objects and rules: no Qt, no SQL."""
