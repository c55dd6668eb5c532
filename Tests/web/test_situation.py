"""A small town is not a suburb, in headless Chromium as a household uses it: the home page's "Je télétravaille"
profile opens the household form with its ratings filled in and the banlieues of large urban units unticked, not yet
searched; the ranking with the same ratings leaves them out by default, says how many, and one click includes them
again; the page after the click ticks every situation."""
import re

import pytest
from browser import console_messages, make_driver, requires_browser

try:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:  # pragma: no cover
    pass

pytestmark = requires_browser


@pytest.fixture(scope="module")
def driver():
    driver = make_driver(1280)
    yield driver
    driver.quit()


def checkbox(driver, situation):
    return driver.find_element(By.CSS_SELECTOR, f"input[name=situation_{situation}]")


def ranked_towns(driver):
    return [link.get_attribute("href") for link in driver.find_elements(By.CSS_SELECTOR, "table.ranking tbody th a")]


def left_out(driver):
    notices = [n.text for n in driver.find_elements(By.CSS_SELECTOR, "p.notice") if "écartées" in n.text]
    if not notices:
        return None
    return int(re.match(r"([\d\u202f\u00a0 ]+)", notices[0]).group(1).replace("\u202f", "").replace("\u00a0", "").replace(" ", ""))


def test_the_teleworker_profile_opens_the_household_form_filled_in(server, driver):
    driver.get(server + "/")
    driver.find_element(By.PARTIAL_LINK_TEXT, "Je télétravaille").click()
    WebDriverWait(driver, 30).until(lambda d: "/trouver" in d.current_url)
    assert "chercher" not in driver.current_url
    assert driver.find_element(By.ID, "w-numerique").get_attribute("value") == "5"
    assert driver.find_element(By.ID, "w-nature").get_attribute("value") == "4"
    assert not checkbox(driver, "banlieue").is_selected()
    assert all(checkbox(driver, s).is_selected() for s in ("centre", "periurbaine", "rurale"))
    assert driver.find_element(By.ID, "pres").get_attribute("value") == ""
    assert not driver.find_elements(By.ID, "result-title"), "not searched yet"
    assert "répondent à vos critères" not in driver.page_source
    assert not [m for m in console_messages(driver) if "SEVERE" in m or "Refused" in m]


def test_the_teleworker_ranking_leaves_banlieues_out_by_default_and_one_click_includes_them(server, driver):
    driver.get(server + "/classement?numerique=5&nature=4&mobilite=4&sante=3&vie_sociale=3"
               "&situation_centre=1&situation_periurbaine=1&situation_rurale=1")
    assert not checkbox(driver, "banlieue").is_selected()
    assert all(checkbox(driver, s).is_selected() for s in ("centre", "periurbaine", "rurale"))
    excluded = left_out(driver)
    assert excluded is not None, "the page says how many banlieues were left out"
    by_default = ranked_towns(driver)
    assert by_default

    driver.find_element(By.LINK_TEXT, "les inclure").click()
    WebDriverWait(driver, 30).until(lambda d: "situation_banlieue=1" in d.current_url)
    assert left_out(driver) is None
    assert all(checkbox(driver, s).is_selected() for s in ("centre", "banlieue", "periurbaine", "rurale"))
    if excluded > 0:
        assert ranked_towns(driver) != by_default, "with the banlieues included the ranking changes"

    assert not [m for m in console_messages(driver) if "SEVERE" in m or "Refused" in m]
