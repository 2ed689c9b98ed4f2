"""The kernel keeps answering, and keeps its own troubles out of the cells (issue: kernel robustness)."""
import hashlib
import hmac
import json
import pathlib
import time
import uuid

import pytest

from tests.kernel.conftest import reply_to, run, start_kernel


@pytest.fixture
def fresh_kernel(kernel_env):
    """A kernel of its own: these tests break things on purpose."""
    km, kc = start_kernel(kernel_env)
    yield km, kc
    kc.stop_channels()
    km.shutdown_kernel(now=True)


def kernel_log(km):
    """The kernel's log, kernel-<id>.log beside its connection file."""
    return pathlib.Path(km.connection_file).with_suffix(".log")


def send(kc, msg_type, content):
    msg = kc.session.msg(msg_type, content)
    kc.shell_channel.send(msg)
    return msg["header"]["msg_id"]


def log_containing(km, text, timeout=10):
    """The kernel log once it contains `text` (bounded wait)."""
    deadline = time.monotonic() + timeout
    log = kernel_log(km)
    while True:
        content = log.read_text(encoding="utf-8") if log.exists() else ""
        if text in content or time.monotonic() > deadline:
            return content
        time.sleep(0.1)


def test_a_request_whose_handler_fails_gets_an_error_reply_and_the_log_not_the_cell(fresh_kernel):
    km, kc = fresh_kernel
    before = run(kc, 'System.out.println("before");')
    assert before.stdout == "before\n"
    # A malformed is_complete_request (code null) makes its handler throw inside the kernel.
    reply = reply_to(kc, send(kc, "is_complete_request", {"code": None}), timeout=10)
    assert reply["msg_type"] == "is_complete_reply"
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "KernelError"
    # So does an execute_request without code: its reply is an error, and the error shows in the cell.
    messages = []
    msg_id = send(kc, "execute_request", {"code": None, "silent": False})
    reply = reply_to(kc, msg_id, timeout=10)
    assert reply["content"]["status"] == "error"
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        msg = kc.get_iopub_msg(timeout=10)
        if msg["parent_header"].get("msg_id") == msg_id:
            messages.append(msg)
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
    assert any(m["msg_type"] == "error" and m["content"]["ename"] == "KernelError" for m in messages), messages
    # The kernel goes on, and no stack trace of its own lands in the student's next cell.
    after = run(kc, 'System.out.println("after");')
    assert after.status == "ok"
    assert after.stdout == "after\n"
    assert after.stderr == ""
    assert "Exception" not in before.stderr + after.stderr
    log = log_containing(km, "is_complete_request failed")
    assert "is_complete_request failed" in log and "execute_request failed" in log, log
    assert "at racecourse.kernel" in log  # the stack trace is kept for whoever reads the log


def test_a_message_with_a_bad_signature_is_logged_and_the_kernel_goes_on(fresh_kernel):
    km, kc = fresh_kernel
    header = {"msg_id": uuid.uuid4().hex, "msg_type": "kernel_info_request", "username": "x",
              "session": uuid.uuid4().hex, "date": "2026-12-01T00:00:00Z", "version": "5.3"}
    frames = [json.dumps(part).encode() for part in (header, {}, {}, {})]
    wrong = hmac.new(b"not-the-key", b"".join(frames), hashlib.sha256).hexdigest().encode()
    kc.shell_channel.socket.send_multipart([b"<IDS|MSG>", wrong] + frames)
    log = log_containing(km, "dropped a message")
    assert "dropped a message that failed to verify" in log, log
    assert run(kc, "1 + 1").result["text/plain"] == "2"


def test_an_interrupt_that_arrives_before_its_cell_is_registered_still_stops_it(fresh_kernel):
    km, kc = fresh_kernel
    assert run(kc, "int warm = 1;").status == "ok"
    # The front end sends execute_request (shell) and then interrupt_request (control); the two
    # channels race, and here the interrupt is made to win: it is answered before the cell is read.
    execute = kc.session.msg("execute_request", {"code": "long spins = 0; while (true) { spins++; }",
                                                 "silent": False, "store_history": True,
                                                 "user_expressions": {}, "allow_stdin": False})
    time.sleep(0.01)  # the interrupt's date is after the cell's, as when a student clicks after Run
    interrupt = kc.session.msg("interrupt_request", {})
    kc.control_channel.send(interrupt)
    reply = kc.get_control_msg(timeout=10)
    assert reply["msg_type"] == "interrupt_reply"
    kc.shell_channel.send(execute)
    started = time.monotonic()
    try:
        reply = reply_to(kc, execute["header"]["msg_id"], timeout=10)
    finally:
        # On a kernel that lost the interrupt, end the loop so the cell below can run.
        kc.control_channel.send(kc.session.msg("interrupt_request", {}))
        kc.get_control_msg(timeout=10)
    assert time.monotonic() - started < 5
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "Interrupted"
    after = run(kc, "1 + 1")
    assert after.status == "ok", (after.error, kernel_log(km).read_text())
    assert after.result["text/plain"] == "2"


def test_an_interrupt_while_idle_does_not_stop_the_next_cell(fresh_kernel):
    km, kc = fresh_kernel
    assert run(kc, "int warm = 1;").status == "ok"
    # Kernel > Interrupt while nothing runs (to stop what earlier cells left running); then a new cell.
    kc.control_channel.send(kc.session.msg("interrupt_request", {}))
    assert kc.get_control_msg(timeout=10)["msg_type"] == "interrupt_reply"
    result = run(kc, "Thread.sleep(300); 40 + 2", timeout=10)
    assert result.status == "ok", result.error
    assert result.result["text/plain"] == "42"


HOLDER = """%%javac
package robustness;

/** Holds a monitor forever and ignores interrupts: compiled, so the kernel's stop checks are not in it. */
public class Holder {
    public static void hold(Object lock, java.util.concurrent.CountDownLatch held) {
        synchronized (lock) {
            held.countDown();
            while (true) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException ignored) {
                }
            }
        }
    }
}
"""


def test_a_cell_stuck_for_good_gets_a_new_session_and_the_old_one_is_closed(fresh_kernel):
    km, kc = fresh_kernel
    assert run(kc, HOLDER).status == "ok"
    held = run(kc, "Object L = new Object(); var held = new CountDownLatch(1);"
                   " Thread h = new Thread(() -> robustness.Holder.hold(L, held)); h.setDaemon(true); h.start();"
                   " held.await();")
    assert held.status == "ok", held.error
    # Entering a monitor is not interruptible: this cell's own thread can never be stopped.
    msg_id = kc.execute("synchronized (L) { }")
    time.sleep(1.0)
    kc.control_channel.send(kc.session.msg("interrupt_request", {}))
    reply = reply_to(kc, msg_id, timeout=15)
    assert reply["content"]["ename"] == "Interrupted"
    assert any("session was replaced" in line for line in reply["content"]["traceback"]), reply["content"]
    log = log_containing(km, "closed a replaced Java session")
    assert "closed a replaced Java session" in log, log
    gone = run(kc, "L")
    assert gone.status == "error"  # the old session's variables are gone, as the reply said
    assert run(kc, "1 + 1").result["text/plain"] == "2"
