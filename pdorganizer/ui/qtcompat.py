"""Work around reference-count bugs of PySide6 6.12 on Python < 3.12.

There, PySide6 drops references it does not own:
- every Python callable Qt calls (slots, event filters, item-model methods) that returns
  None takes one reference from None;
- every `SignalInstance.emit()` called from Python takes one from True.
None starts with a few tens of thousands of references and True with about 600, so a
session aborts ("none_dealloc" / "bool_dealloc") after some minutes of mouse movement or
a few hundred signals. Python 3.12+ makes these objects immortal (their count is huge and
never reaches zero), which is why PySide6 gets away with it there.

On an affected interpreter we do what 3.12 does: give None, True and False a reference
count no session can exhaust. Only when a probe shows the bug; on Python 3.12+ nothing
is touched. `emit()` additionally returns the reference an emit takes, so signals stay
balanced even without the pin.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt, Signal

PIN = 1 << 40  # 3.12's immortal objects start near 2**32; this is further from zero

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


class _Probe(QObject):
    fired = Signal()


class _NoneModel(QAbstractListModel):
    def rowCount(self, parent: Any = None) -> int:
        return 1

    def data(self, index: Any, role: int = 0) -> Any:
        return None


def _emit_steals_true() -> bool:
    probe = _Probe()
    rounds = 16
    before = sys.getrefcount(True)
    for _ in range(rounds):
        probe.fired.emit()
    lost = before - sys.getrefcount(True)
    for _ in range(max(lost, 0)):  # undo the probe's own damage
        _incref(True)
    return lost >= rounds


def _calls_steal_none() -> bool:
    model = _NoneModel()
    index = model.index(0, 0, QModelIndex())
    rounds = 16
    before = sys.getrefcount(None)
    for _ in range(rounds):
        index.data(Qt.ItemDataRole.ToolTipRole)
    lost = before - sys.getrefcount(None)
    for _ in range(max(lost, 0)):
        _incref(None)
    return lost >= rounds


def _pin(obj: object) -> None:
    ctypes.c_ssize_t.from_address(id(obj)).value += PIN  # ob_refcnt is the first field


if sys.version_info < (3, 12):
    EMIT_STEALS = _emit_steals_true()
    NONE_STOLEN = _calls_steal_none()
else:  # immortal objects: nothing to repair
    EMIT_STEALS = NONE_STOLEN = False

if EMIT_STEALS or NONE_STOLEN:
    for _singleton in (None, True, False):
        _pin(_singleton)


def emit(signal: Any, *args: Any) -> None:
    """`signal.emit(*args)`, giving back the reference an affected PySide6 takes."""
    result = signal.emit(*args)
    if EMIT_STEALS and isinstance(result, bool):
        _incref(result)
