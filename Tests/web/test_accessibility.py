"""Every page of the app at 1280 and 390 px (a phone's width, emulated: browser.set_viewport):
- an automated accessibility audit (axe-core 4.12, from the PyPI package axe-playwright-python, installed by
  scripts/setup) finds no serious or critical violation; axe is injected through the driver (execute_script), which
  the page's Content-Security-Policy does not govern;
- no page is wider than the screen: the document's scroll width is at most the viewport's (tables scroll inside
  their .table-wrap, long addresses wrap, forms stack);
- the text of the charts (inline SVG) is at least 11 px high as drawn, and so is the home map's legend (an <img>).
"""
import json
import re
import urllib.request
from pathlib import Path

import pytest
from browser import console_messages, make_driver, requires_browser, screenshot, set_viewport

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
    ("commune-outre-mer", "/communes/97411"),
    ("commune-hors-pairs", "/communes/75056"),
    ("comparer-vide", "/comparer"),
    ("comparer", "/comparer?codes=46102,01004"),
    ("comparer-trois", "/comparer?codes=46102,01004,97411"),
    ("classement-defaut", "/classement"),
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


# The document's width against the viewport's, what sticks out (outside any scroll container), and the chart text
# drawn smaller than 11 px (font size × the SVG's scale on screen; the overseas insets' names are left out).
LAYOUT = """
const viewport = document.documentElement.clientWidth, culprits = [], smallText = [];
for (const element of document.body.querySelectorAll('*')) {
  const box = element.getBoundingClientRect();
  if (box.width === 0 || box.right <= viewport + 0.5) continue;
  let parent = element.parentElement, clipped = false;
  for (; parent && parent !== document.body; parent = parent.parentElement) {
    if (getComputedStyle(parent).overflowX !== 'visible' && parent.getBoundingClientRect().right <= viewport + 0.5) { clipped = true; break; }
  }
  if (!clipped && culprits.length < 5) culprits.push(element.tagName.toLowerCase() + '.' + element.className + ' → ' + Math.round(box.right));
}
for (const text of document.querySelectorAll('svg.chart text:not(.inset-label)')) {
  const matrix = text.getScreenCTM();
  if (!matrix || text.getClientRects().length === 0) continue;
  const size = parseFloat(getComputedStyle(text).fontSize) * Math.hypot(matrix.a, matrix.b);
  if (size < 11 && smallText.length < 5) smallText.push(text.textContent.slice(0, 40) + ' (' + size.toFixed(1) + ' px)');
}
return {scrollWidth: document.documentElement.scrollWidth, viewport, culprits, smallText};
"""


@pytest.fixture(scope="module", params=WIDTHS)
def driver(request):
    driver = make_driver(request.param)
    yield driver
    driver.quit()


@pytest.mark.parametrize("name,path", PAGES)
def test_accessible_and_no_wider_than_the_screen(server, driver, name, path):
    set_viewport(driver, driver.width, 900)
    driver.get(server + path)
    layout = driver.execute_script(LAYOUT)
    print(f"{path} at {driver.width} px: scroll width {layout['scrollWidth']} / {layout['viewport']}")
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
    assert layout["scrollWidth"] <= layout["viewport"], f"{path} is wider than the screen: {layout}"
    assert not layout["smallText"], f"chart text smaller than 11 px on {path}: {layout['smallText']}"
    messages = [m for m in console_messages(driver) if "Refused" in m or "Uncaught" in m]
    assert not messages, messages


def test_home_map_legend_is_readable(server, driver):
    """The home page's map is an <img> of /carte.svg: its legend's text, drawn at the image's width, is at least 11 px."""
    set_viewport(driver, driver.width, 900)
    driver.get(server + "/")
    image = driver.find_element("css selector", ".national-map img")
    drawn = image.get_property("clientWidth")
    with urllib.request.urlopen(image.get_property("currentSrc"), timeout=30) as response:
        svg = response.read().decode("utf-8")
    view_width = float(re.search(r'viewBox="[^"]*"', svg).group(0).split()[2])
    legend = svg[svg.rindex("<text", 0, svg.index("(cinquièmes)")):]
    sizes = [float(size) * drawn / view_width for size in re.findall(r'<text[^>]*font-size="([0-9.]+)"', legend)]
    print(f"home map at {driver.width} px: drawn {drawn} px wide, legend text {min(sizes):.1f} px")
    assert len(sizes) >= 3 and min(sizes) >= 11, sizes
