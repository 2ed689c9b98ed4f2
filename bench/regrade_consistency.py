#!/usr/bin/env python3
"""The same class regraded N times must give the same gradebook every time.

Builds a class of six full submissions from the repository: `ref` (the reference solutions), `ok1`..`ok3`
(the correct corpus, variant 1, 2, 3 of each exercise) and `bug1`, `bug2` (seeded buggy variants 1 and
2 of each exercise), regrades it --runs times with --force, and compares the gradebooks byte for byte.
Prints each run's wall time and the gradebook. Run (after `make build`):
  python3 bench/regrade_consistency.py [--runs 5] [--jobs 2]
"""
import argparse
import glob
import hashlib
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent


def build_class(root):
    corpus = ROOT / "autograder" / "corpus"
    for exercise in sorted(p.name for p in corpus.iterdir() if p.is_dir()):
        oks = sorted(glob.glob(f"{corpus}/{exercise}/ok-*/{exercise}.java"))
        bugs = sorted(p for p in glob.glob(f"{corpus}/{exercise}/*/{exercise}.java") if "/ok-" not in p)
        picks = {"ref": ROOT / "solutions/src/main/java/exercises" / f"{exercise}.java"}
        picks.update({f"ok{i + 1}": oks[i % len(oks)] for i in range(3)})
        picks.update({f"bug{i + 1}": bugs[i % len(bugs)] for i in range(2)})
        for student, source in picks.items():
            (root / student).mkdir(parents=True, exist_ok=True)
            shutil.copy(source, root / student / f"{exercise}.java")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    work = pathlib.Path(tempfile.mkdtemp(prefix="racecourse-consistency-"))
    try:
        build_class(work / "class")
        books, times = [], []
        for i in range(args.runs):
            out = work / f"out-{i}"
            started = time.monotonic()
            subprocess.run([str(ROOT / "bin/racecourse"), "regrade", str(work / "class"), "--out", str(out),
                            "--jobs", str(args.jobs), "--force"], check=True, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, timeout=1800)
            times.append(time.monotonic() - started)
            books.append((out / "gradebook.csv").read_bytes())
        same = all(b == books[0] for b in books)
        print(f"regrade consistency, {time.strftime('%Y-%m-%d %H:%M')}, nproc={os.cpu_count()}, "
              f"load average {os.getloadavg()[0]:.1f}, {args.runs} regrades of 6 full submissions, --jobs {args.jobs}")
        print("runs: " + ", ".join(f"{t:.0f} s" for t in times)
              + f"; gradebooks identical: {'yes' if same else 'NO'} (sha256 {hashlib.sha256(books[0]).hexdigest()[:12]})")
        print(books[0].decode("utf-8-sig"))
        return 0 if same else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
