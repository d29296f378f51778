"""`pdorganizer exhibits` and `pdorganizer export` from the command line."""

from __future__ import annotations

import json

import pytest
from conftest import PASSPHRASE
from pypdf import PdfReader
from test_export_support import build_sample

from pdorganizer.cli.main import run


@pytest.fixture
def filled(vault, case, vault_path, monkeypatch):
    build_sample(vault, case.id)
    vault.close()
    monkeypatch.setenv("PDORGANIZER_PASSPHRASE", PASSPHRASE)
    return str(vault_path), str(case.id)


def test_exhibits_list_and_define(filled, capsys):
    path, case = filled
    assert run(["exhibits", path, "--case", case, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [e["letter"] for e in listed] == list("ABCDE")
    first = listed[0]["documents"]
    assert len(first) == 2  # the photo and its translation, together
    others = [e["documents"][0] for e in listed[1:]]
    code = run(
        ["exhibits", path, "--case", case, "--set", f"{others[2]},{others[1]}+{others[0]}",
         "--description", "Pay", "--description", "Records", "--json"]
    )  # fmt: skip
    assert code == 0
    now = json.loads(capsys.readouterr().out)
    assert [e["description"] for e in now[:2]] == ["Pay", "Records"]
    assert [e["documents"] for e in now[:2]] == [[others[2]], [others[1], others[0]]]
    assert len(now) == 4  # the rest follow as exhibits of their own
    bad = ["exhibits", path, "--case", case, "--set", "1,x"]
    assert run(bad) == 2 and "like 5,3+4,9" in capsys.readouterr().err
    assert run(["exhibits", path, "--case", case, "--clear"]) == 0
    first_line = capsys.readouterr().out.splitlines()[0]
    assert first_line.startswith("  A  Birth certificate of José Ñúñez")


def test_export_command_writes_and_reports(filled, tmp_path, capsys):
    path, case = filled
    out = tmp_path / "packet.pdf"
    code = run(
        ["export", path, "--case", case, "-o", str(out), "--label", "bates",
         "--bates-prefix", "PD-", "--start", "12", "--label-position", "left",
         "--group-by-factor", "--service", "--quality", "original", "--title", "Evidence"]
    )  # fmt: skip
    assert code == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith(f"{out}  ") and " pages " in lines[0] and "sha256 " in lines[0]
    assert lines[1].endswith("packet.manifest.json  manifest")
    reader = PdfReader(out)
    assert reader.page_labels[1] == "PD-000012"
    assert reader.metadata["/Title"] == "Evidence"


def test_export_usage_and_failures(filled, tmp_path, capsys):
    path, case = filled
    with pytest.raises(SystemExit) as exc:
        run(["export", path, "--case", case, "-o", str(tmp_path / "x.pdf"), "--label", "roman"])
    assert exc.value.code == 2
    code = run(["export", path, "--case", case, "-o", str(tmp_path / "no" / "x.pdf")])
    assert code == 1
    assert "does not exist" in capsys.readouterr().err
    code = run(
        ["export", path, "--case", case, "-o", str(tmp_path / "x.pdf"), "--label", "bates",
         "--bates-prefix", "<bad>"]
    )  # fmt: skip
    assert code == 1
    err = capsys.readouterr().err
    assert err.startswith("pdorganizer: ") and "Traceback" not in err
    assert not list(tmp_path.glob("x*"))


def test_export_with_a_spanish_index_for_the_client(filled, tmp_path, capsys):
    path, case = filled
    out, index = tmp_path / "packet.pdf", tmp_path / "indice.txt"
    assert run(["export", path, "--case", case, "-o", str(out), "--index-es", str(index)]) == 0
    assert capsys.readouterr().out.strip().splitlines()[-1].startswith(f"{index}  Spanish")
    text = index.read_text(encoding="utf-8")
    assert "Anexo A" in text or "ANEXO A" in text
    manifest = json.loads(out.with_name("packet.manifest.json").read_text(encoding="utf-8"))
    first = manifest["exhibits"][0]["pages"]
    assert f"{first[0]} a {first[-1]}" in text  # the same page range as in the packet
