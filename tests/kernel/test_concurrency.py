"""The kernel as a teacher of concurrency: interrupts, deadlocks, stalls, exits, leftovers (issue 4).

Each test drives a real kernel through jupyter_client. Waits are bounded; where threads must be
ordered, cells use latches, not sleeps.
"""
import base64
import time

import pytest

from tests.kernel.conftest import reply_to, run, stream_containing


def interrupt_after_start(km, kc, code, settle=0.8, timeout=10):
    """Sends code, interrupts once it runs, returns (reply, seconds from interrupt to reply)."""
    msg_id = kc.execute(code)
    # Wait until the kernel reports busy for this request, then give the code time to get going.
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        msg = kc.get_iopub_msg(timeout=10)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_input":
            break
    time.sleep(settle)
    km.interrupt_kernel()
    started = time.monotonic()
    reply = reply_to(kc, msg_id, timeout=timeout)
    return reply, time.monotonic() - started


def answers_quickly(kc):
    started = time.monotonic()
    r = run(kc, "6 * 7")
    assert r.result["text/plain"] == "42"
    return time.monotonic() - started


def test_interrupt_stops_the_cell_and_every_thread_it_started(kernel):
    km, kc = kernel
    run(kc, "var spins = new java.util.concurrent.atomic.AtomicLong();")
    reply, took = interrupt_after_start(km, kc, (
        "for (int i = 0; i < 2; i++) new Thread(() -> { while (true) spins.incrementAndGet(); }, \"spinner-\" + i).start();\n"
        "while (true) { spins.incrementAndGet(); }"))
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "Interrupted"
    assert took < 2.0
    assert answers_quickly(kc) < 1.0
    before = run(kc, "spins.get()").result["text/plain"]
    time.sleep(0.3)
    after = run(kc, "spins.get()").result["text/plain"]
    assert before == after, "a thread of the interrupted cell still burns CPU"


def test_interrupt_wakes_a_sleeping_thread_and_lists_what_is_left(kernel):
    km, kc = kernel
    reply, took = interrupt_after_start(km, kc, (
        "Thread sleeper = new Thread(() -> { try { Thread.sleep(Long.MAX_VALUE); } catch (InterruptedException e) { } },"
        " \"sleeper\");\nsleeper.start();\nsleeper.join();"))
    assert reply["content"]["ename"] == "Interrupted"
    assert took < 2.0
    assert any("have ended" in line for line in reply["content"]["traceback"])
    assert answers_quickly(kc) < 1.0


def test_interrupt_ends_child_processes(kernel):
    km, kc = kernel
    reply, took = interrupt_after_start(km, kc, (
        'Process child = new ProcessBuilder("sleep", "1000").start();\nchild.waitFor();'))
    assert reply["content"]["ename"] == "Interrupted"
    assert took < 2.0
    assert any("sleep" in line and "pid" in line for line in reply["content"]["traceback"])
    assert run(kc, "child.isAlive()").result["text/plain"] == "false"


MONITOR_DEADLOCK = """Object left = new Object(), right = new Object();
CountDownLatch bothHold = new CountDownLatch(2);
Thread a = new Thread(() -> { synchronized (left) { bothHold.countDown(); try { bothHold.await(); } catch (InterruptedException e) { } synchronized (right) { } } }, "alice");
Thread b = new Thread(() -> { synchronized (right) { bothHold.countDown(); try { bothHold.await(); } catch (InterruptedException e) { } synchronized (left) { } } }, "bob");
a.start(); b.start();
a.join();"""

LOCK_DEADLOCK = """var first = new java.util.concurrent.locks.ReentrantLock();
var second = new java.util.concurrent.locks.ReentrantLock();
CountDownLatch holding = new CountDownLatch(2);
Thread c = new Thread(() -> { first.lock(); holding.countDown(); try { holding.await(); } catch (InterruptedException e) { } second.lock(); }, "carol");
Thread d = new Thread(() -> { second.lock(); holding.countDown(); try { holding.await(); } catch (InterruptedException e) { } first.lock(); }, "dave");
c.start(); d.start();
c.join();"""


@pytest.mark.parametrize("code, names", [(MONITOR_DEADLOCK, ("alice", "bob")), (LOCK_DEADLOCK, ("carol", "dave"))])
def test_deadlock_is_explained_with_a_table_and_a_graph(kernel, code, names):
    _, kc = kernel
    started = time.monotonic()
    r = run(kc, code)
    took = time.monotonic() - started
    assert r.status == "error"
    err = r.error
    assert err["ename"] == "DeadlockError"
    tb = "\n".join(err["traceback"])
    for name in names:
        assert name in tb
    assert "waits for" in tb and "holds" in tb
    assert "line 3 of" not in tb and "(cell [" in tb  # where each waits, in cell lines
    graphs = [m for m in r.of_type("display_data") if "image/png" in m["content"]["data"]]
    assert graphs, "no wait-for graph"
    assert base64.b64decode(graphs[0]["content"]["data"]["image/png"]).startswith(b"\x89PNG")
    assert took < 5.0
    assert answers_quickly(kc) < 1.0


def test_a_stall_without_a_cycle_is_reported(kernel):
    _, kc = kernel
    assert run(kc, "%watchdog stall 1").status == "ok"
    try:
        r = run(kc, "Object monitor = new Object();\n"
                    "Thread w = new Thread(() -> { synchronized (monitor) { try { monitor.wait(); }"
                    " catch (InterruptedException e) { } } }, \"waiter\");\nw.start();\nw.join();")
    finally:
        run(kc, "%watchdog stall 3")
    assert r.status == "error"
    assert r.error["ename"] == "HangError"
    tb = "\n".join(r.error["traceback"])
    assert '"waiter" WAITING' in tb and "cell [" in tb
    assert answers_quickly(kc) < 1.0


def test_watchdog_can_be_turned_off(kernel):
    _, kc = kernel
    assert "watchdog off" in run(kc, "%watchdog off").stdout
    try:
        r = run(kc, "%%timeout 2s\nObject m2 = new Object();\n"
                    "Thread w2 = new Thread(() -> { synchronized (m2) { try { m2.wait(); } catch (InterruptedException e) { } } });"
                    "\nw2.start();\nw2.join();")
        assert r.error["ename"] == "TimeoutError"  # not a HangError: the watchdog was off
    finally:
        assert "watchdog on" in run(kc, "%watchdog on").stdout


def test_system_exit_keeps_the_kernel_and_its_variables(kernel):
    _, kc = kernel
    run(kc, "int survivor = 1234;")
    r = run(kc, "System.exit(3);")
    assert r.status == "error"
    assert r.error["ename"] == "SystemExit"
    assert "System.exit(3)" in r.error["evalue"]
    halt = run(kc, "Runtime.getRuntime().halt(9);")
    assert halt.error["ename"] == "SystemExit" and "Runtime.halt(9)" in halt.error["evalue"]
    assert run(kc, "survivor").result["text/plain"] == "1234"


def test_exit_in_a_javac_class_is_trapped_too(kernel):
    _, kc = kernel
    assert run(kc, "%%javac\npackage quitter;\npublic class Quitter { public static void quit() { System.exit(5); } }").status == "ok"
    r = run(kc, "quitter.Quitter.quit();")
    assert r.error["ename"] == "SystemExit" and "System.exit(5)" in r.error["evalue"]
    assert answers_quickly(kc) < 1.0


def test_uncaught_exception_of_a_thread_shows_in_its_cell(kernel):
    _, kc = kernel
    r = run(kc, 'Thread t = new Thread(() -> { throw new IllegalStateException("broken worker"); }, "worker-7");\n'
                't.start(); t.join();')
    assert r.status == "ok"
    assert 'Exception in thread "worker-7" java.lang.IllegalStateException: broken worker' in r.stderr
    assert "cell [" in r.stderr


def test_late_line_of_a_finished_cell_keeps_its_parent(kernel):
    _, kc = kernel
    first = run(kc, 'new Thread(() -> { try { Thread.sleep(700); } catch (InterruptedException e) { }'
                    ' System.out.println("seven hundred ms later"); }).start();')
    assert "still running" in first.stderr  # the leftover note
    second = run(kc, "1 + 1")
    assert second.result["text/plain"] == "2"
    late = stream_containing(kc, "seven hundred", timeout=10)
    assert late is not None
    assert late["parent_header"]["msg_id"] == first.msg_id


def test_threads_and_stop_magics(kernel):
    _, kc = kernel
    run(kc, 'var idler = new Thread(() -> { while (true) { Thread.onSpinWait(); } }, "idler"); idler.start();')
    listing = run(kc, "%threads").stdout
    assert "idler" in listing and "RUNNABLE" in listing
    assert "stopped 1 thread" in run(kc, "%stop idler").stdout
    deadline = time.monotonic() + 5
    while run(kc, "idler.isAlive()").result["text/plain"] != "false":
        assert time.monotonic() < deadline, "%stop did not stop a spinning thread"
        time.sleep(0.1)
    assert run(kc, "%stop nobody-by-this-name").status == "error"


def test_timeout_bounds_a_cell(kernel):
    _, kc = kernel
    started = time.monotonic()
    r = run(kc, "%%timeout 500ms\nThread.sleep(60_000);")
    assert r.error["ename"] == "TimeoutError" and "500 ms" in r.error["evalue"]
    assert time.monotonic() - started < 3
    bad = run(kc, "%%timeout soon\n1")
    assert bad.status == "error" and "duration" in bad.error["evalue"]


def test_repeat_counts_outcomes_like_jcstress(kernel):
    _, kc = kernel
    r = run(kc, "%%repeat 30\nint[] hits = {0};\nThread p = new Thread(() -> { for (int i = 0; i < 1000; i++) hits[0]++; });\n"
                "p.start(); p.join();\nSystem.out.println(hits[0]);")
    assert r.status == "ok", r.error
    assert "30 runs" in r.stdout and "1000: 30 runs" in r.stdout
    charts = [m for m in r.of_type("display_data") if "image/png" in m["content"]["data"]]
    assert len(charts) == 1


def test_thread_names_prefix_lines(kernel):
    _, kc = kernel
    run(kc, "%threadnames on")
    try:
        r = run(kc, 'Thread n = new Thread(() -> System.out.println("hello"), "namer"); n.start(); n.join();')
    finally:
        run(kc, "%threadnames off")
    assert "[namer] hello" in r.stdout


def test_timeline_chart_renders_inline(kernel):
    _, kc = kernel
    r = run(kc, 'Timeline tl = new Timeline();\nThread x = new Thread(() -> tl.record("work", () -> { }), "x");\n'
                'x.start(); x.join();\ndisplay(tl.chart("what x did"));')
    assert r.status == "ok", r.error
    png = r.of_type("display_data")[0]["content"]["data"]["image/png"]
    assert base64.b64decode(png).startswith(b"\x89PNG")


def test_pool_made_earlier_prints_into_the_cell_that_submits(kernel):
    _, kc = kernel
    first = run(kc, 'var single = Executors.newSingleThreadExecutor(); single.submit(() -> System.out.println("from cell one")).get();')
    assert "from cell one" in first.stdout
    second = run(kc, 'single.submit(() -> System.out.println("from cell two")).get();\n'
                     'CompletableFuture.supplyAsync(() -> { System.out.println("async"); return 1; }, single).join();\n'
                     'single.shutdown();')
    assert "from cell two" in second.stdout and "async" in second.stdout
    assert "from cell two" not in first.stdout
