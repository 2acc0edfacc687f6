#!/usr/bin/env python3
"""Browser checks of `quire serve`'s rights desk (run by Scripts/tests/serve-check after the
room's checks): headless Chromium driven by Selenium through Debian's chromedriver, against a real
`quire serve` over its own temporary catalogue. Prints one line per check and 'N passed, N failed'.

    check_desk.py QUIRE_BINARY WORK_DIR

WORK_DIR holds quire.sqlite with the documents 'old-book' (3 pages) and 'new-book' (1 page).
"""
import json
import os
import sqlite3
import subprocess
import sys
import time
import traceback

import check_serve as room
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.expected_conditions import staleness_of

QUIRE, WORK = sys.argv[1], sys.argv[2]
CATALOGUE = os.path.join(WORK, "quire.sqlite")
USERS = {"rosa": "rights-officer", "raul": "rights-officer", "ada": "admin", "pia": "proofreader"}
HOSTILE_HOLDER = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'
HOSTILE_REASON = '"><img src=x onerror=alert(3)> javascript:alert(4)'


def quire(*args):
    return subprocess.run([QUIRE, *args, "--catalogue", CATALOGUE], capture_output=True, text=True)


def history(document):
    run = quire("clearance", "history", document, "--json")
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def sign_in(driver, name):
    """Signs in and waits for the signed-in page, so that the next request carries the session."""
    room.login(driver, name)
    room.wait(driver, lambda d: d.find_elements(By.ID, "logout"), timeout=30)


def desk_page(driver, document):
    driver.get(f"{room.SERVER.url}/desk/documents/{document}")
    room.wait(driver, lambda d: d.find_elements(By.ID, "desk-history"), timeout=30)


def submit(driver, button):
    """Clicks a form's button and waits for the page the server answers with (the old one gone)."""
    old = driver.find_element(By.TAG_NAME, "main")
    driver.find_element(By.ID, button).click()

    def gone(d):
        try:
            return staleness_of(old)(d)
        except WebDriverException:  # Chromium: "Node … does not belong to the document", mid-navigation
            return True

    room.wait(driver, lambda d: gone(d) and d.find_elements(By.TAG_NAME, "main"), timeout=30)


def verdict(driver, target):
    return driver.find_element(By.CSS_SELECTOR, f'tr.target[data-target="{target}"] td.verdict').text


def status(driver, target):
    return driver.find_element(By.CSS_SELECTOR, f'tr.target[data-target="{target}"] td.status').text.split()[0]


def fill(driver, field, text):
    element = driver.find_element(By.ID, field)
    element.clear()
    element.send_keys(text)


def decide(driver, targets, action, reason, justification=""):
    for target in targets:
        driver.find_element(By.ID, f"target-{target}").click()
    driver.find_element(By.ID, f"action-{action}").click()
    fill(driver, "decision-reason", reason)
    if justification:
        fill(driver, "justification", justification)
    submit(driver, "decide")


def post(driver, path, body, token=True):
    """POSTs a form body with fetch (the session's CSRF token in the form when `token`); returns the status."""
    script = (
        "const done = arguments[arguments.length - 1];"
        "const csrf = document.querySelector('meta[name=csrf-token]').content;"
        f"const body = {json.dumps(body)} + ({'true' if token else 'false'} ? '&csrf=' + encodeURIComponent(csrf) : '');"
        f"fetch({json.dumps(path)}, {{method: 'POST', body, headers: {{'Content-Type': 'application/x-www-form-urlencoded'}}, redirect: 'manual'}})"
        ".then(r => done(r.status));")
    return driver.execute_async_script(script)


def fetch(driver, path):
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        f"fetch({json.dumps(path)}).then(r => r.text().then(t => done([r.status, r.headers.get('content-disposition'), r.headers.get('content-security-policy'), t])));")


CHECKS = []


def check(function):
    CHECKS.append(function)
    return function


@check
def a_proofreader_is_refused_every_rights_action(a, b):
    sign_in(b, "pia")
    b.get(room.SERVER.url + "/")
    assert not b.find_elements(By.ID, "desk-link"), "a proofreader is shown the desk"
    for path in ["/desk", "/desk/documents/old-book", "/desk/report.csv", "/desk/report.html"]:
        b.get(room.SERVER.url + path)
        assert "403" in b.find_element(By.TAG_NAME, "h1").text, path
    before = history("old-book")
    for path, body in [("/desk/documents/old-book/decide", "target=en.wikisource&action=review&reason=sneaky"),
                       ("/desk/documents/old-book/facts", "licence=CC0-1.0&reason=sneaky")]:
        assert post(b, path, body) == 403, path
    assert history("old-book") == before, "a proofreader's request changed the history"
    b.get(room.SERVER.url + "/")
    b.find_element(By.ID, "logout").click()


@check
def an_admin_reads_the_desk_but_cannot_act(a, b):
    sign_in(b, "ada")
    b.get(room.SERVER.url + "/desk")
    assert b.find_elements(By.CSS_SELECTOR, "table.desk tr.desk-row")
    desk_page(b, "old-book")
    assert b.find_elements(By.ID, "read-only") and not b.find_elements(By.ID, "decide")
    assert post(b, "/desk/documents/old-book/decide", "target=en.wikisource&action=review&reason=admin") == 403
    b.find_element(By.ID, "logout").click()


@check
def a_desk_form_without_the_csrf_token_is_refused(a, b):
    sign_in(a, "rosa")
    desk_page(a, "old-book")
    before = history("old-book")
    assert post(a, "/desk/documents/old-book/decide", "target=en.wikisource&action=review&reason=x", token=False) == 403
    assert history("old-book") == before


@check
def the_overview_names_the_missing_fact_that_blocks_each_item(a, b):
    a.get(room.SERVER.url + "/desk?filter=blocked&target=en.wikisource")
    row = a.find_element(By.CSS_SELECTOR, 'tr.desk-row[data-document="old-book"]')
    assert "author" in row.find_element(By.CSS_SELECTOR, ".blocker").text, row.text
    count = a.find_element(By.CSS_SELECTOR, '[data-count="en.wikisource blocked"]').text
    assert count == "2", count


@check
def an_officer_records_facts_and_sees_the_verdict_change(a, b):
    desk_page(a, "old-book")
    assert verdict(a, "en.wikisource") != "free"
    fill(a, "fact-contributors", "author: Ana Example (1820–1880)")
    fill(a, "fact-published", "1870")
    fill(a, "fact-country", "GB")
    fill(a, "fact-reason", "title page and a biographical dictionary")
    submit(a, "save-facts")
    assert not a.find_elements(By.ID, "desk-error"), a.find_element(By.ID, "desk-error").text
    assert verdict(a, "en.wikisource") == "free", verdict(a, "en.wikisource")
    first = a.find_element(By.CSS_SELECTOR, "#desk-history li")  # newest first
    assert "facts" in first.text and "rosa" in first.text and "biographical dictionary" in first.text, first.text
    entry = history("old-book")[-1]
    assert entry["kind"] == "facts" and entry["actor"] == "rosa", entry


@check
def an_export_is_refused_while_uncleared_and_allowed_after_clearing(a, b):
    out = os.path.join(WORK, "wikitext")
    refused = quire("wikitext", "old-book", "--wiki", "en", "--out", out)
    assert refused.returncode == 9, (refused.returncode, refused.stderr)
    desk_page(a, "old-book")
    decide(a, ["en.wikisource"], "review", "the facts are in")
    assert status(a, "en.wikisource") == "in-review"
    decide(a, ["en.wikisource"], "clear", "died 1880, published 1870 in GB")
    assert status(a, "en.wikisource") == "cleared", status(a, "en.wikisource")
    allowed = quire("wikitext", "old-book", "--wiki", "en", "--out", out)
    assert allowed.returncode == 0, (allowed.returncode, allowed.stderr)
    a.get(room.SERVER.url + "/desk?filter=cleared&target=en.wikisource")
    assert a.find_elements(By.CSS_SELECTOR, 'tr.desk-row[data-document="old-book"]')
    assert a.find_element(By.CSS_SELECTOR, '[data-count="en.wikisource cleared"]').text == "1"


@check
def clearing_against_the_engine_needs_a_written_justification(a, b):
    desk_page(a, "new-book")
    fill(a, "fact-contributors", "author: Bea Modern (1940–1999)")
    fill(a, "fact-published", "1975")
    fill(a, "fact-country", "ES")
    submit(a, "save-facts")
    assert verdict(a, "es.wikisource") == "not-free", verdict(a, "es.wikisource")
    decide(a, ["es.wikisource"], "review", "the heirs wrote to us")
    decide(a, ["es.wikisource"], "clear", "permission")
    assert "justification" in a.find_element(By.ID, "desk-error").text
    assert status(a, "es.wikisource") == "in-review"
    desk_page(a, "new-book")
    decide(a, ["es.wikisource"], "clear", "permission", "The heirs granted CC BY-SA 4.0, ticket 2026120810012345")
    assert status(a, "es.wikisource") == "cleared"
    entry = history("new-book")[-1]
    assert entry["to"] == "cleared" and entry["engine_verdict"] == "not-free" and "ticket 2026120810012345" in entry["justification"], entry


@check
def hostile_facts_are_shown_literally_and_only_web_addresses_are_links(a, b):
    desk_page(a, "new-book")
    fill(a, "fact-rights-holder", HOSTILE_HOLDER)
    fill(a, "fact-ticket", "javascript:alert(5)")
    fill(a, "fact-evidence-url", "https://example.org/permission?a=1&b=2")
    fill(a, "fact-reason", HOSTILE_REASON)
    submit(a, "save-facts")
    fill(a, "fact-evidence-url", "javascript:alert(6)")
    submit(a, "save-facts")
    assert "http(s)" in a.find_element(By.ID, "desk-error").text
    # A javascript: URL already in the catalogue (written by another tool) is shown, not linked.
    with sqlite3.connect(CATALOGUE) as db:
        db.execute("INSERT INTO evidence (document_id, kind, value, added_at) VALUES ('new-book', 'url', 'javascript:alert(7)', '2026-12-08T00:00:00Z')")
    desk_page(a, "new-book")
    assert room.no_alert(a)
    assert a.find_element(By.ID, "fact-rights-holder").get_attribute("value") == HOSTILE_HOLDER
    assert HOSTILE_REASON in a.find_element(By.ID, "desk-history").text
    assert not a.find_elements(By.CSS_SELECTOR, "img[onerror], script:not([src])")
    hrefs = [link.get_attribute("href") for link in a.find_elements(By.CSS_SELECTOR, "main a")]
    assert not [h for h in hrefs if h and not h.startswith("http")], hrefs
    assert "https://example.org/permission?a=1&b=2" in hrefs, hrefs
    assert "javascript:alert(7)" in a.find_element(By.CSS_SELECTOR, ".evidence-list").text


@check
def double_review_two_officers_disagree_then_agree(a, b):
    assert quire("clearance", "double-review", "on", "--by", "ada").returncode == 0
    try:
        desk_page(a, "old-book")
        decide(a, ["fr.wikisource"], "review", "two of us look")
        decide(a, ["fr.wikisource"], "clear", "ROSA-REASON died 1880")
        assert status(a, "fr.wikisource") == "in-review"
        assert "your review: cleared" in a.find_element(By.CSS_SELECTOR, 'tr.target[data-target="fr.wikisource"] td.status').text
        sign_in(b, "raul")
        desk_page(b, "old-book")
        assert "ROSA-REASON" not in b.find_element(By.TAG_NAME, "main").text, "the second officer saw the first's decision"
        assert "one review recorded" in b.find_element(By.CSS_SELECTOR, 'tr.target[data-target="fr.wikisource"] td.status').text
        decide(b, ["fr.wikisource"], "reject", "RAUL-REASON the text is a later translation")
        assert status(b, "fr.wikisource") == "in-review"
        shown = b.find_element(By.ID, "desk-history").text
        assert "ROSA-REASON" in shown and "RAUL-REASON" in shown, shown
        # A new round: one officer cannot review twice; a second who agrees decides.
        decide(b, ["fr.wikisource"], "clear", "RAUL-AGAIN checked the edition")
        decide(b, ["fr.wikisource"], "clear", "RAUL-AGAIN twice")
        assert "another rights officer" in b.find_element(By.ID, "desk-error").text
        desk_page(a, "old-book")
        assert "RAUL-AGAIN" not in a.find_element(By.TAG_NAME, "main").text
        decide(a, ["fr.wikisource"], "clear", "ROSA-AGAIN agreed")
        assert status(a, "fr.wikisource") == "cleared", status(a, "fr.wikisource")
        last = history("old-book")[-1]
        assert last["kind"] == "transition" and last["to"] == "cleared" and "raul" in last["detail"] and last["actor"] == "rosa", last
        b.get(room.SERVER.url + "/")
        b.find_element(By.ID, "logout").click()
    finally:
        quire("clearance", "double-review", "off", "--by", "ada")


@check
def the_batch_view_follows_an_ocr_started_in_a_terminal(a, b):
    a.get(room.SERVER.url + "/batches")
    room.wait(a, lambda d: d.find_element(By.ID, "batch-running").text)
    a.execute_script("window.notReloaded = true;")
    run = subprocess.Popen([QUIRE, "ocr", "old-book", "--force", "--catalogue", CATALOGUE], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        finished = lambda d: d.execute_script(
            "const c = document.querySelector('tr.batch[data-document=\"old-book\"] td[data-field=finished]'); return c && c.textContent;")
        room.wait(a, lambda d: finished(d) == "2", timeout=120)
        assert run.wait(timeout=120) == 0, run.stderr.read()
    finally:
        if run.poll() is None:
            run.kill()
    room.wait(a, lambda d: d.find_element(By.ID, "batch-running").get_attribute("data-running") == "no", timeout=20)
    assert a.execute_script("return window.notReloaded === true;"), "the page was reloaded instead of being pushed to"
    row = a.find_element(By.CSS_SELECTOR, 'tr.batch[data-document="old-book"]')
    assert row.find_element(By.CSS_SELECTOR, "td[data-field=done]").text == "2 of 2", row.text


@check
def the_reports_are_served_and_downloadable(a, b):
    code, disposition, _, text = fetch(a, "/desk/report.csv")
    assert code == 200 and disposition.startswith("attachment") and ".csv" in disposition, (code, disposition)
    lines = text.splitlines()
    assert lines[0].startswith("document,title,target,status")
    assert any(line.startswith("old-book,") and ",en.wikisource,cleared," in line for line in lines), lines[:3]
    code, disposition, policy, text = fetch(a, "/desk/report.html")
    assert code == 200 and disposition.startswith("inline") and "sandbox" in policy, (code, disposition, policy)
    assert "Clearance report" in text and HOSTILE_HOLDER not in text
    a.get(room.SERVER.url + "/desk/report.html")
    assert a.find_elements(By.CSS_SELECTOR, "#documents") and room.no_alert(a)


# Enough pages (0.4 s each through the test hook, two at a time) to cancel and to kill in the middle.
SCAN_PAGES = 80


def scan_pages():
    """The scan-book's pages: number -> (state, when its text was written)."""
    with sqlite3.connect(CATALOGUE) as db:
        rows = db.execute("SELECT p.number, p.state, t.created_at FROM page p LEFT JOIN page_text t ON t.document_id = p.document_id AND t.number = p.number"
                          " WHERE p.document_id = 'scan-book'").fetchall()
    return {number: (state, written) for number, state, written in rows}


def done_pages():
    return {n: w for n, (state, w) in scan_pages().items() if state == "done"}


def job_state(driver):
    return driver.execute_script("const j = document.querySelector('li.job[data-document=\"scan-book\"]'); return j && j.dataset.state;")


def start_server():
    """Starts `quire serve`. The generated pages are blank and read in a few milliseconds: the
    debug build's test hook slows each page of the server's background OCR (and only the
    server's), so that a run can be cancelled and killed in its middle."""
    os.environ["QUIRE_TEST_PAGE_DELAY"] = "0.4"
    try:
        room.SERVER.start()
    finally:
        del os.environ["QUIRE_TEST_PAGE_DELAY"]


def as_user(driver, name):
    """Signs out whoever is signed in, then signs in as `name`."""
    driver.get(room.SERVER.url + "/")
    if driver.find_elements(By.ID, "logout"):
        driver.find_element(By.ID, "logout").click()
        room.wait(driver, lambda d: d.find_elements(By.ID, "signin"), timeout=30)
    sign_in(driver, name)


def start_scan_ocr(driver):
    driver.get(room.SERVER.url + "/batches")
    room.wait(driver, lambda d: d.find_elements(By.ID, "batch-start"), timeout=30)
    driver.find_element(By.CSS_SELECTOR, '#batch-document option[value="scan-book"]').click()
    submit(driver, "batch-start")


@check
def background_ocr_is_for_admins_cancels_at_a_page_and_resumes_after_kill_9(a, b):
    book = os.path.join(WORK, "scan")
    # The generated book's first three pages are old-book's and new-book's scans already.
    subprocess.run([sys.executable, "make_serve_book.py", book, str(SCAN_PAGES + 3)], check=True)
    images = [os.path.join(book, "images", f"page-{n:04d}.png") for n in range(4, SCAN_PAGES + 4)]
    run = quire("add", *images, "--id", "scan-book", "--lang", "eng", "--title", "Scan book")
    assert run.returncode == 0, run.stderr
    # Proofreaders and rights officers are refused (403), and nothing starts.
    for name in ["pia", "rosa"]:
        as_user(b, name)
        b.get(room.SERVER.url + "/batches")
        assert not b.find_elements(By.ID, "batch-start"), f"{name} sees the start form"
        assert post(b, "/batches/ocr", "document=scan-book") == 403, name
    assert not done_pages(), "a refused start read pages"
    # The admin starts OCR and cancels it: it stops at a page boundary, the pages read stay done.
    as_user(a, "ada")
    start_scan_ocr(a)
    room.wait(a, lambda d: job_state(d) in ("running", "finished"), timeout=30)
    room.wait(a, lambda d: len(done_pages()) >= 1, timeout=120)
    # The button is drawn again with every snapshot: clicked by script, where it is at that moment.
    room.wait(a, lambda d: d.execute_script(
        "const b = document.querySelector('li.job[data-document=\"scan-book\"] button.cancel'); if (b) b.click(); return !!b;"), timeout=30)
    room.wait(a, lambda d: job_state(d) in ("cancelled", "finished"), timeout=120)
    assert job_state(a) == "cancelled", job_state(a)
    before_kill = done_pages()
    assert 0 < len(before_kill) < SCAN_PAGES, len(before_kill)
    time.sleep(1.5)
    assert done_pages() == before_kill, "pages were read after the job said it was cancelled"
    # A second start resumes; the server is killed (kill -9) in the middle and started again.
    start_scan_ocr(a)
    room.wait(a, lambda d: len(done_pages()) > len(before_kill) or job_state(d) == "finished", timeout=120)
    assert job_state(a) == "running", "the second run ended before the kill"
    room.SERVER.kill9()
    at_kill = done_pages()
    assert len(at_kill) < SCAN_PAGES, "the second run ended before the kill"
    start_server()
    after_restart = done_pages()
    assert after_restart == at_kill, "pages lost or changed by kill -9"
    start_scan_ocr(a)
    room.wait(a, lambda d: job_state(d) == "finished", timeout=180)
    final = done_pages()
    assert len(final) == SCAN_PAGES, scan_pages()
    # Nothing done twice: every page finished before the kill kept the text written then.
    for number, written in at_kill.items():
        assert final[number] == written, f"page {number} was read again"
    assert all(state == "done" for state, _ in scan_pages().values())
    print(f"desk-check:   background OCR: {len(before_kill)} pages done when cancelled, {len(at_kill)} of {SCAN_PAGES} at the kill -9")


def main():
    for name, role in USERS.items():
        subprocess.run([QUIRE, "user", "add", name, "--role", role, "--catalogue", CATALOGUE], input=room.PASSWORD + "\n", text=True, check=True, capture_output=True)
    room.SERVER = room.Server()
    start_server()
    a, b = room.browser(), room.browser()
    passed = failed = 0
    try:
        for function in CHECKS:
            try:
                function(a, b)
                print(f"desk-check: ok: {function.__name__}")
                passed += 1
            except Exception:
                print(f"desk-check: FAIL: {function.__name__}")
                traceback.print_exc()
                failed += 1
        # An open batch view's stream does not keep the server from stopping.
        a.get(room.SERVER.url + "/batches")
        room.wait(a, lambda d: d.find_element(By.ID, "batch-running").text)
        start = time.monotonic()
        code = room.SERVER.stop()
        if code == 0 and time.monotonic() - start < 15:
            print("desk-check: ok: stops_on_sigterm_with_a_batch_view_open")
            passed += 1
        else:
            print(f"desk-check: FAIL: stops_on_sigterm_with_a_batch_view_open (exit {code}, {time.monotonic() - start:.1f} s)")
            failed += 1
    finally:
        a.quit()
        b.quit()
        if room.SERVER.process and room.SERVER.process.poll() is None:
            room.SERVER.process.kill()
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
