#!/usr/bin/env python3
"""Kernel latency benchmark: Racecourse vs JJava, measured through jupyter_client.

For each kernel and each run (a fresh kernel process every run) it measures:

  start        perf_counter before KernelManager.start_kernel() -> kernel_info_reply received
  first cell   first execute_request (`int x = 0;`) right after kernel_info: send -> execute_reply
               AND the iopub status idle whose parent is that request (whichever comes last)
  trivial cell after --warmup cells of `x = x + 1;`, --cells more round trips of the same cell
               (send -> reply and idle); median and p90 over every sample of every run
  new cell     then --cells trivial cells whose text differs each time (`x = x + 2;`, `x = x + 3;`,
               ...): what a cell costs when nothing can be reused and javac must compile it

Kernels run alternately (racecourse, jjava, racecourse, jjava, ...) so the machine's noise hits both.
Prints a Markdown table and writes the raw samples to bench/results/kernel_latency-<date>.json.

Usage: .venv/bin/python bench/kernel_latency.py [--runs 5] [--warmup 20] [--cells 50]
           [--kernels racecourse,jjava] [--racecourse-path DIR] [--jjava-path DIR]
The peer kernel is installed by `bash bench/setup_jjava.sh`; Racecourse's by `make kernel`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path
from queue import Empty

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"

# Figures the issue sets as targets (on 2 cores) and the JJava figures it quotes from elsewhere.
TARGETS = {"start": 1.0, "first_cell": 0.5, "trivial_median": 0.010}
QUOTED_JJAVA = {"start": 2.0, "first_cell": 0.36, "trivial_median": 0.077}

FIRST_CELL = "int x = 0;"
TRIVIAL_CELL = "x = x + 1;"

KERNELS = {
    # key: (display name, default Jupyter data dir (a JUPYTER_PATH entry), kernelspec name or None = detect)
    "racecourse": ("Racecourse", ROOT / ".venv" / "share" / "jupyter", "racecourse"),
    "jjava": ("JJava", BENCH / ".jjava-venv" / "share" / "jupyter", None),
}
SETUP_HINT = {
    "racecourse": "run `make kernel`",
    "jjava": "run `bash bench/setup_jjava.sh`",
}


class BenchError(RuntimeError):
    pass


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--runs", type=int, default=5, help="fresh kernels per kernel (default 5)")
    p.add_argument("--warmup", type=int, default=20, help="trivial cells run before sampling (default 20)")
    p.add_argument("--cells", type=int, default=50, help="trivial-cell samples per run (default 50)")
    p.add_argument("--kernels", default="racecourse,jjava",
                   help="comma-separated, from: " + ",".join(KERNELS) + " (default both)")
    p.add_argument("--racecourse-path", type=Path, default=KERNELS["racecourse"][1],
                   help="Jupyter data dir holding kernels/racecourse (default .venv/share/jupyter)")
    p.add_argument("--jjava-path", type=Path, default=KERNELS["jjava"][1],
                   help="Jupyter data dir holding JJava's kernelspec (default bench/.jjava-venv/share/jupyter)")
    p.add_argument("--jjava-name", default=None,
                   help="JJava kernelspec name (default: detect, the spec whose argv mentions jjava)")
    p.add_argument("--settle", type=float, default=0.0,
                   help="seconds to sleep after the first cell, before the warm-up cells (default 0: "
                        "cells follow at once; set e.g. 15 to measure after any background warm-up)")
    p.add_argument("--start-timeout", type=float, default=60.0, help="seconds to wait for kernel_info_reply")
    p.add_argument("--cell-timeout", type=float, default=30.0, help="seconds to wait for one cell")
    p.add_argument("--out", type=Path, default=None, help="JSON output file (default bench/results/...)")
    a = p.parse_args(argv)
    a.kernels = [k.strip() for k in a.kernels.split(",") if k.strip()]
    for k in a.kernels:
        if k not in KERNELS:
            p.error(f"unknown kernel {k!r}; choose from {', '.join(KERNELS)}")
    if a.runs < 1 or a.cells < 1 or a.warmup < 0:
        p.error("--runs and --cells must be >= 1, --warmup >= 0")
    return a


# --------------------------------------------------------------------------- kernelspecs

def find_spec(key: str, data_dir: Path, name: str | None):
    """Resolve the kernelspec for `key` in the Jupyter data dir `data_dir` (as JUPYTER_PATH would)."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    kernels_dir = data_dir / "kernels"
    if not kernels_dir.is_dir():
        raise BenchError(f"no kernelspecs under {kernels_dir} ({SETUP_HINT[key]})")
    ksm = KernelSpecManager(kernel_dirs=[str(kernels_dir)])
    if name is None:  # JJava: detect by what the spec runs, not by a guessed name
        specs = ksm.get_all_specs()
        hits = [n for n, s in specs.items() if "jjava" in json.dumps(s["spec"]["argv"]).lower()]
        if not hits:
            raise BenchError(f"no JJava kernelspec among {sorted(specs)} in {kernels_dir} ({SETUP_HINT[key]})")
        name = sorted(hits)[0]
    try:
        spec = ksm.get_kernel_spec(name)
    except NoSuchKernel:
        raise BenchError(f"no kernelspec {name!r} in {kernels_dir} ({SETUP_HINT[key]})") from None
    return ksm, name, spec


# --------------------------------------------------------------------------- one kernel, one run

def _poller(kc):
    import zmq

    poller = zmq.Poller()
    poller.register(kc.shell_channel.socket, zmq.POLLIN)
    poller.register(kc.iopub_channel.socket, zmq.POLLIN)
    return poller


def round_trip(kc, poller, code: str, timeout: float) -> dict:
    """Send one execute_request; return when both its execute_reply and its idle status are in."""
    t0 = time.perf_counter()
    msg_id = kc.execute(code, silent=False, store_history=True)
    reply_at = idle_at = None
    status = None
    outputs = []
    deadline = t0 + timeout
    shell_sock = kc.shell_channel.socket
    iopub_sock = kc.iopub_channel.socket
    while reply_at is None or idle_at is None:
        left = deadline - time.perf_counter()
        if left <= 0:
            raise BenchError(f"cell {code!r} timed out after {timeout:.0f} s "
                             f"(reply {'in' if reply_at else 'missing'}, idle {'in' if idle_at else 'missing'})")
        ready = dict(poller.poll(left * 1000))
        now = time.perf_counter()
        if shell_sock in ready:
            msg = kc.shell_channel.get_msg(timeout=0)
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_reply":
                reply_at = now
                status = msg["content"].get("status")
                if status != "ok":
                    outputs.append({"reply": msg["content"]})
        if iopub_sock in ready:
            msg = kc.iopub_channel.get_msg(timeout=0)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            mt = msg["msg_type"]
            if mt == "status" and msg["content"].get("execution_state") == "idle":
                idle_at = now
            elif mt in ("error", "stream", "execute_result"):
                outputs.append({mt: msg["content"]})
    return {
        "seconds": max(reply_at, idle_at) - t0,
        "reply_seconds": reply_at - t0,
        "idle_seconds": idle_at - t0,
        "status": status,
        "outputs": outputs,
    }


def timed_cells(kc, poller, cells: list[str], what: str, timeout: float) -> list[float]:
    """Runs `cells` one after the other; their round trips in seconds. A failing cell ends the run."""
    seconds = []
    for code in cells:
        r = round_trip(kc, poller, code, timeout)
        if r["status"] != "ok":
            raise BenchError(f"{what} cell failed: {r['outputs']}")
        seconds.append(r["seconds"])
    return seconds


def wait_kernel_info(kc, km, timeout: float):
    """Like KernelClient.wait_for_ready, but returns the moment the first kernel_info_reply arrives.

    Re-sends kernel_info every second until a reply comes (as wait_for_ready does); bounded by timeout.
    Returns (perf_counter at the reply, reply message, ids of every kernel_info_request sent).
    """
    deadline = time.perf_counter() + timeout
    sent = []
    while True:
        sent.append(kc.kernel_info())
        resend_at = time.perf_counter() + 1.0
        while time.perf_counter() < resend_at:
            try:
                msg = kc.shell_channel.get_msg(timeout=max(0.0, resend_at - time.perf_counter()))
            except Empty:
                break
            if msg["msg_type"] == "kernel_info_reply" and msg["parent_header"].get("msg_id") in sent:
                msg["answered_request"] = sent.index(msg["parent_header"]["msg_id"]) + 1
                return time.perf_counter(), msg, sent
        if not km.is_alive():
            raise BenchError("kernel process died before replying to kernel_info")
        if time.perf_counter() > deadline:
            raise BenchError(f"no kernel_info_reply within {timeout:.0f} s")


def ensure_iopub(kc, km, sent: list[str], timeout: float = 10.0) -> None:
    """Make sure IOPub is subscribed before the first cell (else its idle status could be lost).

    Not timed. Proof of a live subscription: an iopub message whose parent is one of our requests.
    If none arrives within 0.5 s, send another kernel_info and look again (the ZMQ slow-joiner case).
    """
    deadline = time.perf_counter() + timeout
    while True:
        look_until = time.perf_counter() + 0.5
        while time.perf_counter() < look_until:
            try:
                msg = kc.iopub_channel.get_msg(timeout=max(0.0, look_until - time.perf_counter()))
            except Empty:
                break
            if msg["parent_header"].get("msg_id") in sent:
                # drain the rest of what is already there, without waiting
                while kc.iopub_channel.msg_ready():
                    kc.iopub_channel.get_msg(timeout=0)
                while kc.shell_channel.msg_ready():
                    kc.shell_channel.get_msg(timeout=0)
                return
        if time.perf_counter() > deadline or not km.is_alive():
            raise BenchError("IOPub never delivered a message for our kernel_info requests")
        sent.append(kc.kernel_info())


def run_once(key: str, ksm, spec_name: str, args, log_path: Path) -> dict:
    from jupyter_client.manager import KernelManager

    rec: dict = {"kernel": key, "spec": spec_name}
    km = KernelManager(kernel_name=spec_name, kernel_spec_manager=ksm)
    kc = None
    log = open(log_path, "wb")  # the kernel's own stdout/stderr, kept out of the report
    try:
        t0 = time.perf_counter()
        km.start_kernel(stdout=log, stderr=subprocess.STDOUT)
        kc = km.client()
        kc.start_channels()
        t_reply, info, sent = wait_kernel_info(kc, km, args.start_timeout)
        rec["start"] = t_reply - t0
        rec["kernel_info_requests_sent"] = len(sent)
        rec["kernel_info_answered_request"] = info["answered_request"]
        li = info["content"].get("language_info", {})
        rec["language_info"] = li
        rec["implementation"] = f'{info["content"].get("implementation")} {info["content"].get("implementation_version")}'
        rec["pid"] = getattr(km.provisioner, "pid", None)

        t_iopub = time.perf_counter()
        ensure_iopub(kc, km, sent)
        rec["iopub_ready_after_reply"] = time.perf_counter() - t_iopub

        poller = _poller(kc)
        first = round_trip(kc, poller, FIRST_CELL, args.cell_timeout)
        rec["first_cell"] = first["seconds"]
        rec["first_cell_detail"] = first
        if first["status"] != "ok":
            raise BenchError(f"first cell failed: {first['outputs']}")

        if args.settle > 0:
            time.sleep(args.settle)
        timed_cells(kc, poller, [TRIVIAL_CELL] * args.warmup, "warm-up", args.cell_timeout)
        rec["trivial"] = timed_cells(kc, poller, [TRIVIAL_CELL] * args.cells, "trivial", args.cell_timeout)
        rec["distinct"] = timed_cells(kc, poller, [f"x = x + {i + 2};" for i in range(args.cells)],
                                      "new trivial", args.cell_timeout)

        # Protocol floor, for reading the figures: kernel_info round trips (no evaluation at all).
        floor = []
        for _ in range(args.cells):
            t = time.perf_counter()
            kc.kernel_info(reply=True, timeout=args.cell_timeout)
            floor.append(time.perf_counter() - t)
        rec["kernel_info_rtt"] = floor

        # Sanity check, not timed: x must have counted every cell.
        check = round_trip(kc, poller, "x", args.cell_timeout)
        got = None
        for o in check["outputs"]:
            if "execute_result" in o:
                got = o["execute_result"]["data"].get("text/plain")
        rec["x_after"] = got
        rec["x_expected"] = str(args.warmup + args.cells + sum(i + 2 for i in range(args.cells)))
    except Exception as e:  # noqa: BLE001 - a failed run is recorded, not fatal
        rec["error"] = f"{type(e).__name__}: {e}"
        rec["traceback"] = traceback.format_exc()
    finally:
        if kc is not None:
            kc.stop_channels()
        try:
            t_stop = time.perf_counter()
            km.shutdown_kernel(now=False)
            rec["shutdown"] = time.perf_counter() - t_stop
        except Exception as e:  # noqa: BLE001
            rec["shutdown_error"] = f"{type(e).__name__}: {e}"
            try:
                km.shutdown_kernel(now=True)
            except Exception:  # noqa: BLE001
                pass
        log.close()
        if "error" in rec:
            rec["kernel_log_tail"] = log_path.read_text(errors="replace")[-4000:]
    return rec


# --------------------------------------------------------------------------- report

def pct(values: list[float], q: float) -> float:
    """Percentile by linear interpolation (numpy's default), q in [0, 100]."""
    s = sorted(values)
    if len(s) == 1:
        return s[0]
    pos = (len(s) - 1) * q / 100.0
    lo = int(pos)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (pos - lo)


def summarize(runs: list[dict]) -> dict:
    ok = [r for r in runs if "error" not in r]
    out: dict = {"runs_ok": len(ok), "runs_failed": len(runs) - len(ok)}
    if not ok:
        return out
    for fig in ("start", "first_cell"):
        vals = [r[fig] for r in ok]
        out[fig] = {"median": statistics.median(vals), "min": min(vals), "max": max(vals), "samples": vals}
    triv = [s for r in ok for s in r["trivial"]]
    out["trivial"] = {
        "median": statistics.median(triv), "p90": pct(triv, 90), "min": min(triv), "max": max(triv),
        "n": len(triv),
        "per_run_median": [statistics.median(r["trivial"]) for r in ok],
    }
    new = [s for r in ok for s in r["distinct"]]
    out["distinct"] = {"median": statistics.median(new), "p90": pct(new, 90), "n": len(new)}
    tfr = [r["start"] + r["first_cell"] for r in ok]
    out["to_first_result"] = {"median": statistics.median(tfr), "min": min(tfr), "max": max(tfr), "samples": tfr}
    floor = [s for r in ok for s in r["kernel_info_rtt"]]
    out["kernel_info_rtt"] = {"median": statistics.median(floor), "p90": pct(floor, 90), "n": len(floor)}
    out["java_version"] = sorted({str(r["language_info"].get("version")) for r in ok})
    out["implementation"] = sorted({r["implementation"] for r in ok})
    return out


def fmt_s(v: float) -> str:
    return f"{v * 1000:.1f} ms" if v < 0.1 else f"{v:.2f} s"


def cell(summary: dict | None, fig: str, note: str | None) -> str:
    if summary is None:
        return f"not measured ({note})" if note else "not measured"
    if fig == "floor":
        return fmt_s(summary["kernel_info_rtt"]["median"])
    if fig in ("start", "first_cell", "to_first_result"):
        s = summary[fig]
        return f"{fmt_s(s['median'])} ({fmt_s(s['min'])}–{fmt_s(s['max'])})"
    if fig == "distinct_median":
        return fmt_s(summary["distinct"]["median"])
    t = summary["trivial"]
    return fmt_s(t["median"] if fig == "trivial_median" else t["p90"])


def table(summaries: dict, notes: dict, args) -> str:
    rows = [
        ("start → kernel_info_reply, median (min–max)", "start", f"≤ {TARGETS['start']:.1f} s"),
        ("first cell `int x = 0;`, median (min–max)", "first_cell", f"≤ {TARGETS['first_cell']:.1f} s"),
        ("start + first cell (launch → first result), median (min–max)", "to_first_result", "—"),
        (f"trivial cell `x = x + 1;`, median", "trivial_median", f"≤ {TARGETS['trivial_median'] * 1000:.0f} ms"),
        (f"trivial cell, p90", "trivial_p90", "—"),
        ("a new trivial cell each time (`x = x + 2;`, `x = x + 3;`, ...), median", "distinct_median", "—"),
        ("for reference: kernel_info round trip, median (no evaluation)", "floor", "—"),
    ]
    lines = ["| figure | Racecourse | JJava | target |", "| --- | --- | --- | --- |"]
    for label, fig, target in rows:
        rc = cell(summaries.get("racecourse"), fig, notes.get("racecourse"))
        jj = cell(summaries.get("jjava"), fig, notes.get("jjava"))
        lines.append(f"| {label} | {rc} | {jj} | {target} |")
    for key, disp in (("racecourse", "Racecourse"), ("jjava", "JJava")):
        s = summaries.get(key)
        if s and s.get("runs_failed"):
            lines.append("")
            lines.append(f"Note: {disp}: {s['runs_failed']} of {s['runs_failed'] + s['runs_ok']} runs failed "
                         "(see the JSON for the error).")
    return "\n".join(lines)


def misses(summaries: dict) -> list[str]:
    out = []
    s = summaries.get("racecourse")
    if not s or "start" not in s:
        return out
    figs = {"start": s["start"]["median"], "first_cell": s["first_cell"]["median"],
            "trivial_median": s["trivial"]["median"]}
    names = {"start": "start", "first_cell": "first cell", "trivial_median": "trivial cell median"}
    for f, v in figs.items():
        if v > TARGETS[f]:
            out.append(f"Racecourse misses the {names[f]} target: {fmt_s(v)} > {fmt_s(TARGETS[f])}")
    j = summaries.get("jjava")
    if j and "start" in j:
        jf = {"start": j["start"]["median"], "first_cell": j["first_cell"]["median"],
              "trivial_median": j["trivial"]["median"]}
        for f, v in figs.items():
            if v > jf[f]:
                out.append(f"Racecourse is slower than JJava on {names[f]}: {fmt_s(v)} vs {fmt_s(jf[f])}")
    return out


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    # Resolve kernelspecs the way JUPYTER_PATH would, but only in the dirs given: a kernelspec of the
    # same name installed elsewhere (user dir, system) must not stand in for the one under test.
    os.environ.setdefault("JUPYTER_PLATFORM_DIRS", "1")
    paths = {"racecourse": args.racecourse_path, "jjava": args.jjava_path}
    names = {"racecourse": "racecourse", "jjava": args.jjava_name}
    os.environ["JUPYTER_PATH"] = os.pathsep.join(str(paths[k].resolve()) for k in args.kernels)

    specs: dict = {}
    notes: dict = {}
    for key in KERNELS:
        if key not in args.kernels:
            notes[key] = "not selected by --kernels"
            continue
        try:
            ksm, name, spec = find_spec(key, paths[key].resolve(), names[key])
            specs[key] = (ksm, name, spec)
        except BenchError as e:
            notes[key] = str(e)
            print(f"kernel_latency: {KERNELS[key][0]}: {e}", file=sys.stderr)
    if not specs:
        print("kernel_latency: no kernel to measure", file=sys.stderr)
        return 2

    started = dt.datetime.now().astimezone()
    load_before = os.getloadavg()
    def git(*a: str) -> str:
        try:
            return subprocess.run(["git", "-C", str(ROOT), *a], capture_output=True, text=True,
                                  timeout=10).stdout.strip()
        except Exception:  # noqa: BLE001
            return ""
    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    if git("status", "--porcelain", "--", "kernel"):
        commit += " (kernel/ has uncommitted changes)"
    exe = sys.executable
    if exe.startswith(str(ROOT) + os.sep):
        exe = os.path.relpath(exe, ROOT)
    cmdline = " ".join(shlex.quote(a) for a in [exe, os.path.relpath(__file__, ROOT)] + argv)
    nproc = os.cpu_count()
    try:
        nproc = int(subprocess.run(["nproc"], capture_output=True, text=True, check=True).stdout)
    except Exception:  # noqa: BLE001
        pass
    print(f"kernel_latency: {args.runs} runs x {list(specs)}, warm-up {args.warmup}, {args.cells} samples/run",
          file=sys.stderr)

    runs: dict = {k: [] for k in specs}
    for r in range(args.runs):
        for key in specs:  # alternate: racecourse, jjava, racecourse, jjava, ...
            ksm, name, _ = specs[key]
            log_path = Path(tempfile.gettempdir()) / f"kernel_latency-{key}-{r + 1}.log"
            rec = run_once(key, ksm, name, args, log_path)
            rec["run"] = r + 1
            runs[key].append(rec)
            if "error" in rec:
                msg = f"FAILED {rec['error']}"
            else:
                msg = (f"start {fmt_s(rec['start'])}, first cell {fmt_s(rec['first_cell'])}, "
                       f"trivial median {fmt_s(statistics.median(rec['trivial']))}, x={rec['x_after']}")
            print(f"  run {r + 1}/{args.runs} {KERNELS[key][0]:<10} {msg}", file=sys.stderr)

    load_after = os.getloadavg()
    summaries = {k: summarize(v) for k, v in runs.items()}
    for key, s in summaries.items():
        if s["runs_ok"] == 0:
            notes[key] = "every run failed: " + runs[key][-1]["error"].splitlines()[0]
            summaries[key] = None

    # ---- report
    out = []
    out.append(f"Command: `{cmdline}`  ")
    out.append(f"Date: {started.isoformat(timespec='seconds')}  ")
    out.append(f"Repository: {commit}  ")
    out.append(f"Machine: nproc = {nproc}, {platform.system()} {platform.release()}, "
               f"Python {platform.python_version()}, jupyter_client {__import__('jupyter_client').__version__}; "
               f"load average (1 min) {load_before[0]:.2f} before, {load_after[0]:.2f} after  ")
    for key in KERNELS:
        s = summaries.get(key)
        if s:
            out.append(f"{KERNELS[key][0]}: kernelspec `{specs[key][1]}` "
                       f"({specs[key][2].resource_dir}), {', '.join(s['implementation'])}, "
                       f"Java (language_info.version) {', '.join(s['java_version'])}  ")
        else:
            out.append(f"{KERNELS[key][0]}: {notes.get(key, 'not measured')}  ")
    out.append(f"Runs: {args.runs} fresh kernels each, alternating; trivial cell: {args.warmup} warm-up + "
               f"{args.cells} samples per run{f', after sleeping {args.settle:g} s' if args.settle else ''} (medians across runs; trivial median/p90 over all samples)")
    out.append("")
    out.append(table(summaries, notes, args))
    m = misses(summaries)
    if m:
        out.append("")
        out.extend(f"- {x}" for x in m)
    out.append("")
    out.append(f"(JJava as quoted in the issue, measured elsewhere on JDK 25: start {fmt_s(QUOTED_JJAVA['start'])}, "
               f"first cell {fmt_s(QUOTED_JJAVA['first_cell'])}, trivial median {fmt_s(QUOTED_JJAVA['trivial_median'])})")
    report = "\n".join(out)
    print(report)

    out_file = args.out or BENCH / "results" / f"kernel_latency-{started.strftime('%Y-%m-%d-%H%M%S')}.json"
    out_file.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "command": cmdline,
        "date": started.isoformat(timespec="seconds"),
        "commit": commit,
        "nproc": nproc,
        "loadavg_before": load_before,
        "loadavg_after": load_after,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "jupyter_client": __import__("jupyter_client").__version__,
        "args": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
        "cells": {"first": FIRST_CELL, "trivial": TRIVIAL_CELL},
        "targets_seconds": TARGETS,
        "jjava_quoted_seconds": QUOTED_JJAVA,
        "kernelspecs": {k: {"name": v[1], "resource_dir": v[2].resource_dir, "argv": v[2].argv, "env": v[2].env}
                        for k, v in specs.items()},
        "notes": notes,
        "summary": summaries,
        "runs": runs,
        "report_markdown": report,
    }
    out_file.write_text(json.dumps(data, indent=1) + "\n")
    print(f"\nRaw samples: {os.path.relpath(out_file, ROOT)}")
    any_ok = any(s for s in summaries.values())
    return 0 if any_ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
