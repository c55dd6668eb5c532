"""A live Bourg server for the end-to-end tests: the release binary on a free loopback port.

Environment: BOURG_BIN (the binary, default .build/release/bourg) and BOURG_TEST_ATLAS (the atlas; default:
an atlas built from the test fixtures, excerpts of the real files).
"""
import json
import os
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def atlas():
    path = os.environ.get("BOURG_TEST_ATLAS")
    if path and Path(path).exists():
        return path
    folder = tempfile.mkdtemp(prefix="bourg-web-")
    path = os.path.join(folder, "atlas.sqlite")
    subprocess.run([binary(), "data", "build", "--data-dir", str(ROOT / "Tests/BourgDataTests/Fixtures/data"), "--out", path],
                   check=True, stdout=subprocess.DEVNULL)
    return path


def binary():
    return os.environ.get("BOURG_BIN", str(ROOT / ".build/release/bourg"))


@pytest.fixture(scope="session")
def server(atlas):
    port = free_port()
    log = open(os.path.join(tempfile.gettempdir(), f"bourg-server-{port}.log"), "w")
    process = subprocess.Popen([binary(), "serve", "--atlas", atlas, "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        try:
            with urllib.request.urlopen(base + "/health", timeout=2) as response:
                if json.load(response)["status"] == "ok":
                    break
        except OSError:
            if process.poll() is not None or time.time() > deadline:
                raise RuntimeError(f"server did not start (exit {process.poll()}), see {log.name}")
            time.sleep(0.2)
    yield base
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 0, "the server stops cleanly on SIGTERM"
