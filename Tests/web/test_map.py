"""The map page in headless Chromium, as a person uses it: zoom (buttons, wheel, drag, keyboard), tooltips on hover
and on keyboard focus, the measure select, click-through to a town page, the weighting carried over from the ranking,
and the town page's zoomable locator. Also measures how fast the map is interactive and how much it downloads."""
import urllib.request

import pytest
from browser import console_messages, make_driver, requires_browser

try:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.actions.wheel_input import ScrollOrigin
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError:  # pragma: no cover
    pass

pytestmark = requires_browser


@pytest.fixture(scope="module")
def driver():
    driver = make_driver(1280)
    yield driver
    driver.quit()


def wait(driver, condition, timeout=30):
    return WebDriverWait(driver, timeout).until(lambda d: condition(d))


def open_map(driver, url):
    driver.get(url)
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".map-viewport.zoomable"))
    return driver.find_element(By.CSS_SELECTOR, "svg.shape-map")


def view_box(svg):
    return [float(v) for v in svg.get_dom_attribute("viewBox").split()]


def test_the_map_is_interactive_fast_and_light(server, driver):
    urllib.request.urlopen(server + "/carte", timeout=120).read()  # the first request draws the shapes once
    open_map(driver, server + "/carte")
    timing = driver.execute_script("""
        const nav = performance.getEntriesByType('navigation')[0];
        const ready = performance.getEntriesByName('carte-interactive')[0];
        const resources = performance.getEntriesByType('resource');
        return {interactive: ready ? ready.startTime : null, domInteractive: nav.domInteractive,
                bytes: nav.decodedBodySize + resources.reduce((sum, r) => sum + r.decodedBodySize, 0),
                transferred: nav.transferSize + resources.reduce((sum, r) => sum + r.transferSize, 0),
                files: [nav.name, nav.decodedBodySize].concat(resources.map(r => [r.name, r.decodedBodySize]))};
    """)
    print(f"map page: interactive after {timing['interactive']:.0f} ms (DOM interactive {timing['domInteractive']:.0f} ms), "
          f"{timing['bytes']} bytes decoded, {timing['transferred']} transferred: {timing['files']}")
    assert timing["interactive"] is not None and timing["interactive"] < 1_500
    assert timing["bytes"] < 3_000_000
    assert not [m for m in console_messages(driver) if "SEVERE" in m or "Refused" in m]


def test_buttons_wheel_drag_and_keys_zoom_and_pan(server, driver):
    svg = open_map(driver, server + "/carte")
    full = view_box(svg)
    driver.find_element(By.CSS_SELECTOR, ".map-controls [data-zoom=in]").click()
    wait(driver, lambda d: view_box(svg)[2] == pytest.approx(full[2] / 2, rel=1e-3))
    ActionChains(driver).scroll_from_origin(ScrollOrigin.from_element(svg), 0, -400).perform()
    wait(driver, lambda d: view_box(svg)[2] < full[2] / 2 * 0.9)
    before = view_box(svg)
    ActionChains(driver).move_to_element_with_offset(svg, 0, 0).click_and_hold().move_by_offset(-120, -80).release().perform()
    wait(driver, lambda d: view_box(svg)[0] > before[0] and view_box(svg)[1] > before[1])
    assert driver.current_url.startswith(server + "/carte"), "a drag does not follow the link it started on"
    driver.find_element(By.CSS_SELECTOR, ".map-controls [data-zoom=reset]").click()
    wait(driver, lambda d: view_box(svg) == pytest.approx(full))
    viewport = driver.find_element(By.CSS_SELECTOR, ".map-viewport")
    driver.execute_script("arguments[0].focus()", viewport)
    viewport.send_keys("+")
    wait(driver, lambda d: view_box(svg)[2] == pytest.approx(full[2] / 2, rel=1e-3))
    zoomed = view_box(svg)
    viewport.send_keys(Keys.ARROW_RIGHT)
    wait(driver, lambda d: view_box(svg)[0] > zoomed[0])
    viewport.send_keys("0")
    wait(driver, lambda d: view_box(svg) == pytest.approx(full))


def test_tooltip_on_hover_and_on_keyboard_focus(server, driver):
    svg = open_map(driver, server + "/carte")
    town = svg.find_element(By.CSS_SELECTOR, 'a[href="/communes/46102"] path')
    ActionChains(driver).move_to_element(town).perform()
    tooltip = driver.find_element(By.CSS_SELECTOR, ".map-tooltip")
    wait(driver, lambda d: tooltip.is_displayed() and "Figeac (46)" in tooltip.text)
    assert "rang" in tooltip.text
    # Keyboard: the map, then Enter puts the focus on a town, arrows move to a neighbour, each with its tooltip.
    viewport = driver.find_element(By.CSS_SELECTOR, ".map-viewport")
    ActionChains(driver).move_to_element(driver.find_element(By.TAG_NAME, "h1")).perform()
    driver.execute_script("arguments[0].focus()", viewport)
    viewport.send_keys(Keys.ENTER)
    first = wait(driver, lambda d: d.switch_to.active_element.get_dom_attribute("href"))
    wait(driver, lambda d: tooltip.is_displayed() and tooltip.text.split("\n")[0] in d.switch_to.active_element.get_dom_attribute("aria-label"))
    driver.switch_to.active_element.send_keys(Keys.ARROW_RIGHT)
    wait(driver, lambda d: d.switch_to.active_element.get_dom_attribute("href") not in (None, first))
    focused = driver.switch_to.active_element
    assert focused.get_dom_attribute("tabindex") == "0", "one tab stop: the town last focused"
    wait(driver, lambda d: tooltip.is_displayed() and tooltip.text.split("\n")[0] in focused.get_dom_attribute("aria-label"))
    focused.send_keys(Keys.ESCAPE)
    wait(driver, lambda d: d.switch_to.active_element == viewport)


def test_select_recolours_the_map_and_keeps_the_weighting(server, driver):
    driver.get(server + "/classement?nature=5&sante=4")
    driver.find_element(By.LINK_TEXT, "Voir sur la carte").click()
    svg = wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".map-viewport.zoomable") and d.find_element(By.CSS_SELECTOR, "svg.shape-map"))
    assert "nature=5" in driver.current_url and "sante=4" in driver.current_url
    assert driver.find_element(By.CSS_SELECTOR, "input[type=hidden][name=nature]").get_attribute("value") == "5"
    before = driver.execute_script("return Array.from(document.querySelectorAll('.towns path')).map(p => p.getAttribute('class')).join(',')")
    Select(driver.find_element(By.ID, "mesure")).select_by_value("sante")
    wait(driver, lambda d: d.find_element(By.CSS_SELECTOR, "figure.atlas-map").get_dom_attribute("data-measure") == "sante")
    assert driver.find_element(By.CSS_SELECTOR, ".map-legend-title").text.startswith("Santé")
    assert "mesure=sante" in driver.current_url and "nature=5" in driver.current_url, "the address follows the select, weighting kept"
    after = driver.execute_script("return Array.from(document.querySelectorAll('.towns path')).map(p => p.getAttribute('class')).join(',')")
    assert after != before or len(set(before.split(","))) == 1
    label = driver.find_element(By.CSS_SELECTOR, 'a[href="/communes/46102"]').get_dom_attribute("aria-label")
    assert label.startswith("Figeac (46) : ")
    # The same page reached directly, without script, says the same.
    with urllib.request.urlopen(server + "/carte.json?nature=5&sante=4&mesure=sante", timeout=60) as response:
        assert b'"id":"sante"' in response.read()


def test_click_opens_the_town_page(server, driver):
    svg = open_map(driver, server + "/carte")
    svg.find_element(By.CSS_SELECTOR, 'a[href="/communes/46102"] path').click()
    wait(driver, lambda d: d.current_url.endswith("/communes/46102"))
    assert driver.find_element(By.TAG_NAME, "h1").text == "Figeac"


def test_town_locator_zooms_the_same_way(server, driver):
    driver.get(server + "/communes/46102")
    svg = wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "figure.locator .map-viewport.zoomable svg") and
               d.find_element(By.CSS_SELECTOR, "figure.locator svg"))
    full = view_box(svg)
    driver.find_element(By.CSS_SELECTOR, "figure.locator [data-zoom=in]").click()
    wait(driver, lambda d: view_box(svg)[2] == pytest.approx(full[2] / 2, rel=1e-3))
    ActionChains(driver).scroll_from_origin(ScrollOrigin.from_element(svg), 0, -300).perform()
    wait(driver, lambda d: view_box(svg)[2] < full[2] / 2 * 0.9)
    assert not [m for m in console_messages(driver) if "SEVERE" in m or "Refused" in m]
