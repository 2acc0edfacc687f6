#!/usr/bin/env python3
"""`quire serve` on a generated 1,000-page document (Scripts/tests/make_serve_book.py pages,
imported as ALTO): the first page interactive from a cold server, page turns and saves, and the
server's memory. Run by Scripts/bench (section `serve`) with Debian's python3-selenium, or alone:

    /usr/bin/python3 Scripts/bench_serve.py [QUIRE_BIN] [PAGES]

Figures: first page = from the request of the page to the text filled and the scan decoded in
headless Chromium, on a server that had answered nothing but the sign-in (it starts generating
its documents' fields in the background when it starts); page turn = Alt+PageDown to the frame
where the next page's text and scan are shown, timed in the page (p50, p95 over 60 turns); save = one revision through the
API from Python (p50, p95 over 200 saves); memory = the server's peak RSS (VmHWM) at the end.
Targets (issue 16): < 300 ms, p95 < 100 ms, p95 < 30 ms, < 200 MB.
"""
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import http.cookiejar

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QUIRE = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("QUIRE_BIN", os.path.join(ROOT, ".build/release/quire"))
PAGES = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
PASSWORD = "correct horse battery staple"


def p95(values):
    return sorted(values)[max(0, int(round(0.95 * len(values))) - 1)]


def main():
    work = tempfile.mkdtemp(prefix="quire-bench-serve-")
    catalogue = os.path.join(work, "quire.sqlite")
    def run(*args, **kw):
        done = subprocess.run([QUIRE, *args, "--catalogue", catalogue], capture_output=True, text=True, **kw)
        if done.returncode != 0:
            sys.exit(f"bench_serve: quire {args[0]} failed ({done.returncode}): {done.stderr[-2000:]}")
    run("init")
    subprocess.run([sys.executable, os.path.join(ROOT, "Scripts/tests/make_serve_book.py"), os.path.join(work, "book"), str(PAGES)], check=True)
    images = sorted(os.path.join(work, "book/images", f) for f in os.listdir(os.path.join(work, "book/images")))
    altos = sorted(os.path.join(work, "book/alto", f) for f in os.listdir(os.path.join(work, "book/alto")))
    run("add", *images, "--id", "book", "--title", "Bench book", "--lang", "eng")
    run("import", "book", *altos)
    run("user", "add", "ana", "--role", "proofreader", input=PASSWORD + "\n")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([QUIRE, "serve", "--catalogue", catalogue, "--port", str(port)], stderr=subprocess.DEVNULL)
    options = webdriver.ChromeOptions()
    for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,900"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        for _ in range(400):
            try:
                urllib.request.urlopen(url + "/login", timeout=1)
                break
            except Exception:
                time.sleep(0.05)
        driver.get(url + "/login")
        driver.find_element(By.ID, "name").send_keys("ana")
        driver.find_element(By.ID, "password").send_keys(PASSWORD)
        driver.find_element(By.ID, "signin").click()
        WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "table.documents"))
        shown = ("const i = document.getElementById('scan'); const l = document.getElementById('page-label').textContent;"
                 "return l.startsWith('Page ' + arguments[0] + ' ') && document.getElementById('body').value.length > 0 && i.complete && i.naturalWidth > 0;")
        start = time.perf_counter()
        driver.get(url + "/documents/book/pages/1")
        WebDriverWait(driver, 60, poll_frequency=0.005).until(lambda d: d.execute_script(shown, 1))
        first = (time.perf_counter() - start) * 1000
        # Page turns are timed inside the page (performance.now() from the key to the frame where
        # the next page's text is in the field and its scan decoded), not through WebDriver's
        # round trips, which cost more than a turn on a loaded machine.
        driver.execute_script("""
            window.benchShown = n => { const i = document.getElementById('scan');
              return document.getElementById('page-label').textContent.startsWith('Page ' + n + ' ')
                && document.getElementById('body').value.length > 0 && i.complete && i.naturalWidth > 0; };
            document.addEventListener('keydown', e => { if (e.altKey && e.key === 'PageDown') window.benchStart = performance.now(); }, true);
            window.benchWatch = n => { window.benchMs = null;
              const check = () => { if (window.benchStart !== undefined && window.benchShown(n)) window.benchMs = performance.now() - window.benchStart;
                                    else requestAnimationFrame(check); };
              requestAnimationFrame(check); };""")
        turns = []
        for number in range(2, 62):
            driver.execute_script("window.benchStart = undefined; window.benchWatch(arguments[0]);", number)
            driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ALT, Keys.PAGE_DOWN)
            WebDriverWait(driver, 20, poll_frequency=0.01).until(lambda d: d.execute_script("return window.benchMs;") is not None)
            turns.append(driver.execute_script("return window.benchMs;"))
        # Saves from Python, as the editor sends them.
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        token = re.search(r'name="csrf" value="([^"]+)"', opener.open(url + "/login").read().decode()).group(1)
        opener.open(url + "/login", urllib.parse.urlencode({"csrf": token, "name": "ana", "password": PASSWORD}).encode())
        csrf = re.search(r'name="csrf-token" content="([^"]*)"', opener.open(url + "/").read().decode()).group(1)
        saves, base = [], {}
        for i in range(200):
            number = 100 + i % 50
            body = json.dumps({"fields": {"header": "", "body": f"Revision {i} of page {number}.", "footer": "", "level": 1}, "base": base.get(number)}).encode()
            request = urllib.request.Request(f"{url}/api/documents/book/pages/{number}/save", data=body, method="POST",
                                             headers={"Content-Type": "application/json", "X-CSRF-Token": csrf})
            start = time.perf_counter()
            answer = json.loads(opener.open(request).read())
            saves.append((time.perf_counter() - start) * 1000)
            base[number] = answer["revision"]["id"]
        with open(f"/proc/{server.pid}/status") as f:
            peak = int(re.search(r"VmHWM:\s+(\d+)", f.read()).group(1)) / 1024
    finally:
        driver.quit()
        server.terminate()
        server.wait(timeout=30)
    print(f"\n== quire serve on a generated {PAGES}-page document ({os.path.basename(os.path.dirname(os.path.realpath(QUIRE)))} build)")
    print(f"  first page from a cold server   {first:7.0f} ms   (target < 300)")
    print(f"  page turn p50 / p95             {statistics.median(turns):7.0f} / {p95(turns):.0f} ms   (target p95 < 100)")
    print(f"  save p50 / p95                  {statistics.median(saves):7.1f} / {p95(saves):.1f} ms   (target p95 < 30)")
    print(f"  server peak RSS                 {peak:7.0f} MB   (target < 200)")


if __name__ == "__main__":
    main()
