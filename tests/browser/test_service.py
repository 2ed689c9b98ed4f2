"""The submission service's pages (issue 17) in Debian's Chromium: a student logs in with a token,
submits SafeCounter.java through the form and reads the graded feedback; the instructor reads the
class grid and downloads the gradebook. A real `racecourse serve` grades with one worker.
(%submit from a notebook is tests/kernel/test_submit.py: the same server, through the kernel.)
"""
import json
import subprocess

import pytest

from tests.browser.test_lab import CHROMIUM, HERE, install_playwright, require_tools
from tests.conftest import ROOT
from tests.service import running_service

REFERENCE = ROOT / "solutions" / "src" / "main" / "java" / "exercises" / "SafeCounter.java"


@pytest.mark.timeout(420)
def test_a_student_submits_on_the_web_and_the_instructor_downloads_the_gradebook(tmp_path):
    require_tools()
    install_playwright()
    shots = tmp_path / "screenshots"
    shots.mkdir()
    print(f"\nscreenshots: {shots}")
    with running_service(tmp_path, students=("alice", "bob")) as (url, tokens):
        config = {"chromium": CHROMIUM, "url": url, "studentToken": tokens["alice"],
                  "instructorToken": tokens["@instructor"], "file": str(REFERENCE), "screenshots": str(shots),
                  "gradeSeconds": 150}
        proc = subprocess.run(["node", HERE / "drive_service.mjs", json.dumps(config)], cwd=HERE, capture_output=True,
                              text=True, timeout=300, stdin=subprocess.DEVNULL)
    steps = {s.get("step", "final"): s for s in (json.loads(l) for l in proc.stdout.splitlines() if l.startswith("{"))}
    final = steps.get("final", {})
    assert proc.returncode == 0 and final.get("ok"), f"{final.get('error')}\n{proc.stdout[-3000:]}\n{proc.stderr[-2000:]}"
    assert steps["student-logged-in"]["url"].endswith("/me")
    feedback = steps["student-feedback"]
    assert feedback["state"] == "graded", feedback
    assert feedback["passes"] == 6 and feedback["fails"] == 0, feedback["text"]
    assert "SafeCounter: 10 / 10" in feedback["text"], feedback["text"]
    assert steps["student-list"]["listed"]
    assert steps["student-class"]["status"] == 403
    grid = steps["instructor-grid"]
    assert grid["url"].endswith("/class") and "alice" in grid["grid"] and "bob" in grid["grid"], grid
    gradebook = steps["gradebook"]
    assert gradebook["name"] == "gradebook.csv"
    rows = gradebook["text"].lstrip("\ufeff").splitlines()
    assert rows[0].startswith('"student"') and any(r.startswith('"alice",10,') for r in rows), rows
    assert final["errors"] == [], final["errors"]
