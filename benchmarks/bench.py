"""casebook benchmarks: prints medians over repeated runs on this machine.

    python benchmarks/bench.py [--runs 5] [--cases 50] [--batch-runs 3] [--skip-batch] [--roster-runs 3] [--only-roster]

Measures, as the performance issue asks:
- cold process time of `casebook build --format pdf|pptx|all` on the bundled case, beside the cold time of
  `python -c "import reportlab.platypus, pptx, pydantic, jinja2"` (the import floor), and their ratio;
- pandoc (`pandoc case.md -o case.pptx`, if pandoc is installed) on markdown of the same content;
- in-process render time per format, and peak memory of a single-case build (max RSS of the process);
- batch throughput over N generated cases (copies of the seed with varied ids) with 1 worker and all cores,
  when `casebook build` has `--jobs`; and a no-op rebuild of the same cases;
- a roster of 200 students (a PDF and a deck each) with all cores, and its no-op rebuild: end to end from an
  empty output folder, and from an empty cache for the copies (the case's own build done before, the base
  render included in the figure), with the peak memory of the largest process;
- one stamped copy (case study and deck, in-process, medians) beside a full personal render and the cold
  single-case build, and the PDF stamp made three ways (the incremental update casebook writes, pikepdf's
  own overlay and save, pypdf's merge_page and write), which is how pikepdf was chosen;
- `pack` of 20 and of 200 students (the messages made once each, one at a time): time and peak memory.
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


NAMES = ["Zoë Ångström", "Анна Иванова", "张伟", "Nguyễn Văn An", "Jürgen Müller"]


def write_roster(path: Path, count: int) -> Path:
    path.write_text("name,email,id\n" + "".join(f"{NAMES[i % 5]},s{i}@example.org,{i}\n" for i in range(count)),
                    encoding="utf-8")
    return path


def measured(command: list[str]) -> tuple[float, float, float]:
    """Wall time (s), CPU time of every process (s) and the peak memory of the largest process (MB) of one run of
    ``command``, measured by a process of its own (so that earlier runs do not count)."""
    probe = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
             "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
             "w = time.perf_counter() - t; r = resource.getrusage(resource.RUSAGE_CHILDREN); "
             "print(w, r.ru_utime + r.ru_stime, r.ru_maxrss / 1024)")
    done = subprocess.run([PYTHON, "-c", probe, *command], check=True, capture_output=True, text=True)
    wall, cpu, peak = (float(v) for v in done.stdout.split())
    return wall, cpu, peak


def roster_figures(work: Path, args: argparse.Namespace, cold: float) -> None:
    """The figures of personal copies (issue 18): a stamped copy, 200 students, pack."""
    stamp_probe = (
        "import io, statistics, time; from pathlib import Path; from casebook import pipeline\n"
        f"case = pipeline.load_case(Path({str(SEED)!r}))\n"
        "bases = pipeline.render_base(case, ('pdf', 'pptx')); stamps = pipeline.stamper(case, bases)\n"
        "names = ['Zoë Ångström', 'Анна Иванова', '张伟', 'Nguyễn Văn An', 'Jürgen Müller'] * 4\n"
        "stamps.render('pdf', 'warm'); stamps.render('pptx', 'warm'); stamps.render('html', 'warm')\n"
        "def median(f):\n"
        "    runs = []\n"
        "    for name in names:\n"
        "        t = time.perf_counter(); f(name); runs.append(time.perf_counter() - t)\n"
        "    return statistics.median(runs)\n"
        "pdf = median(lambda n: stamps.render('pdf', n)); deck = median(lambda n: stamps.render('pptx', n))\n"
        "html = median(lambda n: stamps.render('html', n))\n"
        "full = []\n"
        "for name in names[:3]:\n"
        "    t = time.perf_counter(); pipeline.render(case, 'pdf', recipient=name)\n"
        "    pipeline.render(case, 'pptx', recipient=name); pipeline.render(case, 'html', recipient=name)\n"
        "    full.append(time.perf_counter() - t)\n"
        "print(pdf, deck, html, statistics.median(full))\n"
        "import pikepdf, pypdf\n"
        "from casebook.render.pdf.overlay import stamp_overlay\nfrom casebook.render.pdf.markup import label\n"
        "over = stamp_overlay(stamps._look, 'Prepared for Анна Иванова; do not distribute', '…')\n"
        "def with_pikepdf(_):\n"
        "    with pikepdf.open(io.BytesIO(bases['pdf'])) as pdf, pikepdf.open(io.BytesIO(over)) as o:\n"
        "        forms = [pdf.copy_foreign(p.as_form_xobject()) for p in o.pages]\n"
        "        for i, page in enumerate(pdf.pages): page.add_overlay(forms[0 if i == 0 else 1])\n"
        "        out = io.BytesIO(); pdf.save(out, deterministic_id=True); return out.getvalue()\n"
        "def with_pypdf(_):\n"
        "    o = pypdf.PdfReader(io.BytesIO(over)); w = pypdf.PdfWriter(clone_from=io.BytesIO(bases['pdf']))\n"
        "    for i, page in enumerate(w.pages): page.merge_page(o.pages[0 if i == 0 else 1])\n"
        "    out = io.BytesIO(); w.write(out); return out.getvalue()\n"
        "ours = stamps._pdf_stamp\n"
        "names = names[:5]\n"
        "print(median(lambda n: ours.stamp(over, 's')), median(with_pikepdf), median(with_pypdf))\n"
    )
    done = subprocess.run([PYTHON, "-c", stamp_probe], capture_output=True, text=True, check=True).stdout.split("\n")
    pdf, deck, html, full = (float(v) for v in done[0].split())
    incremental, pikepdf_save, pypdf_merge = (float(v) for v in done[1].split())
    copy = pdf + deck + html
    print(f"stamped copy, in-process (pdf {pdf * 1000:.1f} + deck {deck * 1000:.1f} + html {html * 1000:.1f})"
          f"   {copy * 1000:8.1f} ms"
          f"   {copy / cold * 100:5.1f} % of a cold build --format all ({cold * 1000:.0f} ms; target <= 5 %)")
    print(f"full personal render, in-process      {full * 1000:8.0f} ms   stamping is {full / copy:5.1f} x faster")
    print(f"PDF stamp: casebook's update {incremental * 1000:.1f} ms, pikepdf overlay+save {pikepdf_save * 1000:.1f} ms, "
          f"pypdf merge_page+write {pypdf_merge * 1000:.1f} ms")

    roster = write_roster(work / "roster.csv", 200)
    command = [*CASEBOOK, "build", str(SEED), "--roster", str(roster), "--out", str(work / "roster"), "-q"]
    empty, copies = [], []
    for _ in range(args.roster_runs):
        shutil.rmtree(work / "roster", ignore_errors=True)
        empty.append(measured(command))
        shutil.rmtree(work / "roster" / "closeness" / "students")
        for index in (work / "roster" / ".casebook-cache").iterdir():  # the base and the copies' entries go
            if index.is_dir():
                shutil.rmtree(index)
            elif index.name != own_index(work / "roster"):
                index.unlink()
        copies.append(measured(command))
    for label, runs in (("empty out", empty), ("empty cache for the copies", copies)):
        wall, cpu = statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)
        print(f"roster of 200, {os.cpu_count()} workers, {label:<27} {wall:6.2f} s   {200 / wall:6.1f} copies/s"
              f"   CPU {cpu:5.2f} s (all processes)")
    print("  (target: <= 4 s for 200 students from an empty cache for the copies, the base render included)")
    print(f"peak memory, roster of 200 (largest process)   {max(r[2] for r in empty + copies):6.1f} MB   (target <= 150 MB)")
    seconds, _ = timed(command, 1)
    print(f"no-op rebuild of the roster               {seconds:8.2f} s")

    for count in (20, 200):
        small = write_roster(work / f"roster{count}.csv", count)
        build = [*CASEBOOK, "build", str(SEED), "--roster", str(small), "--out", str(work / "roster"), "-q"]
        subprocess.run(build, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        pack = [*CASEBOOK, "pack", str(SEED), "--roster", str(small), "--out", str(work / "roster"), "-q",
                "--from", "Bench <bench@example.org>", "--max-size", "100MB"]
        runs = [measured(pack) for _ in range(args.roster_runs)]
        times, rss = [r[0] for r in runs], [r[2] for r in runs]
        print(f"pack {count:>3} students (copies up to date)    {statistics.median(times):8.2f} s   peak {max(rss):6.1f} MB")


def own_index(out: Path) -> str:
    """The name of the cache index of the seed case's own build in ``out``."""
    from casebook.cache import _index

    return _index(out, SEED).name


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cases", type=int, default=50)
    parser.add_argument("--batch-runs", type=int, default=3, help="runs of each batch build (median)")
    parser.add_argument("--skip-batch", action="store_true")
    parser.add_argument("--roster-runs", type=int, default=3, help="runs of each roster build (median)")
    parser.add_argument("--only-roster", action="store_true", help="the cold build --format all and the roster figures only")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="casebook-bench-"))
    force = ["--force"] if has_option("--force") else []
    import casebook

    compileall.compile_dir(Path(casebook.__file__).parent, quiet=1)
    print(f"casebook benchmarks: {args.runs} runs each, medians; {os.cpu_count()} cores; python {sys.version.split()[0]}")

    if args.only_roster:
        cold, _ = timed([*CASEBOOK, "build", str(SEED), "--format", "all", "--out", str(work / "out"), "-q", *force], args.runs)
        print(f"cold build --format all            {cold * 1000:8.0f} ms")
        roster_figures(work, args, cold)
        shutil.rmtree(work, ignore_errors=True)
        return
    floor, floor_rss = timed([PYTHON, "-c", "import reportlab.platypus, pptx, pydantic, jinja2"], args.runs)
    print(f"import floor                         {floor * 1000:8.0f} ms   peak {floor_rss / 1024:6.1f} MB")
    cold = 0.0
    for fmt in ("pdf", "pptx", "all"):
        seconds, rss = timed([*CASEBOOK, "build", str(SEED), "--format", fmt, "--out", str(work / "out"), "-q", *force],
                             args.runs)
        cold = seconds
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
        roster_figures(work, args, cold)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
