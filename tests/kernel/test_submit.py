"""%submit CLASS (issue 17): the notebook's exercise sent to a real submission service.

A real `racecourse serve` on 127.0.0.1 (SQLite in a temporary folder, one grading thread), tokens
from `racecourse tokens`, and a kernel whose RACECOURSE_CONFIG folder holds the server's address
and the student's token, as `racecourse login` writes them.
"""
import csv
import io
import re
import subprocess
import time

import pytest

from tests.conftest import ROOT
from tests.kernel.conftest import run, start_kernel
from tests.kernel.test_grade import html_of

RACECOURSE = str(ROOT / "bin" / "racecourse")
REFERENCE = (ROOT / "solutions" / "src" / "main" / "java" / "exercises" / "SafeCounter.java").read_text()


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    d = tmp_path_factory.mktemp("service")
    (d / "roster.csv").write_text("id,name,email,section\nalice,Alice,alice@example.org,1\n")
    tokens = subprocess.run([RACECOURSE, "tokens", "--roster", str(d / "roster.csv"), "--data", str(d / "data")],
                            check=True, capture_output=True, text=True, timeout=300).stdout
    token = {row["id"]: row["token"] for row in csv.DictReader(io.StringIO(tokens))}["alice"]
    server = subprocess.Popen([RACECOURSE, "serve", "--roster", str(d / "roster.csv"), "--data", str(d / "data"),
                               "--bind", "127.0.0.1:0", "--workers", "1"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = None
    deadline = time.monotonic() + 120
    while url is None and time.monotonic() < deadline:
        line = server.stdout.readline()
        if not line:
            break
        m = re.search(r"listening on (http://127\.0\.0\.1:\d+)", line)
        url = m.group(1) if m else None
    assert url, "the server did not start"
    config = d / "config"
    config.mkdir()
    (config / "server").write_text(url + "\n")
    (config / "token").write_text(token + "\n")
    yield config
    server.kill()
    server.wait(timeout=30)


@pytest.fixture(scope="module")
def kernel(kernel_env, service):
    km, kc = start_kernel({**kernel_env, "RACECOURSE_CONFIG": str(service)})
    yield km, kc
    kc.stop_channels()
    km.shutdown_kernel(now=False)


def test_submit_prints_the_receipt_then_the_verdicts_as_grade_does(kernel):
    _, kc = kernel
    assert run(kc, "%%javac\n" + REFERENCE).status == "ok"
    r = run(kc, "%submit SafeCounter", timeout=240)
    assert r.status == "ok", r.error
    assert "Submitting SafeCounter from cell [" in r.stdout
    assert re.search(r"Submitted SafeCounter: receipt [0-9a-f-]{36}, received \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC, on time",
                     r.stdout), r.stdout
    html = html_of(r)["text/html"]
    assert "score <b>10 / 10</b>" in html, html
    assert "FAIL" not in html


def test_a_refused_submission_says_why_in_one_line(kernel, service):
    _, kc = kernel
    good = (service / "token").read_text()
    (service / "token").write_text("not-a-token\n")
    try:
        r = run(kc, "%submit SafeCounter", timeout=120)
    finally:
        (service / "token").write_text(good)
    assert r.status == "error"
    assert "the server refused (401)" in r.stdout + r.stderr + str(r.error), r.stdout
