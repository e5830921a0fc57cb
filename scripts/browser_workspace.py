#!/usr/bin/env python3
"""An analyst's morning in a real browser: sign in, correct an event, write a note, build a
backgrounder, publish a piece, sign out.

    /usr/bin/python3 scripts/browser_workspace.py [--binary .build/debug/backchannel] [--out DIR]

Adds an analyst with `backchannel users add`, starts `backchannel demo` on a fresh data
folder and a free loopback port, then drives headless Chromium through Selenium (Debian's
python3-selenium and chromium-driver; the driver path is given, so nothing is downloaded).
Checks each step through the page, saves screenshots, exits 1 with one line per failure.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

from local_server import free_port

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError:
    sys.exit("browser_workspace: selenium is missing (apt-get install python3-selenium chromium-driver, then run with /usr/bin/python3)")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--binary", default=".build/debug/backchannel")
    ap.add_argument("--out", default=os.path.join(tempfile.gettempdir(), "backchannel-workspace-screenshots"))
    ap.add_argument("--driver", default=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    data = tempfile.mkdtemp(prefix="bc-workspace-")
    password = "a long analyst passphrase"
    added = subprocess.run([a.binary, "users", "add", "maria", "--role", "analyst", "--password-stdin", "--data", data],
                           input=password + "\n", capture_output=True, text=True)
    if added.returncode != 0:
        sys.exit(f"browser_workspace: users add failed: {added.stderr.strip()}")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([a.binary, "demo", "--data", data, "--port", str(port)], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True)
    failures = []

    def check(ok, message):
        print(f"browser_workspace: {'ok    ' if ok else 'FAILED'} {message}", file=sys.stderr if not ok else sys.stdout)
        if not ok:
            failures.append(message)

    driver = None
    try:
        deadline = time.time() + 600
        while time.time() < deadline:
            line = server.stdout.readline()
            if not line and server.poll() is not None:
                sys.exit(f"browser_workspace: the demo exited with status {server.returncode}")
            if "ready" in line:
                break
        with urllib.request.urlopen(base + "/api/v1/home", timeout=30) as r:
            event = json.load(r)["latest_events"][0]["id"]

        options = webdriver.ChromeOptions()
        options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
        for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1400"):
            options.add_argument(arg)
        driver = webdriver.Chrome(service=Service(a.driver), options=options)

        def submit(button):
            """Clicks a form's button and waits until the next page has replaced this one."""
            page = driver.find_element(By.TAG_NAME, "html")
            button.click()

            def replaced(_):
                # Selenium's staleness_of only knows StaleElementReferenceException; while the
                # next page is being swapped in, Chromium may instead answer "Node with given id
                # does not belong to the document". Either way the old page is gone.
                try:
                    page.is_enabled()
                    return False
                except WebDriverException:
                    return True

            WebDriverWait(driver, 20).until(replaced)

        # Sign in.
        driver.get(base + "/login")
        driver.find_element(By.NAME, "name").send_keys("maria")
        driver.find_element(By.NAME, "password").send_keys("wrong password here")
        submit(driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button"))
        check("wrong name or password" in driver.page_source, "a wrong password is refused with a message")
        driver.find_element(By.NAME, "password").send_keys(password)
        submit(driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button"))
        who = driver.find_element(By.CSS_SELECTOR, ".who").text
        check("maria · analyst" in who, f"signed in ({who!r})")
        driver.save_screenshot(os.path.join(a.out, "signed-in.png"))

        # Correct an event: change its type.
        driver.get(f"{base}/events/{event}")
        before = driver.find_element(By.TAG_NAME, "h1").text
        new_type = "DEMAND" if not before.startswith("DEMAND") else "REJECT"
        Select(driver.find_element(By.NAME, "type")).select_by_visible_text(new_type)
        submit(driver.find_element(By.XPATH, "//button[text()='Change type']"))
        check(driver.find_element(By.TAG_NAME, "h1").text.startswith(new_type + ":"), f"the event is now {new_type}")
        trail = driver.find_element(By.ID, "corrections").text
        check(f"maria set the type to {new_type}" in trail, "the correction is in the audit trail with its author")

        # Who was it aimed at: the targets, by name.
        targets = driver.find_element(By.NAME, "targets")
        targets.clear()
        targets.send_keys("Ukraine")
        submit(driver.find_element(By.XPATH, "//button[text()='Change targets']"))
        trail = driver.find_element(By.ID, "corrections").text
        facts = driver.find_element(By.CSS_SELECTOR, "dl.facts").text
        check("maria set the targets to Ukraine" in trail and "Ukraine" in facts, "the targets correction shows in the facts and the trail")

        # Write a note on it.
        driver.find_element(By.ID, "note-body").send_keys("Second wire confirms; the date is the meeting's, not the report's.")
        submit(driver.find_element(By.XPATH, "//button[text()='Add note']"))
        notes = driver.find_element(By.ID, "notes").text
        check("Second wire confirms" in notes and "maria" in notes, "the note shows with its author")
        driver.save_screenshot(os.path.join(a.out, "event-corrected.png"))

        # The export reflects the correction.
        exported = subprocess.run([a.binary, "export", "events", "--format", "jsonl", "--data", data], capture_output=True, text=True).stdout
        record = next((json.loads(l) for l in exported.splitlines() if json.loads(l).get("id") == event), None)
        check(record is not None and record.get("type") == new_type, "the export carries the corrected type")

        # Build a backgrounder on a storyline from its page.
        with urllib.request.urlopen(base + "/api/v1/storylines?limit=1", timeout=30) as r:
            pair = ",".join(str(x["id"]) for x in json.load(r)[0]["actors"])
        driver.get(f"{base}/storyline?actors={pair}")
        submit(driver.find_element(By.XPATH, "//button[text()='Write backgrounder']"))
        heading = driver.find_element(By.TAG_NAME, "h1").text
        sources = driver.find_elements(By.CSS_SELECTOR, "ol.sources li")
        check(heading.startswith("Backgrounder:") and len(sources) >= 1, f"a backgrounder with {len(sources)} sources")
        driver.save_screenshot(os.path.join(a.out, "backgrounder.png"))

        # A backgrounder of hand-picked items: untick all but two events and one quote.
        driver.get(f"{base}/storyline?actors={pair}")
        submit(driver.find_element(By.XPATH, "//button[text()='Choose the items…']"))
        boxes = driver.find_elements(By.CSS_SELECTOR, "input[name='event']")
        quotes = driver.find_elements(By.CSS_SELECTOR, "input[name='quote']")
        for box in boxes[2:] + quotes[1:]:
            box.click()
        title = driver.find_element(By.NAME, "title")
        title.clear()
        title.send_keys("Two events for the minister")
        driver.save_screenshot(os.path.join(a.out, "backgrounder-pick.png"))
        submit(driver.find_element(By.XPATH, "//button[text()='Write backgrounder from the ticked items']"))
        chronology = driver.find_elements(By.CSS_SELECTOR, "ol.chronology > li")
        heading = driver.find_element(By.TAG_NAME, "h1").text
        check(heading == "Backgrounder: Two events for the minister" and len(chronology) == min(2, len(boxes)),
              f"the picked backgrounder has its title and {len(chronology)} of {len(boxes)} events")
        driver.save_screenshot(os.path.join(a.out, "backgrounder-picked.png"))

        # An actor's spelling that is someone else: rename, with the audit trail on the page.
        driver.get(base + "/actors?type=PERSON")
        driver.find_element(By.CSS_SELECTOR, "table tbody tr td a").click()
        WebDriverWait(driver, 20).until(expected_conditions.presence_of_element_located((By.ID, "corrections")))
        name = driver.find_element(By.CSS_SELECTOR, "form[action$='/rename'] input[name='name']")
        old_name = name.get_attribute("value")
        name.clear()
        name.send_keys(old_name + " (checked)")
        submit(driver.find_element(By.XPATH, "//button[text()='Rename']"))
        check(driver.find_element(By.TAG_NAME, "h1").text == old_name + " (checked)" and "maria renamed it" in driver.find_element(By.ID, "corrections").text,
              "the actor is renamed, and the trail says who did it")
        driver.save_screenshot(os.path.join(a.out, "actor-corrected.png"))

        # Publish a piece: it becomes an article with the analyst's byline.
        driver.get(base + "/publish")
        driver.find_element(By.NAME, "title").send_keys("What the Geneva round changed")
        driver.find_element(By.NAME, "categories").send_keys("Analysis")
        driver.find_element(By.NAME, "body").send_keys("## In short\n\nUkrainian and U.S. negotiators met in Geneva on Sunday and said the revised plan was more balanced.")
        submit(driver.find_element(By.XPATH, "//button[text()='Publish']"))
        check(driver.find_element(By.TAG_NAME, "h1").text == "What the Geneva round changed" and "By maria" in driver.page_source,
              "the published piece opens in the reader with its byline")

        # Edit it: the same article, a new title, a note of the edit.
        piece_url = driver.current_url
        submit(driver.find_element(By.LINK_TEXT, "Edit this piece"))
        title = driver.find_element(By.NAME, "title")
        title.clear()
        title.send_keys("What the Geneva round changed, and what it did not")
        submit(driver.find_element(By.XPATH, "//button[text()='Save changes']"))
        check(driver.current_url == piece_url and driver.find_element(By.TAG_NAME, "h1").text == "What the Geneva round changed, and what it did not"
              and "Edited " in driver.page_source, "the edited piece keeps its address and says it was edited")
        driver.save_screenshot(os.path.join(a.out, "piece-edited.png"))

        # Sign out: the notes are gone from the page.
        submit(driver.find_element(By.XPATH, "//button[text()='Sign out']"))
        driver.get(f"{base}/events/{event}")
        check("Second wire confirms" not in driver.page_source and "Sign in" in driver.page_source, "signed out: no notes, a sign-in link")
    finally:
        if driver:
            driver.quit()
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(data, ignore_errors=True)
    if failures:
        sys.exit(1)
    print(f"browser_workspace: OK, screenshots in {a.out}")


if __name__ == "__main__":
    main()
