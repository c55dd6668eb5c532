"""API fuzzing: Schemathesis generates requests from /openapi.json (valid and invalid ones, boundary values, other
methods) and checks every answer: no 5xx, a documented status and content type, a body matching its schema, invalid
input rejected. Settings in schemathesis.toml beside this file.

The budget is small and deterministic, for CI: BOURG_FUZZ_EXAMPLES (default 50) cases per operation and phase.
Set it higher for a deeper run, e.g. BOURG_FUZZ_EXAMPLES=500.
"""
import json
import os
import subprocess
import sys
import urllib.request
from pathlib import Path

CONFIG = Path(__file__).with_name("schemathesis.toml")
# The `st` command, run by this interpreter (the one pytest and scripts/setup's pip use), whatever PATH holds.
SCHEMATHESIS = "import sys; from schemathesis.cli import schemathesis; sys.argv[0] = 'st'; sys.exit(schemathesis())"


def test_fuzzed_requests_get_documented_answers(server, tmp_path):
    examples = os.environ.get("BOURG_FUZZ_EXAMPLES", "50")
    command = [
        sys.executable, "-c", SCHEMATHESIS, "--config-file", str(CONFIG), "--no-color",
        "run", server + "/openapi.json",
        "--max-examples", examples, "--generation-deterministic",
        "--workers", "2", "--request-timeout", "30", "--continue-on-failure",
    ]
    # Run in a scratch folder: Schemathesis may leave reports or caches in its working directory.
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=900)
    summary = result.stdout[-30_000:] + result.stderr[-5_000:]
    assert result.returncode == 0, summary
    assert "passed" in result.stdout, summary
    with urllib.request.urlopen(server + "/health", timeout=10) as response:
        assert json.load(response)["status"] == "ok", "the server still answers after the fuzzing"
