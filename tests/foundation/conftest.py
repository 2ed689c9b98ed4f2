"""Helpers of the foundation tests: fake JDKs, bounded subprocess runs, free ports."""
import os
import pathlib
import socket
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent


def run(args, *, env=None, timeout=120, cwd=ROOT, **kw):
    """Runs a command with a deadline, capturing text output (never inherits a hang)."""
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True,
        timeout=timeout, stdin=subprocess.DEVNULL, **kw)


def stderr_lines(proc):
    return [line for line in proc.stderr.splitlines() if line.strip()]


def clean_env(**overrides):
    """os.environ without Java/Jupyter/venv settings that would leak into the command under test."""
    env = dict(os.environ)
    for name in ("JAVA_HOME", "RACECOURSE_JVM_ROOTS", "VIRTUAL_ENV", "CONDA_PREFIX"):
        env.pop(name, None)
    for name, value in overrides.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = str(value)
    return env


def make_fake_jdk(parent: pathlib.Path, name: str, version: str) -> pathlib.Path:
    """A folder that looks like a JDK to bin/lib/jdk.sh: executable bin/java, bin/javac, a release file."""
    home = parent / name
    (home / "bin").mkdir(parents=True)
    for tool in ("java", "javac"):
        stub = home / "bin" / tool
        stub.write_text(f'#!/bin/sh\necho \'openjdk version "{version}"\' >&2\nexit 0\n')
        stub.chmod(0o755)
    (home / "release").write_text(f'JAVA_VERSION="{version}"\nIMPLEMENTOR="Fake"\n')
    return home


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def fake_jdks(tmp_path):
    """Factory: fake_jdks(root_name, {dir_name: version}) -> root folder holding fake JDKs."""
    def make(root_name, versions):
        root = tmp_path / root_name
        root.mkdir()
        for name, version in versions.items():
            make_fake_jdk(root, name, version)
        return root
    return make
