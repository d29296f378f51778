"""A fuzz worker process: imports each input into a real vault, then exports it.

Runs under an address-space limit (RLIMIT_AS) set when it starts; the parent gives each
input a time limit and kills the worker when it hangs. The worker reports the stage it
is in before each step, so a hang or crash is attributed to import or export.

Classes (what `run_one` reports):
  refused   the import refused the file with a plain message (fine)
  exported  imported, then exported in both qualities (fine)
  unhandled "something went wrong" or a non-PdoError exception (finding)
  export    an imported file whose export failed with a known error (finding)
  memory    the peak resident memory of one input went over the limit (finding)
  leak      an export holds a private value planted in a seed's metadata (finding)
  noise     (every --cli-every'th input, also through the real CLI) the terminal showed
            more than one result line, or one failure line on stderr (finding)
(the parent adds: hang, crash.)
"""

from __future__ import annotations

import contextlib
import os
import re
import resource
import shutil
import tempfile
import time
import traceback
from multiprocessing.connection import Connection
from pathlib import Path

from fuzzing.cli_check import CliChecker

VAULT_INPUTS = 150  # a fresh vault after this many inputs keeps each worker's vault small
_BUG = re.compile(r"something went wrong \((.*)\)")


def _peak_rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _reset_peak_rss() -> None:
    with contextlib.suppress(OSError):  # Linux: "5" resets VmHWM to the current RSS
        Path("/proc/self/clear_refs").write_text("5")


def leaked_markers(files: list[str]) -> str:
    """Metadata planted in the seeds that made it into an export, as raw bytes (the
    packet's document info and XMP are not compressed; copied dictionaries neither)."""
    from fuzzing.seeds import LEAK_MARKERS

    found = set()
    for name in files:
        data = Path(name).read_bytes()
        found |= {m.decode() for m in LEAK_MARKERS if m in data}
    return ", ".join(sorted(found))


def root_cause(exc: BaseException) -> BaseException | None:
    """The first exception of the chain that is not one of our PdoErrors."""
    from pdorganizer.core.errors import PdoError

    seen = 0
    inner = exc.__cause__ or exc.__context__
    while isinstance(inner, PdoError) and seen < 10:
        inner = inner.__cause__ or inner.__context__
        seen += 1
    return inner


def library_frame(exc: BaseException) -> str:
    """The innermost frame outside pdorganizer: where in a library the error came from."""
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        path = frame.filename.replace("\\", "/")
        if "/pdorganizer/" in path:
            return ""
        if "site-packages/" in path:
            return f"{path.split('site-packages/')[-1]}:{frame.lineno}"
        return f"{Path(path).name}:{frame.lineno}"
    return ""


class _Keep(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def known_message(exc: Exception) -> str:
    """A PdoError's message with its values filled in, except the document's title and
    file names (they differ per input and would split one finding into many)."""
    values = _Keep(getattr(exc, "values", {}) or {})
    for key in ("title", "path", "name", "file", "folder"):
        values.pop(key, None)
    try:
        return str(getattr(exc, "template", str(exc))).format_map(values)
    except (KeyError, ValueError, IndexError):
        return str(exc)


def _quiet_fds() -> None:
    """Libraries print on fd 1 and 2 (libtiff, pdfium...); the worker's answers go
    through the pipe, so both point at /dev/null."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    os.close(devnull)


class Worker:
    def __init__(self, folder: Path) -> None:
        from pdorganizer.core.quiet import quiet_libraries

        quiet_libraries()
        self.folder = folder
        self.vault = None
        self.used = 0

    def _fresh_vault(self):
        from pdorganizer.vault import CHEAP_PARAMS, Vault

        if self.vault is not None:
            self.vault.close()
            for p in self.folder.glob("fuzz.pdvault*"):
                p.unlink()
        self.vault = Vault.create(self.folder / "fuzz.pdvault", "fuzz", CHEAP_PARAMS)
        self.used = 0

    def run_one(self, conn: Connection, name: str, data: bytes, rss_limit_mb: float) -> dict:
        from pdorganizer.core.errors import PdoError
        from pdorganizer.core.safelog import bug_summary
        from pdorganizer.export.service import ExportOptions, export_packet
        from pdorganizer.ingest.service import ImportOptions, import_files

        if self.vault is None or self.used >= VAULT_INPUTS:
            self._fresh_vault()
        self.used += 1
        vault = self.vault
        path = self.folder / "in" / name
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
        out = self.folder / "out"
        out.mkdir(exist_ok=True)
        _reset_peak_rss()
        started = time.monotonic()
        report = {"class": "", "stage": "import", "place": "", "library": "", "message": ""}
        case = vault.cases.add("Fuzz")
        try:
            conn.send(("stage", "import"))
            try:
                [result] = import_files(vault, case.id, [path], ImportOptions(workers=1))
            except PdoError as exc:
                report.update({"class": "unhandled", "place": f"PdoError: {known_message(exc)}"})
                return report
            except Exception as exc:
                cls = "memory" if isinstance(exc, MemoryError) else "unhandled"
                report.update(
                    {"class": cls, "place": bug_summary(exc), "library": library_frame(exc)}
                )
                return report
            if result.status == "failed":
                bug = _BUG.search(result.message)
                if bug:
                    report.update({"class": "unhandled", "place": bug.group(1)})
                else:
                    report.update({"class": "refused", "message": result.message})
                return report
            for quality in ("compact", "original"):
                report["stage"] = f"export-{quality}"
                conn.send(("stage", report["stage"]))
                options = ExportOptions(quality=quality, manifest="none", max_part_mb=100)
                try:
                    packet = export_packet(vault, case.id, out / "packet.pdf", options)
                    leaked = leaked_markers(packet.files)
                    if leaked:
                        report.update({"class": "leak", "place": f"export contains {leaked}"})
                        return report
                except PdoError as exc:
                    # The decoder's own exception, kept as the context of our message,
                    # says where the export and the import judged the file differently.
                    inner = root_cause(exc)
                    place = known_message(exc)
                    if inner is not None:
                        place += f" [from {bug_summary(inner)}]"
                    report.update(
                        {
                            "class": "export",
                            "place": place,
                            "library": library_frame(inner) if inner else "",
                        }
                    )
                    return report
                except Exception as exc:
                    report.update(
                        {
                            "class": "memory" if isinstance(exc, MemoryError) else "unhandled",
                            "place": bug_summary(exc),
                            "library": library_frame(exc),
                        }
                    )
                    return report
                finally:
                    shutil.rmtree(out, ignore_errors=True)
                    out.mkdir(exist_ok=True)
            report["class"] = "exported"
            return report
        finally:
            report["seconds"] = round(time.monotonic() - started, 3)
            report["peak_mb"] = round(_peak_rss_mb(), 1)
            if report["peak_mb"] > rss_limit_mb and report["class"] in ("refused", "exported"):
                report.update({"class": "memory", "place": f"peak {report['peak_mb']:.0f} MB"})
            try:
                vault.cases.delete(case.id)
            except Exception:  # the vault itself is broken: start a new one next time
                self.used = VAULT_INPUTS
            path.unlink(missing_ok=True)


DECODER_ERRORS: list[str] = []  # per input: what the decoding boundary turned into "damaged"


def watch_decoding_boundary() -> None:
    """Record what each refusal came from (exception type and innermost frame): a refusal
    raised inside our own code, not a library's, may be a bug dressed as a damaged file.
    Must run before the ingest and export modules import `decoding`."""
    from pdorganizer.core import untrusted
    from pdorganizer.core.errors import PdoError

    original = untrusted.decoding

    @contextlib.contextmanager
    def decoding(what: str = "file"):  # same signature as the original
        try:
            with original(what):
                yield
        except PdoError as exc:
            inner = exc.__cause__ or exc.__context__
            if inner is not None and not isinstance(inner, PdoError):
                kind = type(inner)
                name = kind.__qualname__
                if kind.__module__ not in ("builtins", "__main__"):
                    name = f"{kind.__module__}.{name}"  # zlib.error, struct.error...
                DECODER_ERRORS.append(f"{name} in {innermost_frame(inner)}")
            raise

    untrusted.decoding = decoding


def innermost_frame(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return "?"
    path = frames[-1].filename.replace("\\", "/")
    if "/pdorganizer/" in path:
        path = "pdorganizer/" + path.rsplit("/pdorganizer/", 1)[-1]
    elif "site-packages/" in path:
        path = path.split("site-packages/")[-1]
    else:
        path = Path(path).name
    return f"{path}:{frames[-1].lineno}"


def worker_main(conn: Connection, memory_mb: int, rss_limit_mb: float, quiet: bool) -> None:
    """Entry point of a worker process (multiprocessing, spawn)."""
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    if quiet:
        _quiet_fds()
    folder = Path(tempfile.mkdtemp(prefix="pdo-fuzz-"))
    watch_decoding_boundary()
    worker = Worker(folder)
    cli = CliChecker(folder)
    conn.send(("ready", os.getpid()))
    try:
        while True:
            job = conn.recv()
            if job is None:
                break
            name, data, through_cli = job
            DECODER_ERRORS.clear()
            try:
                report = worker.run_one(conn, name, data, rss_limit_mb)
            except MemoryError:
                report = {"class": "memory", "stage": "?", "place": "MemoryError in the worker"}
            if report.get("class") == "refused" and DECODER_ERRORS:
                report["decoder"] = DECODER_ERRORS[0]
            if through_cli and report.get("class") in ("refused", "exported"):
                conn.send(("stage", "cli"))
                odd = cli.check(name, data)
                report["cli"] = True
                if odd:
                    report.update({"class": "noise", "stage": "cli", "place": odd})
            conn.send(("done", report))
    except (EOFError, KeyboardInterrupt):
        pass
    finally:
        if worker.vault is not None:
            worker.vault.close()
        shutil.rmtree(folder, ignore_errors=True)
