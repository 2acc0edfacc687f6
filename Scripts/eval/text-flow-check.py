#!/usr/bin/env python3
"""Text flow of Quire's Page: wikitext against the ground truth (issue 20 part 3): paragraph breaks,
line-end hyphen joins, footnotes, {{nop}}.

Runs only `quire wikitext DOC --wiki en` on pre-built OCR'd catalogues (one folder per document
holding quire.sqlite, scans/ and pages.tsv, "physical page <TAB> corpus image path", as the lead's
/work/cache/<half>/ has them), so it costs seconds, not an OCR run. Per page, from the ground truth:

  - false breaks: a body paragraph ending in a word with a line-end hyphen and the next paragraph
    starting lower case (as structure-check.py counts them).
  - joins (recall): ground-truth lines ending in `-`, `¬` or `⸗` followed by a line starting lower
    case; the joined word must be in the body (a {{hws}}/{{hwe}} pair counts as its whole word), or
    a word 80% like it (OCR errors in either half).
    `joins-sc` is structure-check.py's own count (`-`/`¬` only, any {{hw on the page accepted).
  - join precision: of those pairs, the ones whose right answer is to keep the hyphen (a digit on
    either side, an upper-case second half, or the hyphenated form written inside a ground-truth
    line of the same half more often than the joined one); a join there is wrong, and so is a
    kept hyphen where the answer is to join. precision = right joins / joins made.
  - glued: a body word made of two words of the ground truth, the last of a line that ends without a
    hyphen and the first of the next (a join where there was no division; 80% alike counts).
  - paragraphs: the ground truth's body blocks (ALTO TextBlocks, PAGE TextRegions, out of running
    heads, page numbers, signature marks, catchwords and footnotes) against the body's paragraphs,
    by aligning the two word sequences; only on pages whose ground truth has two body blocks or
    more (a ground truth with one block per page does not segment paragraphs). A break within one
    word of a block start is right. Only PAGE ground truth (OCR-D) has paragraph regions; ALTO
    TextBlocks here are whole text zones, so those pages count their breaks only (single-page-breaks).
  - footnotes: ground-truth footnote regions whose letters are mostly (60%, aligned) inside the
    page's <ref>s; `unanchored` counts pages flagged `unmatched_footnote`.
  - nop: pages ending in {{nop}}; right when the page's last ground-truth body line ends a
    sentence and is short (under 85% of the median body line's width), or the next page's first
    ground-truth line is indented (2% of the median line width right of the usual left edge).

usage: text-flow-check.py QUIRE CACHE_HALF_DIR [--json OUT] [--verbose]"""
import collections, difflib, json, os, re, shutil, subprocess, sys, tempfile, unicodedata
from pathlib import Path
import xml.etree.ElementTree as ET

quire = str(Path(sys.argv[1]).resolve()) if "/" in sys.argv[1] else sys.argv[1]
cache = Path(sys.argv[2])
VERBOSE = "--verbose" in sys.argv
HEAD_ALTO = {"RunningTitleZone", "NumberingZone", "CustomZone:Numbering", "QuireMarksZone"}
HEAD_PAGE = {"header", "page-number", "catch-word", "signature-mark"}
NOTE_PAGE = {"footnote", "footnote-continued", "endnote"}
ASIDE_PAGE = {"marginalia", "drop-capital"}  # out of the paragraph sequence (not in the running text's order)
PRP = re.compile(r'^<noinclude><pagequality level="([0-4])" user="([^"]*)" />(.*?)</noinclude>(.*?)(?:<noinclude>(.*?)</noinclude>)?\s*$', re.S)
HYPH = "-¬⸗"


def norm_words(t):
    t = unicodedata.normalize("NFKC", t).replace("ſ", "s")
    t = re.sub(r"[^\w\s]", " ", t)
    return t.lower().split()


def tag(e):
    return e.tag.split('}')[-1]


def line_span(l):
    """(left, width) of a ground-truth line."""
    if l.get("WIDTH"):
        return int(float(l.get("HPOS", 0))), int(float(l.get("WIDTH")))
    for c in l:
        if tag(c) == "Coords":
            xs = [int(float(p.split(",")[0])) for p in (c.get("points") or "").split() if "," in p]
            return (min(xs), max(xs) - min(xs)) if xs else (0, 0)
    return 0, 0


def line_width(l):
    return line_span(l)[1]


WIDTHS = {}
LEFTS = {}


def starts_indented(xml):
    """Whether the first body line of a ground-truth page starts right of the body's usual left
    edge by more than 2% of the median line width (a first-line indent)."""
    gt_blocks(xml)
    lefts, widths = LEFTS.get(xml, []), WIDTHS.get(xml, [])
    if len(lefts) < 3:
        return False
    return lefts[0] - sorted(lefts)[len(lefts) // 2] > 0.02 * sorted(widths)[len(widths) // 2]


PARAGRAPH_GT = set()  # the files whose blocks are paragraphs (PAGE regions), not whole text zones


def gt_blocks(xml):
    """(body blocks, note blocks): each a list of line texts, in reading order of the file; the body
    lines' widths are kept in WIDTHS[xml] (for the last line's length)."""
    root = ET.parse(xml).getroot()
    body, notes = [], []
    if tag(root) != "alto":
        PARAGRAPH_GT.add(xml)
    if xml in WIDTHS:
        WIDTHS[xml], LEFTS[xml] = [], []
    widths = WIDTHS.setdefault(xml, [])
    lefts = LEFTS.setdefault(xml, [])
    if tag(root) == "alto":
        labels = {e.get("ID"): e.get("LABEL", "") for e in root.iter() if tag(e) == "OtherTag"}
        for b in root.iter():
            if tag(b) != "TextBlock":
                continue
            kinds = {labels.get(r, "") for r in (b.get("TAGREFS") or "").split()}
            lines = [" ".join(w.get("CONTENT", "") for w in l.iter() if tag(w) == "String") for l in b.iter() if tag(l) == "TextLine"]
            if not " ".join(lines).strip():
                continue
            if kinds & HEAD_ALTO:
                continue
            if not any("ootnote" in k for k in kinds):
                widths += [line_width(l) for l in b.iter() if tag(l) == "TextLine"]
                lefts += [line_span(l)[0] for l in b.iter() if tag(l) == "TextLine"]
            (notes if any("ootnote" in k for k in kinds) else body).append(lines)
    else:
        for r in root.iter():
            if tag(r) != "TextRegion":
                continue
            lines = []
            for l in r:
                if tag(l) != "TextLine":
                    continue
                eq = [c for c in l if tag(c) == "TextEquiv"]
                lines.append("".join((u.text or "") for c in eq[:1] for u in c if tag(u) == "Unicode") if eq else "")
            if not " ".join(lines).strip() or r.get("type") in HEAD_PAGE or r.get("type") in ASIDE_PAGE:
                continue
            if r.get("type") not in NOTE_PAGE:
                widths += [line_width(l) for l in r if tag(l) == "TextLine"]
                lefts += [line_span(l)[0] for l in r if tag(l) == "TextLine"]
            (notes if r.get("type") in NOTE_PAGE else body).append(lines)
    return body, notes


def block_words(lines):
    """A block's words with line-end hyphens joined."""
    text = ""
    for line in lines:
        line = line.strip()
        if re.search(rf"\w[{HYPH}]$", line):
            text += line[:-1]
        else:
            text += line + " "
    return norm_words(text)


def expand_hw(body):
    """{{hws|a|whole}} and {{hwe|b|whole}} as the whole word (once, at the start)."""
    body = re.sub(r"\{\{hws\|[^|{}]*\|([^|{}]*)\}\}", r"\1", body)
    return re.sub(r"\{\{hwe\|[^|{}]*\|[^|{}]*\}\}", "", body)


def strip_refs(body):
    return re.sub(r"<ref[^>/]*>.*?</ref>", "", body, flags=re.S)


def para_words(body):
    """The body's paragraphs (blank-line separated), each its list of words (refs and templates out)."""
    text = strip_refs(expand_hw(body))
    text = re.sub(r"\{\{nop\}\}", "", text)
    text = re.sub(r"&#(\d+);", lambda m: chr(int(m.group(1))), text)
    text = re.sub(r"<[^>]+>", " ", text)
    return [w for w in (norm_words(p) for p in re.split(r"\n\s*\n", text)) if w]


def breaks_score(gt, ours):
    """(tp_ours, n_ours, tp_gt, n_gt): our paragraph starts vs the ground truth's block starts, by
    aligning the two texts character by character (letters only, `f` read as `s`: OCR makes `f`
    of a long s), so that OCR errors in the words around a break do not hide it; a break within
    three letters of the other's counts."""
    def flat(blocks):
        text, starts = "", []
        for b in blocks:
            if text:
                starts.append(len(text))
            text += "".join(b).replace("f", "s")
        return text, starts
    gtext, gstart = flat(gt)
    otext, ostart = flat(ours)
    m = difflib.SequenceMatcher(None, otext, gtext, autojunk=False)
    o2g, g2o = {}, {}
    for a, b, n in m.get_matching_blocks():
        for k in range(n):
            o2g[a + k] = b + k
            g2o[b + k] = a + k

    def mapped(pos, mapping):
        for d in (0, -1, 1, -2, 2, -3, 3):
            if pos + d in mapping:
                return mapping[pos + d] - d
        return None

    def score(starts, mapping, other):
        tp = n = 0
        for p in starts:
            q = mapped(p, mapping)
            if q is None:
                continue
            n += 1
            tp += any(abs(q - x) <= 3 for x in other)
        return tp, n
    tp_o, n_o = score(ostart, o2g, gstart)
    tp_g, n_g = score(gstart, g2o, ostart)
    if VERBOSE:
        for p in gstart:
            q = mapped(p, g2o)
            if q is not None and not any(abs(q - x) <= 3 for x in ostart):
                MISSED.append(f"missed break: ...{otext[max(0, q - 30):q]} | {otext[q:q + 30]}...")
        for p in ostart:
            q = mapped(p, o2g)
            if q is not None and not any(abs(q - x) <= 3 for x in gstart):
                MISSED.append(f"extra break: ...{gtext[max(0, q - 30):q]} | {gtext[q:q + 30]}...")
    return tp_o, n_o, tp_g, n_g


MISSED = []


def close(a, b):
    """Two words equal but for OCR errors (80% alike), long enough to tell."""
    return len(b) >= 5 and difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.8


def inline_forms(gt_files):
    """Counts of words written inside ground-truth lines (hyphenated compounds with their hyphen)."""
    c = collections.Counter()
    for f in gt_files:
        for line in f.read_text().splitlines():
            toks = line.split()
            for i, t in enumerate(toks):
                if i == len(toks) - 1 and re.search(rf"[{HYPH}]$", t):
                    continue
                for w in re.findall(r"\w+(?:[-⸗]\w+)*", unicodedata.normalize("NFKC", t)):
                    c[w.lower().replace("⸗", "-")] += 1
    return c


def run(doc, out):
    shutil.copy(doc / "quire.sqlite", out / "quire.sqlite")
    os.symlink(doc / "scans", out / "scans")
    r = subprocess.run([quire, "wikitext", "doc", "--wiki", "en", "--out", "out", "--override-clearance", "structure check"],
                       cwd=out, capture_output=True, text=True, timeout=900)
    if r.returncode != 0:
        print(f"{doc.name}: wikitext rc {r.returncode}: {r.stderr.strip()[:200]}", file=sys.stderr)
    files, flags = {}, {}
    for f in (out / "out").glob("Page*"):
        m = re.search(r"_(\d+)\.wikitext$", f.name)
        if m:
            files[int(m.group(1))] = f.read_text()
    man = out / "out" / "manifest.json"
    if man.exists():
        data = json.loads(man.read_text())
        for entry in (data.get("pages") if isinstance(data, dict) else data) or []:
            m = re.search(r"/(\d+)$", entry.get("title", "")) or re.search(r"(\d+)\D*$", entry.get("title", ""))
            if m:
                flags[int(m.group(1))] = entry.get("flags", [])
    return files, flags


docs = sorted(d for d in cache.iterdir() if (d / "done").exists() and (d / "pages.tsv").exists())
pairs = []
for d in docs:
    for line in (d / "pages.tsv").read_text().splitlines():
        n, path = line.split("\t")
        img = Path(os.path.normpath(path))
        pairs.append((d, int(n), img))
forms = inline_forms([img.parent / (img.stem + ".gt.txt") for _, _, img in pairs if (img.parent / (img.stem + ".gt.txt")).exists()])

rows = collections.defaultdict(collections.Counter)
notes_out = []
for d in docs:
    with tempfile.TemporaryDirectory() as t:
        files, flags = run(d, Path(t))
    pages = [(n, img) for dd, n, img in pairs if dd == d]
    name = d.name.split("__")[0]
    docshort = d.name.split("__")[-1][:14]
    c = rows[name]
    gts = {}
    for n, img in pages:
        xml, gt = img.with_suffix(".xml"), img.parent / (img.stem + ".gt.txt")
        if xml.exists() and gt.exists():
            gts[n] = (xml, gt)
    for n, img in pages:
        if n not in gts:
            continue
        xml, gt = gts[n]
        c["pages"] += 1
        m = PRP.match(files.get(n, ""))
        if not m:
            c["unparsed"] += 1
            continue
        body = m.group(4)
        body_plain = expand_hw(body)
        c["false_breaks"] += len(re.findall(rf"\w[{HYPH}]\s*\n\s*\n+\s*[a-zà-ÿß]", body))
        gtl = gt.read_text().splitlines()
        bw = " ".join(norm_words(strip_refs(body_plain)))
        for a, b in zip(gtl, gtl[1:]):
            ma, mb = re.search(rf"(\w+)([{HYPH}])\s*$", a), re.match(r"\s*([a-zà-ÿß]\w*)", b)
            if not (ma and mb):
                continue
            left, right = ma.group(1), mb.group(1)
            joined, kept = (left + right).lower(), (left + "-" + right).lower()
            if ma.group(2) in "-¬":
                c["sc_hyph"] += 1
                c["sc_ok"] += joined in body.lower() or "{{hw" in body
            truth_keep = left[-1].isdigit() or right[0].isdigit() or forms[kept] > forms[joined]
            c["hyph"] += 1
            words = bw.split()
            has_join = joined in words or any(close(w, joined) for w in words if abs(len(w) - len(joined)) <= 3)
            has_keep = any(close(a, left.lower()) or a == left.lower() for a, b in zip(words, words[1:]) if b == right.lower() or close(b, right.lower()))
            if truth_keep:
                c["hyph_keep_truth"] += 1
                c["joins_wrong"] += has_join
                c["keep_ok"] += has_keep
            else:
                c["hyph_join_truth"] += 1
                c["hyph_ok"] += has_join
                if not has_join and VERBOSE:
                    i = body_plain.lower().find(left.lower()[-4:] if len(left) > 3 else left.lower())
                    notes_out.append(f"{name} p{n}: no join {left}-{right}: {body_plain[max(0, i - 10):i + 30]!r}")
            c["joins_made"] += has_join
        # wrong joins anywhere: a body word made of the last word of a ground-truth line that ends
        # without a hyphen and the first word of the next line (two words, joined)
        gtwords = set(norm_words(" ".join(gtl)))
        for a, b in zip(gtl, gtl[1:]):
            wa, wb = norm_words(a), norm_words(b)
            if not wa or not wb or re.search(rf"\w[{HYPH}]\s*$", a):
                continue
            glued = wa[-1] + wb[0]
            if glued not in gtwords and any(w == glued or (close(w, glued) and w not in gtwords) for w in bw.split() if abs(len(w) - len(glued)) <= 1):
                c["glued"] += 1
                if VERBOSE:
                    notes_out.append(f"{name} p{n}: glued {wa[-1]} + {wb[0]}")
        gbody, gnotes = gt_blocks(xml)
        gblocks = [w for w in (block_words(b) for b in gbody) if w]
        ours = para_words(body)
        if xml in PARAGRAPH_GT:
            tp_o, n_o, tp_g, n_g = breaks_score(gblocks, ours)
            c["p_tp"] += tp_o; c["p_n"] += n_o; c["r_tp"] += tp_g; c["r_n"] += n_g
            if VERBOSE and (tp_o < n_o or tp_g < n_g):
                notes_out.append(f"{name}/{docshort} p{n}: breaks ours {tp_o}/{n_o} gt {tp_g}/{n_g}")
        else:
            c["single_pages"] += 1
            c["single_breaks"] += max(0, len(ours) - 1)
        refs = " ".join(norm_words(" ".join(re.findall(r"<ref[^>/]*>(.*?)</ref>", body, flags=re.S))))
        for nb in gnotes:
            w = block_words(nb)
            if not w:
                continue
            c["notes"] += 1
            # letters of the note found in the refs (OCR errors aside): 60% of them, aligned
            a, b = "".join(w).replace("f", "s"), refs.replace(" ", "").replace("f", "s")
            found = sum(n for _, _, n in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())
            c["notes_ok"] += found >= 0.6 * len(a)
        c["unanchored"] += "unmatched_footnote" in flags.get(n, [])
        # a page with a <ref> whose ground truth has no note: body text made a note
        if "<ref" in body and not any(block_words(nb) for nb in gnotes):
            c["false_notes"] += 1
            if VERBOSE:
                notes_out.append(f"{name} p{n}: false note {refs[:60]!r}")
        if VERBOSE:
            for nb in gnotes:
                w = block_words(nb)
                if w:
                    notes_out.append(f"{name} p{n}: gt note {' '.join(w)[:50]!r} refs {refs[:50]!r}")
        # the ground truth's paragraph really ends at the foot of the page (for nop recall)
        gb, _ = gt_blocks(xml)
        lastline = gb[-1][-1].strip() if gb and gb[-1] else ""
        ws = WIDTHS.get(xml, [])
        nxt = gts.get(n + 1)
        if nxt and bool(re.search(r"[.!?:…»”\"')]$", lastline)) and ((bool(ws) and ws[-1] < 0.85 * sorted(ws)[len(ws) // 2]) or starts_indented(nxt[0])):
            c["nop_due"] += 1
            c["nop_due_made"] += body.rstrip().endswith("{{nop}}")
            if VERBOSE and not body.rstrip().endswith("{{nop}}"):
                notes_out.append(f"{name} p{n}: nop missing after {body.rstrip()[-50:]!r} (gt {lastline[-30:]!r})")
        if body.rstrip().endswith("{{nop}}"):
            c["nop"] += 1
            # right when the ground truth's last body line ends a sentence and is short (under 85%
            # of the page's median line width): the paragraph really ends at the foot of the page.
            lastline = gbody[-1][-1].strip() if gbody and gbody[-1] else ""
            ws = WIDTHS.get(xml, [])
            short = bool(ws) and ws[-1] < 0.85 * sorted(ws)[len(ws) // 2]
            nxt = gts.get(n + 1)
            ok = bool(re.search(r"[.!?:…»”\"')]$", lastline)) and (short or bool(nxt and starts_indented(nxt[0])))
            c["nop_ok"] += ok
            if VERBOSE and not ok:
                notes_out.append(f"{name} p{n}: nop after {gbody[-1][-1] if gbody and gbody[-1] else ''!r}")

tot = collections.Counter()
for k in rows:
    tot.update(rows[k])


def ratio(a, b):
    return f"{a / b:.3f}" if b else "n/a"


for name, c in list(sorted(rows.items())) + [("TOTAL", tot)]:
    print(f"{name:32s} pages {c['pages']:3d} false-breaks {c['false_breaks']} joins {c['hyph_ok']}/{c['hyph_join_truth']} "
          f"(sc {c['sc_ok']}/{c['sc_hyph']}) wrong-joins {c['joins_wrong']}/{c['joins_made']} keeps {c['keep_ok']}/{c['hyph_keep_truth']} "
          f"paraP {c['p_tp']}/{c['p_n']} paraR {c['r_tp']}/{c['r_n']} single-page-breaks {c['single_breaks']}/{c['single_pages']}p "
          f"notes {c['notes_ok']}/{c['notes']} false-notes {c['false_notes']} unanchored {c['unanchored']} nop {c['nop_ok']}/{c['nop']}")
print(f"SUMMARY false-breaks {tot['false_breaks']} join-recall {ratio(tot['hyph_ok'], tot['hyph_join_truth'])} "
      f"join-precision {ratio(tot['joins_made'] - tot['joins_wrong'], tot['joins_made'])} structure-check-joins {ratio(tot['sc_ok'], tot['sc_hyph'])} "
      f"glued-words {tot['glued']} para-P {ratio(tot['p_tp'], tot['p_n'])} para-R {ratio(tot['r_tp'], tot['r_n'])} footnotes {tot['notes_ok']}/{tot['notes']} false-notes {tot['false_notes']} "
      f"nop {tot['nop_ok']}/{tot['nop']} nop-recall {tot['nop_due_made']}/{tot['nop_due']} unparsed {tot['unparsed']}")
if VERBOSE:
    print("\n".join(notes_out))
    print("\n".join(MISSED))
if "--json" in sys.argv:
    Path(sys.argv[sys.argv.index("--json") + 1]).write_text(json.dumps({k: dict(v) for k, v in rows.items()} | {"TOTAL": dict(tot)}, indent=1))
