#!/usr/bin/env python3
"""Automated accessibility audit of EPUBs (`make test`, via Scripts/tests/epub-check).

Every XHTML content document of each EPUB (the navigation document, the chapters, the rights and
source pages) is opened in headless Chromium (Debian's chromium + chromium-driver, Selenium) and
checked with axe-core, the rule engine DAISY Ace runs for an EPUB's WCAG checks, with the rules
tagged WCAG 2.0/2.1 level A and AA. Any violation fails. axe-core is not in Debian: it is taken
from a pinned PyPI wheel that bundles it (axe-playwright-python 0.1.8, axe-core 4.12.1, MPL-2.0),
checked against its SHA-256 and cached in ~/.cache/quire/axe/. Automated rules cover part of WCAG
only; this is not a manual audit, and the README says so.

usage: check_epub_a11y.py BOOK.epub [BOOK.epub ...]
"""
import hashlib, json, os, pathlib, subprocess, sys, tempfile, zipfile

WHEEL = "axe_playwright_python-0.1.8-py3-none-any.whl"
WHEEL_SHA256 = "fdd263c998388f1a8e67cad02677e612d946248bd44d163be5e8650ea31f95f8"
MEMBER = "axe_playwright_python/axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def fail(message):
    print(f"epub-a11y: FAIL: {message}")
    sys.exit(1)


def axe_source():
    cache = pathlib.Path(os.environ.get("XDG_CACHE_HOME", pathlib.Path.home() / ".cache")) / "quire" / "axe"
    script = cache / "axe-4.12.1.min.js"
    if script.exists():
        return script.read_text(encoding="utf-8")
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        done = subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--disable-pip-version-check", "-q", "-d", folder, "axe-playwright-python==0.1.8"],
            capture_output=True, text=True)
        wheel = pathlib.Path(folder) / WHEEL
        if done.returncode != 0 or not wheel.exists():
            fail(f"axe-core could not be fetched from PyPI (pip download axe-playwright-python==0.1.8): {done.stderr.strip()[-300:]}")
        digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
        if digest != WHEEL_SHA256:
            fail(f"{WHEEL} has SHA-256 {digest}, not the pinned {WHEEL_SHA256}")
        with zipfile.ZipFile(wheel) as archive:
            text = archive.read(MEMBER).decode("utf-8")
    partial = script.with_suffix(".part")
    partial.write_text(text, encoding="utf-8")
    partial.replace(script)
    return text


def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--allow-file-access-from-files"]:
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def documents(folder):
    """The package's XHTML content documents, from the OPF manifest."""
    container = (folder / "META-INF" / "container.xml").read_text(encoding="utf-8")
    import xml.etree.ElementTree as ET
    root = ET.fromstring(container)
    opf_path = root.find(".//{urn:oasis:names:tc:opendocument:xmlns:container}rootfile").get("full-path")
    opf = folder / opf_path
    package = ET.fromstring(opf.read_text(encoding="utf-8"))
    items = package.findall(".//{http://www.idpf.org/2007/opf}item")
    return [opf.parent / item.get("href") for item in items if item.get("media-type") == "application/xhtml+xml"]


def audit(driver, axe, page):
    driver.get(page.as_uri())
    driver.execute_script(axe)
    driver.set_script_timeout(120)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations', 'incomplete']})"
        ".then(r => done(JSON.stringify({violations: r.violations, incomplete: r.incomplete.length, passes: r.passes.length})))"
        ".catch(e => done(JSON.stringify({error: String(e)})));", TAGS)
    return json.loads(result)


def main():
    books = sys.argv[1:]
    if not books:
        fail("usage: check_epub_a11y.py BOOK.epub [BOOK.epub ...]")
    axe = axe_source()
    driver = browser()
    try:
        for book in books:
            with tempfile.TemporaryDirectory() as folder:
                zipfile.ZipFile(book).extractall(folder)
                pages = documents(pathlib.Path(folder))
                if not pages:
                    fail(f"{book}: no XHTML content document in the manifest")
                needs_review = 0
                for page in pages:
                    result = audit(driver, axe, page)
                    if "error" in result:
                        fail(f"{book}: {page.name}: axe-core did not run: {result['error']}")
                    for violation in result["violations"]:
                        nodes = "; ".join(node["target"][0] if node.get("target") else "?" for node in violation["nodes"][:3])
                        print(f"epub-a11y: {book}: {page.name}: {violation['id']} ({violation['impact']}): {violation['help']} at {nodes}")
                    if result["violations"]:
                        fail(f"{book}: {page.name} violates {len(result['violations'])} WCAG 2.1 A/AA rule(s) (axe-core 4.12.1)")
                    needs_review += result["incomplete"]
                print(f"epub-a11y: {os.path.basename(book)}: {len(pages)} content documents, 0 violations of axe-core 4.12.1's WCAG 2.1 A/AA rules"
                      f" ({needs_review} result(s) axe leaves to a person)")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
