"""`racecourse student-edition` (issue 14, part 1): the repository a class is given.

The edition is built once from this repository's jars (`make build`), then scanned for what a
student must not get; a fresh copy is then used as a new student would: `make lab` (as root, it must
say so and pass --allow-root), then `%grade BoundedBuffer` through a real kernel on the skeleton and
on the reference solution copied in; two notebooks run in the edition (all of them with
RACECOURSE_EDITION_NOTEBOOKS=1: about 4 minutes).
"""
import os
import pathlib
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile

import jupyter_client
import nbformat
import pytest
from nbclient import NotebookClient

from tests.conftest import ROOT, VENV
from tests.edition.leaks import Forbidden
from tests.kernel.conftest import run

CLI = ROOT / "bin" / "racecourse"
PUBLIC_ONLY = "the hidden tests run when your work is submitted"


@pytest.fixture(scope="module")
def forbidden():
    return Forbidden(ROOT)


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    out = tmp_path_factory.mktemp("edition") / "racecourse-student"
    start = time.monotonic()
    done = subprocess.run([str(CLI), "student-edition", "--out", str(out)], capture_output=True, text=True, timeout=120)
    took = time.monotonic() - start
    assert done.returncode == 0, done.stdout + done.stderr
    assert took < 60, f"the edition took {took:.1f} s to build (target: under a minute)"
    return out


def test_the_edition_holds_what_a_student_needs(edition):
    for path in ["README.md", "Makefile", "environment.yml", "postBuild", "requirements.txt", "bin/racecourse",
                 "bin/make-venv", "bin/lib/jdk.sh", "exercises/BoundedBuffer.java", "exercises/BoundedBuffer.md",
                 "exercises/tests/BoundedBufferPublicTest.java", "notebooks/00-start-here.ipynb"]:
        assert (edition / path).is_file(), path
    assert sorted(p.name for p in (edition / "notebooks").glob("*.ipynb")) == \
        sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
    jars = {p.name for p in (edition / "lib").glob("*.jar")}
    assert {"racecourse-cli.jar", "racecourse-kernel-0.1.0.jar", "racecourse-autograder-0.1.0.jar"} <= jars
    assert not [j for j in jars if "hidden" in j]
    for gone in ["solutions", "autograder", "autograder-hidden", "bench", "deploy", "docs", "tests", "cli", "kernel"]:
        assert not (edition / gone).exists(), gone
    assert "// TODO" in (edition / "exercises/BoundedBuffer.java").read_text()


def test_nothing_a_student_must_not_see(edition, forbidden):
    assert forbidden.scan(edition) == []


def plant_in_jar(jar: pathlib.Path, name: str, data: bytes):
    with zipfile.ZipFile(jar, "a") as z:
        z.writestr(name, data)


def test_the_scan_finds_a_planted_hidden_suite_or_solution(edition, forbidden, tmp_path):
    hidden_src = ROOT / "autograder-hidden/src/main/java/racecourse/instructor/suites/SafeCounterHiddenTest.java"
    hidden_class = ROOT / "autograder-hidden/target/classes/racecourse/instructor/suites/MemoizerHiddenTest.class"
    solution = ROOT / "solutions/src/main/java/exercises/BoundedBuffer.java"

    planted = tmp_path / "planted"
    shutil.copytree(edition, planted)
    shutil.copy(hidden_src, planted / "exercises/tests/Extra.java")   # renamed: found by its lines
    assert any("line of hidden suite SafeCounterHiddenTest" in l for l in forbidden.scan(planted))

    planted = tmp_path / "planted-class"
    shutil.copytree(edition, planted)
    kernel_jar = next((planted / "lib").glob("racecourse-kernel-*.jar"))
    plant_in_jar(kernel_jar, "racecourse/kernel/MemoizerHiddenTest.class", hidden_class.read_bytes())
    assert any("hidden suite MemoizerHiddenTest" in l and "!racecourse/kernel/" in l for l in forbidden.scan(planted))

    planted = tmp_path / "planted-solution"
    shutil.copytree(edition, planted)
    body = [l for l in solution.read_text().splitlines() if l.strip() in forbidden.solutions]
    assert body
    cli_jar = planted / "lib/racecourse-cli.jar"
    plant_in_jar(cli_jar, "notes/answers.txt", ("\n".join(body[:3]) + "\n").encode())
    assert any("line of the solution BoundedBuffer.java" in l and "racecourse-cli.jar!notes/answers.txt" in l
               for l in forbidden.scan(planted))


@pytest.mark.parametrize("where", ["inside", "not-empty"])
def test_refuses_an_out_inside_the_repository_or_not_empty(where, tmp_path):
    out = ROOT / "student-edition-here" if where == "inside" else tmp_path
    if where == "not-empty":
        (tmp_path / "keep.txt").write_text("mine")
    done = subprocess.run([str(CLI), "student-edition", "--out", str(out)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert ("inside the instructor repository" if where == "inside" else "is not empty") in done.stderr
    assert not (ROOT / "student-edition-here").exists()
    if where == "not-empty":
        assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]


# -- a new student's copy -------------------------------------------------------------------------

def stand_in_venv(student: pathlib.Path):
    """student/.venv as bin/make-venv leaves it, without downloading Jupyter again: a venv of its own
    (its own prefix, where the kernelspec goes) that imports the packages of this repository's .venv."""
    venv = student / ".venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=60)
    ours = next((venv / "lib").glob("python3*/site-packages"))
    theirs = next((VENV / "lib").glob("python3*/site-packages"))
    (ours / "racecourse-stand-in.pth").write_text(str(theirs) + "\n")
    for script, module in [("jupyter", "jupyter_core.command"), ("jupyter-lab", "jupyterlab.labapp")]:
        path = venv / "bin" / script
        path.write_text(f"#!{venv}/bin/python\nimport sys\nfrom {module} import main\nsys.exit(main())\n")
        path.chmod(0o755)
    (venv / ".racecourse-installed").touch()   # bin/make-venv: installed, newer than requirements.txt


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def student(edition, tmp_path_factory):
    """A fresh copy of the edition after its `make lab` ran: JupyterLab answered, then was stopped."""
    student = tmp_path_factory.mktemp("student") / "course"
    shutil.copytree(edition, student)
    stand_in_venv(student)
    port = free_port()
    lab = subprocess.Popen(["make", "lab", f"ARGS=--no-browser --port={port}"], cwd=student, text=True,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    output = []
    try:
        deadline = time.monotonic() + 120
        up = False
        while time.monotonic() < deadline and lab.poll() is None and not up:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api", timeout=2) as r:
                    up = r.status == 200
            except OSError:
                time.sleep(0.5)
        assert up, f"JupyterLab did not answer on port {port} (make lab exit status {lab.poll()})"
    finally:
        os.killpg(lab.pid, signal.SIGTERM)
        try:
            out, _ = lab.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(lab.pid, signal.SIGKILL)
            out, _ = lab.communicate(timeout=10)
        output.append(out)
    student_lab_output = "".join(output)
    if os.geteuid() == 0:
        assert "racecourse: running as root, so JupyterLab is started with --allow-root" in student_lab_output
    assert (student / ".venv/share/jupyter/kernels/racecourse/kernel.json").is_file(), student_lab_output
    return student


@pytest.fixture(scope="module")
def student_kernel(student):
    env = {"JUPYTER_PATH": str(student / ".venv/share/jupyter"), "JUPYTER_PLATFORM_DIRS": "1"}
    saved = dict(os.environ)
    os.environ.update(env)
    try:
        km, kc = jupyter_client.manager.start_new_kernel(kernel_name="racecourse", startup_timeout=60,
                                                         cwd=str(student / "notebooks"))
    finally:
        os.environ.clear()
        os.environ.update(saved)
    yield kc
    kc.stop_channels()
    km.shutdown_kernel(now=True)


def grade_text(r):
    shown = [m["content"]["data"] for m in r.of_type("display_data") if "text/plain" in m["content"]["data"]]
    assert len(shown) == 1, r.messages
    return shown[0]["text/plain"], shown[0]["text/html"]


def test_grade_in_the_edition_runs_the_public_tests_and_says_hidden_ones_run_on_submission(student, student_kernel):
    r = run(student_kernel, "%grade BoundedBuffer --seed 5", timeout=150)
    assert r.status == "ok", r.error
    assert str(student / "exercises/BoundedBuffer.java") in r.stdout
    text, html = grade_text(r)
    assert "FAIL" in text and "[functional]" in text, text
    assert "(hidden)" not in text
    assert PUBLIC_ONLY in text and PUBLIC_ONLY in html

    shutil.copy(ROOT / "solutions/src/main/java/exercises/BoundedBuffer.java", student / "exercises/BoundedBuffer.java")
    r = run(student_kernel, "%grade BoundedBuffer --seed 5", timeout=150)
    assert r.status == "ok", r.error
    text, _ = grade_text(r)
    assert "FAIL" not in text, text
    assert "BoundedBuffer: 10 / 10 (3 of 3 tests passed)" in text, text
    assert PUBLIC_ONLY in text


# The notebooks the edition's kernel runs here: the first (charts, display, the kernel's basics)
# and the last (deadlocks explained, the kernel's thread diagnostics). Every notebook is
# byte-identical to the instructor's (checked below), and those all run in tests/notebooks; a whole
# run in the edition takes about 4 minutes: RACECOURSE_EDITION_NOTEBOOKS=1 runs them all.
EDITION_NOTEBOOKS = ("00-start-here", "07-races-and-deadlocks")


def test_the_editions_notebooks_are_the_courses(student):
    ours = {p.name: p.read_bytes() for p in (ROOT / "notebooks").glob("*.ipynb")}
    theirs = {p.name: p.read_bytes() for p in (student / "notebooks").glob("*.ipynb")}
    assert theirs == ours


@pytest.mark.timeout(900)
def test_notebooks_of_the_edition_run(student, monkeypatch):
    monkeypatch.setenv("JUPYTER_PATH", str(student / ".venv/share/jupyter"))
    monkeypatch.setenv("JUPYTER_PLATFORM_DIRS", "1")
    problems = []
    everything = os.environ.get("RACECOURSE_EDITION_NOTEBOOKS") == "1"
    for path in sorted((student / "notebooks").glob("*.ipynb")):
        if not everything and path.stem not in EDITION_NOTEBOOKS:
            continue
        nb = nbformat.read(path, as_version=4)
        start = time.monotonic()
        NotebookClient(nb, timeout=60, kernel_name="racecourse", allow_errors=True,
                       resources={"metadata": {"path": str(path.parent)}}).execute()
        print(f"{path.name}: {time.monotonic() - start:.1f} s")
        for i, cell in enumerate(nb.cells):
            if cell.cell_type == "code" and "raises-exception" not in cell.metadata.get("tags", []):
                errors = [o for o in cell.outputs if o.output_type == "error"]
                if errors:
                    problems.append(f"{path.name} cell {i}: {errors[0].ename}: {errors[0].evalue}")
    assert not problems, "\n".join(problems)
