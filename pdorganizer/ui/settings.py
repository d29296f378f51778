"""Application settings (QSettings). They hold no case data and no document names: the
language, the auto-lock time, the recent-vault paths (only when the user allows it) and
default export options."""

from __future__ import annotations

import dataclasses
import os

from PySide6.QtCore import QByteArray, QSettings

from pdorganizer.export.service import ExportOptions
from pdorganizer.vault import fsync_util

MAX_RECENT = 8
CLINIC_AUTOLOCK_MINUTES = 3
# Export options a user may make their default (never the title: it may name a person).
EXPORT_DEFAULT_KEYS = (
    "profile",
    "quality",
    "label",
    "label_position",
    "page_size",
    "cover",
    "manifest",
    "max_part_mb",
    "index_es",
)


class AppSettings:
    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or QSettings("pdorganizer", "pdorganizer")
        make_private(self.store)

    # -- language ---------------------------------------------------------------------
    @property
    def language(self) -> str:
        """ "system", "en" or "es"."""
        value = str(self.store.value("language", "system"))
        return value if value in ("system", "en", "es") else "system"

    @language.setter
    def language(self, value: str) -> None:
        self.store.setValue("language", value)

    # -- auto-lock --------------------------------------------------------------------
    @property
    def autolock_minutes(self) -> int:
        """The lock time in force: 3 minutes in clinic mode, else the user's choice."""
        return CLINIC_AUTOLOCK_MINUTES if self.clinic_mode else self.stored_autolock_minutes

    @property
    def stored_autolock_minutes(self) -> int:
        try:
            value = int(self.store.value("autolock_minutes", 10))
        except (TypeError, ValueError):
            value = 10
        return max(1, min(value, 240))

    @autolock_minutes.setter
    def autolock_minutes(self, value: int) -> None:
        self.store.setValue("autolock_minutes", int(value))

    # -- photo clean-up on import (pdorganizer/scan) ---------------------------------
    @property
    def clean_photos(self) -> bool:
        return _bool(self.store.value("clean_photos", True))  # see ImportOptions.clean

    @clean_photos.setter
    def clean_photos(self, value: bool) -> None:
        self.store.setValue("clean_photos", bool(value))

    # -- recent vaults ----------------------------------------------------------------
    @property
    def remember_recent(self) -> bool:
        return _bool(self.store.value("remember_recent", True))

    @remember_recent.setter
    def remember_recent(self, value: bool) -> None:
        self.store.setValue("remember_recent", bool(value))
        if not value:
            self.store.remove("recent_vaults")

    # -- clinic mode ------------------------------------------------------------------
    @property
    def clinic_mode(self) -> bool:
        """One laptop, many people: no recent list, quick auto-lock (ui/clinic_start.py)."""
        return _bool(self.store.value("clinic_mode", False))

    @clinic_mode.setter
    def clinic_mode(self, value: bool) -> None:
        self.store.setValue("clinic_mode", bool(value))
        self.store.setValue("clinic_offered", True)
        if value:  # paths often hold a person's name: none may stay behind
            self.store.remove("recent_vaults")

    @property
    def clinic_offered(self) -> bool:
        return _bool(self.store.value("clinic_offered", False))

    @clinic_offered.setter
    def clinic_offered(self, value: bool) -> None:
        self.store.setValue("clinic_offered", bool(value))

    def recent_vaults(self) -> list[str]:
        if not self.remember_recent or self.clinic_mode:
            return []
        value = self.store.value("recent_vaults", [])
        paths = [value] if isinstance(value, str) else list(value or [])
        return [p for p in paths if isinstance(p, str) and p and os.path.isfile(p)]

    def add_recent(self, path: str) -> None:
        if not self.remember_recent or self.clinic_mode:
            return
        path = os.path.abspath(path)
        paths = [path] + [p for p in self.recent_vaults() if p != path]
        self.store.setValue("recent_vaults", paths[:MAX_RECENT])

    def remove_recent(self, path: str) -> None:
        self.store.setValue("recent_vaults", [p for p in self.recent_vaults() if p != path])

    # -- export defaults --------------------------------------------------------------
    def export_defaults(self) -> ExportOptions:
        options = ExportOptions()
        types = {f.name: f.type for f in dataclasses.fields(ExportOptions)}
        for key in EXPORT_DEFAULT_KEYS:
            raw = self.store.value(f"export/{key}")
            if raw is None or key not in types:
                continue
            current = getattr(options, key)
            try:
                if isinstance(current, bool):
                    value: object = _bool(raw)
                elif key == "max_part_mb":
                    value = float(raw) if raw not in ("", "none", None) else None
                else:
                    value = str(raw)
            except (TypeError, ValueError):
                continue
            setattr(options, key, value)
        return options

    def set_export_defaults(self, options: ExportOptions) -> None:
        for key in EXPORT_DEFAULT_KEYS:
            value = getattr(options, key, None)
            self.store.setValue(f"export/{key}", "none" if value is None else value)

    # -- window layout (geometry only) -------------------------------------------------
    def window_state(self, name: str) -> bytes | None:
        """Saved window geometry or splitter state `name`, as Qt wrote it."""
        value = self.store.value(f"window/{name}")
        if isinstance(value, QByteArray):
            return bytes(value.data())
        return value if isinstance(value, bytes) else None

    def set_window_state(self, name: str, data: bytes) -> None:
        self.store.setValue(f"window/{name}", QByteArray(data))

    def sync(self) -> None:
        self.store.sync()


def make_private(store: QSettings) -> None:
    """The settings file owner-only (0600), before Qt writes it: the recent list names
    vault files (often after the person). Qt would create it 0644 (umask 022), and keeps
    the mode of the file it replaces, so narrowing it once holds for every later sync."""
    if os.name != "posix":  # Windows keeps them in the registry
        return
    path = store.fileName()
    if not path or not os.path.isabs(path):
        return
    try:
        folder = os.path.dirname(path)
        if not os.path.isdir(folder):
            os.makedirs(folder, mode=0o700, exist_ok=True)
        if os.path.exists(path):
            os.chmod(path, 0o600)
        else:
            fsync_util.touch_private(path)
    except OSError:
        pass  # a read-only or odd home: Qt's own handling applies, nothing to lose here


def _bool(value: object) -> bool:
    if isinstance(value, str):
        return value.lower() in ("1", "true", "yes")
    return bool(value)
