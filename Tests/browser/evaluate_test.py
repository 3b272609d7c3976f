"""Drives the evaluators' pages in headless Chromium: an evaluator signs in with an e-mail and a password, lands on
/evaluate, opens an application left to score, fills the rubric's form (a refusal first: one criterion left out),
submits, and sees the sheet submitted; at a phone's width the form fits the screen. Screenshots go to artifacts."""
import sys
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

base, artifacts, email, password = sys.argv[1:5]
checks = 0


def check(condition, message):
    global checks
    if not condition:
        raise SystemExit(f"browser: FAILED: {message}")
    checks += 1


options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=vi"):
    options.add_argument(flag)
# What a Vietnamese browser asks for (headless Chromium otherwise sends Accept-Language: en-US, whatever --lang says).
options.add_experimental_option("prefs", {"intl.accept_languages": "vi-VN,vi"})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
try:
    driver.set_window_size(390, 844)  # a phone: evaluators score where they are
    wait = WebDriverWait(driver, 20)

    # Not signed in: to the form; signed in, an evaluator lands on their panels.
    driver.get(base + "/evaluate")
    wait.until(EC.presence_of_element_located((By.NAME, "email")))
    driver.find_element(By.NAME, "email").send_keys(email)
    driver.find_element(By.NAME, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "form.login button").click()
    wait.until(EC.presence_of_element_located((By.ID, "card-left")))
    check(driver.current_url.endswith("/evaluate"), f"an evaluator does not land on /evaluate: {driver.current_url}")
    check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "vi", "the page is not in Vietnamese")
    left = int(driver.find_element(By.CSS_SELECTOR, "#card-left .figure").text)
    items = driver.find_elements(By.CSS_SELECTOR, "#assigned li.assignment")
    check(left == len(items) and left > 0, f"{left} left to score, {len(items)} listed (the demo data leaves some)")
    overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    check(overflow <= 1, f"the list is {overflow}px wider than a phone's screen")
    driver.save_screenshot(f"{artifacts}/evaluate-list.png")

    first = items[0]
    application = first.get_attribute("data-application")
    candidate = first.find_element(By.TAG_NAME, "strong").text
    first.find_element(By.CSS_SELECTOR, "a.button").click()
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "form.sheet")))
    check(driver.current_url.endswith(f"/evaluate/{application}"), f"not on the form: {driver.current_url}")
    check(driver.find_element(By.TAG_NAME, "h1").text == candidate, "the form names another candidate")
    criteria = driver.find_elements(By.CSS_SELECTOR, "fieldset.criterion")
    check(len(criteria) >= 2, f"{len(criteria)} criteria on the form")
    check(not driver.find_elements(By.NAME, "reason"), "a reason is asked before anything was submitted")
    for fieldset in criteria:
        levels = fieldset.find_elements(By.CSS_SELECTOR, "label.level")
        check(len(levels) >= 2, "a criterion without its levels")
        check(any(level.find_element(By.CSS_SELECTOR, ".text").text for level in levels),
              "a criterion shows no level description")
    overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    check(overflow <= 1, f"the form is {overflow}px wider than a phone's screen")

    # Every criterion but the last scored, the radios' `required` lifted as a script-free browser might:
    # the server refuses, in Vietnamese, and keeps what was chosen and written.
    key = criteria[-1].get_attribute("data-criterion")
    for fieldset in criteria[:-1]:
        fieldset.find_elements(By.CSS_SELECTOR, "label.level")[3].click()
    driver.find_element(By.NAME, "comment").send_keys("Trình bày mạch lạc, nắm chắc quy trình xây dựng văn bản.")
    driver.execute_script("document.querySelectorAll('input[type=radio]').forEach(r => r.required = false)")
    driver.find_element(By.CSS_SELECTOR, "form.sheet button").click()
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "p.error[role='alert']")))
    message = driver.find_element(By.CSS_SELECTOR, f"fieldset[data-criterion='{key}'] p.error").text
    check("thiếu điểm" in message, f"no clear message for the missing score: {message!r}")
    check("mạch lạc" in driver.find_element(By.NAME, "comment").get_attribute("value"), "the comment was lost")
    kept = driver.find_elements(By.CSS_SELECTOR, "fieldset.criterion input[type=radio]:checked")
    check(len(kept) == len(criteria) - 1, f"{len(kept)} scores kept of {len(criteria) - 1}")

    # Score the last one and submit: the sheet reads as submitted and locked.
    criteria = driver.find_elements(By.CSS_SELECTOR, "fieldset.criterion")
    criteria[-1].find_elements(By.CSS_SELECTOR, "label.level")[4].click()
    driver.find_element(By.CSS_SELECTOR, "form.sheet button").click()
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "p.notice")))
    check("Đã nộp phiếu" in driver.find_element(By.CSS_SELECTOR, "p.notice").text, "no word that the sheet is submitted")
    check(driver.find_elements(By.NAME, "reason"), "a submitted sheet does not ask for a reason to amend")
    checked = driver.find_elements(By.CSS_SELECTOR, "fieldset.criterion input[type=radio]:checked")
    check(len(checked) == len(criteria), "the submitted scores are not shown")
    driver.save_screenshot(f"{artifacts}/evaluate-form.png")

    # Back on the list it has moved to the submitted ones.
    driver.get(base + "/evaluate")
    wait.until(EC.presence_of_element_located((By.ID, "card-left")))
    check(int(driver.find_element(By.CSS_SELECTOR, "#card-left .figure").text) == left - 1, "the count left did not go down")
    check(driver.find_elements(By.CSS_SELECTOR, f"#submitted li[data-application='{application}']"),
          "the application is not among the submitted ones")

    # The session cookie opens no /v1 route.
    cookie = driver.get_cookie("talent_session")
    request = urllib.request.Request(base + "/v1/me", headers={"Authorization": f"Bearer {cookie['value']}"})
    try:
        urllib.request.urlopen(request, timeout=30)
        check(False, "the browser's session opens /v1")
    except urllib.error.HTTPError as error:
        check(error.code == 401, f"/v1/me with the browser's session: {error.code}")
finally:
    driver.quit()

print(f"browser: all {checks} evaluation checks passed; screenshots in {artifacts}/")
