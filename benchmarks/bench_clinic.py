"""Clinic flows on a realistic case, timed (run by hand):

    .venv/bin/python benchmarks/bench_clinic.py [--docs 40] [--mb 1.5]

Two cases of DOCS documents of MB megabytes each (random bytes, so nothing compresses);
hands one off (real Argon2 settings for the new file), edits it "at home", merges it back,
then wipes it from the clinic vault. Prints seconds per step and file sizes.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import tempfile
import time
from pathlib import Path

from pdorganizer.vault import CHEAP_PARAMS, DEFAULT_PARAMS, Vault
from pdorganizer.vault.handoff import hand_off, merge
from pdorganizer.vault.repos import NewPage, NewSource
from pdorganizer.vault.wipe import wipe_case


def fill(vault: Vault, case_id: int, docs: int, size: int) -> None:
    for i in range(docs):
        data = os.urandom(size)
        src = NewSource(data, hashlib.sha256(data).hexdigest(), "image/jpeg", f"p{i}.jpg")
        vault.documents.add(case_id, f"Document {i}", [src], [NewPage(0, 0, 612, 792, b"t" * 9000)])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=40)
    ap.add_argument("--mb", type=float, default=1.5)
    args = ap.parse_args()
    size = int(args.mb * 1e6)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        clinic = Vault.create(folder / "clinic.pdvault", "clinic", CHEAP_PARAMS)
        a = clinic.cases.add("Client A")
        b = clinic.cases.add("Client B")
        fill(clinic, a.id, args.docs, size)
        fill(clinic, b.id, args.docs, size)
        print(f"clinic vault {clinic.path.stat().st_size / 1e6:.0f} MB, {args.docs} docs per case")
        t = time.perf_counter()
        out = hand_off(clinic, a.id, folder / "a.pdvault", "six words", params=DEFAULT_PARAMS)
        print(f"hand-off      {time.perf_counter() - t:5.2f} s  ({out.size / 1e6:.0f} MB)")
        with Vault.open(out.path, "six words") as home:
            (case,) = home.cases.list()
            fill(home, case.id, 3, size)
            home.documents.update(home.documents.list(case.id)[0].id, title="edited")
        t = time.perf_counter()
        report = merge(clinic, out.path, "six words")
        r = report.cases[0]
        print(
            f"merge back    {time.perf_counter() - t:5.2f} s  "
            f"({r.added} added, {r.updated} updated)"
        )
        t = time.perf_counter()
        wipe_case(clinic, a.id)
        print(
            f"wipe          {time.perf_counter() - t:5.2f} s  "
            f"(vault now {clinic.path.stat().st_size / 1e6:.0f} MB)"
        )
        clinic.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
