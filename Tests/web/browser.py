"""Selenium + headless Chromium for the browser tests: one driver per window width, console messages collected."""
import os
import shutil

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
except ImportError:  # pragma: no cover - scripts/setup installs it
    webdriver = None

requires_browser = pytest.mark.skipif(
    CHROMIUM is None or CHROMEDRIVER is None or webdriver is None,
    reason="chromium, chromium-driver and selenium are needed (scripts/setup installs them)")


def make_driver(width, height=900):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                     f"--window-size={width},{height}"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_script_timeout(120)
    driver.set_page_load_timeout(60)
    set_viewport(driver, width, height)
    return driver


def set_viewport(driver, width, height=900):
    """The page's viewport, exactly: a headless window is never narrower than 500 px, so a phone's width (390 px)
    is emulated (the layout viewport and window.innerWidth are then `width`)."""
    driver.set_window_size(max(width, 500), height)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    driver.width = width


def console_messages(driver):
    """Browser console messages since the last call (script errors, CSP violations, failed loads)."""
    return [entry["message"] for entry in driver.get_log("browser")]


def screenshot(driver, name):
    folder = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "screenshots")
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, name + ".png")
    height = driver.execute_script("return Math.min(document.documentElement.scrollHeight, 6000)")
    width = driver.execute_script("return window.innerWidth")
    set_viewport(driver, width, max(900, height))
    driver.save_screenshot(path)
    return path
