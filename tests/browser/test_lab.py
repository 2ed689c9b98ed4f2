"""The course in a real browser (issue 9): JupyterLab from .venv, Debian's Chromium driven headless by
Playwright for Node (playwright-core, never a downloaded browser).

Notebook 03 is run from the Run menu; the page must show a chart, the expected printed line and no
error outside cells tagged raises-exception, the toolbar must name our kernel; then a %grade cell
grades a deliberately wrong BoundedBuffer put into the copy's exercises/ and its verdict must appear.
Screenshots go to this test's tmp_path (printed). Missing chromium or node fails the test, with the
command that installs it.
"""
import contextlib
import json
import os
import secrets
import shutil
import subprocess
import time

import pytest

from tests.conftest import ROOT, VENV
from tests.jupyter_server import get_json, stop_server, wait_until_serving
from tests.foundation.conftest import clean_env, free_port

HERE = ROOT / "tests" / "browser"
CHROMIUM = "/usr/bin/chromium"
NOTEBOOK = "03-threads.ipynb"
EXPECTED_PRINTED = "virtual? true, daemon? true"
STARTUP_TIMEOUT = 60
DRIVER_TIMEOUT = 170

# Deliberately wrong: thread-safe, but take returns the newest item (a stack), not the oldest.
# Deliberately wrong (LIFO) BoundedBuffer, shared with the %grade kernel tests.
WRONG_BOUNDED_BUFFER = (ROOT / "tests" / "fixtures" / "LifoBoundedBuffer.java").read_text()


def require_tools():
    """Node, npm and Chromium are needed; their absence is a failure that says what to install."""
    problems = []
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        problems.append(f"{CHROMIUM} is missing: run 'apt-get update && apt-get install -y chromium' "
                        "(CI's .ci/run does)")
    for tool in ("node", "npm"):
        if shutil.which(tool) is None:
            problems.append(f"{tool} is not on PATH: install Node.js 18+ (e.g. 'apt-get install -y nodejs npm')")
    if problems:
        pytest.fail("the browser test cannot run:\n  " + "\n  ".join(problems), pytrace=False)
    kernel_json = VENV / "share" / "jupyter" / "kernels" / "racecourse" / "kernel.json"
    if not kernel_json.is_file():
        pytest.fail(f"no Racecourse kernelspec at {kernel_json}: run 'make kernel'", pytrace=False)


def install_playwright():
    """`npm ci` into tests/browser/node_modules unless the locked playwright-core is there already."""
    locked = json.loads((HERE / "package-lock.json").read_text())["packages"]["node_modules/playwright-core"]["version"]
    installed = HERE / "node_modules" / "playwright-core" / "package.json"
    if installed.is_file() and json.loads(installed.read_text()).get("version") == locked:
        return
    env = dict(os.environ, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD="1")
    proc = subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"], cwd=HERE, env=env,
                          capture_output=True, text=True, timeout=180, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, f"npm ci in {HERE} failed:\n{proc.stdout}\n{proc.stderr}"


def error_cells(notebook):
    """Indexes (among all cells) of the code cells that promise an error (tag raises-exception)."""
    nb = json.loads(notebook.read_text())
    return [i for i, c in enumerate(nb["cells"])
            if c["cell_type"] == "code" and "raises-exception" in c.get("metadata", {}).get("tags", [])]


@pytest.fixture
def course(tmp_path):
    """A copy of notebooks/ and exercises/, side by side as in the repository, with a wrong BoundedBuffer."""
    course = tmp_path / "course"
    shutil.copytree(ROOT / "notebooks", course / "notebooks",
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    shutil.copytree(ROOT / "exercises", course / "exercises")
    (course / "exercises" / "BoundedBuffer.java").write_text(WRONG_BOUNDED_BUFFER)
    return course


@contextlib.contextmanager
def running_lab(tmp_path, root_dir, **env):
    """JupyterLab from .venv on a free port of 127.0.0.1 serving root_dir, our kernel the default, its
    settings and runtime under tmp_path; env is added to the server's (and so the kernel's)
    environment. Yields (base url, token, log file); stopped when the caller is done."""
    port, token = free_port(), secrets.token_hex(16)
    settings = tmp_path / "lab-settings"
    # All cells attached to the page (no windowing), so every output can be looked at; no news popup.
    (settings / "@jupyterlab" / "notebook-extension").mkdir(parents=True)
    (settings / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings").write_text(
        json.dumps({"windowingMode": "none"}))
    (settings / "@jupyterlab" / "apputils-extension").mkdir(parents=True)
    (settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    env = clean_env(JUPYTER_PATH=VENV / "share" / "jupyter", JUPYTER_PLATFORM_DIRS="1",
                    JUPYTER_RUNTIME_DIR=tmp_path / "runtime", JUPYTER_DATA_DIR=tmp_path / "data", JUPYTER_CONFIG_DIR=tmp_path / "config",
                    JUPYTERLAB_SETTINGS_DIR=settings, JUPYTERLAB_WORKSPACES_DIR=tmp_path / "workspaces", **env)
    args = [VENV / "bin" / "jupyter", "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
            "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={root_dir}",
            "--MappingKernelManager.default_kernel_name=racecourse", "--LabApp.expose_app_in_browser=True"]
    if os.geteuid() == 0:
        args.append("--allow-root")
    log = tmp_path / "lab.log"
    with open(log, "w") as out:
        proc = subprocess.Popen([str(a) for a in args], cwd=root_dir, env=env, stdin=subprocess.DEVNULL,
                                stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(proc, base, token, log, STARTUP_TIMEOUT, "JupyterLab")
        yield base, token, log
    finally:
        stop_server(proc)


def run_driver(script, config, timeout, shots, log):
    """Runs a node driver with its JSON config; if it does not finish in time, fails the test with
    what it printed, where its screenshots are and the end of JupyterLab's log."""
    try:
        return subprocess.run(["node", HERE / script, json.dumps(config)], cwd=HERE, capture_output=True, text=True,
                              timeout=timeout, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as e:
        pytest.fail(f"the browser driver did not finish within {timeout} s; output so far:\n{e.stdout}\n"
                    f"screenshots: {shots}\nJupyterLab log:\n{log.read_text()[-2000:]}")


@pytest.fixture
def lab(tmp_path, course):
    with running_lab(tmp_path, course / "notebooks") as served:
        yield served


@pytest.fixture
def playwright_ready():
    require_tools()
    install_playwright()


@pytest.mark.timeout(240)  # the driver is bounded at 170 s; lab start-up at 60 s
def test_notebook_03_runs_in_chromium_and_grade_shows_the_verdict(tmp_path, playwright_ready, course, lab):
    base, token, log = lab
    shots = tmp_path / "screenshots"
    shots.mkdir()
    print(f"\nscreenshots: {shots}")
    expected_errors = error_cells(course / "notebooks" / NOTEBOOK)
    config = {
        "chromium": CHROMIUM,
        "url": f"{base}/lab/tree/{NOTEBOOK}?token={token}",
        "screenshots": str(shots),
        "expectedPrinted": EXPECTED_PRINTED,
        "gradeCell": "%grade BoundedBuffer",
        "kernelStartMs": 60_000,
        "runAllMs": 120_000,
        "gradeMs": 90_000,
    }
    started = time.monotonic()
    proc = run_driver("drive_lab.mjs", config, DRIVER_TIMEOUT, shots, log)
    took = time.monotonic() - started
    steps = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    transcript = "\n".join(proc.stdout.splitlines()[-40:]) + "\n" + proc.stderr[-2000:]
    context = f"\nscreenshots: {shots}\ndriver output:\n{transcript}\nJupyterLab log:\n{log.read_text()[-2000:]}"
    print(f"browser driver: {took:.1f} s")
    for s in steps:
        if "screenshot" in s:
            print(f"  {s['screenshot']}")
    final = steps[-1] if steps else {}
    assert proc.returncode == 0 and final.get("ok"), f"the browser run failed: {final.get('error')}{context}"

    by_step = {s["step"]: s for s in steps if "step" in s}
    assert by_step["opened"]["toolbarKernel"] == "Java (Racecourse)", context
    ran = by_step["ran"]
    assert ran["kernel"] == "Java (Racecourse)", context
    with_errors = {c["index"]: c["errors"] for c in ran["cells"] if c["errors"]}
    unexpected = {i: e for i, e in with_errors.items() if i not in expected_errors}
    missing = [i for i in expected_errors if i not in with_errors]
    assert not unexpected, f"cells show errors they do not promise (tag raises-exception): {unexpected}{context}"
    assert not missing, f"cells tagged raises-exception show no error: {missing}{context}"
    page = by_step["page"]
    assert page["images"] >= 1, f"no chart image (img with a data:image/svg+xml src: JupyterLab prefers our SVG) on the page{context}"
    assert page["printed"] >= 1, f"{EXPECTED_PRINTED!r} is not printed on the page{context}"

    graded = by_step["graded"]
    assert not graded["gradeErrors"], f"%grade failed: {graded['gradeErrors']}{context}"
    assert "Grading BoundedBuffer from" in graded["progress"] and "exercises/BoundedBuffer.java" in graded["progress"], \
        context
    text = graded["gradeText"]
    assert "FAIL" in text and "functional" in text, f"no verdict in the %grade output: {text!r}{context}"
    assert "got [3, 2, 1]" in text, f"the explanation of the FIFO test is missing: {text!r}{context}"
