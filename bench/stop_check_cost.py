#!/usr/bin/env python3
"""What a past Kernel > Interrupt costs later cells' loops.

Cell code calls the kernel's stop check at every loop back-edge. Through jupyter_client, one kernel:
the same loop cell (its time measured inside the JVM with System.nanoTime, so the protocol is left
out) run --runs times before any interrupt, then a spinning cell is interrupted, then the loop cell
--runs times again. Prints the medians and ns per iteration. Run (after `make kernel`):
  .venv/bin/python bench/stop_check_cost.py [--runs 15] [--iterations 200000000]
"""
import argparse
import os
import pathlib
import statistics
import time

import jupyter_client

ROOT = pathlib.Path(__file__).resolve().parent.parent


def execute(kc, code, timeout=120):
    """The cell's text/plain result (None if it has none); fails on an error reply."""
    msg_id = kc.execute(code)
    result = None
    while True:
        m = kc.get_iopub_msg(timeout=timeout)
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        if m["msg_type"] == "execute_result":
            result = m["content"]["data"]["text/plain"]
        if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            break
    reply = kc.get_shell_msg(timeout=timeout)
    while reply["parent_header"].get("msg_id") != msg_id:  # e.g. a second kernel_info reply from start
        reply = kc.get_shell_msg(timeout=timeout)
    return reply["content"], result


def loop_ms(kc, iterations):
    content, result = execute(kc, (
        "long t0 = System.nanoTime(); long s = 0;\n"
        f"for (long i = 0; i < {iterations}L; i++) {{ s += i ^ (s >>> 3); }}\n"
        "(System.nanoTime() - t0) / 1e6 + (s == 42 ? 1e-9 : 0)"))
    assert content["status"] == "ok", content
    return float(result)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--iterations", type=int, default=200_000_000)
    ap.add_argument("--settle", type=float, default=10.0, help="seconds to let the kernel's warm-up finish")
    args = ap.parse_args()
    os.environ.setdefault("JUPYTER_PATH", str(ROOT / ".venv" / "share" / "jupyter"))
    km, kc = jupyter_client.manager.start_new_kernel(kernel_name="racecourse", startup_timeout=60)
    try:
        execute(kc, "int warm = 0;")
        time.sleep(args.settle)
        loop_ms(kc, args.iterations)  # JIT warm-up of the loop's class
        before = [loop_ms(kc, args.iterations) for _ in range(args.runs)]
        msg_id = kc.execute("while (true) { }")
        time.sleep(1.0)
        km.interrupt_kernel()
        while True:
            reply = kc.get_shell_msg(timeout=30)
            if reply["parent_header"].get("msg_id") == msg_id:
                assert reply["content"]["ename"] == "Interrupted", reply["content"]
                break
        after = [loop_ms(kc, args.iterations) for _ in range(args.runs)]
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    b, a = statistics.median(before), statistics.median(after)
    n = args.iterations
    print(f"stop-check cost, {time.strftime('%Y-%m-%d %H:%M')}, nproc={os.cpu_count()}, "
          f"load average {os.getloadavg()[0]:.1f}, {args.runs} runs of a {n:,}-iteration loop cell")
    print("| loop cell | median | ns per iteration |")
    print("| --- | --- | --- |")
    print(f"| before any Interrupt | {b:.1f} ms | {b * 1e6 / n:.3f} |")
    print(f"| after an Interrupt | {a:.1f} ms | {a * 1e6 / n:.3f} |")
    print(f"| after / before | {a / b:.2f} | |")


if __name__ == "__main__":
    main()
