"""`make lab` brings JupyterLab up on 127.0.0.1 with notebooks/ open and the Racecourse kernel as default."""
import os
import secrets
import subprocess
import urllib.error

import pytest

from tests.jupyter_server import get_json, stop_server, wait_until_serving

from .conftest import ROOT, clean_env, free_port

STARTUP_TIMEOUT = 120


def listening_addresses(port):
    """Local addresses of the TCP sockets listening on `port`, from /proc/net/tcp{,6} (Linux)."""
    found = []
    for table, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        try:
            lines = open(table).read().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            address, hex_port = fields[1].split(":")
            if fields[3] == "0A" and int(hex_port, 16) == port:  # 0A = LISTEN
                if width == 8:
                    found.append(".".join(str(b) for b in bytes.fromhex(address)[::-1]))
                else:
                    found.append("ipv6:" + address)
    return found


@pytest.fixture
def lab(tmp_path):
    if not os.path.exists("/proc/net/tcp"):
        pytest.skip("needs Linux /proc to check the listening address")
    port, token = free_port(), secrets.token_hex(16)
    log = tmp_path / "lab.log"
    # Jupyter refuses to run as root without --allow-root (CI containers often run as root): make lab
    # itself must notice and pass it, so the test does not.
    env = clean_env(JUPYTER_RUNTIME_DIR=tmp_path / "runtime", JUPYTER_PATH=None, JUPYTER_CONFIG_DIR=tmp_path / "config")
    with open(log, "w") as out:
        proc = subprocess.Popen(
            ["make", "--no-print-directory", "lab",
             f"ARGS=--no-browser --port={port} --ServerApp.port_retries=0 --ServerApp.token={token}"],
            cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(proc, base, token, log, STARTUP_TIMEOUT, "make lab")
        yield base, token, port, log
    finally:
        stop_server(proc)


def test_make_lab_serves_the_notebooks_on_localhost_with_the_racecourse_kernel(lab):
    base, token, port, log = lab
    said = "racecourse: running as root, so JupyterLab is started with --allow-root"
    assert (said in log.read_text()) == (os.geteuid() == 0), log.read_text()

    contents = get_json(f"{base}/api/contents?token={token}")
    assert contents["type"] == "directory"
    served = {item["name"] for item in contents["content"]}
    expected = {p.name for p in (ROOT / "notebooks").iterdir() if not p.name.startswith(".")}
    assert "README.md" in served, f"the server root is not notebooks/: it lists {sorted(served)}"
    assert served == expected, f"served {sorted(served)}, notebooks/ holds {sorted(expected)}"

    specs = get_json(f"{base}/api/kernelspecs?token={token}")
    assert specs["default"] == "racecourse", f"default kernel is {specs['default']!r}"
    assert "racecourse" in specs["kernelspecs"]
    assert specs["kernelspecs"]["racecourse"]["spec"]["display_name"] == "Java (Racecourse)"

    # Without the token the API refuses: the lab is not open to anyone who finds the port.
    with pytest.raises(urllib.error.HTTPError) as refused:
        get_json(f"{base}/api/contents")
    assert refused.value.code == 403

    addresses = listening_addresses(port)
    assert addresses, f"nothing listens on port {port}"
    assert set(addresses) == {"127.0.0.1"}, f"JupyterLab listens on {addresses}, not on 127.0.0.1 only"
