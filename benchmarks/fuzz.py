"""Fuzz intake and export: mutated files of every accepted format, through the real services.

    .venv/bin/python benchmarks/fuzz.py --minutes 20 [--seed 1] [--workers 2]
        [--save /tmp/fuzz-findings] [--findings-md /tmp/pdo/fuzz-findings.md] [--json OUT]
    .venv/bin/python benchmarks/fuzz.py --replay FILE...      # re-run saved inputs

Seeds (benchmarks/fuzzing/seeds.py) are generated here for every format intake accepts;
first each seed runs unchanged, then stacked byte-level mutations of them
(benchmarks/fuzzing/mutate.py). Each input runs in a worker process (a pool, --workers)
under an address-space limit (RLIMIT_AS) and a time limit; it is imported through the
real ingest service into a real vault, and what imports is exported in both qualities
through the real export service. Classes:

  refused    refused with a plain message                      ok
  exported   imported, then exported in compact and original   ok
  unhandled  "something went wrong" or a non-PdoError           finding
  export     imported, but its export failed                   finding
  hang       over the time limit (the worker is killed)        finding
  memory     peak memory over the limit, or MemoryError        finding
  crash      the worker died (a segfault in a C library...)    finding
  leak       the export holds metadata planted in a seed       finding
  noise      through the real CLI (every --cli-every'th input): finding
             anything on the terminal but the result line, or the
             one stderr line naming a refused file

Findings are deduplicated by class, stage and place (our code location from
core/safelog.bug_summary, plus the library frame). Inputs are a pure function of
--seed: with --inputs N the run is reproducible; with --minutes the count depends on
speed. Failing inputs can be saved (--save DIR, never inside the repository).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import multiprocessing
import random
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:0] = [str(HERE), str(REPO)]

from fuzzing.mutate import mutate  # noqa: E402
from fuzzing.seeds import Seed, all_seeds  # noqa: E402
from fuzzing.worker import worker_main  # noqa: E402

OK_CLASSES = ("refused", "exported")
FINDING_CLASSES = ("unhandled", "export", "hang", "memory", "crash", "leak", "noise")


@dataclass
class Job:
    index: int
    seed: str
    ext: str
    mutations: list[str]
    data: bytes

    @property
    def name(self) -> str:
        return f"input{self.index}.{self.ext}"

    def label(self) -> str:
        return f"{self.seed}+{'+'.join(self.mutations)}" if self.mutations else self.seed


def jobs(seed: int, seeds: list[Seed]) -> Iterator[Job]:
    """Every seed as is, then mutations forever (deterministic for a given --seed)."""
    for i, s in enumerate(seeds):
        yield Job(i, s.name, s.ext, [], s.data)
    rng = random.Random(seed)
    index = len(seeds)
    while True:
        s = rng.choice(seeds)
        data, names = mutate(rng, s.data, s.ext)
        yield Job(index, s.name, s.ext, names, data)
        index += 1


def replay_jobs(paths: list[str]) -> Iterator[Job]:
    for i, p in enumerate(paths):
        path = Path(p)
        yield Job(i, path.name, path.suffix.lstrip(".") or "bin", [], path.read_bytes())


@dataclass
class Finding:
    key: tuple[str, str, str, str]  # class, stage, place, library frame
    count: int = 0
    examples: list[str] = field(default_factory=list)


class Pool:
    """Worker processes, each running one input at a time under the limits."""

    def __init__(self, size: int, memory_mb: int, rss_limit_mb: float, quiet: bool) -> None:
        self.ctx = multiprocessing.get_context("spawn")
        self.args = (memory_mb, rss_limit_mb, quiet)
        self.workers: list[dict] = [self._start() for _ in range(size)]

    def _start(self) -> dict:
        parent, child = self.ctx.Pipe()
        proc = self.ctx.Process(target=worker_main, args=(child, *self.args), daemon=True)
        proc.start()
        child.close()
        return {
            "proc": proc,
            "conn": parent,
            "job": None,
            "deadline": 0.0,
            "stage": "",
            "ready": False,
        }

    def restart(self, w: dict) -> None:
        if w["proc"].is_alive():
            w["proc"].kill()
        w["proc"].join(5)
        w["conn"].close()
        w.update(self._start())

    def close(self) -> None:
        for w in self.workers:
            with contextlib.suppress(OSError):
                w["conn"].send(None)
        until = time.monotonic() + 3  # a worker still busy with an input is not waited for
        for w in self.workers:
            w["proc"].join(max(0.0, until - time.monotonic()))
            if w["proc"].is_alive():
                w["proc"].kill()
                w["proc"].join(2)


def run(args: argparse.Namespace) -> dict:
    started = time.monotonic()
    seeds = all_seeds()
    source = replay_jobs(args.replay) if args.replay else jobs(args.seed, seeds)
    stop_at = started + args.minutes * 60 if args.minutes else float("inf")
    limit = args.inputs or (len(args.replay) if args.replay else 0)
    pool = Pool(args.workers, args.memory_mb, args.rss_limit_mb, not args.verbose)
    counts: Counter[str] = Counter()
    by_format: dict[str, Counter[str]] = {}
    findings: dict[tuple[str, str, str, str], Finding] = {}
    messages: Counter[str] = Counter()
    ours: Counter[str] = Counter()  # refusals raised by our code inside the boundary
    unmutated: dict[str, str] = {}  # seed name -> class (and reason) as generated
    seconds: list[float] = []
    peak = 0.0
    issued = 0
    cli_runs = 0
    exhausted = False

    def record(job: Job, report: dict) -> None:
        nonlocal peak
        cls = report["class"]
        counts[cls] += 1
        by_format.setdefault(job.seed.split("-")[0], Counter())[cls] += 1
        seconds.append(report.get("seconds", 0.0))
        peak = max(peak, report.get("peak_mb", 0.0))
        if cls == "refused":
            messages[report.get("message", "")] += 1
            if "pdorganizer/" in report.get("decoder", ""):
                ours[report["decoder"]] += 1
        if not job.mutations:
            unmutated[job.seed] = " ".join(filter(None, (cls, report.get("message", ""))))
        if cls in FINDING_CLASSES:
            key = (cls, report.get("stage", ""), report.get("place", ""), report.get("library", ""))
            finding = findings.setdefault(key, Finding(key))
            finding.count += 1
            if len(finding.examples) < 3:
                finding.examples.append(job.label())
            if args.verbose:
                print(f"  finding {key} in {job.label()}", file=sys.stderr)
            if args.save:
                save(Path(args.save), job, report)

    try:
        while True:
            now = time.monotonic()
            for w in pool.workers:  # hand out work
                if w["ready"] and w["job"] is None and not exhausted and now < stop_at:
                    if limit and issued >= limit:
                        exhausted = True
                        break
                    try:
                        job = next(source)
                    except StopIteration:
                        exhausted = True
                        break
                    issued += 1
                    w.update(job=job, deadline=now + args.timeout, stage="send")
                    through_cli = bool(args.cli_every) and job.index % args.cli_every == 0
                    cli_runs += through_cli
                    w["conn"].send((job.name, job.data, through_cli))
            busy = [w for w in pool.workers if w["job"] is not None]
            starting = [w for w in pool.workers if not w["ready"]]
            if not busy and (exhausted or now >= stop_at) and not starting:
                break
            if not busy and (exhausted or now >= stop_at):
                break
            soonest = min((w["deadline"] for w in busy), default=now + 1)
            ready = wait([w["conn"] for w in pool.workers], timeout=max(0.05, soonest - now))
            for w in pool.workers:
                if w["conn"] not in ready:
                    continue
                try:
                    kind, payload = w["conn"].recv()
                except (EOFError, OSError):
                    if w["job"] is not None:
                        code = w["proc"].exitcode
                        record(
                            w["job"],
                            {"class": "crash", "stage": w["stage"], "place": f"exit {code}"},
                        )
                    w["job"] = None
                    pool.restart(w)
                    continue
                if kind == "ready":
                    w["ready"] = True
                elif kind == "stage":
                    w["stage"] = payload
                elif kind == "done":
                    record(w["job"], payload)
                    w["job"] = None
            now = time.monotonic()
            for w in pool.workers:
                if w["job"] is not None and now > w["deadline"]:
                    record(
                        w["job"],
                        {"class": "hang", "stage": w["stage"], "place": f"over {args.timeout} s"},
                    )
                    w["job"] = None
                    pool.restart(w)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
    finally:
        pool.close()
    elapsed = time.monotonic() - started
    seconds.sort()
    return {
        "seed": args.seed,
        "inputs": sum(counts.values()),
        "through_cli": cli_runs,
        "seeds": len(seeds),
        "elapsed_s": round(elapsed, 1),
        "classes": {c: counts.get(c, 0) for c in OK_CLASSES + FINDING_CLASSES},
        "findings": sum(counts.get(c, 0) for c in FINDING_CLASSES),
        "by_format": {k: dict(v) for k, v in sorted(by_format.items())},
        "refusals": dict(messages.most_common()),
        "seeds_as_generated": unmutated,
        "refused_from_our_code": dict(ours.most_common(15)),
        "places": [
            {
                "class": f.key[0],
                "stage": f.key[1],
                "place": f.key[2],
                "library": f.key[3],
                "count": f.count,
                "examples": f.examples,
            }
            for f in sorted(findings.values(), key=lambda f: -f.count)
        ],
        "median_s": seconds[len(seconds) // 2] if seconds else 0,
        "slowest_s": seconds[-1] if seconds else 0,
        "peak_mb": peak,
    }


def save(folder: Path, job: Job, report: dict) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256(job.data).hexdigest()[:12]
    stem = f"{report['class']}-{job.seed}-{digest}"
    (folder / f"{stem}.{job.ext}").write_bytes(job.data)
    (folder / f"{stem}.txt").write_text(json.dumps({**report, "input": job.label()}, indent=1))


def report_text(summary: dict) -> str:
    lines = [
        f"{summary['inputs']} inputs ({summary['seeds']} seeds, then mutations; seed "
        f"{summary['seed']}; {summary['through_cli']} also through the CLI) in "
        f"{summary['elapsed_s']} s; median {summary['median_s']} s, "
        f"slowest {summary['slowest_s']} s, peak RSS of one input {summary['peak_mb']:.0f} MB",
        "",
        "class       inputs",
    ]
    lines += [f"{c:11} {n:6}" for c, n in summary["classes"].items()]
    lines += ["", "per seed format: " + "; ".join(
        f"{fmt} " + ", ".join(f"{c} {n}" for c, n in sorted(cs.items()))
        for fmt, cs in summary["by_format"].items()
    )]  # fmt: skip
    lines += ["", f"findings: {summary['findings']} inputs at {len(summary['places'])} places"]
    for p in summary["places"]:
        lib = f" (library: {p['library']})" if p["library"] else ""
        lines.append(f"- {p['count']:5} {p['class']} at {p['stage']}: {p['place']}{lib}")
        lines.append(f"        e.g. {'; '.join(p['examples'])}")
    if summary.get("refused_from_our_code"):
        lines += ["", "refusals raised in our own code or a C function it called (not a "
                  "finding; check each is a damaged file, not a bug hidden by the decoding "
                  "boundary):"]  # fmt: skip
        lines += [f"- {n:5} {where}" for where, n in summary["refused_from_our_code"].items()]
    return "\n".join(lines)


def findings_markdown(summary: dict, command: str) -> str:
    out = [
        "# Fuzz findings (benchmarks/fuzz.py)",
        "",
        f"Command: `{command}`  ",
        f"Written {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.",
        "",
        "```",
        report_text(summary),
        "```",
        "",
        "Reproduce one: re-run with `--save DIR`, then "
        "`.venv/bin/python benchmarks/fuzz.py --replay DIR/FILE`.",
        "",
    ]
    return "\n".join(out)


def _outside_repo(path: str) -> str:
    resolved = Path(path).resolve()
    if resolved == REPO or REPO in resolved.parents:
        raise argparse.ArgumentTypeError("keep failing inputs outside the repository")
    return str(resolved)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--minutes", type=float, default=0, help="run this long (default 1)")
    p.add_argument("--inputs", type=int, default=0, help="stop after this many inputs")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--timeout", type=float, default=60, help="seconds per input")
    p.add_argument("--memory-mb", type=int, default=3072, help="RLIMIT_AS of each worker")
    p.add_argument(
        "--rss-limit-mb", type=float, default=1024, help="peak resident memory of one input"
    )
    p.add_argument(
        "--cli-every",
        type=int,
        default=100,
        metavar="N",
        help="also run every Nth input through the real CLI and check its terminal output "
        "(0: never)",
    )
    p.add_argument("--save", type=_outside_repo, metavar="DIR", help="save failing inputs here")
    p.add_argument("--findings-md", metavar="FILE", help="write the findings as Markdown")
    p.add_argument("--json", metavar="FILE", help="write the summary as JSON")
    p.add_argument("--replay", nargs="+", metavar="FILE", help="run these files only")
    p.add_argument("--verbose", action="store_true", help="leave the workers' stderr alone")
    args = p.parse_args(argv)
    if not args.minutes and not args.inputs and not args.replay:
        args.minutes = 1
    summary = run(args)
    print(report_text(summary))
    if args.json:
        Path(args.json).write_text(json.dumps(summary, indent=1))
    if args.findings_md:
        command = "python benchmarks/fuzz.py " + " ".join(argv or sys.argv[1:])
        Path(args.findings_md).write_text(findings_markdown(summary, command))
    return 1 if summary["findings"] else 0


if __name__ == "__main__":
    sys.exit(main())
