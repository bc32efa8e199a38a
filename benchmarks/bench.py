"""casebook benchmarks: prints medians over repeated runs on this machine.

    python benchmarks/bench.py [--runs 5] [--cases 50] [--batch-runs 3] [--skip-batch]

Measures, as the performance issue asks:
- cold process time of `casebook build --format pdf|pptx|all` on the bundled case, beside the cold time of
  `python -c "import reportlab.platypus, pptx, pydantic, jinja2"` (the import floor), and their ratio;
- pandoc (`pandoc case.md -o case.pptx`, if pandoc is installed) on markdown of the same content;
- in-process render time per format, and peak memory of a single-case build (max RSS of the process);
- batch throughput over N generated cases (copies of the seed with varied ids) with 1 worker and all cores,
  when `casebook build` has `--jobs`; and a no-op rebuild of the same cases;
- a roster of 200 students (a PDF and a deck each) with all cores, and its no-op rebuild.
casebook's modules are byte-compiled first, as `pip install` leaves them (an editable install under
PYTHONDONTWRITEBYTECODE would otherwise compile them again in every cold run).
Needs only the project's own dependencies.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "closeness"
PYTHON = sys.executable
CASEBOOK = [PYTHON, "-m", "casebook"]


def timed(command: list[str], runs: int, cwd: Path | None = None) -> tuple[float, int]:
    """Median wall time in seconds and the largest max-RSS (KB) of ``command`` over ``runs`` runs."""
    times, peaks = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
        peaks.append(max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
    return statistics.median(times), max(peaks)


def has_option(option: str) -> bool:
    done = subprocess.run([*CASEBOOK, "build", "--help"], capture_output=True, text=True)
    return option in done.stdout


def case_markdown(case: dict) -> str:
    """The case's content as plain markdown, for pandoc."""
    out = [f"% {case['title']}", ""]
    text = lambda rich: "".join(r["text"] for r in rich["runs"])  # noqa: E731
    out += ["# Executive Summary", ""]
    for group in case["executive_summary"]:
        out += [f"## {group['title']}", ""] + [f"- **{f['label']}:** {text(f['value'])}" for f in group["facts"]] + [""]
    for part in (case.get("analysis") or {}).get("parts", []):
        out += [f"# {part['heading']}", ""] + [text(p["text"]) + "\n" for p in part["paragraphs"]]
        for section in part["sections"]:
            out += [f"## {section['title']}", ""] + [text(p["text"]) + "\n" for p in section["paragraphs"]]
            out += [f"- **{p['label']}:** {text(p['text'])}" for p in section["points"]] + [""]
    if case.get("ledger"):
        out += ["# Director's Ledger", ""]
        for entry in case["ledger"]["entries"]:
            out += [f"## {entry['number']}. {entry['title']}", ""] + [text(p["text"]) + "\n" for p in entry["paragraphs"]]
    out += ["# Stakeholder Balance Sheet", "", "| Role | Name | Outcome |", "|---|---|---|"]
    out += [f"| {s['role']} | {s['name']} | {text(s['outcome'])} |" for s in case["stakeholders"]]
    return "\n".join(out) + "\n"


def make_cases(folder: Path, count: int) -> None:
    for i in range(count):
        target = folder / f"case-{i:03d}"
        target.mkdir(parents=True)
        for path in SEED.iterdir():
            text = path.read_text(encoding="utf-8")
            text = re.sub(r"^movieId: .*$", f"movieId: {900000 + i}", text, flags=re.MULTILINE)
            text = re.sub(r"^movieTitle: (.*)$", rf"movieTitle: \1 {i:03d}", text, flags=re.MULTILINE)
            (target / path.name).write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cases", type=int, default=50)
    parser.add_argument("--batch-runs", type=int, default=3, help="runs of each batch build (median)")
    parser.add_argument("--skip-batch", action="store_true")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="casebook-bench-"))
    force = ["--force"] if has_option("--force") else []
    import casebook

    compileall.compile_dir(Path(casebook.__file__).parent, quiet=1)
    print(f"casebook benchmarks: {args.runs} runs each, medians; {os.cpu_count()} cores; python {sys.version.split()[0]}")

    floor, floor_rss = timed([PYTHON, "-c", "import reportlab.platypus, pptx, pydantic, jinja2"], args.runs)
    print(f"import floor                         {floor * 1000:8.0f} ms   peak {floor_rss / 1024:6.1f} MB")
    for fmt in ("pdf", "pptx", "all"):
        seconds, rss = timed([*CASEBOOK, "build", str(SEED), "--format", fmt, "--out", str(work / "out"), "-q", *force],
                             args.runs)
        print(f"cold build --format {fmt:<5}            {seconds * 1000:8.0f} ms   peak {rss / 1024:6.1f} MB"
              f"   {seconds / floor:5.2f} x floor")
    for command in (["--help"], ["check", str(SEED)], ["show", str(SEED)]):
        seconds, _ = timed([*CASEBOOK, *command], args.runs)
        print(f"cold casebook {' '.join(command)[:22]:<22} {seconds * 1000:8.0f} ms")

    json_out = subprocess.run([*CASEBOOK, "show", str(SEED), "--json"], capture_output=True, text=True, check=True).stdout
    (work / "case.md").write_text(case_markdown(json.loads(json_out)), encoding="utf-8")
    if shutil.which("pandoc"):
        seconds, _ = timed(["pandoc", "case.md", "-o", "case.pptx"], args.runs, cwd=work)
        ours, _ = timed([*CASEBOOK, "build", str(SEED), "--format", "pptx", "--out", str(work / "out"), "-q", *force], args.runs)
        print(f"pandoc case.md -o case.pptx          {seconds * 1000:8.0f} ms   casebook/pandoc {ours / seconds:5.2f}")
    else:
        print("pandoc                               not installed (apt-get install pandoc)")

    probe = (
        "import time, resource; from pathlib import Path; from casebook import pipeline\n"
        f"case = pipeline.load_case(Path({str(SEED)!r}))\n"
        "for fmt in ('json', 'pdf', 'pptx'):\n"
        "    pipeline.render(case, fmt); runs = []\n"
        f"    for _ in range({args.runs}):\n"
        "        t = time.perf_counter(); pipeline.render(case, fmt); runs.append(time.perf_counter() - t)\n"
        "    runs.sort(); print(f'in-process render {fmt:<5}             {runs[len(runs) // 2] * 1000:8.0f} ms')\n"
        "print(f'peak memory, in-process              {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:8.1f} MB')\n"
    )
    print(subprocess.run([PYTHON, "-c", probe], capture_output=True, text=True, check=True).stdout, end="")

    if args.skip_batch:
        return
    cases = work / "cases"
    make_cases(cases, args.cases)
    jobs = has_option("--jobs")
    counts = [1, os.cpu_count() or 1] if jobs else [None]
    batch: dict[int | None, list[float]] = {w: [] for w in counts}
    for _ in range(args.batch_runs):  # the worker counts take turns, so that a slow spell of the machine hits both
        for workers in counts:
            shutil.rmtree(work / "batch", ignore_errors=True)
            command = [*CASEBOOK, "build", str(cases), "--out", str(work / "batch"), "-q", *force]
            if workers:
                command += ["--jobs", str(workers)]
            batch[workers].append(timed(command, 1)[0])
    for workers in counts:
        seconds = statistics.median(batch[workers])
        label = f"{workers} worker{'s' if workers != 1 else ''}" if workers else "(no --jobs option)"
        print(f"batch {args.cases} cases, {label:<18}     {seconds:8.2f} s   {args.cases / seconds:6.1f} cases/s")
    if len(counts) == 2:
        speedup = statistics.median(batch[1]) / statistics.median(batch[counts[1]])
        print(f"batch speed-up with {counts[1]} workers           {speedup:8.2f} x")
    seconds, _ = timed([*CASEBOOK, "build", str(cases), "--out", str(work / "batch"), "-q"], 1)
    print(f"no-op rebuild of {args.cases} cases              {seconds:8.2f} s")
    if has_option("--roster"):
        roster = work / "roster.csv"
        names = ["Zoë Ångström", "Анна Иванова", "张伟", "Nguyễn Văn An", "Jürgen Müller"]
        roster.write_text("name,email,id\n" + "".join(f"{names[i % 5]},s{i}@example.org,{i}\n" for i in range(200)),
                          encoding="utf-8")
        command = [*CASEBOOK, "build", str(SEED), "--roster", str(roster), "--out", str(work / "roster"), "-q"]
        seconds, _ = timed(command, 1)
        print(f"roster of 200 students, {os.cpu_count()} workers      {seconds:8.2f} s   {200 / seconds:6.1f} copies/s")
        seconds, _ = timed(command, 1)
        print(f"no-op rebuild of the roster               {seconds:8.2f} s")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
