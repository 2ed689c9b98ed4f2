#!/usr/bin/env python3
"""How soon after a lock cycle forms the kernel reports it: platform against virtual threads.

One kernel, through jupyter_client. Each cell starts two threads that take two locks in opposite
order, waits until both hold their first lock, prints "cycle" and joins one of them. The figure is
the time from that line's arrival to the execute reply (DeadlockError). "before the line" means the
report came before the cell's own thread got to print it. Run after `make kernel`:
  .venv/bin/python bench/deadlock_latency.py [--rounds 3]
"""
import argparse
import os
import pathlib
import statistics
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("JUPYTER_PLATFORM_DIRS", "1")
os.environ.setdefault("JUPYTER_PATH", str(ROOT / ".venv" / "share" / "jupyter"))

from tests.kernel.conftest import start_kernel  # noqa: E402
from tests.kernel.test_virtual_threads import VIRTUAL_LOCK_DEADLOCK, VIRTUAL_MONITOR_DEADLOCK  # noqa: E402


def platform(code):
    """The same cell with platform threads: new Thread(task, name) in place of Thread.ofVirtual().name(name).start(task)."""
    out = []
    for line in code.splitlines():
        if "Thread.ofVirtual().name(" in line:
            var = line.split()[1]
            name = line.split('name("')[1].split('")')[0]
            task = line.split(".start(", 1)[1].rsplit(");", 1)[0]
            line = 'Thread %s = new Thread(%s, "%s"); %s.start();' % (var, task, name.replace("v", "p", 1), var)
        out.append(line)
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    cells = [("monitors, platform threads", platform(VIRTUAL_MONITOR_DEADLOCK)),
             ("monitors, virtual threads", VIRTUAL_MONITOR_DEADLOCK),
             ("ReentrantLocks, platform threads", platform(VIRTUAL_LOCK_DEADLOCK)),
             ("ReentrantLocks, virtual threads", VIRTUAL_LOCK_DEADLOCK)]
    print("load average before: %.1f" % os.getloadavg()[0])
    km, kc = start_kernel({})
    samples = {name: [] for name, _ in cells}
    try:
        kc.execute_interactive("1 + 1", output_hook=lambda msg: None, timeout=60)
        for _ in range(args.rounds + 1):  # the first round warms the kernel (graph drawing, classes)
            for name, code in cells:
                at = []

                def hook(msg):
                    if msg["msg_type"] == "stream" and "cycle" in msg["content"]["text"]:
                        at.append(time.monotonic())

                reply = kc.execute_interactive(code, output_hook=hook, timeout=60)
                assert reply["content"].get("ename") == "DeadlockError", reply["content"]
                samples[name].append(time.monotonic() - at[0] if at else 0.0)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    print("load average after: %.1f" % os.getloadavg()[0])
    print("| cycle | median s from the cycle to DeadlockError | runs (s; 0 = before the line) |")
    print("| --- | --- | --- |")
    for name, xs in samples.items():
        xs = xs[1:]
        print("| %s | %.2f | %s |" % (name, statistics.median(xs), ", ".join("%.2f" % x for x in xs)))


if __name__ == "__main__":
    main()
