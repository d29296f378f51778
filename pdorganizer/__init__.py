"""pdorganizer: offline, encrypted evidence organizer for prosecutorial-discretion packets."""

__version__ = "0.1.0"
APP_NAME = "pdorganizer"
