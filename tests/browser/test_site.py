"""The web edition (issue 16): bin/build-site runs notebooks through the Racecourse kernel and writes
a static site; Debian's Chromium opens it from file:// with no server and no network.

Two notebooks keep the test short (every notebook runs in tests/notebooks already); the exercise
pages are all built. Screenshots go to this test's tmp_path (printed).
"""
import json
import subprocess

import pytest

from tests.browser.test_lab import CHROMIUM, HERE, install_playwright, require_tools
from tests.conftest import ROOT, VENV

NOTEBOOK = "03-threads"


@pytest.mark.timeout(300)
def test_site_builds_and_reads_in_chromium(tmp_path, kernel_env):
    require_tools()
    install_playwright()
    site = tmp_path / "site"
    build = subprocess.run([str(VENV / "bin" / "python"), str(ROOT / "bin" / "build-site"), "--out", str(site),
                            "--only", "00-start-here", NOTEBOOK], env=kernel_env, capture_output=True, text=True,
                           timeout=240, stdin=subprocess.DEVNULL)
    assert build.returncode == 0, build.stderr[-3000:]
    assert (site / "index.html").is_file() and (site / f"{NOTEBOOK}.html").is_file()
    statements = sorted(p.stem for p in (ROOT / "exercises").glob("*.md"))
    assert sorted(p.stem for p in (site / "exercises").glob("*.html")) == statements
    # Published: statements and executed notebooks, never a solution or a test suite.
    published = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    assert "BEGIN SOLUTION" not in published and "HiddenTest" not in published

    shots = tmp_path / "screenshots"
    shots.mkdir()
    print(f"\nscreenshots: {shots}")
    config = {"chromium": CHROMIUM, "index": (site / "index.html").as_uri(), "notebook": f"{NOTEBOOK}.html",
              "notebookText": "virtual? true, daemon? true", "screenshots": str(shots)}
    proc = subprocess.run(["node", HERE / "drive_site.mjs", json.dumps(config)], cwd=HERE, capture_output=True,
                          text=True, timeout=120, stdin=subprocess.DEVNULL)
    steps = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    final = steps[-1] if steps else {}
    assert proc.returncode == 0 and final.get("ok"), f"{final.get('error')}\n{proc.stdout[-3000:]}\n{proc.stderr[-2000:]}"
    pages = {s["page"]: s for s in steps if "page" in s}

    index = pages["index"]
    assert f"{NOTEBOOK}.html" in index["links"] and "exercises/BoundedBuffer.html" in index["links"], index
    notebook = pages["notebook"]
    assert notebook["hasOutput"], "the notebook page shows what its cells printed when they ran"
    assert notebook["pictures"] >= 1, notebook
    assert not any(l.endswith(".ipynb") or l.endswith(".md") for l in notebook["links"]), notebook["links"]
    exercise = pages["exercise"]
    assert exercise["url"].endswith(".html") and "/exercises/" in exercise["url"] and exercise["hasTable"], exercise
    assert final["offsite"] == [], f"the site fetched something beyond its files: {final['offsite']}"
    assert final["errors"] == [], final["errors"]


def test_build_site_refuses_a_folder_it_did_not_make(tmp_path, kernel_env):
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "notes.txt").write_text("keep me")
    done = subprocess.run([str(VENV / "bin" / "python"), str(ROOT / "bin" / "build-site"), "--out", str(precious),
                           "--only", NOTEBOOK], env=kernel_env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "was not made by build-site" in done.stderr, done.stderr
    assert (precious / "notes.txt").read_text() == "keep me"
    bad = subprocess.run([str(VENV / "bin" / "python"), str(ROOT / "bin" / "build-site"), "--out", str(tmp_path / "s"),
                          "--only", "99-nope"], env=kernel_env, capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "no notebook named 99-nope" in bad.stderr, bad.stderr
