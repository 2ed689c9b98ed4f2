#!/usr/bin/env python3
"""What the deadlock/stall watchdog costs a cell that starts no thread.

Through jupyter_client, one kernel, alternating blocks with `%watchdog on` and `%watchdog off`:
  - trivial cell `x = x + 1;` (ends before the watchdog's first scan at 200 ms),
  - a 300 ms busy cell that starts no thread (the watchdog scans it once or twice),
and prints the medians of each and the difference (on - off). Run:
  .venv/bin/python bench/watchdog_cost.py [--blocks 6] [--cells 20]
"""
import argparse
import os
import pathlib
import statistics
import time

import jupyter_client

ROOT = pathlib.Path(__file__).resolve().parent.parent


def round_trip(kc, code):
    t = time.perf_counter()
    msg_id = kc.execute(code)
    reply = kc.get_shell_msg(timeout=60)
    assert reply["parent_header"]["msg_id"] == msg_id and reply["content"]["status"] == "ok", reply["content"]
    while True:
        m = kc.get_iopub_msg(timeout=60)
        if (m["msg_type"] == "status" and m["content"]["execution_state"] == "idle"
                and m["parent_header"].get("msg_id") == msg_id):
            return (time.perf_counter() - t) * 1000


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--blocks", type=int, default=6)
    ap.add_argument("--cells", type=int, default=20)
    ap.add_argument("--settle", type=float, default=10.0, help="seconds to let the kernel's warm-up finish")
    args = ap.parse_args()
    os.environ.setdefault("JUPYTER_PATH", str(ROOT / ".venv" / "share" / "jupyter"))
    km, kc = jupyter_client.manager.start_new_kernel(kernel_name="racecourse", startup_timeout=60)
    try:
        round_trip(kc, "int x = 0;")
        busy = "long t0 = System.nanoTime(); while (System.nanoTime() - t0 < 300_000_000L) { }"
        time.sleep(args.settle)
        samples = {("on", "trivial"): [], ("off", "trivial"): [], ("on", "busy"): [], ("off", "busy"): []}
        for b in range(args.blocks):
            for mode in (("on", "off") if b % 2 == 0 else ("off", "on")):
                round_trip(kc, f"%watchdog {mode}")
                for _ in range(args.cells):
                    samples[(mode, "trivial")].append(round_trip(kc, "x = x + 1;"))
                for _ in range(max(2, args.cells // 5)):
                    samples[(mode, "busy")].append(round_trip(kc, busy))
        round_trip(kc, "%watchdog on")
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
    print(f"watchdog cost, {time.strftime('%Y-%m-%d %H:%M')}, nproc={os.cpu_count()}, "
          f"{args.blocks} alternating blocks of {args.cells} trivial + {max(2, args.cells // 5)} busy cells")
    print("| cell | watchdog on, median | watchdog off, median | on - off |")
    print("| --- | --- | --- | --- |")
    for kind, label in (("trivial", "`x = x + 1;`"), ("busy", "300 ms busy loop, no thread")):
        on = statistics.median(samples[("on", kind)])
        off = statistics.median(samples[("off", kind)])
        print(f"| {label} | {on:.2f} ms | {off:.2f} ms | {on - off:+.2f} ms |")


if __name__ == "__main__":
    main()
