"""The two kinds of failure: known ones the user can act on, and bugs.

`PdoError` and its subclasses carry a one-line message in the user's terms. Their text
must never contain passphrases, keys or document content; file names only where the user
gave them on the command line or picked them in a dialog.
"""

from __future__ import annotations


class PdoError(Exception):
    """A known failure with a message fit to show the user."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class WrongPassphrase(PdoError):
    exit_code = 3

    def __init__(self, message: str = "wrong passphrase, or not a pdorganizer vault") -> None:
        super().__init__(message)


class VaultTooNew(PdoError):
    pass


class NotFound(PdoError):
    pass


class InvalidInput(PdoError):
    pass


class Cancelled(PdoError):
    def __init__(self, message: str = "cancelled") -> None:
        super().__init__(message)
