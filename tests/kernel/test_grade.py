"""%grade CLASS (issue 9): the student's current exercise graded by the autograder in a child JVM.

Each test drives a real kernel through jupyter_client; the grader runs for real (a few seconds per
exercise on 2 cores).
"""
import time

from tests.conftest import ROOT
from tests.kernel.conftest import run
from tests.kernel.test_concurrency import interrupt_after_start

# Deliberately wrong: thread-safe, but take returns the newest item (a stack), not the oldest.
LIFO_BUFFER = "%%javac\n" + (ROOT / "tests" / "fixtures" / "LifoBoundedBuffer.java").read_text()

# Deliberately stuck: take never returns, so the grader's first test waits for its time limit.
STUCK_COUNTER = """%%javac
package exercises;

public final class SafeCounter {
    public SafeCounter() { }
    public synchronized void increment() { }
    public synchronized long get() {
        while (true) { try { wait(); } catch (InterruptedException e) { } }
    }
}
"""


def html_of(r):
    shown = [m["content"]["data"] for m in r.of_type("display_data") if "text/html" in m["content"]["data"]]
    assert len(shown) == 1, f"expected one HTML report, got {r.messages}"
    return shown[0]


def test_grade_uses_the_latest_javac_cell_and_shows_verdicts_as_html(kernel):
    _, kc = kernel
    compiled = run(kc, LIFO_BUFFER)
    assert compiled.status == "ok", compiled.error
    r = run(kc, "%grade BoundedBuffer --seed 5", timeout=120)
    assert r.status == "ok", r.error
    assert "Grading BoundedBuffer from cell [" in r.stdout and "(%%javac)" in r.stdout
    data = html_of(r)
    html, text = data["text/html"], data["text/plain"]
    assert "FAIL" in html and "PASS" in html
    assert '<b class="grade-verdict">functional</b>' in html
    assert "got [3, 2, 1]" in html, html  # the explanation of the FIFO test
    assert "score <b>" in html and " / 10</b>" in html
    assert "[functional]" in text


def test_grade_without_a_javac_cell_reads_exercises_from_the_folders_above(kernel):
    _, kc = kernel
    # The kernel runs in the repository root here; exercises/SafeCounter.java is the skeleton.
    r = run(kc, "%grade SafeCounter --seed 5", timeout=120)
    assert r.status == "ok", r.error
    assert "exercises/SafeCounter.java" in r.stdout
    assert "FAIL" in html_of(r)["text/html"]  # the skeleton throws UnsupportedOperationException("TODO")


def test_interrupt_ends_the_grader_and_its_children(kernel):
    km, kc = kernel
    assert run(kc, STUCK_COUNTER).status == "ok"
    reply, took = interrupt_after_start(km, kc, "%grade SafeCounter", settle=2.5, timeout=15)
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "Interrupted"
    assert took < 5.0
    deadline = time.monotonic() + 5
    while True:
        left = run(kc, "ProcessHandle.current().descendants().count()").result["text/plain"]
        if left == "0" or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert left == "0", "the grader's JVMs outlived the interrupt"


def test_grade_says_how_to_call_it(kernel):
    _, kc = kernel
    r = run(kc, "%grade")
    assert r.status == "error"
    assert "which exercise?" in r.error["evalue"]
    r = run(kc, "%grade NoSuchExercise")
    assert r.status == "error"
    assert "exercises/NoSuchExercise.java" in r.error["evalue"]
