"""Drives the dashboard in headless Chromium: sign in through the form, then check that every chart is drawn and
shows the numbers the JSON API gives, at a desktop's width and at a phone's. Screenshots go to the artifacts folder."""
import json
import sys
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

base, token, artifacts = sys.argv[1], sys.argv[2], sys.argv[3]
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
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
try:
    driver.set_window_size(1280, 1800)
    wait = WebDriverWait(driver, 20)

    # Not signed in: the dashboard sends the browser to the form.
    driver.get(base + "/dashboard")
    wait.until(EC.presence_of_element_located((By.NAME, "token")))
    check(driver.current_url.endswith("/dashboard/login"), f"not sent to the sign-in form: {driver.current_url}")

    # A wrong token is refused on the form, in Vietnamese.
    driver.find_element(By.NAME, "token").send_keys("tlt_not-a-token")
    driver.find_element(By.CSS_SELECTOR, "form.login button").click()
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".error")))
    check("không đúng" in driver.find_element(By.CSS_SELECTOR, ".error").text, "no clear error for a wrong token")

    # Sign in; the cookie is HttpOnly, so the page's own script cannot read it.
    driver.find_element(By.NAME, "token").send_keys(token)
    driver.find_element(By.CSS_SELECTOR, "form.login button").click()
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "svg[data-chart='funnel']")))
    check(driver.current_url.endswith("/dashboard"), f"not on the dashboard after signing in: {driver.current_url}")
    cookie = driver.get_cookie("talent_dashboard")
    check(cookie is not None and cookie.get("httpOnly") and cookie.get("sameSite") == "Strict", f"cookie flags: {cookie}")
    check("talent_dashboard" not in driver.execute_script("return document.cookie"), "the session cookie is readable by script")
    check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "vi", "the page is not in Vietnamese")

    # Every chart is drawn: an SVG with a real size and bars in it.
    for name in ("funnel", "targets", "nominations"):
        svg = driver.find_element(By.CSS_SELECTOR, f"svg[data-chart='{name}']")
        size = svg.size
        check(size["width"] > 200 and size["height"] > 50, f"chart {name} is not drawn ({size})")
    bars = driver.find_elements(By.CSS_SELECTOR, "svg[data-chart='funnel'] g.bar")
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
    target_bars = driver.find_elements(By.CSS_SELECTOR, "svg[data-chart='targets'] g.bar")
    check(len(target_bars) == len(targets), f"{len(target_bars)} target bars for {len(targets)} targets")
    for bar, item in zip(target_bars, targets):
        check(int(bar.get_attribute("data-value")) == item["hired"], f"target {item['id']}: hired differs")
        check(int(bar.get_attribute("data-goal")) == item["count"], f"target {item['id']}: count differs")
        check(item["status"] in bar.get_attribute("class"), f"target {item['id']}: status {item['status']} not drawn")
    rows = {row.get_attribute("data-target"): row for row in driver.find_elements(By.CSS_SELECTOR, "tr[data-target]")}
    for item in targets:
        hired = rows[item["id"]].find_element(By.CSS_SELECTOR, "td.hired").text
        check(int(hired) == item["hired"], f"target table {item['id']}: page {hired}, API {item['hired']}")

    nominations = api("/v1/nominations?limit=200")["items"]
    drawn = sum(int(rect.get_attribute("data-value"))
                for rect in driver.find_elements(By.CSS_SELECTOR, "svg[data-chart='nominations'] rect.bar"))
    check(drawn == len(nominations), f"the nominations chart draws {drawn}, the API lists {len(nominations)}")

    driver.save_screenshot(f"{artifacts}/dashboard.png")

    # A phone's width: nothing wider than the screen but the tables' own scrolling boxes.
    driver.set_window_size(390, 844)
    driver.refresh()
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "svg[data-chart='funnel']")))
    overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    check(overflow <= 1, f"the page is {overflow}px wider than a phone's screen")
    width = driver.find_element(By.CSS_SELECTOR, "svg[data-chart='funnel']").size["width"]
    check(width <= 390, f"the funnel is {width}px wide on a 390px screen")
    driver.save_screenshot(f"{artifacts}/dashboard-phone.png")

    # Signing out ends the session.
    driver.find_element(By.CSS_SELECTOR, "nav.top button").click()
    wait.until(EC.presence_of_element_located((By.NAME, "token")))
    driver.get(base + "/dashboard")
    wait.until(EC.presence_of_element_located((By.NAME, "token")))
    check(driver.current_url.endswith("/dashboard/login"), "still signed in after signing out")
finally:
    driver.quit()

print(f"browser: all {checks} dashboard checks passed; screenshots in {artifacts}/")
