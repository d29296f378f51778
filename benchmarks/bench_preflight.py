"""How long the pre-flight checks take on a case of phone photos (run by hand):
`.venv/bin/python benchmarks/bench_preflight.py [N]` (default 60 photos, 3000x4000 JPEG).

Prints the first run (reads every photo's header: decrypts each file once) and a second
run in the same session (pixel sizes remembered), with and without the page checks."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pdorganizer.checks import PreflightOptions, preflight  # noqa: E402
from pdorganizer.vault import CHEAP_PARAMS, Vault  # noqa: E402
from pdorganizer.vault.repos.documents import NewPage, NewSource  # noqa: E402


def photo(seed: int) -> bytes:
    noise = Image.effect_noise((750, 1000), 40 + seed % 20).convert("RGB")
    out = io.BytesIO()
    noise.resize((3000, 4000)).save(out, "JPEG", quality=88)
    return out.getvalue()


def main(count: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        vault = Vault.create(Path(folder) / "bench.pdvault", "bench passphrase", CHEAP_PARAMS)
        case = vault.cases.add("Bench", entry_date="2015")
        thumb = io.BytesIO()
        Image.new("RGB", (192, 256), "white").save(thumb, "JPEG")
        total = 0
        for i in range(count):
            data = photo(i) + i.to_bytes(4, "big")
            total += len(data)
            source = NewSource(data, hashlib.sha256(data).hexdigest(), "image/jpeg", f"{i}.jpg")
            page = NewPage(0, 0, 612.0, 792.0, thumb.getvalue())
            vault.documents.add(
                case.id,
                f"Photo {i}",
                [source],
                [page],
                document_date=f"{2015 + i % 10}-03",
                factors=["presence"],
            )
        print(f"{count} photos, {total / 1e6:.0f} MB")
        for label, pages in (("with page checks", True), ("without page checks", False)):
            for run in (1, 2):
                start = time.perf_counter()
                report = preflight(
                    vault, case.id, PreflightOptions(as_of=dt.date(2026, 6, 1), pages=pages)
                )
                took = time.perf_counter() - start
                print(f"{label}, run {run}: {took:.2f} s, {len(report.findings)} findings")
        vault.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 60)
