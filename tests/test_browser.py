"""The real pages in headless Chromium: ask through the form, follow a permalink, "Who said this?"."""
import os
import shutil

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
        pytest.skip("Debian's chromium and chromium-driver are not installed (scripts/test.sh installs them)")
    os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium Manager try to download a driver
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1200,1600", f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def wait_for(browser, css):
    """The element, once the page that has it has loaded (clicks and Enter do not wait)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(browser, 20).until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, css)))


def test_ask_follow_permalink_and_check_who_said_it(browser, live_server, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get(live_server + "/")
    box = browser.find_element(By.ID, "q")
    assert browser.find_element(By.CSS_SELECTOR, "label[for=q]").text == "Question"
    box.send_keys("Combien d'élèves ont été formés ?", Keys.ENTER)

    first = wait_for(browser, "article.result")
    assert "Jean Martin" in first.text and "Procureur" in first.text
    assert "3 442 élèves" in first.find_element(By.TAG_NAME, "mark").text
    assert first.find_element(By.TAG_NAME, "blockquote").get_attribute("lang") == "fr"
    browser.save_screenshot(str(tmp_path / "results.png"))

    first.find_element(By.LINK_TEXT, "permalink").click()
    assert "3 442 élèves" in wait_for(browser, "#passage-text").text
    assert "/passages/" in browser.current_url
    citation = browser.find_element(By.ID, "citation").get_attribute("value")
    assert "Jean Martin" in citation and "mini_report.md" in citation and browser.current_url in citation

    browser.find_element(By.LINK_TEXT, "Who said this?").click()
    statement = wait_for(browser, "textarea#text")
    statement.send_keys("les équipes communes d’enquête ont démantelé 12 réseaux")
    browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    verdict = wait_for(browser, "#verdict")
    assert verdict.text.startswith("Quoted")
    assert "Jean Martin" in browser.find_element(By.CSS_SELECTOR, "section.candidate h3").text


def test_keyboard_only(browser, live_server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get(live_server + "/")
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    assert browser.switch_to.active_element.text == "Skip to content"
    browser.find_element(By.ID, "q").send_keys("réseaux démantelés", Keys.ENTER)
    assert wait_for(browser, "article.result")
