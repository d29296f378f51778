"""Every item model passes qtmodeltester, filled and empty; exhibit letters follow moves."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from ui_helpers import add_document

from pdorganizer.core.models import Exhibit
from pdorganizer.ui.models import (
    CaseListModel,
    CoverageModel,
    DocumentTableModel,
    ExhibitListModel,
)
from pdorganizer.ui.models.coverage import CLAIMED_NONE, NEEDS_REHAB, NONE, OK, coverage_rows
from pdorganizer.ui.models.exhibits import LETTER_ROLE


def test_case_model(qtmodeltester, vault, case):
    vault.cases.add("Ana Pérez")
    model = CaseListModel()
    model.set_cases(vault.cases.list())
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert model.data(model.index(0, 0)) == "Ana Pérez"  # sorted by name
    model.clear()
    qtmodeltester.check(model)
    assert model.rowCount() == 0


def test_document_model(qtmodeltester, vault, case):
    docs = [add_document(vault, case.id, f"Doc {i}", pages=i + 1) for i in range(3)]
    vault.documents.tag(docs[0].id, ["identity", "presence"])
    model = DocumentTableModel()
    labels = {f.id: f.text("label") for f in vault.factors.taxonomy().factors}
    model.set_documents(vault.documents.list(case.id), labels)
    qtmodeltester.check(model)
    assert model.columnCount() == 5
    assert model.data(model.index(2, 3)) == "3"
    assert model.data(model.index(0, 4)) == "Identity and age, Long presence in the U.S."

    renamed = []

    def rename(doc_id, title):
        renamed.append((doc_id, title))
        return vault.documents.update(doc_id, title=title)

    model.rename = rename
    assert model.setData(model.index(1, 0), "Lease 2019")
    assert renamed == [(docs[1].id, "Lease 2019")]
    assert vault.documents.get(docs[1].id).title == "Lease 2019"
    assert not model.setData(model.index(1, 0), "   ")  # an empty title is refused
    assert not model.flags(model.index(1, 2)) & Qt.ItemFlag.ItemIsEditable


def test_coverage_rows_and_model(qtmodeltester, vault, case):
    taxonomy = vault.factors.taxonomy()
    counts = {f: 0 for f in taxonomy.ids()} | {"family": 2, "criminal_history": 1}
    rows = {r.factor_id: r for r in coverage_rows(taxonomy, counts, ["work"], "es")}
    assert rows["family"].status == OK
    assert rows["work"].status == CLAIMED_NONE  # claimed, no evidence
    assert rows["health"].status == NONE
    assert rows["criminal_history"].status == NEEDS_REHAB  # negative, no rehabilitation
    assert rows["immigration_history"].status == OK  # negative with no documents: fine
    assert rows["family"].label == taxonomy.get("family").text("label", "es")
    counts["rehabilitation"] = 1
    rows2 = {r.factor_id: r for r in coverage_rows(taxonomy, counts, [], "en")}
    assert rows2["criminal_history"].status == OK

    model = CoverageModel()
    model.set_rows(list(rows.values()))
    qtmodeltester.check(model)
    row = list(rows).index("work")
    assert model.data(model.index(row, 0), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(row, 2))  # advice text
    model.clear()
    qtmodeltester.check(model)


def _exhibits(n: int) -> list[Exhibit]:
    return [Exhibit(0, 1, i, f"Desc {i}", [100 + i]) for i in range(n)]


def test_exhibit_model(qtmodeltester):
    model = ExhibitListModel()
    model.set_exhibits(_exhibits(4), {100 + i: f"Doc {i}" for i in range(4)})
    qtmodeltester.check(model)
    changes = []
    model.changed.connect(lambda: changes.append(1))
    assert model.data(model.index(0, 0)) == "Exhibit A: Desc 0"
    root = QModelIndex()
    # Drag the last exhibit to the top: letters follow the new order.
    assert model.moveRows(root, 3, 1, root, 0)
    assert model.groups() == [[103], [100], [101], [102]]
    assert model.data(model.index(0, 0)) == "Exhibit A: Desc 3"
    assert model.data(model.index(1, 0), LETTER_ROLE) == "B"
    assert not model.moveRows(root, 1, 1, root, 2)  # onto itself
    assert model.moveRows(root, 0, 1, root, 4)  # to the end
    assert model.groups() == [[100], [101], [102], [103]]
    assert model.setData(model.index(0, 0), "Birth certificate")
    assert model.descriptions()[0] == "Birth certificate"
    first = model.group_rows([1, 3])
    assert first == 1
    assert model.groups() == [[100], [101, 103], [102]]
    assert "2" in model.data(model.index(1, 0))
    model.ungroup_row(1)
    assert model.groups() == [[100], [101], [103], [102]]
    assert len(changes) == 5
    qtmodeltester.check(model)
    model.clear()
    qtmodeltester.check(model)
