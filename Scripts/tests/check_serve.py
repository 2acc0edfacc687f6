#!/usr/bin/env python3
"""Browser checks of `quire serve` (Scripts/tests/serve-check): headless Chromium driven by
Selenium through Debian's chromedriver, against a real `quire serve` on a loopback port over a
temporary catalogue built by the real `quire`. Prints one line per check and 'N passed, N failed'.

    check_serve.py QUIRE_BINARY WORK_DIR
"""
import json
import os
import signal
import socket
import subprocess
import sys
import time
import traceback
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

QUIRE, WORK = sys.argv[1], sys.argv[2]
CATALOGUE = os.path.join(WORK, "quire.sqlite")
TITLE = '<script>alert(1)</script> "><img src=x onerror=alert(3)> {{Libro}} \u200fספר\u200e'
PASSWORD = "correct horse battery staple"
USERS = {"ana": "proofreader", "ben": "proofreader", "o'hara&amp;\u202eadmin": "admin"}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self):
        self.port = free_port()
        self.process = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        self.process = subprocess.Popen([QUIRE, "serve", "--catalogue", CATALOGUE, "--port", str(self.port)],
                                        stdout=subprocess.DEVNULL, stderr=open(os.path.join(WORK, "serve.log"), "a"))
        for _ in range(200):
            try:
                urllib.request.urlopen(self.url + "/login", timeout=1)
                return
            except Exception:
                time.sleep(0.05)
        raise RuntimeError("quire serve did not start")

    def kill9(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=20)
        return self.process.returncode


def browser():
    options = webdriver.ChromeOptions()
    for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000", "--disable-gpu"]:
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def wait(driver, condition, timeout=10):
    return WebDriverWait(driver, timeout).until(lambda d: condition(d))


def login(driver, name, password=PASSWORD):
    driver.get(SERVER.url + "/login")
    driver.find_element(By.ID, "name").send_keys(name)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.ID, "signin").click()
    # The answer page: an error on the form, or the signed-in room (a loaded machine is slow).
    wait(driver, lambda d: d.find_elements(By.ID, "login-message") or d.find_elements(By.ID, "logout"), timeout=30)


def open_page(driver, number):
    driver.get(f"{SERVER.url}/documents/book/pages/{number}")
    wait(driver, lambda d: d.find_element(By.ID, "page-label").text.startswith("Page"))


def set_body(driver, text):
    body = driver.find_element(By.ID, "body")
    body.clear()
    body.send_keys(text)


def status(driver):
    return driver.find_element(By.ID, "status").text


def save(driver):
    driver.find_element(By.ID, "body").send_keys(Keys.CONTROL, "s")


def page_json(driver, number):
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        f"fetch('/api/documents/book/pages/{number}').then(r => r.json()).then(done);")


def no_alert(driver):
    try:
        driver.switch_to.alert
        return False
    except Exception:
        return True


CHECKS = []


def check(function):
    CHECKS.append(function)
    return function


@check
def login_and_logout(a, b):
    a.get(SERVER.url + "/")
    assert a.current_url.endswith("/login"), a.current_url
    login(a, "ana", "wrong password here")
    assert "Wrong name or password" in a.find_element(By.ID, "login-message").text
    login(a, "ana")
    wait(a, lambda d: d.find_elements(By.CSS_SELECTOR, "table.documents"))
    assert TITLE.replace("  ", " ")[:20] in a.find_element(By.CSS_SELECTOR, ".doc-link").text
    assert no_alert(a) and not a.find_elements(By.CSS_SELECTOR, "img[onerror]")
    a.find_element(By.ID, "logout").click()
    wait(a, lambda d: d.current_url.endswith("/login"))
    a.get(SERVER.url + "/")
    assert a.current_url.endswith("/login"), "still signed in after logout"
    login(a, "ana")
    login(b, "ben")


@check
def proofreading_a_page_to_level_3(a, b):
    open_page(a, 1)
    set_body(a, "The printer set the type by hand, proofread by Ana.")
    a.find_element(By.ID, "body").send_keys(Keys.ALT, "3")
    save(a)
    wait(a, lambda d: status(d).startswith("Saved"))
    open_page(a, 1)
    assert a.find_element(By.ID, "body").get_attribute("value") == "The printer set the type by hand, proofread by Ana."
    assert "Level 3 set by ana" in a.find_element(By.ID, "mark").text, a.find_element(By.ID, "mark").text


@check
def validation_refused_for_the_proofreader_accepted_for_another(a, b):
    open_page(a, 1)
    a.find_element(By.CSS_SELECTOR, 'input[name="level"][value="4"]').click()
    save(a)
    wait(a, lambda d: "another person must validate" in status(d))
    open_page(b, 1)
    b.find_element(By.CSS_SELECTOR, 'input[name="level"][value="4"]').click()
    save(b)
    wait(b, lambda d: status(d).startswith("Saved"))
    current = page_json(b, 1)["current"]
    assert current["fields"]["level"] == 4 and current["levelUser"] == "ben", current


@check
def caret_and_word_boxes_follow_each_other(a, b):
    open_page(a, 2)
    body = a.find_element(By.ID, "body")
    text = body.get_attribute("value")
    position = text.index("pressman") + 2
    a.execute_script("arguments[0].focus(); arguments[0].setSelectionRange(arguments[1], arguments[1]);", body, position)
    body.send_keys(Keys.ARROW_RIGHT)
    wait(a, lambda d: d.find_elements(By.CSS_SELECTOR, ".box.current"))
    assert a.find_element(By.CSS_SELECTOR, ".box.current").get_attribute("title").startswith("pressman")
    # After an edit before it, the box still follows the word (realigned by edit distance).
    a.execute_script("arguments[0].setSelectionRange(0, 0);", body)
    body.send_keys("Indeed ")
    a.execute_script("arguments[0].setSelectionRange(arguments[1], arguments[1]);", body, position + len("Indeed "))
    body.send_keys(Keys.ARROW_RIGHT)
    wait(a, lambda d: d.find_element(By.CSS_SELECTOR, ".box.current").get_attribute("title").startswith("pressman"))
    # A click on a box puts the caret on its word.
    box = [b for b in a.find_elements(By.CSS_SELECTOR, ".box") if b.get_attribute("title").startswith("apprentice")][0]
    box.click()
    selected = a.execute_script("const f = document.activeElement; return f.value.substring(f.selectionStart, f.selectionEnd);")
    assert selected == "apprentice", selected


@check
def next_uncertain_word(a, b):
    open_page(b, 3)  # a page without uncertain words says so
    open_page(a, 1)
    # Page 1 was rewritten by Ana; set the OCR text back so that its uncertain words are there.
    ocr = page_json(a, 1)["ocr"]["body"]
    set_body(a, ocr)
    a.execute_script("const f = document.getElementById('body'); f.focus(); f.setSelectionRange(0, 0);")
    a.find_element(By.ID, "body").send_keys(Keys.ALT, ".")
    first = a.execute_script("const f = document.activeElement; return f.value.substring(f.selectionStart, f.selectionEnd);")
    a.find_element(By.ID, "body").send_keys(Keys.ALT, ".")
    second = a.execute_script("const f = document.activeElement; return f.value.substring(f.selectionStart, f.selectionEnd);")
    assert (first, second) == ("lorem", "gatherings"), (first, second)
    assert len(a.find_elements(By.CSS_SELECTOR, ".box.uncertain")) == 2
    # Underlined in the text too (a backdrop behind the field), and nothing else is.
    assert [m.get_attribute("textContent") for m in a.find_elements(By.CSS_SELECTOR, "#body-backdrop mark")] == ["lorem", "gatherings"]


@check
def two_browsers_saving_the_same_page_lose_nothing(a, b):
    open_page(a, 2)
    open_page(b, 2)
    set_body(a, "Ana's version of page two.")
    save(a)
    wait(a, lambda d: status(d).startswith("Saved"))
    set_body(b, "Ben's version of page two.")
    save(b)
    wait(b, lambda d: "saved this page meanwhile" in status(d))
    assert b.find_element(By.ID, "merge").is_displayed()
    assert "Ana's version" in b.find_element(By.ID, "merge-theirs").text
    assert b.find_element(By.ID, "body").get_attribute("value") == "Ben's version of page two."
    set_body(b, "Ana's and Ben's version of page two.")
    save(b)
    wait(b, lambda d: status(d).startswith("Saved"))
    history = b.execute_async_script("const done = arguments[arguments.length - 1]; fetch('/api/documents/book/pages/2/history').then(r => r.json()).then(done);")
    assert [r["fields"]["body"] for r in history] == ["Ana's version of page two.", "Ana's and Ben's version of page two."], history
    # The history compares any two versions word by word.
    b.find_element(By.ID, "history-button").click()
    wait(b, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#history-list .compare")) == 3)
    boxes = b.find_elements(By.CSS_SELECTOR, "#history-list .compare")
    boxes[1].click()
    boxes[2].click()
    b.find_element(By.ID, "compare").click()
    assert [i.text for i in b.find_elements(By.CSS_SELECTOR, "#history-diff ins") if i.text.strip()] == ["and", "Ben's"], b.find_element(By.ID, "history-diff").text


@check
def a_draft_survives_kill_9_of_the_server(a, b):
    open_page(a, 3)
    a.execute_script("document.getElementById('editor').dataset.draftSaved = '';")
    set_body(a, "Typed just before the crash.")
    wait(a, lambda d: d.find_element(By.ID, "editor").get_attribute("data-draft-saved"), timeout=10)
    SERVER.kill9()
    SERVER.start()
    open_page(a, 3)
    assert a.find_element(By.ID, "body").get_attribute("value") == "Typed just before the crash."
    assert "restored" in status(a)


@check
def page_turns_keep_the_draft_and_the_address(a, b):
    open_page(a, 3)  # holds Ana's draft from the check before
    a.find_element(By.ID, "body").send_keys(Keys.ALT, Keys.PAGE_DOWN)
    wait(a, lambda d: d.find_element(By.ID, "page-label").text.startswith("Page 4 "))
    assert a.current_url.endswith("/documents/book/pages/4"), a.current_url
    assert a.find_element(By.ID, "body").get_attribute("value") == page_json(a, 4)["ocr"]["body"]
    a.back()
    wait(a, lambda d: d.find_element(By.ID, "page-label").text.startswith("Page 3 "))
    assert a.find_element(By.ID, "body").get_attribute("value") == "Typed just before the crash."


@check
def find_and_replace_with_a_preview(a, b):
    a.get(SERVER.url + "/documents/book/replace")
    a.find_element(By.ID, "find").send_keys("binder")
    a.find_element(By.ID, "replacement").send_keys("bookbinder")
    a.find_element(By.ID, "preview").click()
    wait(a, lambda d: d.find_elements(By.CSS_SELECTOR, "#changes li"))
    pages = [int(li.get_attribute("data-page")) for li in a.find_elements(By.CSS_SELECTOR, "#changes li")]
    assert a.find_elements(By.CSS_SELECTOR, "#changes ins") and pages, pages
    assert "bookbinder" not in (page_json(a, pages[0]).get("current") or {"fields": {"body": ""}})["fields"]["body"]
    a.find_element(By.ID, "apply").click()
    wait(a, lambda d: d.find_element(By.ID, "replace-status").text.startswith("Replaced"))
    for number in pages:
        assert "bookbinder" in page_json(a, number)["current"]["fields"]["body"], number


@check
def a_post_without_the_csrf_token_is_refused(a, b):
    # Page 4: nobody saved it, and the replacement did not touch it.
    open_page(a, 4)
    script = ("const done = arguments[arguments.length - 1];"
              "fetch('/api/documents/book/pages/4/save', {method: 'POST', headers: {'Content-Type': 'application/json'%s},"
              " body: JSON.stringify({fields: {header: '', body: 'forged', footer: '', level: 3}, base: null})}).then(r => done(r.status));")
    assert a.execute_async_script(script % "") == 403
    assert a.execute_async_script(script % ", 'X-CSRF-Token': 'f00'") == 403
    assert page_json(a, 4).get("current") is None
    # A logout form without the token is refused too.
    status_code = a.execute_async_script("const done = arguments[arguments.length - 1]; fetch('/logout', {method: 'POST'}).then(r => done(r.status));")
    assert status_code == 403, status_code


@check
def bad_requests(a, b):
    a.get(SERVER.url + "/documents/nothing-here/pages/1")
    assert "404" in a.find_element(By.TAG_NAME, "h1").text and a.find_element(By.ID, "back").get_attribute("href").endswith("/")
    open_page(a, 4)
    codes = a.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "const token = document.querySelector('meta[name=csrf-token]').content;"
        "const post = body => fetch('/api/documents/book/pages/4/save', {method: 'POST', headers: {'Content-Type': 'application/json', 'X-CSRF-Token': token}, body}).then(r => r.status);"
        "Promise.all([post('{not json'), post(JSON.stringify({fields: {header: '', body: 'x'.repeat(3 * 1024 * 1024), footer: '', level: 3}, base: null})),"
        " post(JSON.stringify({fields: {header: '', body: 'x', footer: '', level: 4}, base: null})),"
        " post(JSON.stringify({fields: {header: 'head</noinclude>body', body: 'x', footer: '', level: 1}, base: null}))]).then(done);")
    assert codes == [400, 413, 403, 400], codes


@check
def hostile_text_titles_and_names_are_shown_literally(a, b):
    open_page(a, 4)
    # The body is wikitext, as on the wiki: the OCR's markup neutralised, and shown as that text.
    body = a.find_element(By.ID, "body").get_attribute("value")
    assert body == page_json(a, 4)["ocr"]["body"] and "&lt;script>alert(1)&lt;/script>" in body and "&#123;&#123;plantilla" in body, body
    # The words themselves, on the scan, are the OCR's text as it is.
    titles = [box.get_attribute("title") for box in a.find_elements(By.CSS_SELECTOR, ".box")]
    for piece in ["<script>alert(1)</script>", '"><img', "onerror=alert(2)>", "{{plantilla}}", "שלום"]:
        assert any(t.startswith(piece) for t in titles), (piece, titles)
    assert no_alert(a) and not a.find_elements(By.CSS_SELECTOR, "img[onerror]") and not a.find_elements(By.CSS_SELECTOR, "main script")
    assert TITLE.split(" ")[0] in a.title
    c = browser()
    try:
        name = "o'hara&amp;\u202eadmin"
        login(c, name)
        wait(c, lambda d: d.find_elements(By.CSS_SELECTOR, ".who"))
        assert name in c.find_element(By.CSS_SELECTOR, ".who bdi").text
    finally:
        c.quit()


@check
def a_running_ocr_batch_is_shown(a, b):
    import fcntl
    a.get(SERVER.url + "/")
    assert not a.find_elements(By.ID, "ocr-running")
    # An OCR batch holds a shared lock on this file for its whole run (quire ocr does the same).
    with open(CATALOGUE + ".ocr-running", "a") as mark:
        fcntl.flock(mark, fcntl.LOCK_SH)
        a.get(SERVER.url + "/")
        assert a.find_elements(By.ID, "ocr-running")
        open_page(a, 5)
        assert "OCR batch is running" in status(a), status(a)
    a.get(SERVER.url + "/")
    assert not a.find_elements(By.ID, "ocr-running")


@check
def an_ocr_rerun_keeps_the_human_text(a, b):
    # Last: the rerun replaces the imported text of the pages nobody saved.
    # Page 2 was saved by two people (and has no draft of Ana's).
    before = page_json(a, 2).get("current")
    assert before is not None
    run = subprocess.run([QUIRE, "ocr", "book", "--force", "--catalogue", CATALOGUE], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    after = page_json(a, 2)
    assert after.get("current") == before, (before, after)
    assert "apprentice" not in after["ocr"]["body"], "the new OCR was not stored beside the human text"
    open_page(a, 2)
    assert a.find_element(By.ID, "body").get_attribute("value") == before["fields"]["body"]


@check
def repeated_failed_logins_are_throttled(a, b):
    # Last of the browser checks: the name is locked for a minute afterwards.
    c = browser()
    try:
        # The answer page is waited for: on a loaded machine the form may still be the old one.
        def message():
            return wait(c, lambda d: d.find_elements(By.ID, "login-message") and d.find_element(By.ID, "login-message").text)

        for attempt in range(5):
            login(c, "ben", "wrong password number %d" % attempt)
            assert "Wrong name or password" in message()
        login(c, "ben")  # even the right password now waits
        assert "Too many failed attempts" in message()
        assert c.current_url.endswith("/login")
    finally:
        c.quit()

def main():
    global SERVER
    for name, role in USERS.items():
        subprocess.run([QUIRE, "user", "add", name, "--role", role, "--catalogue", CATALOGUE], input=PASSWORD + "\n", text=True, check=True, capture_output=True)
    SERVER = Server()
    SERVER.start()
    a, b = browser(), browser()
    passed = failed = 0
    try:
        for function in CHECKS:
            try:
                function(a, b)
                print(f"serve-check: ok: {function.__name__}")
                passed += 1
            except Exception:
                print(f"serve-check: FAIL: {function.__name__}")
                traceback.print_exc()
                failed += 1
        code = SERVER.stop()
        if code not in (0, None):
            print(f"serve-check: FAIL: quire serve exited {code} on SIGTERM")
            failed += 1
        else:
            print("serve-check: ok: graceful_shutdown_on_sigterm")
            passed += 1
    finally:
        a.quit()
        b.quit()
        if SERVER.process and SERVER.process.poll() is None:
            SERVER.process.kill()
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


SERVER = None
if __name__ == "__main__":
    main()
