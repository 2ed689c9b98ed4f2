"""The layout the course is known by: if a piece disappears, this fails and names it."""
import subprocess

import pytest

from .conftest import ROOT

REQUIRED_FOLDERS = ["exercises", "solutions", "kernel", "autograder", "notebooks"]


@pytest.mark.parametrize("folder", REQUIRED_FOLDERS)
def test_required_folder_exists(folder):
    path = ROOT / folder
    assert path.is_dir(), (
        f"the top-level folder '{folder}/' is missing from {ROOT}: the course layout needs "
        f"exercises/, solutions/, kernel/, autograder/ and notebooks/")


def test_environment_yml_exists():
    assert (ROOT / "environment.yml").is_file(), (
        f"environment.yml is missing from {ROOT}: conda and Binder users need it")


def top_level_folders():
    """Non-hidden top-level folders holding at least one file git tracks or would track.

    Outside a git checkout (e.g. a downloaded archive) every non-hidden folder counts.
    """
    try:
        out = subprocess.run(
            ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT, capture_output=True, text=True, timeout=60, check=True).stdout
        folders = {line.split("/", 1)[0] for line in out.splitlines() if "/" in line}
    except (OSError, subprocess.CalledProcessError):
        folders = {p.name for p in ROOT.iterdir() if p.is_dir() and p.name not in ("__pycache__",)}
    folders.update(REQUIRED_FOLDERS)
    return sorted(f for f in folders if not f.startswith("."))


@pytest.mark.parametrize("folder", top_level_folders())
def test_folder_has_readme(folder):
    readme = ROOT / folder / "README.md"
    assert readme.is_file(), f"the top-level folder '{folder}/' has no README.md saying what lives there"
    assert readme.read_text(encoding="utf-8").strip(), f"'{folder}/README.md' is empty"


def test_readme_check_sees_the_course_folders():
    # Guard against the README check silently covering nothing (e.g. git listing failing quietly).
    folders = top_level_folders()
    for folder in REQUIRED_FOLDERS + ["bin", "tests"]:
        assert folder in folders, f"top-level folder '{folder}/' is not seen by the README check"
