#!/usr/bin/env python3
"""Load on the submission service: N students each submitting K times at random moments within a
window, against a real `racecourse serve` on 127.0.0.1 whose --workers grade meanwhile on the same
machine. Reports acknowledged submissions, time to acknowledge (the 201 receipt: stored durably,
queued) at p50/p99/max, refusals, and, with --drain, the time until the queue is empty and the
drain rate. Every wait is bounded.

    bench/submission_load.py --students 300 --per-student 3 --window 300 --workers 2 [--db URL] [--drain] [--json FILE]
    bench/submission_load.py --db URL --disrupt 'pg_ctlcluster 15 main restart' --disrupt-at 60   # as root

Each submission is SafeCounter (the reference, with a comment that makes every file distinct), the
cheapest exercise to grade, so the drain rate is per SafeCounter grading, not per full submission.
"""
import argparse, concurrent.futures, csv, io, json, os, pathlib, random, re, subprocess, sys, tempfile, threading, time
import urllib.error, urllib.request, zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
RACECOURSE = str(ROOT / "bin" / "racecourse")
SOURCE = (ROOT / "solutions/src/main/java/exercises/SafeCounter.java").read_text()


def zip_of(student, n):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w") as z:
        z.writestr("SafeCounter.java", SOURCE + f"\n// {student} {n}\n")
    return b.getvalue()


def post(url, token, body, timeout=60):
    req = urllib.request.Request(url + "/api/submissions", data=body, method="POST",
                                 headers={"Authorization": "Bearer " + token, "Content-Type": "application/zip"})
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            r.read()
            return r.status, time.perf_counter() - start
    except urllib.error.HTTPError as e:
        return e.code, time.perf_counter() - start
    except OSError:
        return -1, time.perf_counter() - start


def states(url, token):
    req = urllib.request.Request(url + "/api/submissions", headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(req, timeout=60) as r:
        listing = json.load(r)["submissions"]
    counts = {}
    for s in listing:
        counts[s["state"]] = counts.get(s["state"], 0) + 1
    return counts


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))] if xs else float("nan")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--students", type=int, default=300)
    ap.add_argument("--per-student", type=int, default=3)
    ap.add_argument("--window", type=float, default=300, help="seconds over which the submissions are spread")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--db", help="a jdbc:postgresql:// URL (default: SQLite in the data folder); wiped first? no: use an empty database")
    ap.add_argument("--drain", action="store_true", help="also wait until every submission is graded")
    ap.add_argument("--drain-limit", type=float, default=3600)
    ap.add_argument("--concurrency", type=int, default=64)
    ap.add_argument("--disrupt", help="a shell command run once during the sending, e.g. 'pg_ctlcluster 15 main restart'")
    ap.add_argument("--disrupt-at", type=float, default=60, help="seconds after the first submission")
    ap.add_argument("--json")
    a = ap.parse_args()

    d = pathlib.Path(tempfile.mkdtemp(prefix="racecourse-load-"))
    ids = [f"s{i:04d}" for i in range(a.students)]
    with open(d / "roster.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "email", "section"])
        for s in ids:
            w.writerow([s, "Student " + s, s + "@example.org", "1"])
    db = ["--db", a.db] if a.db else []
    out = subprocess.run([RACECOURSE, "tokens", "--roster", str(d / "roster.csv"), "--data", str(d / "data"), "--reissue"] + db,
                         check=True, capture_output=True, text=True, timeout=600).stdout
    tokens = {r["id"]: r["token"] for r in csv.DictReader(io.StringIO(out))}
    server = subprocess.Popen([RACECOURSE, "serve", "--roster", str(d / "roster.csv"), "--data", str(d / "data"),
                               "--bind", "127.0.0.1:0", "--workers", str(a.workers)] + db,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        url = None
        deadline = time.monotonic() + 120
        while url is None and time.monotonic() < deadline:
            line = server.stdout.readline()
            if not line:
                break
            m = re.search(r"listening on (http://127\.0\.0\.1:\d+)", line)
            url = m.group(1) if m else None
        if not url:
            sys.exit("the server did not start")
        threading.Thread(target=lambda: [None for _ in server.stdout], daemon=True).start()

        rng = random.Random(17)
        plan = sorted((rng.uniform(0, a.window), s, n) for s in ids for n in range(a.per_student))
        bodies = {(s, n): zip_of(s, n) for _, s, n in plan}
        load_before = os.getloadavg()[0]
        t0 = time.monotonic() + 1

        def one(item):
            at, s, n = item
            time.sleep(max(0, t0 + at - time.monotonic()))
            return post(url, tokens[s], bodies[(s, n)])

        disruption = {}
        if a.disrupt:
            def disrupt():
                time.sleep(max(0, t0 + a.disrupt_at - time.monotonic()))
                start = time.monotonic()
                p = subprocess.run(a.disrupt, shell=True, capture_output=True, text=True, timeout=300)
                disruption.update(command=a.disrupt, at_s=a.disrupt_at, took_s=round(time.monotonic() - start, 1),
                                  exit=p.returncode)
            threading.Thread(target=disrupt, daemon=True).start()
        with concurrent.futures.ThreadPoolExecutor(a.concurrency) as pool:
            results = list(pool.map(one, plan))
        sent_for = time.monotonic() - t0
        ok = [t for code, t in results if code == 201]
        codes = {}
        for code, _ in results:
            codes[code] = codes.get(code, 0) + 1
        report = {
            "students": a.students, "per_student": a.per_student, "window_s": a.window, "workers": a.workers,
            "database": "postgresql" if a.db else "sqlite", "sent": len(plan), "acknowledged": len(ok), "status_counts": codes,
            "ack_p50_ms": round(pct(ok, 50) * 1000, 1), "ack_p99_ms": round(pct(ok, 99) * 1000, 1),
            "ack_max_ms": round(max(ok) * 1000, 1) if ok else None, "sending_s": round(sent_for, 1),
            "load_average_before": load_before, "load_average_after_sending": os.getloadavg()[0],
        }
        if disruption:
            report["disruption"] = disruption
            # When did the refusals fall, relative to the disruption?
            report["refused_at_s"] = sorted({round(at) for (at, _, _), (code, _) in zip(plan, results) if code != 201})
        instructor = tokens["@instructor"]
        report["states_after_sending"] = states(url, instructor)
        if a.drain:
            deadline = time.monotonic() + a.drain_limit
            while time.monotonic() < deadline:
                st = states(url, instructor)
                if st.get("QUEUED", 0) + st.get("GRADING", 0) == 0:
                    break
                time.sleep(2)
            drained = time.monotonic() - t0
            report["states_at_end"] = states(url, instructor)
            report["drain_s_from_first_submission"] = round(drained, 1)
            report["graded_per_minute"] = round(report["states_at_end"].get("GRADED", 0) / drained * 60, 2)
        print(json.dumps(report, indent=2))
        if a.json:
            pathlib.Path(a.json).write_text(json.dumps(report, indent=2) + "\n")
    finally:
        server.terminate()
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    main()
