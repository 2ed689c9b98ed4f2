#!/usr/bin/env python3
"""How long `racecourse rescore OUT --course course.toml` takes for a class of 300 students (target: under 5 s).

Writes the output folder of a regrade directly, as `racecourse regrade` stores it (the manifest, one per-test
record per student and exercise, the receive times), for --students synthetic students on all the exercises,
with eight tests each and a mix of passes. No submission exists, so nothing could be graded from it; the
course file gives points, weights, a deadline, a late policy and an extension. Runs rescore --runs times and
prints each wall time (the whole command: JVM start, reading 3,300 records, writing the gradebook and every
student's results.json, feedback.md and feedback.html) and the median. Run (after `make build`):
  python3 bench/rescore_speed.py [--students 300] [--runs 5]
"""
import argparse
import datetime
import json
import pathlib
import shutil
import statistics
import subprocess
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
EXERCISES = ["SafeCounter", "BoundedBuffer", "CountingSemaphore", "FairReadWriteLock", "ParallelSum", "ReusableBarrier",
             "DiningTable", "Memoizer", "PrethreadedEchoServer", "SelectorEchoServer", "Pipeline", "LockFreeStack", "BoundedFetcher",
             "OutcomeTable", "CachingProxy"]
TESTS = 8
START = datetime.datetime(2026, 10, 5, 20, 0, tzinfo=datetime.timezone.utc)


def write_output(out, students):
    entries = []
    received = {}
    for i in range(students):
        sid = f"s{i:03d}"
        keys = {}
        results = []
        for x in EXERCISES:
            key = f"synthetic-{sid}-{x}"
            keys[x] = key
            tests = [{"exercise": x, "id": f"{x}#{t}", "name": f"test {t}", "hidden": t >= 6,
                      "verdict": None if (i + t) % 5 else "RACE", "message": None if (i + t) % 5 else "lost an update",
                      "millis": 12} for t in range(TESTS)]
            record = {"key": key, "student": sid,
                      "result": {"exercise": x, "points": 10.0, "tests": tests, "submitted": True, "seconds": 2.5,
                                 "note": None},
                      "confirmations": [], "sandboxed": True, "graderNotes": []}
            path = out / ".racecourse" / "records" / sid / f"{x}.json"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(record))
            results.append(record)
        # The student's folder as regrade leaves it: rescore writes their feedback again from it.
        grading = {"exercises": [dict(r["result"], tests=[dict(t, message=None if t["hidden"] else t["message"])
                                                          for t in r["result"]["tests"]], explanation=None)
                                 for r in results],
                   "seed": 1, "notes": [], "seconds": 2.5 * len(EXERCISES), "sandboxed": True}
        (out / sid).mkdir(parents=True, exist_ok=True)
        (out / sid / "grading.json").write_text(json.dumps(grading))
        entries.append({"id": sid, "source": f"{sid}/", "problem": None, "keys": keys})
        received[sid] = {"at": (START + datetime.timedelta(minutes=17 * i)).isoformat().replace("+00:00", "Z"),
                         "source": "submissions.csv"}
    manifest = {"format": 1, "shard": "1/1", "seed": 1, "confirm": 0, "exercises": EXERCISES,
                "graderVersion": "synthetic", "roster": "synthetic", "students": entries, "ignored": []}
    (out / ".racecourse" / "manifest.json").write_text(json.dumps(manifest))
    (out / ".racecourse" / "received.json").write_text(json.dumps({"format": 1, "students": received}))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--students", type=int, default=300)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    work = pathlib.Path(tempfile.mkdtemp(prefix="racecourse-rescore-"))
    try:
        out = work / "out"
        write_output(out, args.students)
        (work / "extensions.csv").write_text("student,exercise,deadline\ns010,all,2026-10-09T23:59:00\n")
        (work / "course.toml").write_text("""title = "Rescore benchmark"
time_zone = "Europe/Berlin"
points = 10
extensions = "extensions.csv"
[late]
percent_per_day = 10
max_percent = 50
grace_minutes = 15
[exercise.BoundedBuffer]
points = 20
deadline = 2026-10-05T23:59:00
weights = { "test 0" = 3 }
[exercise.Pipeline]
deadline = 2026-10-06T23:59:00
""")
        times = []
        for _ in range(args.runs):
            started = time.monotonic()
            p = subprocess.run([str(ROOT / "bin/racecourse"), "rescore", str(out), "--course", str(work / "course.toml")],
                               capture_output=True, text=True, timeout=300)
            times.append(time.monotonic() - started)
            if p.returncode != 0:
                raise SystemExit(f"rescore failed ({p.returncode}): {p.stderr.strip()}")
            print(f"run {len(times)}: {times[-1]:.2f} s   {p.stdout.strip()}")
        rows = (out / "gradebook.csv").read_text(encoding="utf-8-sig").splitlines()
        print(f"{args.students} students x {len(EXERCISES)} exercises: {len(rows) - 1} gradebook rows; "
              f"median of {args.runs} runs {statistics.median(times):.2f} s (min {min(times):.2f}, max {max(times):.2f}); "
              f"target under 5 s")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
