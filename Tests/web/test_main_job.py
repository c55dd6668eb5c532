"""The README's first command, `scripts/run`, exactly as a user types it (with its own port): it must serve the
web app — against an atlas that exists (no rebuild), and when the atlas is missing (built first, here from the small
fixture data directory) — and stop cleanly on Ctrl-C (SIGINT); on a machine that lacks everything, it installs only
what running needs (the SQLite and zlib headers), while `scripts/test` installs the test tools too. Also: `bourg`
stops quietly, with status 0, when the program reading its output closes the pipe early (`bourg rank --csv | head`)."""
import os
import signal
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

from conftest import ROOT, binary, free_port

FIXTURE_DATA = ROOT / "Tests/BourgDataTests/Fixtures/data"
# Generous: scripts/run first runs scripts/setup and a (no-op) release build.
START_TIMEOUT = 240


def run_main_job(environment, port):
    log = open(os.path.join(tempfile.gettempdir(), f"bourg-run-{port}.log"), "w+")
    process = subprocess.Popen(["scripts/run", "--port", str(port)], cwd=ROOT, env={**os.environ, **environment},
                               stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + START_TIMEOUT
    try:
        while True:
            try:
                with urllib.request.urlopen(base + "/health", timeout=2) as response:
                    assert response.status == 200
                    break
            except OSError:
                assert process.poll() is None, f"scripts/run exited ({process.returncode}) before serving:\n{Path(log.name).read_text()[-3000:]}"
                assert time.time() < deadline, f"scripts/run did not serve within {START_TIMEOUT} s"
                time.sleep(0.3)
        with urllib.request.urlopen(base + "/communes/46102", timeout=10) as response:
            assert response.status == 200
            assert "Figeac" in response.read().decode()
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
        status = process.wait(timeout=30)
    output = Path(log.name).read_text()
    assert status == 0, f"scripts/run stops cleanly on SIGINT (status {status}):\n{output[-3000:]}"
    assert f"http://127.0.0.1:{port}/" in output, "the log names the address once ready"
    return output


def test_main_job_serves_an_existing_atlas(atlas):
    output = run_main_job({"BOURG_ATLAS": atlas}, free_port())
    assert "Atlas écrit" not in output, "an atlas of the current schema is not rebuilt"


def test_main_job_builds_a_missing_atlas_then_serves():
    folder = tempfile.mkdtemp(prefix="bourg-run-")
    atlas = os.path.join(folder, "nouvel-atlas.sqlite")
    output = run_main_job({"BOURG_ATLAS": atlas, "BOURG_DATA_DIR": str(FIXTURE_DATA)}, free_port())
    assert "Atlas écrit" in output
    assert Path(atlas).exists()


def fake_machine(folder):
    """A PATH on which dpkg says no package is installed, apt-get, sudo and pip only log what they are asked, and
    `swift build` fails (so that scripts/run stops right after its setup): nothing is installed, nothing is built."""
    log = Path(folder, "asked.log")
    behaviours = {
        "dpkg": "exit 1",
        "apt-get": "exit 0",
        "sudo": 'exec "$@"',
        "python3": 'case "$1" in -c) exit 1 ;; esac; exit 0',
        "swift": "exit 1",
    }
    for tool, behaviour in behaviours.items():
        script = Path(folder, tool)
        script.write_text(f'#!/bin/sh\necho "{tool} $*" >> "{log}"\n{behaviour}\n')
        script.chmod(0o755)
    return {"PATH": f"{folder}:{os.environ['PATH']}"}, log


def asked_to_install(log):
    lines = log.read_text().splitlines() if log.exists() else []
    packages = [word for line in lines if line.startswith("apt-get install") for word in line.split()[2:] if not word.startswith("-")]
    pip = [line for line in lines if line.startswith("python3 -m pip")]
    return packages, pip


def test_main_job_installs_only_what_running_needs():
    folder = tempfile.mkdtemp(prefix="bourg-fake-debian-")
    environment, log = fake_machine(folder)
    result = subprocess.run(["scripts/run", "--port", str(free_port())], cwd=ROOT, env={**os.environ, **environment},
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0, "the fake swift stops scripts/run before it builds"
    packages, pip = asked_to_install(log)
    assert packages == ["libsqlite3-dev", "sqlite3", "zlib1g-dev"], f"scripts/run asked for {packages}"
    assert pip == [], f"scripts/run installs no Python package: {pip}"
    assert "swift build" in log.read_text(), "scripts/run went on to the build after its setup"


def test_test_setup_installs_the_test_tools():
    folder = tempfile.mkdtemp(prefix="bourg-fake-debian-")
    environment, log = fake_machine(folder)
    result = subprocess.run(["scripts/setup", "--test"], cwd=ROOT, env={**os.environ, **environment},
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    packages, pip = asked_to_install(log)
    assert packages == ["libsqlite3-dev", "sqlite3", "zlib1g-dev", "chromium", "chromium-driver", "wrk"]
    assert any("schemathesis" in line for line in pip) and any("selenium" in line for line in pip)
    assert any("--no-deps" in line and "axe-playwright-python" in line for line in pip)
    assert "scripts/setup --test" in (ROOT / "scripts/test").read_text(), "scripts/test installs the test tools"


def read_first_line_then_close(arguments):
    process = subprocess.Popen([binary(), *arguments], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = process.stdout.readline()
    process.stdout.close()
    status = process.wait(timeout=60)
    return first, status, process.stderr.read().decode()


def test_closed_output_stops_bourg_quietly(atlas):
    for arguments in (["rank", "--atlas", atlas, "--csv", "--limit", "100000", "--draws", "0"],
                      ["town", "--atlas", atlas, "Figeac"]):
        first, status, errors = read_first_line_then_close(arguments)
        assert first, f"bourg {arguments[0]} printed something"
        assert status == 0, f"bourg {arguments[0]} exits 0 when its reader stops early (got {status})"
        assert errors == "", f"no message, no crash report: {errors[:500]}"
