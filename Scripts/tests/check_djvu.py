#!/usr/bin/env python3
"""Checks a DjVu made by Quire against the text models it was made from.

usage: check_djvu.py DJVU PAGE.json…

- `djvudump`: a bundled document with one page per model, each with its image's size and
  resolution (INFO; the model's resolution when made on the same image) and hidden text (TXTz);
- `djvutxt --detail=word`: every page's words, in the text model's order, each on the model's box
  (DjVu counts from the bottom left; boxes of words that had one must match to the pixel, after
  scaling a model made on an image of another size).
Prints the figures; exits 1 on the first failed check."""
import json, math, re, subprocess, sys


def fail(message):
    print(f"djvu-check: FAIL: {message}")
    sys.exit(1)


WORD = re.compile(r'\(word (-?\d+) (-?\d+) (-?\d+) (-?\d+) "((?:[^"\\]|\\.)*)"\)')


def main():
    djvu, files = sys.argv[1], sys.argv[2:]
    pages = [json.load(open(f, encoding="utf-8")) for f in files]
    dump = subprocess.run(["djvudump", djvu], capture_output=True, text=True).stdout
    if f"bundled, {len(pages)} files {len(pages)} pages" not in dump:
        fail(f"djvudump {djvu}: not a bundled document of {len(pages)} pages")
    infos = re.findall(r"INFO \[\d+\] +DjVu (\d+)x(\d+), v\d+, (\d+) dpi", dump)
    if len(infos) != len(pages) or dump.count("TXTz") != len(pages):
        fail(f"djvudump {djvu}: {len(infos)} pages with INFO and {dump.count('TXTz')} with hidden text, expected {len(pages)}")
    total = 0
    for number, (page, (width, height, dpi)) in enumerate(zip(pages, infos), 1):
        # A text model made on another image size (imported ALTO) is scaled to the page's.
        sx, sy = int(width) / page["width"], int(height) / page["height"]
        if (sx, sy) == (1, 1) and page.get("dpi") and int(dpi) != page["dpi"]:
            fail(f"page {number}: {dpi} dpi in the DjVu, {page['dpi']} in the text model")
        text = subprocess.run(["djvutxt", "--detail=word", f"--page={number}", djvu], capture_output=True, text=True).stdout
        found = [(m.group(5).encode("latin-1", "backslashreplace").decode("unicode_escape").encode("latin-1").decode("utf-8")
                  if "\\" in m.group(5) else m.group(5), tuple(int(m.group(i)) for i in range(1, 5))) for m in WORD.finditer(text)]
        expected = [(w["text"], w.get("box")) for r in page["regions"] for l in r["lines"] for w in l["words"] if w["text"].strip()]
        if [f[0] for f in found] != [e[0] for e in expected]:
            fail(f"page {number}: the words differ from the text model's ({len(found)} against {len(expected)})")
        for (text_found, box), (_, model) in zip(found, expected):
            if model:
                l, t = int(model["x"] * sx), int(model["y"] * sy)
                r, b = math.ceil((model["x"] + model["width"]) * sx), math.ceil((model["y"] + model["height"]) * sy)
                want = (l, int(height) - b, r, int(height) - t)
                if box != want:
                    fail(f"page {number}: {text_found!r} on {box}, the text model's box is {want}")
        total += len(found)
    print(f"djvu-check: {djvu}: {len(pages)} pages, sizes and resolutions kept; djvutxt gives the text model's {total} words in order on their boxes")


if __name__ == "__main__":
    main()
