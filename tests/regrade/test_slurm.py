"""deploy/slurm/*.sbatch under a real Slurm (the one-node cluster of .ci/setup/20-slurm.sh): a class
regraded as a job array of three shards, merged by a job that depends on the array, gives the bytes of
a single `racecourse regrade`; a task resubmitted alone grades its own shard. Four students, two
exercises, to stay quick (2-3 min on 2 cores shared with other builds).
Without a running Slurm the test fails and says how to start one."""
import json
import os
import pathlib
import re
import shutil
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
RACECOURSE = ROOT / "bin" / "racecourse"
REGRADE_SBATCH = ROOT / "deploy" / "slurm" / "regrade.sbatch"
MERGE_SBATCH = ROOT / "deploy" / "slurm" / "merge.sbatch"
SOLUTIONS = ROOT / "solutions" / "src" / "main" / "java" / "exercises"
CORPUS = ROOT / "autograder" / "corpus"
EXERCISES = ("SafeCounter", "ParallelSum")
OUTPUTS = ("gradebook.csv", "summary.md", "totals.png")
START = "sudo bash .ci/setup/20-slurm.sh"
# Bounds, measured on 2 cores shared with other builds: the single run 30-60 s; the array and the merge
# 60-90 s (Slurm runs the three 2-CPU tasks one after another on this 2-CPU node).
SINGLE_TIMEOUT = 100
SLURM_TIMEOUT = 180
STUCK = f"a dead slurmd goes unnoticed by slurmctld for minutes; rerun '{START}'"

# Deterministic bugs only (no race whose detection could differ between two runs), and ids that
# hash to all three shards: erin to 1/3, dan to 2/3, alice and bob to 3/3.
BROKEN = "package exercises;\npublic final class SafeCounter { does not compile }\n"
CLASS = {
    "alice": {"SafeCounter.java": SOLUTIONS / "SafeCounter.java", "ParallelSum.java": SOLUTIONS / "ParallelSum.java"},
    "bob": {"SafeCounter.java": CORPUS / "SafeCounter/off-by-one/SafeCounter.java",
            "ParallelSum.java": SOLUTIONS / "ParallelSum.java"},
    "dan": {"SafeCounter.java": SOLUTIONS / "SafeCounter.java",
            "ParallelSum.java": CORPUS / "ParallelSum/slice-off-by-one/ParallelSum.java"},
    "erin": {"SafeCounter.java": BROKEN},  # does not compile, and no ParallelSum at all
}


def run(args, timeout, **kw):
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=timeout,
                          stdin=subprocess.DEVNULL, **kw)


def require_slurm():
    """A failure, not a skip, when there is no Slurm to submit to: it says how to start one."""
    missing = [tool for tool in ("sbatch", "scontrol", "sinfo", "scancel") if shutil.which(tool) is None]
    if missing:
        pytest.fail(f"Slurm is not installed ({', '.join(missing)} not on PATH): run '{START}' "
                    "(installs slurm-wlm and munge, starts a one-node cluster; CI's .ci/run does)", pytrace=False)
    ping = run(["scontrol", "ping"], 20)
    if ping.returncode != 0 or " is UP" not in ping.stdout:
        pytest.fail(f"Slurm is not running here (slurmctld does not answer scontrol ping): run '{START}' to start "
                    "the one-node cluster (CI's .ci/run does)", pytrace=False)
    states = run(["sinfo", "-h", "-N", "-o", "%N %T"], 20).stdout.split("\n")
    if not any(re.fullmatch(r"\S+ (idle|mixed|allocated|completing)", line) for line in states):
        pytest.fail(f"Slurm has no node taking jobs (sinfo: {states}): run '{START}', which starts slurmd "
                    "(CI's .ci/run does)", pytrace=False)


def make_class(root: pathlib.Path) -> pathlib.Path:
    for student, files in CLASS.items():
        (root / student).mkdir(parents=True)
        for name, source in files.items():
            text = source if isinstance(source, str) else source.read_text()
            (root / student / name).write_text(text)
    return root


def sbatch(*args, wait=None, **variables):
    """Submits from the checkout (the scripts find bin/racecourse there) with these environment variables
    (sbatch passes them to the job) and returns the job id; with wait=SECONDS, Slurm's own `sbatch --wait`
    blocks until the job has ended, bounded by that many seconds."""
    env = {k: v for k, v in os.environ.items() if k not in ("RACECOURSE", "SHARDS", "SEED", "CONFIRM")}
    env.update(variables)
    flags = ["--parsable"] + (["--wait"] if wait else [])
    try:
        p = run(["sbatch", *flags, *args], wait or 30, cwd=ROOT, env=env)
    except subprocess.TimeoutExpired as e:
        printed = e.stdout.decode() if isinstance(e.stdout, bytes) else e.stdout or ""
        return printed.strip().split(";")[0] or None, None
    assert p.stdout.strip(), f"sbatch {' '.join(map(str, args))} failed: {p.stderr.strip()}"
    return p.stdout.strip().split(";")[0], p.returncode


def job_states(job: str) -> dict:
    """Task or job -> (state, exit code), from scontrol (no accounting database here, so no sacct)."""
    p = run(["scontrol", "-o", "show", "job", job], 20)
    states = {}
    for line in p.stdout.splitlines():
        fields = dict(f.split("=", 1) for f in line.split() if "=" in f)
        task = fields.get("ArrayTaskId")
        states[f"task {task}" if task else "job"] = (fields.get("JobState"), fields.get("ExitCode"))
    return states


def logs(folder: pathlib.Path) -> str:
    return "\n".join(f"--- {p.name}\n{p.read_text()[-1500:]}" for p in sorted(folder.glob("*.out")))


def hangs(tmp_path: pathlib.Path) -> str:
    """The 'hang' verdicts of either run: on a machine loaded far beyond its cores, the grader's
    no-progress bound can fire on a correct solution, in one run and not the other."""
    found = [f"{p.relative_to(tmp_path)}: {line.strip()}" for p in sorted(tmp_path.glob("*/*/feedback.md"))
             for line in p.read_text().splitlines() if "failed (hang)" in line]
    found += [f"{p.relative_to(tmp_path)}: {line.strip()}" for p in sorted(tmp_path.glob("out/merged/*/feedback.md"))
              for line in p.read_text().splitlines() if "failed (hang)" in line]
    return "\nhang verdicts (load? compare `uptime` with the cores):\n" + "\n".join(found) if found else ""


def test_a_job_array_of_three_shards_then_a_merge_give_the_gradebook_of_one_run(tmp_path):
    require_slurm()
    klass = make_class(tmp_path / "class")
    # The script's default seed; no confirmation reruns (CONFIRM=0 below), they would double the time.
    options = ["--seed", "1", "--confirm", "0"]
    for e in EXERCISES:
        options += ["--exercise", e]
    # First the single run: it also builds the jars if they are stale, so three tasks never build at once.
    single = run([RACECOURSE, "regrade", klass, "--out", tmp_path / "single", "--jobs", "2", *options], SINGLE_TIMEOUT)
    assert single.returncode == 0, single.stderr

    out, log = tmp_path / "out", tmp_path / "logs"
    log.mkdir()
    array, _ = sbatch("--array=0-2", f"--output={log}/regrade-%A_%a.out", REGRADE_SBATCH, klass, out,
                      *[a for e in EXERCISES for a in ("--exercise", e)], CONFIRM="0")
    try:
        merge, status = sbatch(f"--dependency=afterok:{array}", f"--output={log}/merge-%j.out", MERGE_SBATCH, out,
                               wait=SLURM_TIMEOUT)
    finally:
        run(["scancel", array], 20)  # a no-op for finished jobs; leaves nothing queued after a failure
    if merge:
        run(["scancel", merge], 20)
    assert status is not None, (f"array {array} and merge {merge} not done within {SLURM_TIMEOUT}s ({STUCK}): "
                                f"{job_states(array)} {merge and job_states(merge)}\n{logs(log)}")
    merged = job_states(merge)
    array_states = job_states(array)
    assert sorted(array_states) == ["task 0", "task 1", "task 2"], array_states
    assert all(s == ("COMPLETED", "0:0") for s in array_states.values()), f"{array_states}\n{logs(log)}"
    assert list(merged.values()) == [("COMPLETED", "0:0")], f"merge {merged}\n{logs(log)}"

    # Every shard had someone to grade, so the merge really combined three parts.
    for k in (1, 2, 3):
        rows = (out / f"shard-{k}" / "gradebook.csv").read_text(encoding="utf-8-sig").splitlines()[1:]
        assert rows, f"shard {k}/3 graded no student"
    for name in OUTPUTS:
        merged_bytes, single_bytes = (out / "merged" / name).read_bytes(), (tmp_path / "single" / name).read_bytes()
        shown = "" if name.endswith(".png") else \
            f":\n--- merged\n{merged_bytes.decode('utf-8-sig')}\n--- single run\n{single_bytes.decode('utf-8-sig')}"
        assert merged_bytes == single_bytes, f"the merged {name} differs from the single run's{shown}{hangs(tmp_path)}"
    gradebook = (out / "merged" / "gradebook.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(gradebook) == 5 and gradebook[0] == '"student","SafeCounter","ParallelSum","total","review"'
    assert gradebook[1] == '"alice",10,10,20,""' and gradebook[2] == '"bob",3.33,10,13.33,""'
    assert gradebook[3].startswith('"dan",10,') and not gradebook[3].startswith('"dan",10,10,')  # slice off by one
    assert gradebook[4].startswith('"erin",0,0,0,')


def test_a_resubmitted_task_is_refused_without_shards_and_grades_its_own_shard_with_them(tmp_path):
    """A task resubmitted alone (--array=1) cannot know N from its one-index array: without SHARDS it
    fails at once in one line; with SHARDS=3 it grades shard 2/3 (dan), as task 1 of --array=0-2 did."""
    require_slurm()
    klass = make_class(tmp_path / "class")
    job, status = sbatch("--array=1", f"--output={tmp_path}/refused-%A_%a.out", REGRADE_SBATCH, klass,
                         tmp_path / "out", wait=60)
    if job:
        run(["scancel", job], 20)
    assert status is not None, f"job {job} not done within 60s ({STUCK}): {job_states(job)}"
    states = job_states(job)
    assert status == 2 and states == {"task 1": ("FAILED", "2:0")}, (status, states)
    err = (tmp_path / f"refused-{job}_1.out").read_text()
    assert err.strip().count("\n") == 0 and "is not 0-<N-1>: say the number of shards, SHARDS=N" in err, err
    assert not (tmp_path / "out").exists()

    job, status = sbatch("--array=1", f"--output={tmp_path}/resubmitted-%A_%a.out", REGRADE_SBATCH, klass,
                         tmp_path / "out", "--exercise", "SafeCounter", wait=90, SHARDS="3", CONFIRM="0")
    if job:
        run(["scancel", job], 20)
    log = (tmp_path / f"resubmitted-{job}_1.out") if job else None
    assert status == 0, f"job {job}: {status} {job and job_states(job)}\n{log and log.exists() and log.read_text()}"
    manifest = json.loads((tmp_path / "out" / "shard-2" / ".racecourse" / "manifest.json").read_text())
    assert (manifest["shard"], [s["id"] for s in manifest["students"]]) == ("2/3", ["dan"]), manifest
    assert (manifest["seed"], manifest["confirm"], manifest["exercises"]) == (1, 0, ["SafeCounter"]), manifest
