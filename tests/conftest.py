"""Shared pieces of the Python tests: where the repository is, and a fresh Racecourse kernel."""
import os
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"


@pytest.fixture(scope="session")
def root() -> pathlib.Path:
    return ROOT


@pytest.fixture(scope="session")
def kernel_env():
    """Environment in which Jupyter finds the kernelspec installed by `make kernel` into .venv."""
    env = dict(os.environ)
    env["JUPYTER_PATH"] = str(VENV / "share" / "jupyter")
    env["JUPYTER_PLATFORM_DIRS"] = "1"
    return env
