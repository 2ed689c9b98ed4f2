#!/usr/bin/env python3
"""Regrade benchmark: a generated class of full submissions (the eleven exercises the targets were set
for, or with --exercises all every one; reference solutions, every other student with one seeded
bug from autograder/corpus/ swapped in) regraded from scratch through
bin/racecourse regrade --force, with each --jobs value. Reports full submissions per minute and the
speedup over --jobs 1; then a rerun with nothing changed (the incremental path).

    bench/regrade_throughput.py --students 4 --jobs 1 2 [--exercises original|all] [--json FILE]
"""
import argparse, json, os, pathlib, shutil, subprocess, sys, tempfile, time

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOLUTIONS = ROOT / "solutions/src/main/java/exercises"
CORPUS = ROOT / "autograder/corpus"
# The eleven exercises the speed targets were first set for (issue 13); later ones add their own time.
ORIGINAL = ["SafeCounter", "BoundedBuffer", "CountingSemaphore", "FairReadWriteLock", "ParallelSum", "ReusableBarrier",
            "DiningTable", "Memoizer", "PrethreadedEchoServer", "SelectorEchoServer", "Pipeline"]


def make_class(root, students, exercises=None):
    """Each student's folder: the references (of `exercises` only, when given), every other one with a bug."""
    keep = (lambda name: True) if exercises is None else (lambda name: name in exercises)
    variants = sorted(v for v in CORPUS.glob("*/*/*.java") if keep(v.stem) and not v.parent.name.startswith("ok-"))
    for i in range(students):
        d = root / f"student{i:03d}"
        d.mkdir(parents=True)
        for f in SOLUTIONS.glob("*.java"):
            if keep(f.stem):
                shutil.copy(f, d / f.name)
        if i % 2 == 1:
            v = variants[(i * 7) % len(variants)]
            shutil.copy(v, d / v.name)


def run(root, out, jobs, force):
    cmd = [str(ROOT / "bin/racecourse"), "regrade", str(root), "--out", str(out), "--jobs", str(jobs), "--seed", "1"]
    if force:
        cmd.append("--force")
    t = time.monotonic()
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=3600, stdin=subprocess.DEVNULL)
    wall = time.monotonic() - t
    if p.returncode != 0:
        sys.exit(f"regrade failed (exit {p.returncode}): {p.stderr[-800:]}")
    return wall


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--students", type=int, default=4)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--exercises", choices=["original", "all"], default="original",
                    help="the eleven exercises the targets were set for, or every exercise")
    ap.add_argument("--json")
    a = ap.parse_args()
    subprocess.run([str(ROOT / "bin/racecourse"), "--version"], check=True, capture_output=True, timeout=900)
    with tempfile.TemporaryDirectory() as tmp:
        root = pathlib.Path(tmp) / "class"
        make_class(root, a.students, ORIGINAL if a.exercises == "original" else None)
        rows = []
        for jobs in a.jobs:
            out = pathlib.Path(tmp) / f"out{jobs}"
            wall = run(root, out, jobs, force=True)
            rows.append({"jobs": jobs, "students": a.students, "seconds": round(wall, 1),
                         "submissions_per_minute": round(a.students * 60 / wall, 2)})
        incremental = run(root, pathlib.Path(tmp) / f"out{a.jobs[-1]}", a.jobs[-1], force=False)
    base = rows[0]["seconds"]
    print(f"{'jobs':>4} {'students':>8} {'seconds':>8} {'subm/min':>8} {'speedup':>7}   ({os.cpu_count()} cores)")
    for r in rows:
        r["speedup"] = round(base / r["seconds"], 2)
        print(f"{r['jobs']:>4} {r['students']:>8} {r['seconds']:>8} {r['submissions_per_minute']:>8} {r['speedup']:>7}")
    print(f"rerun with nothing changed: {incremental:.1f} s for {a.students} students")
    if a.json:
        pathlib.Path(a.json).write_text(json.dumps({"cores": os.cpu_count(), "runs": rows,
                                                    "incremental_seconds": round(incremental, 1)}, indent=2))


if __name__ == "__main__":
    main()
