"""Virtual threads, the course's M:N threads, seen by the kernel like platform threads.

Each scenario of test_concurrency.py again, with threads from Thread.ofVirtual(),
Thread.startVirtualThread, a virtual-thread-per-task executor or a CompletableFuture async stage:
Interrupt, %threads, %stop, the "still running" note, stall and deadlock detection.
"""
import base64
import time
from queue import Empty

import pytest

from tests.kernel.conftest import Run, reply_to, run, stream_containing
from tests.kernel.test_concurrency import answers_quickly


def interrupt_when_printed(km, kc, code, marker="set up", timeout=10):
    """Sends code, interrupts once it has printed `marker`; returns (reply, seconds from interrupt to reply)."""
    msg_id = kc.execute(code)
    deadline = time.monotonic() + 30
    while True:
        assert time.monotonic() < deadline, "the cell never printed " + marker
        try:
            msg = kc.get_iopub_msg(timeout=1)
        except Empty:
            continue
        if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream"
                and marker in msg["content"]["text"]):
            break
    time.sleep(0.2)  # into the join that follows the marker
    km.interrupt_kernel()
    started = time.monotonic()
    reply = reply_to(kc, msg_id, timeout=timeout)
    return reply, time.monotonic() - started


def wait_until_false(kc, expression, what, timeout=5):
    deadline = time.monotonic() + timeout
    while run(kc, expression).result["text/plain"] != "false":
        assert time.monotonic() < deadline, what
        time.sleep(0.1)


def test_interrupt_stops_spinning_and_blocked_virtual_threads(kernel):
    km, kc = kernel
    run(kc, "var vspins = new java.util.concurrent.atomic.AtomicLong();\n"
            "var vqueue = new java.util.concurrent.LinkedBlockingQueue<String>();\n"
            "var vtaker = new java.util.concurrent.atomic.AtomicReference<Thread>();")
    # One snippet: JShell compiles each snippet just before running it, and javac next to a spinning
    # thread on a loaded machine can take longer than the test waits.
    reply, took = interrupt_when_printed(km, kc, (
        "{\n"
        'vtaker.set(Thread.startVirtualThread(() -> { try { vqueue.take(); } catch (InterruptedException e) { } }));\n'
        'Thread.ofVirtual().name("vspinner").start(() -> { while (true) vspins.incrementAndGet(); });\n'
        'System.out.println("set up");\n'
        "vtaker.get().join();\n}"))
    assert reply["content"]["ename"] == "Interrupted"
    assert took < 2.0
    assert any("have ended" in line for line in reply["content"]["traceback"])
    assert answers_quickly(kc) < 1.0
    wait_until_false(kc, "vtaker.get().isAlive()", "the virtual thread in take() was not interrupted")
    before = run(kc, "vspins.get()").result["text/plain"]
    time.sleep(0.3)
    assert run(kc, "vspins.get()").result["text/plain"] == before, "a virtual thread of the cell still burns CPU"


def test_interrupt_wakes_a_sleeping_virtual_thread(kernel):
    km, kc = kernel
    reply, took = interrupt_when_printed(km, kc, (
        'Thread vsleeper = Thread.ofVirtual().name("vsleeper").start(() -> {'
        " try { Thread.sleep(Long.MAX_VALUE); } catch (InterruptedException e) { } });\n"
        'System.out.println("set up");\n'
        "vsleeper.join();"))
    assert reply["content"]["ename"] == "Interrupted"
    assert took < 2.0
    assert any("have ended" in line for line in reply["content"]["traceback"])
    wait_until_false(kc, "vsleeper.isAlive()", "the sleeping virtual thread was not interrupted")


def test_interrupt_names_a_virtual_thread_that_ignores_interrupts(kernel):
    km, kc = kernel
    # The kernel's stop checks end a loop that swallows interrupts; acquireUninterruptibly has no loop in cell code.
    run(kc, "var stubborn = new java.util.concurrent.Semaphore(0);")
    reply, _ = interrupt_when_printed(km, kc, (
        'Thread vstubborn = Thread.ofVirtual().name("vstubborn").start(() -> stubborn.acquireUninterruptibly());\n'
        'System.out.println("set up");\n'
        "vstubborn.join();"))
    assert reply["content"]["ename"] == "Interrupted"
    tb = "\n".join(reply["content"]["traceback"])
    assert "have ended" not in tb
    assert '"vstubborn" WAITING' in tb and "cell [" in tb
    run(kc, "stubborn.release();")
    wait_until_false(kc, "vstubborn.isAlive()", "the stubborn virtual thread did not end")


VIRTUAL_MONITOR_DEADLOCK = """Object vleft = new Object(), vright = new Object();
CountDownLatch vboth = new CountDownLatch(2);
Thread va = Thread.ofVirtual().name("valice").start(() -> { synchronized (vleft) { vboth.countDown(); try { vboth.await(); } catch (InterruptedException e) { } synchronized (vright) { } } });
Thread vb = Thread.ofVirtual().name("vbob").start(() -> { synchronized (vright) { vboth.countDown(); try { vboth.await(); } catch (InterruptedException e) { } synchronized (vleft) { } } });
vboth.await();
System.out.println("cycle");
va.join();"""

VIRTUAL_LOCK_DEADLOCK = """var vfirst = new java.util.concurrent.locks.ReentrantLock();
var vsecond = new java.util.concurrent.locks.ReentrantLock();
CountDownLatch vholding = new CountDownLatch(2);
Thread vc = Thread.ofVirtual().name("vcarol").start(() -> { vfirst.lock(); vholding.countDown(); try { vholding.await(); } catch (InterruptedException e) { } vsecond.lock(); });
Thread vd = Thread.ofVirtual().name("vdave").start(() -> { vsecond.lock(); vholding.countDown(); try { vholding.await(); } catch (InterruptedException e) { } vfirst.lock(); });
vholding.await();
System.out.println("cycle");
vc.join();"""


@pytest.mark.parametrize("code, names", [(VIRTUAL_MONITOR_DEADLOCK, ("valice", "vbob")),
                                         (VIRTUAL_LOCK_DEADLOCK, ("vcarol", "vdave"))])
def test_virtual_thread_deadlock_is_explained_with_a_table_and_a_graph(kernel, code, names):
    _, kc = kernel
    cycle_at = []

    def hook(msg):
        if msg["msg_type"] == "stream" and "cycle" in msg["content"]["text"]:
            cycle_at.append(time.monotonic())
        messages.append(msg)

    messages = []
    reply = kc.execute_interactive(code, output_hook=hook, timeout=30)
    # No marker: the report came before the cell's own thread got to print it.
    took = time.monotonic() - cycle_at[0] if cycle_at else 0
    r = Run(reply, messages, reply["parent_header"]["msg_id"])
    assert r.status == "error"
    assert r.error["ename"] == "DeadlockError", r.error
    tb = "\n".join(r.error["traceback"])
    for name in names:
        assert name in tb
    assert "waits for" in tb and "holds" in tb and "(cell [" in tb
    assert "racecourse runner" not in tb
    graphs = [m for m in r.of_type("display_data") if "image/png" in m["content"]["data"]]
    assert graphs, "no wait-for graph"
    assert base64.b64decode(graphs[0]["content"]["data"]["image/png"]).startswith(b"\x89PNG")
    # Found within about a second of the cycle forming (the stall limit is 3 s); the rest is margin
    # for drawing the graph and for a loaded machine.
    assert took < 3.0
    assert answers_quickly(kc) < 1.0


def test_a_lost_wakeup_in_a_virtual_thread_is_reported(kernel):
    _, kc = kernel
    assert run(kc, "%watchdog stall 1").status == "ok"
    try:
        r = run(kc, "Object vmonitor = new Object();\n"
                    "Thread vw = Thread.ofVirtual().name(\"vwaiter\").start(() -> { synchronized (vmonitor) {"
                    " try { vmonitor.wait(); } catch (InterruptedException e) { } } });\nvw.join();")
    finally:
        run(kc, "%watchdog stall 3")
    assert r.status == "error"
    assert r.error["ename"] == "HangError"
    tb = "\n".join(r.error["traceback"])
    assert '"vwaiter" WAITING' in tb and "cell [" in tb
    assert answers_quickly(kc) < 1.0


def test_late_line_of_a_virtual_thread_and_the_leftover_note(kernel):
    _, kc = kernel
    first = run(kc, 'Thread.ofVirtual().name("vlate").start(() -> { try { Thread.sleep(700); }'
                    ' catch (InterruptedException e) { } System.out.println("virtual, seven hundred ms later"); });')
    assert "still running" in first.stderr and "vlate" in first.stderr
    assert run(kc, "1 + 1").result["text/plain"] == "2"
    late = stream_containing(kc, "virtual, seven hundred", timeout=10)
    assert late is not None
    assert late["parent_header"]["msg_id"] == first.msg_id


def test_uncaught_exception_of_a_virtual_thread_shows_in_its_cell(kernel):
    _, kc = kernel
    r = run(kc, 'Thread vt = Thread.ofVirtual().name("vworker-7").start(() -> { throw new IllegalStateException("broken virtual worker"); });\n'
                "vt.join();")
    assert r.status == "ok"
    assert 'Exception in thread "vworker-7" java.lang.IllegalStateException: broken virtual worker' in r.stderr
    assert "cell [" in r.stderr


def test_threads_and_stop_magics_see_virtual_threads(kernel):
    _, kc = kernel
    run(kc, 'var vidler = Thread.ofVirtual().name("vidler").start(() -> { while (true) { Thread.onSpinWait(); } });\n'
            "var vblocked = new java.util.concurrent.LinkedBlockingQueue<String>();\n"
            "var vnameless = Thread.startVirtualThread(() -> { try { vblocked.take(); } catch (InterruptedException e) { } });\n"
            "var vasync = CompletableFuture.runAsync(() -> { try { vblocked.take(); } catch (InterruptedException e) { } });")
    listing = run(kc, "%threads").stdout
    assert "vidler" in listing and "RUNNABLE" in listing
    nameless = run(kc, 'System.out.print("#" + vnameless.threadId())').stdout
    assert nameless in listing and "WAITING" in listing
    assert listing.count("WAITING") >= 2, "the async stage's thread is missing: " + listing
    assert "stopped 1 thread" in run(kc, "%stop vidler").stdout
    wait_until_false(kc, "vidler.isAlive()", "%stop did not stop a spinning virtual thread")
    assert "stopped 1 thread" in run(kc, "%stop " + nameless).stdout
    wait_until_false(kc, "vnameless.isAlive()", "%stop did not stop a virtual thread in take()")
    assert "stopped" in run(kc, "%stop all").stdout
    wait_until_false(kc, "!vasync.isDone()", "%stop all did not stop the async stage")
    after = run(kc, "%threads").stdout
    assert "vidler" not in after and nameless not in after


def test_a_pool_of_virtual_threads_made_earlier_serves_the_cell_that_submits(kernel):
    km, kc = kernel
    run(kc, "var vpool = Executors.newVirtualThreadPerTaskExecutor();\n"
            "var vgate = new java.util.concurrent.CountDownLatch(1);\n"
            "var vin = new java.util.concurrent.CountDownLatch(1);")
    second = run(kc, 'vpool.submit(() -> { System.out.println("from the pool"); vin.countDown(); vgate.await(); return 1; });\n'
                     "vin.await();")
    assert "from the pool" in second.stdout
    assert "still running" in second.stderr
    listing = run(kc, "%threads").stdout
    assert "[%d]" % second.reply["content"]["execution_count"] in listing, listing
    reply, took = interrupt_when_printed(km, kc, (
        'var vtask = vpool.submit(() -> { Thread.sleep(Long.MAX_VALUE); return 2; });\n'
        'System.out.println("set up");\nvtask.get();'))
    assert reply["content"]["ename"] == "Interrupted"
    assert took < 2.0
    assert run(kc, "vtask.isDone()").result["text/plain"] == "true"
    run(kc, "vgate.countDown();")
    run(kc, "vpool.shutdown();")
    assert run(kc, "vpool.awaitTermination(5, TimeUnit.SECONDS)").result["text/plain"] == "true"


def test_a_cell_starting_100_000_virtual_threads_runs(kernel):
    _, kc = kernel
    started = time.monotonic()
    r = run(kc, "var vcount = new java.util.concurrent.atomic.LongAdder();\n"
                "try (var each = Executors.newVirtualThreadPerTaskExecutor()) {\n"
                "  for (int i = 0; i < 100_000; i++) each.submit(() -> vcount.increment());\n"
                "}\n"
                "var vstarted = new ArrayList<Thread>();\n"
                "for (int i = 0; i < 100_000; i++) vstarted.add(Thread.startVirtualThread(() -> vcount.increment()));\n"
                "for (Thread t : vstarted) t.join();\n"
                "vcount.sum()", timeout=60)
    assert r.status == "ok", r.error
    assert r.result["text/plain"] == "200000"
    assert time.monotonic() - started < 30
    assert "still running" not in r.stderr  # every thread left the cell's threads as it ended
