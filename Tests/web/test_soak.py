"""The soak script (scripts/soak) in a short run, so that it keeps working: varied requests on 16 connections for
15 s, then SIGTERM with 64 requests in flight. The 10-minute run (the default) is run by hand; its figures are in
docs/performance.md. Memory growth is not judged here: 15 s is the time the response cache takes to fill."""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not installed (scripts/setup installs it)")
def test_short_soak_has_no_errors_and_stops_cleanly(atlas):
    result = subprocess.run([sys.executable, str(ROOT / "scripts/soak"), "--atlas", atlas, "--duration", "15",
                             "--connections", "16", "--no-build"],
                            capture_output=True, text=True, timeout=300, env={**os.environ})
    output = result.stdout + result.stderr
    assert re.search(r"\| errors \| 0 \(", output), output
    assert "| in-flight requests completed after SIGTERM (16 uploads half-sent, 48 pages) | 64 / 64 |" in output, output
    assert "| server exit code | 0 |" in output, output
    requests = int(re.search(r"\| requests \| (\d+) ", output).group(1))
    assert requests > 100, output
