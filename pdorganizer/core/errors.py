"""The two kinds of failure: known ones the user can act on, and bugs.

`PdoError` and its subclasses carry a one-line message in the user's terms. Their text
must never contain passphrases, keys or document content; file names only where the user
gave them on the command line or picked them in a dialog.
"""

from __future__ import annotations


class PdoError(Exception):
    """A known failure with a message fit to show the user.

    A message that names something is a template with {placeholders} and the values
    given as keywords: `PdoError("no vault at {path}", path=p)`. The template is fixed
    text, so the GUI can translate it and fill the values in afterwards.
    """

    exit_code = 1

    def __init__(self, message: str, **values: object) -> None:
        text = message.format(**values) if values else message
        super().__init__(text)
        self.message = text
        self.template = message
        self.values = values

    def __str__(self) -> str:
        return self.message


class WrongPassphrase(PdoError):
    exit_code = 3

    def __init__(self, message: str = "wrong passphrase, or not a pdorganizer vault") -> None:
        super().__init__(message)


class VaultTooNew(PdoError):
    pass


class StorageError(PdoError):
    """The disk or the vault refused a write (full, read-only, I/O error): nothing more
    can be stored until the user frees space or moves the vault."""


class NotFound(PdoError):
    pass


class InvalidInput(PdoError):
    pass


class Cancelled(PdoError):
    def __init__(self, message: str = "cancelled") -> None:
        super().__init__(message)
