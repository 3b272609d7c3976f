"""Drives the dashboard in headless Chromium: sign in through the form with an e-mail and a password, then check that every chart is drawn and
shows the numbers the JSON API gives, at a desktop's width and at a phone's. Screenshots go to the artifacts folder."""
import json
import sys
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

base, token, artifacts, email, password = sys.argv[1:6]
checks = 0


def check(condition, message):
    global checks
    if not condition:
        raise SystemExit(f"browser: FAILED: {message}")
    checks += 1


def api(path):
    request = urllib.request.Request(base + path, headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=vi"):
    options.add_argument(flag)
# What a Vietnamese browser asks for (headless Chromium otherwise sends Accept-Language: en-US, whatever --lang says).
options.add_experimental_option("prefs", {"intl.accept_languages": "vi-VN,vi"})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
try:
    driver.set_window_size(1280, 1800)
    wait = WebDriverWait(driver, 20)

    # Not signed in: the dashboard sends the browser to the form.
    driver.get(base + "/dashboard")
    wait.until(EC.presence_of_element_located((By.NAME, "email")))
    check(driver.current_url.endswith("/dashboard/login"), f"not sent to the sign-in form: {driver.current_url}")
    check(not driver.find_elements(By.NAME, "token"), "the sign-in form still asks for a pasted token")
    check(driver.find_element(By.NAME, "form_key").get_attribute("value"), "the sign-in form carries no CSRF key")
    # A first visit shows the form and nothing else: no alert, no stray "nil" (the text a person reads, not only elements).
    check(not driver.find_elements(By.CSS_SELECTOR, ".error, [role='alert']"), "the sign-in form shows an alert on a first visit")
    text = driver.find_element(By.TAG_NAME, "body").text
    check("nil" not in text.split() and "Optional" not in text, f"the sign-in page reads: {text!r}")
    check("Thư điện tử" in text and "Mật khẩu" in text and "Đăng nhập" in text,
          f"the sign-in page lacks its labels or button: {text!r}")

    # A wrong password is refused on the form, in Vietnamese; the e-mail typed stays in its field.
    driver.find_element(By.NAME, "email").send_keys(email)
    driver.find_element(By.NAME, "password").send_keys("not-the-password")
    driver.find_element(By.CSS_SELECTOR, "form.login button").click()
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".error")))
    check("không đúng" in driver.find_element(By.CSS_SELECTOR, ".error").text, "no clear error for a wrong password")
    check(driver.find_element(By.NAME, "email").get_attribute("value") == email, "the e-mail typed is not kept")

    # Sign in; the cookie is HttpOnly, so the page's own script cannot read it.
    driver.find_element(By.NAME, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "form.login button").click()
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "svg[data-chart='funnel'][data-layout='wide']")))
    check(driver.current_url.endswith("/dashboard"), f"not on the dashboard after signing in: {driver.current_url}")
    cookie = driver.get_cookie("talent_session")
    check(cookie is not None and cookie.get("httpOnly") and cookie.get("sameSite") == "Strict", f"cookie flags: {cookie}")
    check("talent_session" not in driver.execute_script("return document.cookie"), "the session cookie is readable by script")
    check(cookie["value"] != token and not cookie["value"].startswith("tlt_"), "the cookie holds an API token")
    check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "vi", "the page is not in Vietnamese")

    # The page's own inline style applies under its strict Content-Security-Policy (hashes, no 'unsafe-inline'):
    # a blocked style sheet would leave the browser's default font and both chart layouts shown.
    with urllib.request.urlopen(urllib.request.Request(base + "/dashboard", headers={"Authorization": f"Bearer {token}"}),
                                timeout=30) as response:
        policy = response.headers.get("Content-Security-Policy", "")
    check("'sha256-" in policy and "unsafe-inline" not in policy and "script-src" not in policy,
          f"the dashboard's Content-Security-Policy: {policy!r}")
    font = driver.execute_script("return getComputedStyle(document.body).fontFamily")
    check("Noto Sans" in font, f"the dashboard's style sheet is not applied (font {font!r}): blocked by the policy?")

    # Every chart is drawn: an SVG with a real size and bars in it.
    for name in ("funnel", "targets", "nominations"):
        svg = driver.find_element(By.CSS_SELECTOR, f"svg[data-chart='{name}'][data-layout='wide']")
        size = svg.size
        check(size["width"] > 200 and size["height"] > 50, f"chart {name} is not drawn ({size})")
    bars = driver.find_elements(By.CSS_SELECTOR, "svg[data-chart='funnel'][data-layout='wide'] g.bar")
    funnel_values = [bar.get_attribute("data-value") for bar in bars]
    check(len(bars) == 6, f"the funnel has {len(bars)} steps, not 6")
    check(all(bar.find_element(By.TAG_NAME, "rect").size["width"] > 0 for bar in bars
              if int(bar.get_attribute("data-value")) > 0), "a funnel step with applications has no visible bar")

    # The same numbers as the API.
    pipeline = api("/v1/reports/pipeline")
    reached = {s["stage"]: s["reached"] for s in pipeline["stages"]}
    for bar in bars:
        stage, value = bar.get_attribute("data-label"), int(bar.get_attribute("data-value"))
        check(value == reached[stage], f"funnel {stage}: page {value}, API {reached[stage]}")
    figure = driver.find_element(By.CSS_SELECTOR, "#card-applications .figure").text
    check(int(figure) == pipeline["applications"], f"applications: page {figure}, API {pipeline['applications']}")

    targets = api("/v1/reports/targets")["items"]
    target_bars = driver.find_elements(By.CSS_SELECTOR, "svg[data-chart='targets'][data-layout='wide'] g.bar")
    check(len(target_bars) == len(targets), f"{len(target_bars)} target bars for {len(targets)} targets")
    for bar, item in zip(target_bars, targets):
        # The bar and the table show what the status counts: hires and officials in post (`counted`).
        check(int(bar.get_attribute("data-value")) == item["counted"], f"target {item['id']}: counted differs")
        check(int(bar.get_attribute("data-goal")) == item["count"], f"target {item['id']}: count differs")
        check(item["status"] in bar.get_attribute("class"), f"target {item['id']}: status {item['status']} not drawn")
    rows = {row.get_attribute("data-target"): row for row in driver.find_elements(By.CSS_SELECTOR, "tr[data-target]")}
    for item in targets:
        hired = rows[item["id"]].find_element(By.CSS_SELECTOR, "td.hired").text
        check(int(hired) == item["counted"], f"target table {item['id']}: page {hired}, API {item['counted']}")

    nominations = api("/v1/nominations?limit=200")["items"]
    drawn = sum(int(rect.get_attribute("data-value"))
                for rect in driver.find_elements(By.CSS_SELECTOR, "svg[data-chart='nominations'][data-layout='wide'] rect.bar"))
    check(drawn == len(nominations), f"the nominations chart draws {drawn}, the API lists {len(nominations)}")

    driver.save_screenshot(f"{artifacts}/dashboard.png")

    # A phone's width: nothing wider than the screen but the tables' own scrolling boxes.
    driver.set_window_size(390, 844)
    driver.refresh()
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "svg[data-chart='funnel'][data-layout='narrow']")))
    overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    check(overflow <= 1, f"the page is {overflow}px wider than a phone's screen")
    for name in ("funnel", "targets", "nominations"):
        wide = driver.find_element(By.CSS_SELECTOR, f"svg[data-chart='{name}'][data-layout='wide']")
        narrow = driver.find_element(By.CSS_SELECTOR, f"svg[data-chart='{name}'][data-layout='narrow']")
        check(not wide.is_displayed() and narrow.is_displayed(), f"chart {name}: the phone's layout is not the one shown")
        width = narrow.size["width"]
        check(200 < width <= 390, f"chart {name} is {width}px wide on a 390px screen")
        # Chart text at reading size: the rendered height of each label, not the font size in the SVG's own units.
        heights = driver.execute_script(
            "return Array.from(arguments[0].querySelectorAll('text.label, text.value')).map(t => t.getBoundingClientRect().height)",
            narrow)
        check(heights and min(heights) >= 11, f"chart {name}: labels {min(heights or [0]):.1f}px high on a phone")
    narrow_bars = driver.find_elements(By.CSS_SELECTOR, "svg[data-chart='funnel'][data-layout='narrow'] g.bar")
    check([b.get_attribute("data-value") for b in narrow_bars] == funnel_values,
          "the phone's funnel shows other figures than the desktop's")
    driver.save_screenshot(f"{artifacts}/dashboard-phone.png")

    # Signing out ends the session, on the server too: the old cookie opens nothing any more.
    driver.find_element(By.CSS_SELECTOR, "nav.top button").click()
    wait.until(EC.presence_of_element_located((By.NAME, "email")))
    driver.get(base + "/dashboard")
    wait.until(EC.presence_of_element_located((By.NAME, "email")))
    check(driver.current_url.endswith("/dashboard/login"), "still signed in after signing out")
    replay = urllib.request.Request(base + "/dashboard", headers={"Cookie": f"talent_session={cookie['value']}"})
    with urllib.request.urlopen(replay, timeout=30) as response:
        check(response.geturl().endswith("/dashboard/login"), "the signed-out session's cookie still opens the dashboard")
finally:
    driver.quit()

print(f"browser: all {checks} dashboard checks passed; screenshots in {artifacts}/")
