"""Exhibit packet out: cover, index, slip sheets, page labels, outline, split, verify."""
