"""Shared by scripts/loadtest and scripts/soak: start Bourg's release server on a free loopback port,
read its resident memory, run wrk and parse its report."""
import os
import re
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BINARY = os.environ.get("BOURG_BIN", str(ROOT / ".build/release/bourg"))


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def ensure_wrk():
    if shutil.which("wrk"):
        return
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, stdout=subprocess.DEVNULL)


def build_release():
    subprocess.run(["swift", "build", "-c", "release", "--product", "bourg"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def ensure_atlas(atlas):
    if not Path(atlas).exists():
        subprocess.run([BINARY, "data", "build", "--out", atlas], check=True, stdout=subprocess.DEVNULL)


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def start_server(atlas, port, log=subprocess.DEVNULL):
    """Starts `bourg serve` and waits for /health; returns the process and the seconds to the first answer."""
    started = time.monotonic()
    process = subprocess.Popen([BINARY, "serve", "--atlas", atlas, "--port", str(port), "--log-level", "warning"],
                               stdout=log, stderr=subprocess.STDOUT)
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1):
                return process, time.monotonic() - started
        except OSError:
            if process.poll() is not None or time.monotonic() - started > 60:
                raise SystemExit("the server did not start")
            time.sleep(0.02)


def wrk_command(url, duration, connections, script=None, headers=()):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "10s"]
    for header in headers:
        command += ["-H", header]
    if script:
        command += ["-s", script]
    return command + [url]


def parse_wrk(output):
    """Requests, rate, p99 (ms) and errors (non-2xx/3xx answers plus socket errors) from wrk's report."""
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", output)
    p99_ms = float(p99.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[p99.group(2)] if p99 else float("nan")
    non2xx = int(re.search(r"Non-2xx or 3xx responses: (\d+)", output).group(1)) if "Non-2xx" in output else 0
    socket_errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    return {"rate": rate, "p99_ms": p99_ms, "errors": non2xx + socket_errors, "requests": requests,
            "non2xx": non2xx, "socket_errors": socket_errors}


def wrk(url, duration, connections, script=None, headers=()):
    output = subprocess.run(wrk_command(url, duration, connections, script, headers), capture_output=True, text=True, check=True).stdout
    return parse_wrk(output)
