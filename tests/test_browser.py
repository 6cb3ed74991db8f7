"""The real pages in headless Chromium, in French (the default) and in English: ask through the form,
open the passage with its marked sentence, the speakers, "Who said this?"; the language switch both ways."""
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
    # a French-speaking reader's browser: the pages' language follows Accept-Language
    options.add_experimental_option("prefs", {"intl.accept_languages": "fr-FR,fr"})
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


# What each interface language shows: (html lang, the search button, the link to a passage,
# the nav link to "who said this", the speakers link, the quoted verdict, the switch to the other language)
LANGUAGES = {
    "fr": ("fr", "Rechercher", "ouvrir le passage", "Qui a dit cela ?", "Intervenants", "Citation exacte", "English"),
    "en": ("en", "Search", "open the passage", "Who said this?", "Speakers", "Quoted", "Français"),
}


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory):
    """Where the pages' pictures go: QA_SCREENSHOTS, if set, else a temporary folder."""
    folder = os.environ.get("QA_SCREENSHOTS") or str(tmp_path_factory.mktemp("screenshots"))
    os.makedirs(folder, exist_ok=True)
    return folder


def walk_in(browser, lang, screenshots):
    """Ask, open the passage of the first result, the speakers, one speaker, who said this: in lang."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    html_lang, search, open_passage, who_said, speakers, quoted, _ = LANGUAGES[lang]
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == html_lang
    assert browser.find_element(By.CSS_SELECTOR, "form[role=search] button").text == search
    browser.save_screenshot(f"{screenshots}/{lang}-1-ask.png")
    browser.find_element(By.ID, "q").send_keys("Combien d'élèves ont été formés ?", Keys.ENTER)

    first = wait_for(browser, "article.result")
    assert "Jean Martin" in first.text and "Procureur" in first.text
    marked = first.find_element(By.TAG_NAME, "mark").text
    assert "3 442 élèves" in marked
    assert first.find_element(By.TAG_NAME, "blockquote").get_attribute("lang") == "fr"
    browser.save_screenshot(f"{screenshots}/{lang}-2-results.png")

    first.find_element(By.LINK_TEXT, open_passage).click()
    highlight = wait_for(browser, "mark#hl")
    assert highlight.text == marked and "/passages/" in browser.current_url
    top = browser.execute_script("return arguments[0].getBoundingClientRect().top", highlight)
    assert 0 <= top < browser.execute_script("return window.innerHeight")  # scrolled to it
    assert "Jean Martin" in browser.find_element(By.TAG_NAME, "h1").text
    citation = browser.find_element(By.ID, "citation")
    assert "Jean Martin" in citation.get_attribute("value") and "mini_report.md" in citation.get_attribute("value")
    assert browser.execute_script("return arguments[0].scrollHeight <= arguments[0].clientHeight + 2", citation)
    browser.save_screenshot(f"{screenshots}/{lang}-3-passage.png")

    browser.find_element(By.LINK_TEXT, speakers).click()
    wait_for(browser, "table tbody tr").find_element(By.TAG_NAME, "a").click()
    wait_for(browser, "dl")
    browser.save_screenshot(f"{screenshots}/{lang}-4-speaker.png")

    browser.find_element(By.LINK_TEXT, who_said).click()
    wait_for(browser, "textarea#text").send_keys("les équipes communes d’enquête ont démantelé 12 réseaux")
    browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    assert wait_for(browser, "#verdict").text.startswith(quoted)
    assert "Jean Martin" in browser.find_element(By.CSS_SELECTOR, "section.candidate h3").text
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == html_lang
    browser.save_screenshot(f"{screenshots}/{lang}-5-who-said-this.png")


def test_french_by_default_english_at_one_click_and_back(browser, live_server, screenshots):
    from selenium.webdriver.common.by import By

    browser.get(live_server + "/")
    walk_in(browser, "fr", screenshots)
    browser.find_element(By.LINK_TEXT, LANGUAGES["fr"][6]).click()  # "English"
    wait_for(browser, "html[lang=en]")
    browser.find_element(By.CSS_SELECTOR, "header .brand a").click()
    wait_for(browser, "form[role=search]")
    walk_in(browser, "en", screenshots)
    browser.find_element(By.LINK_TEXT, LANGUAGES["en"][6]).click()  # "Français"
    assert wait_for(browser, "html[lang=fr]")


def test_keyboard_only(browser, live_server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get(live_server + "/?lang=en")
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    assert browser.switch_to.active_element.text == "Skip to content"
    browser.find_element(By.ID, "q").send_keys("réseaux démantelés", Keys.ENTER)
    assert wait_for(browser, "article.result")
