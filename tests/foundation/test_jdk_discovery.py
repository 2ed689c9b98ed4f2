"""bin/with-jdk (bin/lib/jdk.sh) finds a JDK 21+ and never settles for 17.

Each case builds fake JDK folders (stub bin/java and bin/javac, a `release` file) and runs
`bin/with-jdk` with no arguments, which prints the JAVA_HOME it chose.
"""
import os
import pathlib
import shutil

import pytest

from .conftest import ROOT, clean_env, run, stderr_lines

WITH_JDK = ROOT / "bin" / "with-jdk"


def with_jdk(env):
    return run([WITH_JDK], env=env, timeout=30)


def assert_one_line_error(proc, *must_contain):
    assert proc.returncode == 1, f"expected exit 1, got {proc.returncode}; stdout={proc.stdout!r}"
    assert proc.stdout == "", f"nothing should go to stdout on failure, got {proc.stdout!r}"
    lines = stderr_lines(proc)
    assert len(lines) == 1, f"expected exactly one line on stderr, got {lines!r}"
    for text in must_contain:
        assert text in lines[0], f"{text!r} missing from the error line {lines[0]!r}"
    return lines[0]


def test_java_home_21_wins_over_newer_jdks_elsewhere(fake_jdks):
    home = fake_jdks("home", {"jdk-21": "21.0.1"}) / "jdk-21"
    roots = fake_jdks("jvm", {"jdk-25": "25", "jdk-17": "17.0.2"})
    proc = with_jdk(clean_env(JAVA_HOME=home, RACECOURSE_JVM_ROOTS=roots))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == str(home)


def test_java_home_17_falls_back_to_newest_21_plus_under_roots(fake_jdks):
    home17 = fake_jdks("home", {"jdk-17": "17.0.2"}) / "jdk-17"
    roots = fake_jdks("jvm", {"jdk-17b": "17.0.2", "jdk-21": "21.0.1"})
    proc = with_jdk(clean_env(JAVA_HOME=home17, RACECOURSE_JVM_ROOTS=roots))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == str(roots / "jdk-21")
    assert str(home17) not in proc.stdout and str(roots / "jdk-17b") not in proc.stdout


def test_newest_wins_regardless_of_folder_order(fake_jdks):
    # Alphabetically the 21 comes last, so "last one listed" would pick the wrong JDK.
    roots = fake_jdks("jvm", {"a-temurin": "25", "z-openjdk": "21.0.1", "m-old": "17.0.2"})
    proc = with_jdk(clean_env(RACECOURSE_JVM_ROOTS=roots))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == str(roots / "a-temurin")
    assert str(roots / "m-old") not in proc.stdout


def test_several_roots_are_searched(fake_jdks):
    first = fake_jdks("first", {"jdk-21": "21.0.1"})
    second = fake_jdks("second", {"jdk-25": "25"})
    proc = with_jdk(clean_env(RACECOURSE_JVM_ROOTS=f"{first} {second}"))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == str(second / "jdk-25")


def test_only_java_17_at_java_home_is_refused_in_one_line(fake_jdks):
    home17 = fake_jdks("home", {"jdk-17": "17.0.2"}) / "jdk-17"
    roots = fake_jdks("jvm", {"other-17": "17.0.2"})
    proc = with_jdk(clean_env(JAVA_HOME=home17, RACECOURSE_JVM_ROOTS=roots))
    line = assert_one_line_error(proc, "Java 17", str(home17), "21")
    assert "install" in line, line


def test_only_java_17_under_roots_is_refused_in_one_line(fake_jdks):
    roots = fake_jdks("jvm", {"jdk-17": "17.0.2"})
    proc = with_jdk(clean_env(RACECOURSE_JVM_ROOTS=roots))
    line = assert_one_line_error(proc, "Java 17", str(roots / "jdk-17"), "21")
    assert "install" in line, line


def test_java_home_that_is_not_a_jdk_is_named(tmp_path, fake_jdks):
    roots = fake_jdks("jvm", {})
    proc = with_jdk(clean_env(JAVA_HOME=tmp_path / "nowhere", RACECOURSE_JVM_ROOTS=roots,
                              PATH=_path_without_java(tmp_path)))
    assert_one_line_error(proc, str(tmp_path / "nowhere"), "install")


def _path_without_java(tmp_path: pathlib.Path) -> str:
    """A PATH holding only the tools bin/with-jdk needs, so that no `java` can be found on it."""
    tools = tmp_path / "tools"
    tools.mkdir(exist_ok=True)
    for name in ("bash", "sed", "head", "dirname", "env"):
        found = shutil.which(name)
        assert found, f"{name} is needed to run bin/with-jdk"
        link = tools / name
        if not link.exists():
            link.symlink_to(found)
    return str(tools)


def test_no_java_at_all_is_one_line(tmp_path, fake_jdks):
    roots = fake_jdks("jvm", {})
    proc = with_jdk(clean_env(RACECOURSE_JVM_ROOTS=roots, PATH=_path_without_java(tmp_path)))
    line = assert_one_line_error(proc, "no Java", "21")
    assert "install" in line, line


def test_no_jdk_in_roots_mentions_the_java_on_path(fake_jdks):
    # The machine's default `java` is whatever it is (17 here); it must be named, never used.
    roots = fake_jdks("jvm", {})
    if not shutil.which("java"):
        pytest.skip("no java on PATH on this machine")
    proc = with_jdk(clean_env(RACECOURSE_JVM_ROOTS=roots))
    assert_one_line_error(proc, "on PATH", "21")


def test_the_real_machine_gets_a_jdk_21_plus():
    proc = with_jdk(clean_env())
    assert proc.returncode == 0, proc.stderr
    home = pathlib.Path(proc.stdout.strip())
    release = (home / "release").read_text()
    version = release.split('JAVA_VERSION="', 1)[1].split('"', 1)[0]
    assert int(version.split(".")[0]) >= 21, f"{home} is Java {version}"
    assert os.access(home / "bin" / "javac", os.X_OK)
