"""A real `racecourse serve` for the Python tests: SQLite in a temporary folder, tokens from
`racecourse tokens`, listening on a free port of 127.0.0.1; stopped when the caller is done."""
import contextlib
import csv
import io
import re
import subprocess
import time

from tests.conftest import ROOT

RACECOURSE = str(ROOT / "bin" / "racecourse")


@contextlib.contextmanager
def running_service(folder, students=("alice",), workers=1):
    """Yields (url, tokens by id, the instructor's under '@instructor')."""
    roster = folder / "roster.csv"
    roster.write_text("id,name,email,section\n" + "".join(f"{s},{s.title()},{s}@example.org,1\n" for s in students))
    printed = subprocess.run([RACECOURSE, "tokens", "--roster", str(roster), "--data", str(folder / "data")],
                             check=True, capture_output=True, text=True, timeout=300).stdout
    tokens = {row["id"]: row["token"] for row in csv.DictReader(io.StringIO(printed))}
    server = subprocess.Popen([RACECOURSE, "serve", "--roster", str(roster), "--data", str(folder / "data"),
                               "--bind", "127.0.0.1:0", "--workers", str(workers)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        url = None
        deadline = time.monotonic() + 120
        while url is None and time.monotonic() < deadline:
            line = server.stdout.readline()
            if not line:
                break
            m = re.search(r"listening on (http://127\.0\.0\.1:\d+)", line)
            url = m.group(1) if m else None
        assert url, "the server did not start"
        yield url, tokens
    finally:
        server.kill()
        server.wait(timeout=30)
