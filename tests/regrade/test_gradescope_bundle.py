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


def test_a_course_bundle_scales_points_and_takes_the_late_penalty_from_submission_metadata(tmp_path):
    """course.toml ships in the bundle; created_at in Gradescope's submission_metadata.json (ISO-8601, offset and
    microseconds, as Gradescope writes it) is 25 h after the deadline: 2 started days at 10 %, on 20 points."""
    (tmp_path / "course.toml").write_text('title = "t"\ntime_zone = "America/Los_Angeles"\nexercises = ["SafeCounter"]\n'
                                          'points = 20\n[late]\npercent_per_day = 10\nmax_percent = 50\ngrace_minutes = 15\n'
                                          '[exercise.SafeCounter]\ndeadline = 2026-10-05T23:59:00\n')
    bundle = tmp_path / "autograder.zip"
    made = subprocess.run([str(ROOT / "deploy/gradescope/make-bundle.sh"), "--out", str(bundle),
                           "--course", str(tmp_path / "course.toml")], capture_output=True, text=True, timeout=600)
    assert made.returncode == 0, made.stderr
    assert "course.toml" in zipfile.ZipFile(bundle).namelist()
    ag = tmp_path / "autograder"
    zipfile.ZipFile(bundle).extractall(ag / "source")
    run = ag / "run_autograder"
    run.write_bytes((ag / "source" / "run_autograder").read_bytes())
    run.chmod(0o755)
    (ag / "submission").mkdir(parents=True)
    (ag / "submission" / "SafeCounter.java").write_text(
        (ROOT / "solutions/src/main/java/exercises/SafeCounter.java").read_text())
    (ag / "submission_metadata.json").write_text(json.dumps({
        "id": 123456, "created_at": "2026-10-07T00:59:32.365935-07:00",
        "assignment": {"due_date": "2026-10-05T23:59:00.000000-07:00", "title": "SafeCounter"},
        "users": [{"email": "student@example.com", "id": 1234, "name": "Student User"}]}))
    p = subprocess.run([str(ROOT / "bin/with-jdk"), str(run)], capture_output=True, text=True, timeout=300,
                       env={**__import__("os").environ, "RACECOURSE_AUTOGRADER_ROOT": str(ag)})
    assert p.returncode == 0, p.stderr
    results = json.loads((ag / "results" / "results.json").read_text())
    course = results["extra_data"]["course"]["exercises"]["SafeCounter"]
    assert (course["raw"], course["hours_late"], course["penalty_percent"], course["final"]) == (20.0, 25.01, 20.0, 16.0), results
    assert results["score"] == 16.0
    assert "20% late penalty" in results["output"]
    assert round(sum(t["max_score"] for t in results["tests"]), 2) == 20.0
