"""bin/racecourse: the picocli CLI behind a bash launcher that finds a JDK 21+ and builds the jars."""
import json
import os
import pathlib
import re
import xml.etree.ElementTree as ET

import pytest

from .conftest import ROOT, clean_env, make_fake_jdk, run

RACECOURSE = ROOT / "bin" / "racecourse"
BUILD_TIMEOUT = 600  # the first call may build every jar


def racecourse(*args, env=None, timeout=BUILD_TIMEOUT):
    return run([RACECOURSE, *args], env=env if env is not None else clean_env(), timeout=timeout)


def error_lines(proc):
    """stderr lines, less the launcher's progress line when it rebuilds stale jars."""
    return [line for line in proc.stderr.splitlines()
            if line.strip() and not line.startswith("racecourse: building the jars")]


def project_version():
    ns = {"m": "http://maven.apache.org/POM/4.0.0"}
    return ET.parse(ROOT / "pom.xml").getroot().find("m:version", ns).text


@pytest.fixture(scope="module", autouse=True)
def built():
    """Build once up front, so that each test's timing and stderr are about the test itself."""
    proc = racecourse("--version")
    assert proc.returncode == 0, f"bin/racecourse could not build or run:\n{proc.stderr}"


def test_help_lists_the_kernel_command():
    proc = racecourse("--help")
    assert proc.returncode == 0, proc.stderr
    assert re.search(r"^\s+kernel\b", proc.stdout, re.M), f"'kernel' not listed in:\n{proc.stdout}"


def test_version_names_racecourse_and_the_project_version():
    proc = racecourse("--version")
    assert proc.returncode == 0, proc.stderr
    assert "racecourse" in proc.stdout.lower()
    assert project_version() in proc.stdout, f"{project_version()} not in {proc.stdout!r}"


def test_unknown_subcommand_fails_with_a_message():
    proc = racecourse("no-such-command")
    assert proc.returncode != 0
    assert "no-such-command" in proc.stderr, f"the error should name the command: {proc.stderr!r}"
    assert "Exception" not in proc.stderr and "\tat " not in proc.stderr, proc.stderr


def java_feature_version(java: pathlib.Path) -> int:
    proc = run([java, "-version"], timeout=60)
    match = re.search(r'version "(\d+)', proc.stderr)
    assert match, f"cannot read the version of {java}: {proc.stderr!r}"
    return int(match.group(1))


def test_kernel_install_prefix_writes_a_kernelspec_on_a_jdk_21_plus(tmp_path):
    proc = racecourse("kernel", "install", "--prefix", tmp_path)
    assert proc.returncode == 0, proc.stderr
    spec_dir = tmp_path / "share" / "jupyter" / "kernels" / "racecourse"
    spec_file = spec_dir / "kernel.json"
    assert spec_file.is_file(), f"no kernel.json in {spec_dir}; stdout={proc.stdout!r}"
    spec = json.loads(spec_file.read_text())
    java = pathlib.Path(spec["argv"][0])
    assert java.is_absolute(), f"argv[0] must be an absolute path, got {java}"
    assert java.name == "java" and os.access(java, os.X_OK), java
    assert java_feature_version(java) >= 21, f"the kernel would run on {java}, older than 21"
    assert spec["display_name"] == "Java (Racecourse)"
    assert spec["language"] == "java"
    assert spec["interrupt_mode"] == "message"
    assert "{connection_file}" in spec["argv"]
    jars = [p.name for p in (spec_dir / "lib").glob("*.jar")]
    assert any(name.startswith("racecourse-kernel") for name in jars), f"no racecourse-kernel jar in {jars}"
    # The training run (a few cells) must have worked: it is what makes the first cell fast.
    assert "could not pre-build" not in proc.stderr, proc.stderr
    cache = "racecourse.aot" if java_feature_version(java) >= 25 else "racecourse.jsa"
    assert (spec_dir / cache).is_file(), f"no startup cache {cache} in {spec_dir}"
    assert f"-XX:AOTCache={spec_dir / cache}" in spec["argv"] or java_feature_version(java) < 25


def test_kernel_install_sys_prefix_without_an_environment_is_one_line(tmp_path):
    proc = racecourse("kernel", "install", "--sys-prefix", env=clean_env(HOME=tmp_path))
    assert proc.returncode != 0
    lines = error_lines(proc)
    assert len(lines) == 1, f"expected one line on stderr, got {lines!r}"
    assert "VIRTUAL_ENV" in lines[0] or "environment" in lines[0], lines[0]
    assert not list(tmp_path.rglob("kernel.json")), "nothing should be installed"


def test_launcher_refuses_java_17_in_one_line(tmp_path):
    home17 = make_fake_jdk(tmp_path, "jdk-17", "17.0.2")
    empty_roots = tmp_path / "no-jdks"
    empty_roots.mkdir()
    proc = racecourse("--version", env=clean_env(JAVA_HOME=home17, RACECOURSE_JVM_ROOTS=empty_roots),
                      timeout=30)
    assert proc.returncode == 1
    assert proc.stdout == ""
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, f"expected one line on stderr, got {lines!r}"
    assert "Java 17" in lines[0] and "21" in lines[0] and "install" in lines[0], lines[0]
