"""Item models over the vault's data. Each one can `clear()` itself, dropping every
record it holds (used when the vault locks)."""

from pdorganizer.ui.models.cases import CaseListModel
from pdorganizer.ui.models.coverage import CoverageModel
from pdorganizer.ui.models.documents import DocumentTableModel
from pdorganizer.ui.models.exhibits import ExhibitListModel

__all__ = ["CaseListModel", "CoverageModel", "DocumentTableModel", "ExhibitListModel"]
