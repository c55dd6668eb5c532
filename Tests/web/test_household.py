"""The household's question played through the form in headless Chromium, as a person would (issue 25): a teleworking
couple in Lyon with a child of 8 wants a small town about an hour from Lyon, with a primary school and a collège, a
GP, fibre, houses under 2 500 €/m², nature first. Checked against the atlas itself: every proposed town is within
60 minutes of Lyon by the stored car-time estimate and is not a banlieue (left out by default). Then a typo in the
city: the form comes back with the message next to the field and every value kept.

Needs the real atlas (BOURG_TEST_ATLAS): the test excerpts have no Lyon."""
import os
import re
import sqlite3
from array import array

import pytest

from browser import make_driver, requires_browser, screenshot

ATLAS = os.environ.get("BOURG_TEST_ATLAS")
LYON = "69123"

pytestmark = [
    requires_browser,
    pytest.mark.skipif(not ATLAS or not os.path.exists(ATLAS), reason="needs the real atlas (BOURG_TEST_ATLAS)"),
]


def stored_minutes_to(pole):
    """Every commune's estimated car minutes to `pole`, as stored by `bourg data build` (Float32, commune row order)."""
    with sqlite3.connect(f"file:{ATLAS}?mode=ro", uri=True) as db:
        codes = [row[0] for row in db.execute("SELECT code FROM commune ORDER BY rowid")]
        blob = db.execute("SELECT minutes FROM car_time WHERE pole = ?", (pole,)).fetchone()[0]
        situations = dict(db.execute("SELECT commune_code, value FROM indicator_value_named WHERE indicator_id = 'situation'"))
    minutes = array("f")
    minutes.frombytes(blob)
    assert len(minutes) == len(codes)
    return dict(zip(codes, minutes)), situations


def fill_the_form(driver, city):
    """What the couple does: sliders, the city, the budget, the needs' checkboxes and distances."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    for dimension, rating in (("nature", 5), ("numerique", 5), ("sante", 4), ("mobilite", 3)):
        driver.execute_script("document.getElementById(arguments[0]).value = arguments[1];", f"w-{dimension}", rating)
    driver.find_element(By.ID, "pres").clear()
    driver.find_element(By.ID, "pres").send_keys(city)
    driver.find_element(By.ID, "prix_maison").send_keys("2 500")
    for need, distance in (("besoin_ecole", "0"), ("besoin_college", "10"), ("besoin_gp", "5"), ("besoin_fibre", None)):
        box = driver.find_element(By.ID, need)
        if not box.is_selected():
            box.click()
        if distance is not None:
            Select(driver.find_element(By.NAME, need + "_km")).select_by_value(distance)
    driver.find_element(By.CSS_SELECTOR, "form.find button[type=submit]").click()
    # The answer (or the form again, with its error) has loaded.
    from selenium.webdriver.support.ui import WebDriverWait
    WebDriverWait(driver, 30).until(lambda d: "chercher=1" in d.current_url and d.execute_script("return document.readyState") == "complete")


def test_the_lyon_couple_through_the_form(server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    minutes, situations = stored_minutes_to(LYON)
    driver = make_driver(1280)
    try:
        driver.get(server + "/trouver")
        fill_the_form(driver, "Lyon:1h")
        assert "/trouver?" in driver.current_url
        assert "besoin_college=1" in driver.current_url and "besoins=" not in driver.current_url, "checkboxes, not the text syntax"
        links = driver.find_elements(By.CSS_SELECTOR, "ol.matches h3 a")
        codes = [re.search(r"/communes/([0-9AB]{5})$", link.get_attribute("href")).group(1) for link in links]
        names = [link.text for link in links]
        assert codes, driver.find_element(By.ID, "result-title").find_element(By.XPATH, "..").text[:2000]
        for code, name in zip(codes, names):
            assert minutes[code] <= 60.0, f"{name} ({code}) is {minutes[code]:.0f} min from Lyon by the stored estimate"
            assert situations.get(code) != 2.0, f"{name} ({code}) is a banlieue, left out by default"
        summary = driver.find_element(By.CSS_SELECTOR, "#result-title + p").text
        print("Lyon couple:", summary)
        for code, name in list(zip(codes, names))[:10]:
            print(f"  {name} ({code}): ≈ {minutes[code]:.0f} min")
        page_text = driver.find_element(By.TAG_NAME, "main").text
        assert "Lyon à ≈" in page_text, "each answer shows its estimated time"
        screenshot(driver, "trouver-couple-lyon")

        # A typo in the city: the form comes back, the message by the field, everything kept.
        driver.get(server + "/trouver")
        fill_the_form(driver, "Lyonn:1h")
        assert driver.find_element(By.CSS_SELECTOR, ".form-errors").is_displayed()
        assert "Lyonn" in driver.find_element(By.ID, "pres-erreur").text
        assert driver.find_element(By.ID, "pres").get_attribute("value") == "Lyonn:1h"
        assert driver.find_element(By.ID, "pres").get_attribute("aria-invalid") == "true"
        assert driver.find_element(By.ID, "prix_maison").get_attribute("value") == "2 500"
        for need in ("besoin_ecole", "besoin_college", "besoin_gp", "besoin_fibre"):
            assert driver.find_element(By.ID, need).is_selected(), need
        assert not driver.find_element(By.ID, "besoin_lycee").is_selected()
        assert Select(driver.find_element(By.NAME, "besoin_college_km")).first_selected_option.get_attribute("value") == "10"
        assert driver.find_element(By.ID, "w-nature").get_attribute("value") == "5"
        assert driver.find_element(By.ID, "w-numerique").get_attribute("value") == "5"
        screenshot(driver, "trouver-erreur-ville")
    finally:
        driver.quit()
