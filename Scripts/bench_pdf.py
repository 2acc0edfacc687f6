"""Searchable PDF (`bench_pdf`, BENCH_ONLY=pdf): Quire against Debian's `ocrmypdf` (installed when
missing) on PDFs made with `img2pdf` from the shared corpora's printed and typewritten documents,
one PDF per document, per half of Scripts/eval/split.tsv (tune and test side by side).

- end to end, scan PDF in → searchable PDF out: `quire ocr DOC.pdf --lang L --jobs <cores> --out
  OUT.pdf` against `ocrmypdf --jobs <cores> -l L --output-type pdf DOC.pdf OUT.pdf`, alternating,
  CPU time (user + system of the process and its children) and wall time, medians of BENCH_RUNS;
- export when the text is already in the catalogue: `quire export DOC --format pdf` against the
  same `ocrmypdf` run;
- size of each output against the input's;
- `pdftotext` (poppler's default layout mode, as wikis read a file's layer) of both outputs,
  scored against the ground truth by `quire eval --hypotheses` (one normalisation for both),
  CER per set;
- peak RSS of `quire ocr --out OUT.pdf` on the largest PDF, and of `quire export --format pdf` of a
  generated BENCH_PDF_PAGES-page book (Scripts/tests/make_stress_book.py, ALTO imported).
BENCH_PDF_DOCS (default 3) limits the documents per half; the machine is shared, so timings are
indicative: CPU time is the figure to compare."""
import json, os, resource, shutil, statistics, subprocess, sys, time

from bench_common import CORES, QUIRE, ROOT, RUNS

sys.path.insert(0, os.path.join(ROOT, "Scripts", "eval"))
import corpus_split  # noqa: E402

DOCS = int(os.environ.get("BENCH_PDF_DOCS", "3"))
PAGES = int(os.environ.get("BENCH_PDF_PAGES", "500"))


def ensure(tool, package):
    if shutil.which(tool):
        return
    print(f"bench pdf: installing {package}")
    subprocess.run(["apt-get", "install", "-y", "-qq", package], check=True, stdout=subprocess.DEVNULL,
                   env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))


def measured(command, env=None):
    """(wall s, CPU s of the children) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def peak_rss_mb(command, env=None):
    result = subprocess.run(["/usr/bin/time", "-f", "%M", *command], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=True)
    return int(result.stderr.strip().splitlines()[-1]) / 1024


def cer(pdf, images, work, name):
    """CER of pdftotext's text of `pdf` (page k ↔ images[k]) against the ground truth."""
    truth, hyp = os.path.join(work, f"{name}-truth"), os.path.join(work, f"{name}-hyp")
    os.makedirs(truth)
    os.makedirs(hyp)
    for number, image in enumerate(images, 1):
        base = os.path.splitext(os.path.basename(image))[0]
        os.symlink(image, os.path.join(truth, os.path.basename(image)))
        os.symlink(os.path.splitext(image)[0] + ".gt.txt", os.path.join(truth, base + ".gt.txt"))
        text = subprocess.run(["pdftotext", "-f", str(number), "-l", str(number), "-enc", "UTF-8", pdf, "-"], capture_output=True, text=True).stdout
        with open(os.path.join(hyp, base + ".txt"), "w", encoding="utf-8") as f:
            f.write(text.replace("\f", ""))
    out = subprocess.run([QUIRE, "eval", "--truth", truth, "--hypotheses", hyp, "--json"], capture_output=True, text=True, check=True).stdout
    data = json.loads(out)
    total = data.get("total", data)
    return total["cer"], total.get("characters", 0)


def bench_pdf(work):
    for tool, package in (("ocrmypdf", "ocrmypdf"), ("img2pdf", "img2pdf"), ("pdftotext", "poppler-utils"), ("qpdf", "qpdf")):
        ensure(tool, package)
    rows = {}
    largest = None
    for half in ("tune", "test"):
        documents = [(name, row, pages) for name, (row, pages) in corpus_split.documents(half).items()
                     if all(os.path.exists(os.path.splitext(p)[0] + ".gt.txt") for p in pages)]
        # Scans in JPEG or PNG first (img2pdf passes them through; TIFFs are often raw), the longest first.
        documents.sort(key=lambda d: (d[2][0].lower().endswith((".tif", ".tiff")), -len(d[2]), d[0]))
        chosen, seen = [], set()
        for name, row, pages in documents:  # one document per set
            if row.set in seen or len(chosen) >= DOCS:
                continue
            folder = os.path.join(work, half, name.replace("/", "_"))
            os.makedirs(folder)
            pdf = os.path.join(folder, "in.pdf")
            if subprocess.run(["img2pdf", *pages, "-o", pdf], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode != 0:
                continue  # a TIFF compression img2pdf cannot pass through
            seen.add(row.set)
            chosen.append((name, row, pages, folder, pdf))
        for name, row, pages, folder, pdf in chosen:
            try:
                rows[(half, name)] = one_document(name, row, pages, folder, pdf)
            except subprocess.CalledProcessError as error:
                print(f"  {half} {name}: not measured ({error})", flush=True)
                continue
            print_row(half, name, rows[(half, name)])
            if largest is None or len(pages) > largest[0]:
                largest = (len(pages), [QUIRE, "ocr", pdf, "--lang", row.lang, "--jobs", str(CORES), "--out", os.path.join(folder, "rss.pdf")], row.lang)
    summary(rows, largest, work)


def one_document(name, row, pages, folder, pdf):
    """The figures of one document: both tools end to end, the export, sizes and CER."""
    quire_out, peer_out = os.path.join(folder, "quire.pdf"), os.path.join(folder, "ocrmypdf.pdf")
    quire = [QUIRE, "ocr", pdf, "--lang", row.lang, "--jobs", str(CORES), "--out", quire_out]
    peer = ["ocrmypdf", "--jobs", str(CORES), "-l", row.lang, "--output-type", "pdf", "--force-ocr", pdf, peer_out]
    runs = {"quire": [], "peer": []}
    for _ in range(RUNS):  # alternating
        runs["quire"].append(measured(quire))
        runs["peer"].append(measured(peer))
    catalogue = os.path.join(folder, "quire.sqlite")
    env = dict(os.environ, QUIRE_ACTOR="bench", QUIRE_CATALOGUE=catalogue)
    for command in (["init"], ["add", pdf, "--title", "Bench", "--lang", row.lang, "--id", "doc"], ["ocr", "doc", "--jobs", str(CORES)]):
        subprocess.run([QUIRE, *command], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    export = [QUIRE, "export", "doc", "--format", "pdf", "--out", os.path.join(folder, "export.pdf"), "--override-clearance", "benchmark of the PDF export"]
    exports = [measured(export, env) for _ in range(RUNS)]
    median = lambda values, i: statistics.median(v[i] for v in values)
    return {
        "pages": len(pages), "set": row.set,
        "quire_cpu": median(runs["quire"], 1), "quire_wall": median(runs["quire"], 0),
        "peer_cpu": median(runs["peer"], 1), "peer_wall": median(runs["peer"], 0),
        "export_cpu": median(exports, 1), "export_wall": median(exports, 0),
        "in_size": os.path.getsize(pdf), "quire_size": os.path.getsize(quire_out), "peer_size": os.path.getsize(peer_out),
        "quire_cer": cer(quire_out, pages, folder, "quire")[0], "peer_cer": cer(peer_out, pages, folder, "peer")[0],
    }


HEADER_PRINTED = []


def print_row(half, name, r):
    if not HEADER_PRINTED:
        HEADER_PRINTED.append(True)
        print(f"\n== Searchable PDF: img2pdf PDFs of the corpora, quire vs ocrmypdf {subprocess.run(['ocrmypdf', '--version'], capture_output=True, text=True).stdout.strip()}, --jobs {CORES} (medians of {RUNS}, alternating)")
        print(f"  {'half':5} {'document':48} {'pp':>3} {'e2e CPU q/o (s)':>16} {'ratio':>6} {'wall q/o (s)':>13} {'export CPU':>10} {'ratio':>6} "
              f"{'size in/q/o (kB)':>20} {'CER q/o':>14}")
    print(f"  {half:5} {name[:48]:48} {r['pages']:3} {r['quire_cpu']:7.1f}/{r['peer_cpu']:<8.1f} {r['peer_cpu'] / r['quire_cpu']:5.1f}x "
              f"{r['quire_wall']:6.1f}/{r['peer_wall']:<6.1f} {r['export_cpu']:10.2f} {r['peer_cpu'] / r['export_cpu']:5.0f}x "
              f"{r['in_size'] // 1000:6}/{r['quire_size'] // 1000:6}/{r['peer_size'] // 1000:<6} {r['quire_cer']:6.2%}/{r['peer_cer']:<6.2%}", flush=True)


def summary(rows, largest, work):
    for half in ("tune", "test"):
        part = [r for (h, _), r in rows.items() if h == half]
        if not part:
            continue
        cpu = sum(r["peer_cpu"] for r in part) / sum(r["quire_cpu"] for r in part)
        wall = sum(r["peer_wall"] for r in part) / sum(r["quire_wall"] for r in part)
        export = sum(r["peer_cpu"] for r in part) / sum(r["export_cpu"] for r in part)
        growth = max(r["quire_size"] / r["in_size"] - 1 for r in part)
        smaller = sum(r["quire_size"] <= r["peer_size"] for r in part)
        better = sum(r["quire_cer"] <= r["peer_cer"] for r in part)
        print(f"  {half}: end to end {cpu:.1f}x ocrmypdf's CPU time ({wall:.1f}x wall; target 3x), export {export:.0f}x (target 20x), "
              f"largest size growth {growth:+.1%} (target <= +3%), no larger than ocrmypdf's on {smaller}/{len(part)}, CER no worse on {better}/{len(part)}")
    if largest:
        print(f"  peak RSS quire ocr --out FILE.pdf on the largest PDF ({largest[0]} pages): {peak_rss_mb(largest[1]):.0f} MB")
    book = os.path.join(work, "book")
    subprocess.run([sys.executable, os.path.join(ROOT, "Scripts/tests/make_stress_book.py"), book, str(PAGES)], check=True, stdout=subprocess.DEVNULL)
    env = dict(os.environ, QUIRE_ACTOR="bench", QUIRE_CATALOGUE=os.path.join(book, "quire.sqlite"))
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "env": env, "check": True}
    subprocess.run([QUIRE, "init"], **quiet)
    images = sorted(os.path.join(book, "images", f) for f in os.listdir(os.path.join(book, "images")))
    altos = sorted(os.path.join(book, "alto", f) for f in os.listdir(os.path.join(book, "alto")))
    subprocess.run([QUIRE, "add", *images, "--title", "Libro", "--lang", "spa", "--id", "libro"], **quiet)
    subprocess.run([QUIRE, "import", "libro", *altos], **quiet)
    export = [QUIRE, "export", "libro", "--format", "pdf", "--out", os.path.join(book, "libro.pdf"), "--override-clearance", "benchmark of the PDF export"]
    wall, cpu = measured(export, env)
    print(f"  export of a generated {PAGES}-page book: {wall:.1f} s wall, {cpu:.1f} s CPU, peak RSS {peak_rss_mb(export, env):.0f} MB (target < 600 MB)")
