"""Headless Chromium loads the main pages from a running server; any console message (a script error, a
blocked resource, a CSP violation) fails the test. Screenshots go to screenshots/ (listed in the log)."""
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "screenshots"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

PAGES = [
    ("accueil", "/", 1600),
    ("carte", "/carte", 1200),
    ("commune", "/communes/46102", 3200),
    ("commune-corse", "/communes/2A004", 1600),
    ("comparer", "/comparer?codes=46102,01004", 2000),
    ("classement", "/classement?nature=5&sante=4", 1800),
    ("methode", "/methode", 1600),
    ("validation", "/validation", 2400),
    ("enquete", "/enquete", 1600),
    ("trouver", "/trouver?numerique=5&mobilite=4&nature=4&sante=3&pres=Paris:90min&besoins=gp:5km&par_departement=2", 2400),
    ("erreur", "/communes/99999", 800),
]
# Pages also checked on a phone-sized window (390 px wide): their tables must scroll, not break the page.
NARROW_PAGES = [
    ("enquete-etroit", "/enquete", 2400),
    ("carte-etroit", "/carte", 1800),
]


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
@pytest.mark.parametrize("name,path,height,width", [(*page, 1280) for page in PAGES] + [(*page, 390) for page in NARROW_PAGES])
def test_page_loads_without_console_messages(server, name, path, height, width):
    SHOTS.mkdir(exist_ok=True)
    shot = SHOTS / f"{name}.png"
    result = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--enable-logging=stderr", "--v=0",
         f"--window-size={width},{height}", f"--screenshot={shot}", server + path],
        capture_output=True, text=True, timeout=120)
    console = [line for line in result.stderr.splitlines() if re.search(r"CONSOLE|Uncaught|Refused to", line)]
    assert not console, "\n".join(console)
    assert shot.exists() and shot.stat().st_size > 10_000
    print(f"screenshot: {shot} ({shot.stat().st_size} bytes)")
