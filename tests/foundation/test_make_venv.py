"""bin/make-venv: each way of failing ends with one line saying what is missing and how to fix it."""
from .conftest import ROOT, clean_env, run

MAKE_VENV = ROOT / "bin" / "make-venv"
PROGRESS = "racecourse: installing"


def failure_lines(proc):
    """stderr lines other than the 'installing...' progress line."""
    return [line for line in proc.stderr.splitlines() if line.strip() and not line.startswith(PROGRESS)]


def assert_one_line(proc):
    assert proc.returncode != 0, f"expected failure, got exit 0; stderr={proc.stderr!r}"
    lines = failure_lines(proc)
    assert len(lines) == 1, f"expected exactly one error line on stderr, got {lines!r}"
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout
    return lines[0]


def test_missing_python_is_one_line_naming_python(tmp_path):
    venv = tmp_path / "venv"
    proc = run([MAKE_VENV, venv], env=clean_env(PYTHON="/nonexistent/python3"), timeout=60)
    line = assert_one_line(proc)
    assert "Python" in line and "install" in line.lower(), line
    assert not venv.exists(), "no venv should be created without a Python"


def test_python_older_than_3_10_is_one_line(tmp_path):
    stub = tmp_path / "python"
    stub.write_text(
        "#!/bin/sh\n"
        'if [ "$1" = --version ]; then echo "Python 3.8.0"; exit 0; fi\n'
        "exit 1\n")
    stub.chmod(0o755)
    venv = tmp_path / "venv"
    proc = run([MAKE_VENV, venv], env=clean_env(PYTHON=stub), timeout=60)
    line = assert_one_line(proc)
    assert "3.10" in line, line
    assert "3.8" in line, f"the line should say which Python was found: {line}"
    assert not venv.exists()


def test_no_network_for_pip_is_one_line(tmp_path):
    venv = tmp_path / "venv"
    env = clean_env(
        PIP_INDEX_URL="http://127.0.0.1:9/simple",  # port 9 (discard): nothing listens
        PIP_RETRIES="0", PIP_TIMEOUT="2", PIP_DEFAULT_TIMEOUT="2",
        PIP_FIND_LINKS=None, PIP_EXTRA_INDEX_URL=None, PIP_NO_INDEX=None,
        PIP_CONFIG_FILE="/dev/null")
    proc = run([MAKE_VENV, venv], env=env, timeout=240)
    line = assert_one_line(proc)
    assert "pip could not reach the package index" in line, line
    assert not (venv / ".racecourse-installed").exists(), "a failed install must not be marked done"


def test_a_pin_that_does_not_exist_is_not_blamed_on_the_network(tmp_path):
    # Same script, reachable-but-wrong case: a local "index" folder with nothing in it
    # (pip reads file:// indexes without network), so the failure is not a connection one.
    index = tmp_path / "index"
    index.mkdir()
    venv = tmp_path / "venv"
    env = clean_env(PIP_INDEX_URL=index.as_uri(), PIP_RETRIES="0", PIP_TIMEOUT="2",
                    PIP_DEFAULT_TIMEOUT="2", PIP_FIND_LINKS=None, PIP_EXTRA_INDEX_URL=None,
                    PIP_CONFIG_FILE="/dev/null")
    proc = run([MAKE_VENV, venv], env=env, timeout=240)
    line = assert_one_line(proc)
    assert "could not reach" not in line, line
    assert "pip could not install" in line, line
