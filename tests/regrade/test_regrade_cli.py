"""racecourse regrade and merge through bin/racecourse, as real processes: a run killed with SIGKILL
and resumed gives the gradebook of an uninterrupted run; three shards run as separate processes and
merged give the same bytes; an empty ROOT is one line. Graded on SafeCounter only, to stay quick."""
import os
import pathlib
import queue
import signal
import subprocess
import threading
import zipfile

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
RACECOURSE = ROOT / "bin" / "racecourse"
REFERENCE = (ROOT / "solutions/src/main/java/exercises/SafeCounter.java").read_text()
OFF_BY_ONE = (ROOT / "autograder/corpus/SafeCounter/off-by-one/SafeCounter.java").read_text()
LOST_UPDATE = (ROOT / "autograder/corpus/SafeCounter/lost-update/SafeCounter.java").read_text()
BROKEN = "package exercises;\npublic final class SafeCounter { does not compile }\n"
OUTPUTS = ("gradebook.csv", "summary.md", "totals.png")


def make_class(root: pathlib.Path) -> pathlib.Path:
    """Correct, buggy, non-compiling, missing, a broken zip, hostile and unicode names."""
    files = {"alice": REFERENCE, "bob": OFF_BY_ONE, "carol": BROKEN, "=HYPERLINK(x)": REFERENCE,
             "d a \u00fc": LOST_UPDATE, "frank": REFERENCE}
    for student, text in files.items():
        (root / student).mkdir(parents=True)
        (root / student / "SafeCounter.java").write_text(text)
    with zipfile.ZipFile(root / "gina.zip", "w") as z:
        z.writestr("gina/src/SafeCounter.java", REFERENCE)
    (root / "empty").mkdir()
    (root / "zed.zip").write_bytes(b"PK\x03\x04 truncated")
    (root / "notes.txt").write_text("not a student")
    return root


def regrade(root, out, *extra, timeout=240):
    return subprocess.run([str(RACECOURSE), "regrade", str(root), "--out", str(out), "--seed", "3",
                           "--exercise", "SafeCounter", *map(str, extra)],
                          capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def klass(tmp_path_factory):
    base = tmp_path_factory.mktemp("class")
    root = make_class(base / "root")
    clean = regrade(root, base / "clean", "--jobs", "2")
    assert clean.returncode == 0, clean.stderr
    return root, base / "clean"


def test_clean_run_writes_the_gradebook(klass):
    root, clean = klass
    csv = (clean / "gradebook.csv").read_text(encoding="utf-8-sig").splitlines()
    assert csv[0] == '"student","SafeCounter","total","review"'
    assert '"\'=HYPERLINK(x)",10,10,""' in csv
    assert '"bob",3.33,3.33,""' in csv and '"alice",10,10,""' in csv and '"gina",10,10,""' in csv
    assert any(line.startswith('"zed",,,"not graded: cannot read zed.zip') for line in csv)
    assert any(line.startswith('"d a \u00fc",') for line in csv)
    assert len(csv) == 10
    assert (clean / "d a \u00fc" / "results.json").is_file()


def test_kill_9_midway_then_rerun_gives_the_same_gradebook(klass, tmp_path):
    root, clean = klass
    out = tmp_path / "out"
    p = subprocess.Popen([str(RACECOURSE), "regrade", str(root), "--out", str(out), "--seed", "3",
                          "--exercise", "SafeCounter", "--jobs", "1"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                         stdin=subprocess.DEVNULL, start_new_session=True)
    lines = queue.Queue()
    threading.Thread(target=lambda: [lines.put(l) for l in p.stderr], daemon=True).start()
    try:
        while True:  # the latch: the second exercise graded, so the run is midway
            line = lines.get(timeout=180)
            if line.startswith("[2/"):
                break
    finally:
        os.killpg(p.pid, signal.SIGKILL)  # the JVM and its child JVMs, as a crash would
        p.wait(timeout=30)
    assert p.returncode == -signal.SIGKILL
    assert not (out / "gradebook.csv").exists()
    resumed = regrade(root, out, "--jobs", "2")
    assert resumed.returncode == 0, resumed.stderr
    kept = int(resumed.stderr.split(" already graded")[0].rsplit(", ", 1)[1].split()[0])
    assert kept >= 2, resumed.stderr
    for name in OUTPUTS:
        assert (out / name).read_bytes() == (clean / name).read_bytes(), name
    leftovers = [p for p in out.rglob("*") if "racecourse-tmp" in p.name]
    assert leftovers == []


def test_three_shards_as_processes_merge_to_the_same_bytes(klass, tmp_path):
    root, clean = klass
    shards = [subprocess.Popen([str(RACECOURSE), "regrade", str(root), "--out", str(tmp_path / f"s{k}"), "--seed", "3",
                                "--exercise", "SafeCounter", "--jobs", "1", "--shard", f"{k}/3"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL)
              for k in (1, 2, 3)]
    for s in shards:
        _, err = s.communicate(timeout=240)
        assert s.returncode == 0, err
    merged = subprocess.run([str(RACECOURSE), "merge", *(str(tmp_path / f"s{k}") for k in (2, 3, 1)),
                             "--out", str(tmp_path / "merged")], capture_output=True, text=True, timeout=120)
    assert merged.returncode == 0, merged.stderr
    for name in OUTPUTS:
        assert (tmp_path / "merged" / name).read_bytes() == (clean / name).read_bytes(), name
    partial = subprocess.run([str(RACECOURSE), "merge", str(tmp_path / "s1"), "--out", str(tmp_path / "m2")],
                             capture_output=True, text=True, timeout=120)
    assert partial.returncode == 2
    assert partial.stderr.strip().count("\n") == 0 and "shard 2/3, 3/3 missing" in partial.stderr


def test_an_empty_root_is_one_line(tmp_path):
    (tmp_path / "root").mkdir()
    p = regrade(tmp_path / "root", tmp_path / "out")
    assert p.returncode == 2
    assert p.stderr.strip().count("\n") == 0 and "holds no student folders or zips" in p.stderr
