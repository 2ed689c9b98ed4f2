"""%submit CLASS (issue 17): the notebook's exercise sent to a real submission service.

A real `racecourse serve` on 127.0.0.1 (SQLite in a temporary folder, one grading thread), tokens
from `racecourse tokens`, and a kernel whose RACECOURSE_CONFIG folder holds the server's address
and the student's token, as `racecourse login` writes them.
"""
import re

import pytest

from tests.conftest import ROOT
from tests.kernel.conftest import run, start_kernel
from tests.kernel.test_grade import html_of
from tests.service import running_service

REFERENCE = (ROOT / "solutions" / "src" / "main" / "java" / "exercises" / "SafeCounter.java").read_text()


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    d = tmp_path_factory.mktemp("service")
    with running_service(d) as (url, tokens):
        config = d / "config"
        config.mkdir()
        (config / "server").write_text(url + "\n")
        (config / "token").write_text(tokens["alice"] + "\n")
        yield config


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
