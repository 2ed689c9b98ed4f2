"""The Gradescope bundle: built by deploy/gradescope/make-bundle.sh (racecourse gradescope-bundle), unpacked as Gradescope does
(source/ plus run_autograder), run against a fake /autograder given by RACECOURSE_AUTOGRADER_ROOT."""
import json
import pathlib
import subprocess
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent


def test_run_autograder_grades_the_submission_into_results(tmp_path):
    bundle = tmp_path / "autograder.zip"
    made = subprocess.run([str(ROOT / "deploy/gradescope/make-bundle.sh"), "--out", str(bundle)],
                          capture_output=True, text=True, timeout=600)
    assert made.returncode == 0, made.stderr
    names = zipfile.ZipFile(bundle).namelist()
    assert "setup.sh" in names and "run_autograder" in names and "lib/racecourse-cli.jar" in names
    for script in ("setup.sh", "run_autograder"):  # Gradescope runs them as they come out of the zip
        mode = zipfile.ZipFile(bundle).getinfo(script).external_attr >> 16
        assert mode & 0o111, f"{script} is not executable in the bundle"
    ag = tmp_path / "autograder"
    zipfile.ZipFile(bundle).extractall(ag / "source")
    run = ag / "run_autograder"
    run.write_bytes((ag / "source" / "run_autograder").read_bytes())
    run.chmod(0o755)
    (ag / "submission" / "src").mkdir(parents=True)
    (ag / "submission" / "src" / "SafeCounter.java").write_text(
        (ROOT / "solutions/src/main/java/exercises/SafeCounter.java").read_text())
    p = subprocess.run([str(ROOT / "bin/with-jdk"), str(run)], capture_output=True, text=True, timeout=300,
                       env={**__import__("os").environ, "RACECOURSE_AUTOGRADER_ROOT": str(ag)})
    assert p.returncode == 0, p.stderr
    results = json.loads((ag / "results" / "results.json").read_text())
    assert results["score"] == 10.0, results["output"]
    assert results["extra_data"]["exercises"]["SafeCounter"]["score"] == 10.0
    assert len(results["tests"]) > 11
