#!/usr/bin/env python3
"""Checks a searchable PDF made by Quire against the text models it was made from.

usage: check_pdf.py PDF PAGE.json… [--encodings jpeg,image,…] [--min-iou 0.9] [--min-share 0.99]

- `pdftotext -raw` (content order) gives every page's words exactly, in the text model's order;
- `pdftotext -bbox-layout`: each word's box against the model's box scaled to the page must reach
  IoU --min-iou for --min-share of the words;
- `qpdf --check` finds nothing; `pdfimages -list` shows the expected encodings, when given.
Prints the figures; exits 1 on the first failed check."""
import json, re, subprocess, sys


def run(*command):
    return subprocess.run(command, capture_output=True, text=True)


def fail(message):
    print(f"pdf-check: FAIL: {message}")
    sys.exit(1)


def model_words(page):
    """[(text, (l, t, r, b))] in reading order."""
    out = []
    for region in page["regions"]:
        for line in region["lines"]:
            for w in line["words"]:
                if w["text"].strip() and w.get("box"):
                    b = w["box"]
                    out.append((w["text"], (b["x"], b["y"], b["x"] + b["width"], b["y"] + b["height"])))
    return out


def iou(a, b):
    w = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    h = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = w * h
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')


def rotation_of(pdf, number):
    """The page's /Rotate, from pdfinfo."""
    for line in run("pdfinfo", "-f", str(number), "-l", str(number), pdf).stdout.splitlines():
        if line.startswith("Page") and "rot:" in line:
            return int(line.split()[-1]) % 360
    return 0


def unescape(text):
    text = re.sub("[\u202a-\u202e]", "", text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'").replace("&amp;", "&")


def main():
    args = sys.argv[1:]
    options = {"--encodings": None, "--min-iou": "0.9", "--min-share": "0.99"}
    files = []
    while args:
        arg = args.pop(0)
        if arg in options:
            options[arg] = args.pop(0)
        else:
            files.append(arg)
    pdf, pages = files[0], [json.load(open(f, encoding="utf-8")) for f in files[1:]]

    # poppler wraps right-to-left runs in embedding marks (U+202A–U+202E): not part of the text.
    raw = re.sub("[\u202a-\u202e]", "", run("pdftotext", "-raw", "-enc", "UTF-8", pdf, "-").stdout).split("\f")
    for number, page in enumerate(pages, 1):
        expected = [w[0] for w in model_words(page)]
        found = raw[number - 1].split() if number - 1 < len(raw) else []
        if found != expected:
            for i, (a, b) in enumerate(zip(expected, found)):
                if a != b:
                    fail(f"{pdf} page {number}: word {i + 1} is {b!r} in the PDF, {a!r} in the text model")
            fail(f"{pdf} page {number}: {len(found)} words in the PDF, {len(expected)} in the text model")
    total = sum(len(model_words(p)) for p in pages)
    print(f"pdf-check: {pdf}: pdftotext -raw gives the text model's {total} words in order on {len(pages)} pages")

    tight = []
    for number, page in enumerate(pages, 1):
        layout = run("pdftotext", "-bbox-layout", "-f", str(number), "-l", str(number), pdf, "-").stdout
        size = PAGE.search(layout)
        page_width, page_height = float(size.group(1)), float(size.group(2))
        rotation = rotation_of(pdf, number)
        # The text model is of the page as shown, and so are poppler's boxes, but <page> gives
        # the size of the page unrotated.
        view_width, view_height = (page_height, page_width) if rotation in (90, 270) else (page_width, page_height)
        scale_x, scale_y = view_width / page["width"], view_height / page["height"]
        pool = {}
        for m in WORD.finditer(layout):
            pool.setdefault(unescape(m.group(5)), []).append(tuple(float(m.group(i)) for i in range(1, 5)))
        for text, (l, t, r, b) in model_words(page):
            candidates = pool.get(text, [])
            truth = (l * scale_x, t * scale_y, r * scale_x, b * scale_y)
            if not candidates:
                tight.append(0.0)
                continue
            best = max(candidates, key=lambda c: iou(c, truth))
            candidates.remove(best)
            tight.append(iou(best, truth))
    share = sum(v >= float(options["--min-iou"]) for v in tight) / max(1, len(tight))
    print(f"pdf-check: {pdf}: {share:.1%} of {len(tight)} word boxes have IoU >= {options['--min-iou']} with the text model's")
    if share < float(options["--min-share"]):
        fail(f"{pdf}: only {share:.1%} of word boxes reach IoU {options['--min-iou']}")

    check = run("qpdf", "--check", pdf)
    if check.returncode != 0 or "WARNING" in check.stdout + check.stderr:
        fail(f"qpdf --check {pdf}: {check.stdout}{check.stderr}")
    if options["--encodings"]:
        rows = [line.split() for line in run("pdfimages", "-list", pdf).stdout.splitlines()[2:]]
        found = [row[8] for row in rows if row[2] == "image"]
        expected = options["--encodings"].split(",")
        if found != expected:
            fail(f"pdfimages -list {pdf}: encodings {found}, expected {expected}")
    print(f"pdf-check: {pdf}: qpdf --check clean; images {options['--encodings'] or 'not checked'}")


if __name__ == "__main__":
    main()
