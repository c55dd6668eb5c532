"""An automated accessibility audit (axe-core 4.12, from the PyPI package axe-playwright-python, installed by
scripts/setup) of every page at 1280 and 390 px: no serious or critical violation. axe is injected through the
driver (execute_script), which the page's Content-Security-Policy does not govern."""
import json
from pathlib import Path

import pytest
from browser import console_messages, make_driver, requires_browser, screenshot

try:
    import axe_playwright_python
    AXE = Path(axe_playwright_python.__file__).with_name("axe.min.js")
except ImportError:  # pragma: no cover
    AXE = None

pytestmark = [requires_browser, pytest.mark.skipif(AXE is None or not AXE.exists(),
                                                   reason="axe-playwright-python is needed (scripts/setup installs it)")]

PAGES = [
    ("accueil", "/"),
    ("carte", "/carte"),
    ("carte-sante", "/carte?mesure=sante&nature=5"),
    ("commune", "/communes/46102"),
    ("commune-corse", "/communes/2A004"),
    ("commune-hors-pairs", "/communes/75056"),
    ("comparer", "/comparer?codes=46102,01004"),
    ("classement", "/classement?nature=5&sante=4"),
    ("trouver", "/trouver"),
    ("trouver-reponse", "/trouver?numerique=5&mobilite=4&nature=4&sante=3&pres=Paris:90min&besoins=gp:5km&par_departement=2"),
    ("recherche", "/recherche?q=saint"),
    ("methode", "/methode"),
    ("sources", "/sources"),
    ("validation", "/validation"),
    ("enquete", "/enquete"),
    ("erreur", "/communes/99999"),
]
WIDTHS = [1280, 390]


@pytest.fixture(scope="module", params=WIDTHS)
def driver(request):
    driver = make_driver(request.param)
    driver.width = request.param
    yield driver
    driver.quit()


@pytest.mark.parametrize("name,path", PAGES)
def test_no_serious_or_critical_violation(server, driver, name, path):
    driver.set_window_size(driver.width, 900)
    driver.get(server + path)
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    result = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations)).catch(e => done({error: String(e)}));
    """)
    assert not (isinstance(result, dict) and "error" in result), result
    serious = [v for v in result if v["impact"] in ("serious", "critical")]
    summary = [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}" for v in serious]
    minor = [f"{v['id']} ({v['impact']})" for v in result if v not in serious]
    shot = screenshot(driver, f"{name}-{driver.width}")
    print(f"{path} at {driver.width} px: {len(serious)} serious/critical, other: {minor or 'none'}; screenshot {shot}")
    assert not serious, json.dumps(summary, ensure_ascii=False, indent=1)
    messages = [m for m in console_messages(driver) if "Refused" in m or "Uncaught" in m]
    assert not messages, messages
