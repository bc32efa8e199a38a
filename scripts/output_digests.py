#!/usr/bin/env python3
"""Digest every output of every case, to prove a restructuring changed no byte.

Builds each case folder under ``seeds/``, ``../shared/examples/`` and ``tests/fixtures/`` with
``casebook build --format all`` (teaching deck) and again with ``--deck full``, plus one student's
stamped copy from a one-line roster, and prints the SHA-256 of every file written (the build cache
left out), or the build's exit code and first error line for a case that does not build.

    scripts/output_digests.py > before.json          # on the old commit
    scripts/output_digests.py --compare before.json  # on the new one: lists every difference, exit 1 if any
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def case_dirs() -> list[Path]:
    roots = [ROOT / "seeds", ROOT.parent / "shared" / "examples", ROOT / "tests" / "fixtures"]
    found: list[Path] = []
    for root in roots:
        if root.is_dir():
            found += sorted(p for p in root.iterdir() if p.is_dir() and any(p.glob("*.*")))
    return found


def digest_case(casebook: str, case: Path, work: Path) -> dict[str, str]:
    roster = work / "roster.csv"
    roster.write_text("name,email\nAnna Example,anna@example.org\n", encoding="utf-8")
    result: dict[str, str] = {}
    runs = {
        "teaching": ["--format", "all", "--roster", str(roster)],
        "full": ["--format", "pptx", "--deck", "full"],
    }
    for label, extra in runs.items():
        out = work / label
        shutil.rmtree(out, ignore_errors=True)
        proc = subprocess.run(
            [casebook, "build", str(case), "--out", str(out), "--force", "--quiet", "-j", "1", *extra],
            capture_output=True, text=True,
        )
        if proc.returncode:
            first = (proc.stderr.strip().splitlines() or [""])[0]
            result[f"{label}:exit"] = f"{proc.returncode} {first.replace(str(case), '<case>')}"
            continue
        for path in sorted(out.rglob("*")):
            if path.is_file() and ".casebook-cache" not in path.parts:
                result[f"{label}:{path.relative_to(out)}"] = hashlib.sha256(path.read_bytes()).hexdigest()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compare", type=Path, help="digests written before; report every difference")
    parser.add_argument("--casebook", default=str(ROOT / ".venv" / "bin" / "casebook"))
    args = parser.parse_args()
    digests: dict[str, dict[str, str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for case in case_dirs():
            name = f"{case.parent.name}/{case.name}"
            digests[name] = digest_case(args.casebook, case, Path(tmp))
            print(f"{name}: {len(digests[name])} outputs", file=sys.stderr)
    if not args.compare:
        json.dump(digests, sys.stdout, indent=1, sort_keys=True)
        print()
        return 0
    before = json.loads(args.compare.read_text(encoding="utf-8"))
    changed = 0
    for case in sorted(set(before) | set(digests)):
        old, new = before.get(case, {}), digests.get(case, {})
        for key in sorted(set(old) | set(new)):
            if old.get(key) != new.get(key):
                changed += 1
                print(f"{case}/{key}: {old.get(key, '(absent)')[:16]} -> {new.get(key, '(absent)')[:16]}")
    files = sum(len(d) for d in digests.values())
    print(f"{files} outputs of {len(digests)} cases compared; {changed} differ")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
