"""Command-line front over the same services the GUI uses. Never imports PySide6."""
