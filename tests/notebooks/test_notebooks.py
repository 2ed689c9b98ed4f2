"""The chapter's notebooks: each runs top to bottom through the Racecourse kernel, on time, with the
errors, charts and outputs it promises; and each is committed stripped of outputs.

Cell tags used by the notebooks (see notebooks/README.md):
  raises-exception  the cell shows an error on purpose: it must end in an error
  chart             the cell must show at least one image/png; every notebook has one such cell
  stderr            the cell may write to stderr (otherwise stderr output fails the test, since
                    an uncaught exception in a background thread only shows up there)
The kernel's own notes on stderr ("note: 1 thread started by this cell still running ...") are
not failures: demo servers keep running across cells on purpose and are closed later.
"""
import json
import pathlib
import subprocess
import sys
import time

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = pathlib.Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
CHAPTER = [
    "00-start-here", "01-processes", "02-io-multiplexing", "03-threads",
    "04-shared-variables", "05-synchronization", "06-parallelism", "07-races-and-deadlocks",
    "08-atomics-and-lock-free", "09-tasks-futures-cancellation", "10-testing-concurrent-code",
    "11-capstone-caching-proxy",
]
CELL_TIMEOUT_S = 60
NOTEBOOK_BUDGET_S = 90
KERNELSPEC = {"name": "racecourse", "display_name": "Java (Racecourse)", "language": "java"}
MAX_CODE_CELL_LINES = 30
PICTURES = ("image/png", "image/svg+xml")


def committed():
    return sorted(NOTEBOOKS.glob("*.ipynb"))


def test_the_chapter_is_complete_and_in_order():
    assert [p.stem for p in committed()] == CHAPTER


@pytest.mark.parametrize("path", committed(), ids=lambda p: p.stem)
def test_committed_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata.kernelspec == KERNELSPEC
    assert nb.metadata.language_info.name == "java"
    dirty = [i for i, c in enumerate(nb.cells)
             if c.cell_type == "code" and (c.outputs or c.execution_count is not None)]
    assert not dirty, f"{path.name}: cells {dirty} have outputs; run notebooks/strip.py"


def test_strip_check_passes():
    done = subprocess.run([sys.executable, str(NOTEBOOKS / "strip.py"), "--check"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("path", committed(), ids=lambda p: p.stem)
def test_code_cells_are_short(path):
    nb = nbformat.read(path, as_version=4)
    long = [f"cell {i} has {len(c.source.splitlines())} lines" for i, c in enumerate(nb.cells)
            if c.cell_type == "code" and len(c.source.splitlines()) > MAX_CODE_CELL_LINES]
    assert not long, f"{path.name}: code cells over {MAX_CODE_CELL_LINES} lines (split them): {long}"


@pytest.mark.parametrize("path", committed(), ids=lambda p: p.stem)
def test_every_notebook_promises_a_picture(path):
    # The promise is checked here without a kernel; test_notebook_runs checks it is kept.
    nb = nbformat.read(path, as_version=4)
    assert any("chart" in c.metadata.get("tags", []) for c in nb.cells if c.cell_type == "code"), \
        f"{path.name}: no code cell tagged chart (every notebook shows at least one chart or diagram)"


@pytest.mark.parametrize("path", committed(), ids=lambda p: p.stem)
def test_notebook_runs(path, kernel_env, monkeypatch):
    for k, v in kernel_env.items():
        monkeypatch.setenv(k, v)
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=CELL_TIMEOUT_S, kernel_name="racecourse", allow_errors=True,
                            resources={"metadata": {"path": str(NOTEBOOKS)}})
    start = time.monotonic()
    client.execute()
    took = time.monotonic() - start

    problems = []
    pictures = 0
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        tags = set(cell.metadata.get("tags", []))
        head = f"cell {i} ({cell.source.splitlines()[0][:60] if cell.source else ''!r})"
        errors = [o for o in cell.outputs if o.output_type == "error"]
        stderr = "".join(line for o in cell.outputs if o.output_type == "stream" and o.name == "stderr"
                         for line in o.text.splitlines(keepends=True) if not line.startswith("note: "))
        pngs = [o for o in cell.outputs if "image/png" in o.get("data", {})]
        pictures += sum(1 for o in cell.outputs if any(k in o.get("data", {}) for k in PICTURES))
        if "raises-exception" in tags and not errors:
            problems.append(f"{head}: tagged raises-exception but ran without error")
        if "raises-exception" not in tags and errors:
            problems.append(f"{head}: {errors[0].ename}: {errors[0].evalue}")
        if stderr and "stderr" not in tags:
            problems.append(f"{head}: wrote to stderr: {stderr[:500]}")
        if "chart" in tags and not pngs:
            problems.append(f"{head}: tagged chart but shows no image/png")
    if not pictures:
        problems.append("no cell shows a picture (an image/png or image/svg+xml output)")
    assert not problems, f"{path.name}:\n" + "\n".join(problems)
    assert took < NOTEBOOK_BUDGET_S, f"{path.name} took {took:.1f} s (budget {NOTEBOOK_BUDGET_S} s)"
