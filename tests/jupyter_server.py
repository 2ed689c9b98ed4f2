"""Talking to a JupyterLab server a test started: its REST API, and waiting until it serves."""
import json
import os
import signal
import subprocess
import time
import urllib.error
import urllib.request

import pytest


def get_json(url, timeout=5):
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return json.load(response)


def wait_until_serving(proc, base, token, log, timeout, what):
    """Polls /api/status until it answers; fails with the server's log if it exits or takes too long."""
    deadline = time.monotonic() + timeout
    while True:
        if proc.poll() is not None:
            pytest.fail(f"{what} exited with {proc.returncode} before serving:\n{log.read_text()[-3000:]}")
        try:
            get_json(f"{base}/api/status?token={token}", timeout=2)
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError, json.JSONDecodeError):
            pass
        if time.monotonic() > deadline:
            pytest.fail(f"{what} did not answer on {base} within {timeout} s:\n{log.read_text()[-3000:]}")
        time.sleep(0.3)


def stop_server(proc):
    """Stops a server started in its own session: SIGTERM to its process group, SIGKILL after 20 s."""
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=20)
