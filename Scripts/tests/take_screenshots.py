#!/usr/bin/env python3
"""Takes the screenshots of `make screenshots` (Scripts/screenshots): quire serve on a loopback
port, two signed-in headless Chromium windows, one PNG per main view.

    take_screenshots.py QUIRE CATALOGUE OUT_DIR
"""
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

QUIRE, CATALOGUE, OUT = sys.argv[1:4]
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    PORT = s.getsockname()[1]
URL = f"http://127.0.0.1:{PORT}"


def browser():
    options = webdriver.ChromeOptions()
    for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,900", "--hide-scrollbars"]:
        options.add_argument(flag)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def login(driver, name):
    driver.get(URL + "/login")
    driver.find_element(By.ID, "name").send_keys(name)
    driver.find_element(By.ID, "password").send_keys("correct horse battery staple")
    driver.find_element(By.ID, "signin").click()


def editor(driver, number):
    driver.get(f"{URL}/documents/luz-1931/pages/{number}")
    WebDriverWait(driver, 20).until(lambda d: d.find_element(By.ID, "page-label").text.startswith("Page"))
    WebDriverWait(driver, 20).until(lambda d: d.execute_script("const i = document.getElementById('scan'); return i.hidden || i.complete;"))


def shot(driver, name):
    time.sleep(0.3)
    driver.save_screenshot(os.path.join(OUT, name + ".png"))


server = subprocess.Popen([QUIRE, "serve", "--catalogue", CATALOGUE, "--port", str(PORT)], stderr=subprocess.DEVNULL)
try:
    for _ in range(200):
        try:
            urllib.request.urlopen(URL + "/login", timeout=1)
            break
        except Exception:
            time.sleep(0.05)
    a, b = browser(), browser()
    try:
        a.get(URL + "/login")
        shot(a, "1-login")
        login(a, "ana")
        login(b, "ben")
        shot(a, "2-documents")
        a.get(URL + "/documents/luz-1931")
        shot(a, "3-document")
        editor(a, 2)
        body = a.find_element(By.ID, "body")
        a.execute_script("arguments[0].focus(); arguments[0].setSelectionRange(40, 40);", body)
        body.send_keys(Keys.ARROW_RIGHT)
        shot(a, "4-page")
        a.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
        a.execute_script("document.activeElement.blur();")
        a.find_element(By.TAG_NAME, "body").send_keys("?")
        shot(a, "5-shortcuts")
        a.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
        editor(b, 2)
        body.send_keys(" (corregido)")
        body.send_keys(Keys.CONTROL, "s")
        WebDriverWait(a, 10).until(lambda d: d.find_element(By.ID, "status").text.startswith("Saved"))
        b_body = b.find_element(By.ID, "body")
        b_body.send_keys(Keys.CONTROL, Keys.END)
        b_body.send_keys(" Otra corrección.")
        b_body.send_keys(Keys.CONTROL, "s")
        WebDriverWait(b, 10).until(lambda d: d.find_element(By.ID, "merge").is_displayed())
        b.execute_script("document.getElementById('merge').scrollIntoView();")
        shot(b, "6-merge")
        a.find_element(By.ID, "history-button").click()
        WebDriverWait(a, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#history-list button"))
        a.find_elements(By.CSS_SELECTOR, "#history-list button")[-1].click()
        a.execute_script("document.getElementById('history').scrollIntoView();")
        shot(a, "7-history")
        a.get(URL + "/documents/luz-1931/replace")
        a.find_element(By.ID, "find").send_keys("que")
        a.find_element(By.ID, "replacement").send_keys("qve")
        a.find_element(By.ID, "preview").click()
        WebDriverWait(a, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#changes li"))
        shot(a, "8-replace")
        # The rights desk and the batch view (a rights officer, 'rosa').
        c = browser()
        try:
            login(c, "rosa")
            c.get(URL + "/desk")
            shot(c, "9-desk")
            c.get(URL + "/desk/documents/luz-1931")
            shot(c, "10-desk-document")
            c.get(URL + "/batches")
            WebDriverWait(c, 10).until(lambda d: d.find_element(By.ID, "batch-running").text)
            shot(c, "11-batches")
        finally:
            c.quit()
    finally:
        a.quit()
        b.quit()
finally:
    server.send_signal(signal.SIGTERM)
    server.wait(timeout=20)
