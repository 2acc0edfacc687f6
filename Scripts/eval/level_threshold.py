#!/usr/bin/env python3
"""The evidence for the level-2 confidence threshold (QuireCore's QualityPolicy, issue 13 #3): per
page of one half of the tune/test split, the mean word confidence the catalogue recorded against
the character error rate to the page's .gt.txt (whitespace folded, NFC), pages grouped at 0.60
and 0.75.

    Scripts/eval/level_threshold.py CACHE HALF

CACHE holds OCR'd catalogues as `Scripts/eval/run --reuse` takes them: CACHE/HALF/NAME/quire.sqlite
and pages.tsv (page number, corpus image). Only aggregate figures are printed."""
import glob, json, os, sqlite3, sys, unicodedata
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus_split
CACHE, HALF = sys.argv[1], sys.argv[2]
half_pages = {os.path.realpath(p) for p, r in corpus_split.pages(HALF)}

def norm(s):
    s = unicodedata.normalize("NFC", s)
    return " ".join(s.split())

def lev(a, b):
    if len(a) < len(b): a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]

def text(model):
    m = json.loads(model)
    lines = []
    for region in m.get("regions", []):
        for line in region.get("lines", []):
            lines.append(" ".join(w.get("text", "") for w in line.get("words", [])))
    return "\n".join(lines)

rows = []
for folder in sorted(glob.glob(os.path.join(CACHE, HALF, "*", ""))):
    paths = dict(l.rstrip("\n").split("\t") for l in open(os.path.join(folder, "pages.tsv")))
    c = sqlite3.connect(f"file:{os.path.join(folder, 'quire.sqlite')}?mode=ro", uri=True)
    for number, conf, model in c.execute("select number, mean_confidence, model_json from page_text"):
        path = os.path.realpath(paths.get(str(number)))
        assert path in half_pages, f"{path} is not a page of the {HALF} half"
        gt = os.path.splitext(path)[0] + ".gt.txt"
        if not os.path.exists(gt) or conf is None: continue
        truth = norm(open(gt, encoding="utf-8").read())
        hyp = norm(text(model))
        if not truth: continue
        rows.append((conf, lev(hyp, truth), len(truth)))

def band(lo, hi):
    sel = [r for r in rows if lo <= r[0] < hi]
    errors, chars = sum(r[1] for r in sel), sum(r[2] for r in sel)
    return len(sel), (errors / chars if chars else float("nan"))

print(f"{HALF} pages with text and ground truth: {len(rows)}")
for name, lo, hi in [("conf < 0.60", 0, 0.60), ("0.60 <= conf < 0.75", 0.60, 0.75), ("conf >= 0.75", 0.75, 1.01)]:
    n, cer = band(lo, hi)
    print(f"{name:22s} pages {n:3d}  CER {cer:.1%}")
