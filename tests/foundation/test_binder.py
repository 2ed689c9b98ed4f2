"""Binder: environment.yml describes the conda environment, postBuild builds and installs the kernel.

conda is not available here, so postBuild is run in a plain venv, the way it runs in any
activated environment, and the installed kernel is then driven through jupyter_client.
"""
import json
import os
import re

import pytest

from .conftest import ROOT, clean_env, run

POSTBUILD = ROOT / "postBuild"
KERNEL_RUN = r"""
import json, sys
from jupyter_client import KernelManager
km = KernelManager(kernel_name="racecourse")
km.start_kernel()
try:
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=120)
    msg_id = kc.execute("1 + 1")
    result = None
    while True:
        msg = kc.get_iopub_msg(timeout=120)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "execute_result":
            result = msg["content"]["data"].get("text/plain")
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
    reply = kc.get_shell_msg(timeout=120)
    kc.stop_channels()
    print(json.dumps({"result": result, "status": reply["content"]["status"],
                      "spec_dir": km.kernel_spec.resource_dir}))
finally:
    km.shutdown_kernel(now=False)
"""


def make_venv(path, *packages):
    proc = run(["python3", "-m", "venv", path], env=clean_env(), timeout=120)
    assert proc.returncode == 0, f"python3 -m venv failed: {proc.stderr}"
    if packages:
        proc = run([path / "bin" / "python", "-m", "pip", "install", "--disable-pip-version-check", "-q",
                    *packages], env=clean_env(), timeout=300)
        assert proc.returncode == 0, f"pip install {packages} failed:\n{proc.stdout}\n{proc.stderr}"
    return path


def venv_env(venv, **overrides):
    return clean_env(PATH=f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}", **overrides)


def test_postbuild_is_an_executable_bash_script():
    assert POSTBUILD.is_file(), "postBuild is missing at the repository root (Binder runs it)"
    assert os.access(POSTBUILD, os.X_OK), "postBuild must be executable for Binder to run it"
    assert POSTBUILD.read_text().startswith("#!/usr/bin/env bash"), "postBuild must be a bash script"
    proc = run(["bash", "-n", POSTBUILD], timeout=30)
    assert proc.returncode == 0, proc.stderr


def test_postbuild_installs_a_kernel_that_runs_in_the_active_venv(tmp_path):
    venv = make_venv(tmp_path / "venv", "jupyter_client==8.10.0")
    proc = run([POSTBUILD], env=venv_env(venv, VIRTUAL_ENV=venv), timeout=900)
    assert proc.returncode == 0, f"postBuild failed:\n{proc.stdout}\n{proc.stderr}"
    spec = venv / "share" / "jupyter" / "kernels" / "racecourse" / "kernel.json"
    assert spec.is_file(), f"postBuild did not install the kernelspec into {venv}:\n{proc.stdout}\n{proc.stderr}"

    env = venv_env(venv, VIRTUAL_ENV=venv, JUPYTER_PATH=venv / "share" / "jupyter", JUPYTER_PLATFORM_DIRS="1",
                   JUPYTER_RUNTIME_DIR=tmp_path / "runtime")
    proc = run([venv / "bin" / "python", "-c", KERNEL_RUN], env=env, timeout=240)
    assert proc.returncode == 0, f"the kernel did not run through jupyter_client:\n{proc.stdout}\n{proc.stderr}"
    outcome = json.loads(proc.stdout.strip().splitlines()[-1])
    assert outcome["status"] == "ok", outcome
    assert outcome["result"] == "2", f"1 + 1 gave {outcome['result']!r}"
    assert outcome["spec_dir"] == str(spec.parent), f"ran the kernelspec of {outcome['spec_dir']}, not postBuild's"


def test_postbuild_without_an_active_environment_installs_into_pythons_prefix(tmp_path):
    venv = make_venv(tmp_path / "bare")
    proc = run([POSTBUILD], env=venv_env(venv), timeout=900)
    assert proc.returncode == 0, f"postBuild failed:\n{proc.stdout}\n{proc.stderr}"
    spec = venv / "share" / "jupyter" / "kernels" / "racecourse" / "kernel.json"
    assert spec.is_file(), f"postBuild should fall back to python3's sys.prefix ({venv}):\n{proc.stderr}"


def requirement_pins():
    pins = []
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            pins.append(line)
    return pins


def test_environment_yml_lists_the_jdk_jupyterlab_and_the_pinned_pip_packages():
    yaml = pytest.importorskip("yaml", reason="PyYAML comes with jupyterlab in .venv")
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert env["channels"] == ["conda-forge"], env["channels"]
    deps = env["dependencies"]
    conda = [d for d in deps if isinstance(d, str)]
    names = {re.split(r"[<>=! ]", d, maxsplit=1)[0] for d in conda}
    for needed in ("openjdk", "maven", "python", "jupyterlab", "pip"):
        assert needed in names, f"environment.yml does not list {needed}: {conda}"
    openjdk = next(d for d in conda if d.startswith("openjdk"))
    floor = re.search(r">=\s*(\d+)", openjdk)
    assert floor and int(floor.group(1)) >= 21, f"openjdk must be pinned to 21 or newer: {openjdk!r}"
    pip = next(d["pip"] for d in deps if isinstance(d, dict) and "pip" in d)
    assert sorted(pip) == sorted(requirement_pins()), "environment.yml's pip list drifted from requirements.txt"
