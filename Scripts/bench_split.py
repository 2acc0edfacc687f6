"""Match & split benchmark, run by Scripts/bench (BENCH_ONLY=split runs only this section).

1. Real pages, per half of Scripts/eval/split.tsv (read by Scripts/eval/corpus_split.py): each
   document of two pages or more, printed or typewritten, is OCR'd by `quire ocr` (the release
   build), its pages' ground truth `.gt.txt` joined into one text (lines as printed, running
   heads, page numbers, signature marks, catch-words, marginalia, footnotes and line-end hyphens
   included), and `quire split --dry-run --json` cuts the text back onto the pages. A break is
   *exact* when the cut falls at the right word (only whitespace between the predicted and the
   true position; a word divided across the pages belongs to the first); *within one line* when
   it falls between the start of the last line of the page before and the end of the first line
   of the page after; a miss (not exact) is *flagged* when the split marks that break
   `uncertain_boundary` with a reason naming it. Figures per document and per half.
   BENCH_SPLIT_HALF=tune (or test) runs one half (default both); BENCH_SPLIT_CACHE=DIR reuses
   complete OCR'd catalogues DIR/<half>/<set>__<folder>[__<prefix>]/quire.sqlite (document
   `doc`, pages.tsv listing the corpus images in order) instead of OCRing; BENCH_SPLIT_QUIET=1
   prints totals only; BENCH_SPLIT_SYNTHETIC=0 skips part 2.
2. Synthetic 500 pages: 30 lines of prose per page with a running header and a page number, OCR
   noise in one word of eight and line-end hyphenation, attached as ALTO with `quire import`;
   the time of `quire split --dry-run` on one core (taskset), median of BENCH_RUNS. Its breaks
   are scored too.
"""
import json, os, random, re, shutil, statistics, struct, subprocess, sys, time, zlib


def run(quire, *args, catalogue, check=True, **kwargs):
    return subprocess.run([quire, *args, "--catalogue", catalogue], check=check, capture_output=True, text=True, **kwargs)


def score_breaks(transcript, page_texts, split_pages):
    """Per break k (between page k-1 and page k) of a transcript built from page_texts joined by
    newlines: (exact, within one line, flagged), flagged when the split marks that break
    `uncertain_boundary` with a reason naming it."""
    starts, offset = [], 0
    for text in page_texts:
        starts.append(offset)
        offset += len(text) + 1
    predicted, cursor = {}, 0
    for index, page in enumerate(split_pages):
        text = page["text"]
        if not text:
            continue
        found = transcript.find(text, cursor)
        if found < 0:
            continue
        predicted[index] = found
        cursor = found + len(text)
    results = []
    for k in range(1, len(page_texts)):
        true = starts[k]
        previous, current = page_texts[k - 1].rstrip(), page_texts[k]
        divided = re.search(r"(\w+)[-¬\u00ad]$", previous)
        following = re.match(r"\s*[*_]*(\w)", current)
        if divided and following and (following.group(1).islower() or (divided.group(1).isupper() and following.group(1).isupper())):
            # A word divided across the break belongs whole to the first page.
            first = re.match(r"\s*\S+", current)
            true = starts[k] + first.end()
        cut = predicted.get(k)
        exact = within = False
        if cut is not None:
            low, high = sorted((cut, true))
            exact = not re.search(r"\w", transcript[low:high])
            last_line_start = starts[k - 1] + (previous.rfind("\n") + 1)
            first_line = current.lstrip("\n").split("\n", 1)[0]
            first_line_end = starts[k] + (len(current) - len(current.lstrip("\n"))) + len(first_line)
            within = last_line_start <= cut <= first_line_end + 1
        flagged = False
        if k < len(split_pages):
            a, b = split_pages[k - 1], split_pages[k]
            name = f"between page {a['number']} and page {b['number']}"
            flagged = any("uncertain_boundary" in page["flags"] and any(name in reason for reason in page["reasons"]) for page in (a, b))
        results.append((exact, within, flagged))
    return results


def summarise(results):
    """exact, within one line, misses (not exact), misses flagged, breaks, exact breaks flagged
    (the flag's false alarms)."""
    exact = sum(1 for e, _, _ in results if e)
    within = sum(1 for _, w, _ in results if w)
    flagged = sum(1 for e, _, f in results if not e and f)
    alarms = sum(1 for e, _, f in results if e and f)
    return exact, within, len(results) - exact, flagged, len(results), alarms


def real_documents(half):
    """[(document name, Row, [images])] of one half with two pages or more, printed and
    typewritten (corpus_split leaves handwriting out)."""
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "eval"))
    import corpus_split
    return [(name, row, images) for name, (row, images) in sorted(corpus_split.documents(half).items()) if len(images) >= 2]


def cached_catalogue(cache, half, name, images, work):
    """A copy of the pre-built OCR'd catalogue of a document (BENCH_SPLIT_CACHE/<half>/<doc>/:
    quire.sqlite with document `doc`, pages.tsv naming each page's corpus image), or None when
    it is missing, unfinished or built from other pages."""
    folder = os.path.join(cache, half, name.replace("/", "__"))
    if not os.path.exists(os.path.join(folder, "done")):
        return None
    with open(os.path.join(folder, "pages.tsv"), encoding="utf-8") as f:
        listed = [line.rstrip("\n").split("\t")[1] for line in f if line.strip()]
    if [os.path.realpath(p) for p in listed] != [os.path.realpath(p) for p in images]:
        return None
    target = os.path.join(work, name.replace("/", "__") + ".sqlite")
    for suffix in ("", "-wal", "-shm"):  # a catalogue not checkpointed keeps pages in its WAL
        if os.path.exists(os.path.join(folder, "quire.sqlite" + suffix)):
            shutil.copy(os.path.join(folder, "quire.sqlite" + suffix), target + suffix)
    return target


def bench_real_half(work, quire, half, cache):
    documents = real_documents(half)
    totals, refused = [0, 0, 0, 0, 0, 0], 0
    print(f"  {half} half: {len(documents)} documents of two pages or more")
    if os.environ.get("BENCH_SPLIT_QUIET") != "1":
        print(f"  {'document':62} {'pages':>5} {'exact':>7} {'1 line':>7} {'misses flagged':>14} {'exact flagged':>13}")
    for number, (name, row, images) in enumerate(documents):
        catalogue = cached_catalogue(cache, half, name, images, work) if cache else None
        slug = "doc"
        if catalogue is None:
            catalogue = os.path.join(work, f"split-{half}-{number}.sqlite")
            subprocess.run([quire, "init", "--catalogue", catalogue], check=True, capture_output=True)
            run(quire, "add", *images, "--title", name, "--lang", row.lang, "--id", slug, catalogue=catalogue)
            run(quire, "ocr", slug, catalogue=catalogue, check=False)
        texts = []
        for image in images:
            with open(os.path.splitext(image)[0] + ".gt.txt", encoding="utf-8") as f:
                texts.append(f.read().strip("\n"))
        transcript = "\n".join(texts)
        path = os.path.join(work, f"split-{half}-{number}.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(transcript)
        result = run(quire, "split", slug, "--text", path, "--dry-run", "--json", catalogue=catalogue, check=False)
        if result.returncode != 0:
            breaks = len(images) - 1
            if os.environ.get("BENCH_SPLIT_QUIET") != "1":
                print(f"  {name:62} {len(images):5}  refused: {result.stderr.strip().splitlines()[-1][:80]}")
            totals = [totals[0], totals[1], totals[2] + breaks, totals[3], totals[4] + breaks, totals[5]]
            refused += breaks
            continue
        scored = summarise(score_breaks(transcript, texts, json.loads(result.stdout)["pages"]))
        exact, within, misses, flagged, breaks, alarms = scored
        totals = [a + b for a, b in zip(totals, scored)]
        if os.environ.get("BENCH_SPLIT_QUIET") != "1":
            print(f"  {name:62} {len(images):5} {exact:3}/{breaks:<3} {within:3}/{breaks:<3} {flagged:6}/{misses:<3} {alarms:6}/{exact:<3}")
    exact, within, misses, flagged, breaks, alarms = totals
    if breaks:
        print(f"  {half} half, real pages: {breaks} breaks in {len(documents)} documents: {exact} exact ({exact / breaks * 100:.1f}%, target >= 98%), "
              f"{within} within one line ({within / breaks * 100:.1f}%, target 100%), {misses} misses: {flagged} flagged uncertain_boundary "
              f"(target: all), {refused} in refused splits, {misses - flagged - refused} not flagged; "
              f"{alarms} of {exact} exact breaks flagged too")


def bench_real(work, quire):
    """Real pages per half of Scripts/eval/split.tsv (BENCH_SPLIT_HALF=tune or test runs one);
    BENCH_SPLIT_CACHE=DIR reuses OCR'd catalogues DIR/<half>/<doc>/ where they are complete."""
    corpora = os.path.join(os.environ.get("QUIRE_SHARED", os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "..", "shared")), "corpora")
    if not os.path.isdir(corpora):
        print("  (no shared corpora: real-page figures skipped)")
        return
    halves = [h for h in os.environ.get("BENCH_SPLIT_HALF", "tune,test").split(",") if h]
    cache = os.environ.get("BENCH_SPLIT_CACHE")
    for half in halves:
        if half not in ("tune", "test"):
            sys.exit(f"BENCH_SPLIT_HALF: {half!r} is not a half (tune, test)")
        bench_real_half(work, quire, half, cache)


def png(width, height, value):
    raw = b"".join(b"\x00" + bytes([value]) * width for _ in range(height))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def alto(lines, width=1000, height=1400):
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Description><MeasurementUnit>pixel</MeasurementUnit></Description>',
           f'<Layout><Page ID="p" WIDTH="{width}" HEIGHT="{height}" PHYSICAL_IMG_NR="1"><PrintSpace>']
    for block_index, block in enumerate(lines):
        out.append(f'<TextBlock ID="b{block_index}">')
        for line_index, (words, hyphen) in enumerate(block):
            y = 60 + 40 * (block_index * 3 + line_index)
            out.append(f'<TextLine ID="l{block_index}_{line_index}" HPOS="80" VPOS="{y}" WIDTH="840" HEIGHT="30">')
            x = 80
            for word in words:
                out.append(f'<String CONTENT="{escape(word)}" HPOS="{x}" VPOS="{y}" WIDTH="{10 * len(word)}" HEIGHT="30" WC="0.9"/><SP/>')
                x += 10 * len(word) + 10
            if hyphen:
                out.append('<HYP CONTENT="-"/>')
            out.append("</TextLine>")
        out.append("</TextBlock>")
    out.append("</PrintSpace></Page></Layout></alto>")
    return "\n".join(out)


def synthetic(work, pages=500, lines_per_page=30, seed=1931):
    rng = random.Random(seed)
    syllables = ["la", "ma", "con", "tre", "dis", "por", "que", "ven", "mi", "ra", "lo", "gen", "sal", "cu", "bri", "to", "ne", "pa", "ri", "vol", "an", "es", "tu", "do"]
    common = ["de", "la", "el", "en", "y", "que", "a", "los", "se", "del", "las", "un", "por", "con", "no", "una"]

    def word():
        if rng.random() < 0.35:
            return rng.choice(common)
        return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))

    def noisy(w):
        if len(w) > 3 and rng.random() < 0.125:
            i = rng.randrange(len(w))
            return w[:i] + rng.choice("ecoln1") + w[i + 1:]
        return w

    texts, folder_images, folder_alto = [], os.path.join(work, "synthetic-images"), os.path.join(work, "synthetic-alto")
    os.makedirs(folder_images)
    os.makedirs(folder_alto)
    for page in range(1, pages + 1):
        typed_lines, ocr_lines = [], []
        for _ in range(lines_per_page):
            words = [word()]
            while sum(len(w) + 1 for w in words) < 60:
                words.append(word())
            typed_lines.append(words)
        # OCR: a running header and page number the text lacks, noise, some line-end divisions.
        body = []
        for index, words in enumerate(typed_lines):
            ocr = [noisy(w) for w in words]
            body.append([ocr, False])
        for index in range(len(body) - 1):
            last, following = body[index][0][-1], body[index + 1][0]
            if len(last) >= 6 and rng.random() < 0.3:
                cut = len(last) // 2
                body[index][0][-1] = last[:cut]
                body[index][1] = True
                following.insert(0, last[cut:])
        header = [[["DISCURSOS", "ESCOGIDOS", str(page)], False]]
        with open(os.path.join(folder_alto, f"p{page:04}.xml"), "w", encoding="utf-8") as f:
            f.write(alto([header, body]))
        with open(os.path.join(folder_images, f"p{page:04}.png"), "wb") as f:
            f.write(png(8 + page % 50, 8 + page // 50, page % 256))
        texts.append("\n".join(" ".join(words) for words in typed_lines))
    return texts, folder_images, folder_alto


def bench_synthetic(work, quire, runs):
    catalogue = os.path.join(work, "split-synthetic.sqlite")
    subprocess.run([quire, "init", "--catalogue", catalogue], check=True, capture_output=True)
    texts, images, altos = synthetic(work)
    run(quire, "add", images, "--title", "Sintético", "--lang", "spa", "--id", "synthetic", catalogue=catalogue)
    run(quire, "import", "synthetic", *sorted(os.path.join(altos, f) for f in os.listdir(altos)), catalogue=catalogue)
    transcript = "\n".join(texts)
    path = os.path.join(work, "synthetic.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write(transcript)
    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    times, output = [], None
    for _ in range(runs):
        start = time.monotonic()
        result = subprocess.run([*pin, quire, "split", "synthetic", "--text", path, "--dry-run", "--json", "--catalogue", catalogue], capture_output=True, text=True, check=True)
        times.append(time.monotonic() - start)
        output = result.stdout
    exact, within, _, _, breaks, _ = summarise(score_breaks(transcript, texts, json.loads(output)["pages"]))
    words = len(transcript.split())
    print(f"  synthetic: 500 pages, {words} words, one core: quire split {statistics.median(times):.2f} s (median of {runs}; target < 10 s); "
          f"breaks {exact}/{breaks} exact, {within}/{breaks} within one line")


def bench_split(work, quire, runs):
    print("\n== Match & split")
    bench_real(work, quire)
    if os.environ.get("BENCH_SPLIT_SYNTHETIC", "1") != "0":
        bench_synthetic(work, quire, runs)
