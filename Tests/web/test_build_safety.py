"""A build killed mid-way (SIGKILL) leaves the previous atlas byte for byte; an atlas of another schema
version is refused by `bourg serve` with a clear message."""
import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from conftest import ROOT, binary

DATA = os.environ.get("BOURG_DATA_DIR", str(ROOT.parent / "shared/data"))


def digest(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@pytest.mark.skipif(not Path(DATA).is_dir(), reason="the real data directory is absent: the build is too quick to kill on the fixtures")
def test_killed_build_leaves_the_previous_atlas_intact(atlas):
    folder = Path(tempfile.mkdtemp(prefix="bourg-kill-"))
    target = folder / "bourg.sqlite"
    shutil.copy(atlas, target)
    before = digest(target)
    process = subprocess.Popen([binary(), "data", "build", "--data-dir", DATA, "--out", str(target)], stdout=subprocess.DEVNULL)
    time.sleep(4)  # the real build takes about 25 s: kill it while it reads the sources
    assert process.poll() is None, "the build finished before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert digest(target) == before
    # Whatever temporary file the killed build left is beside the atlas, never in its place.
    assert all(name.name == "bourg.sqlite" or name.name.startswith(".bourg.sqlite.tmp-") for name in folder.iterdir())


def test_serve_refuses_an_atlas_of_another_schema(atlas):
    folder = Path(tempfile.mkdtemp(prefix="bourg-schema-"))
    old = folder / "old.sqlite"
    shutil.copy(atlas, old)
    with sqlite3.connect(old) as db:
        db.execute("UPDATE atlas_info SET value = '1' WHERE key = 'schema_version'")
    result = subprocess.run([binary(), "serve", "--atlas", str(old), "--port", "1"], capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "schema version 1" in result.stderr + result.stdout
    assert "bourg data build" in result.stderr + result.stdout
