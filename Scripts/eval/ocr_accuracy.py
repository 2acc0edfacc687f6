#!/usr/bin/env python3
"""OCR accuracy of Quire against peer 1 on one half of the tune/test split (issue 21).

    Scripts/eval/ocr_accuracy.py --half tune|test|both [--json FILE] [--quire PATH] [--keep DIR]

For each half (printed and typewritten pages only: handwriting is not Tesseract's job):
- peer 1: `tesseract IMG - -l LANG` per page, LANG from the page's split.tsv row, Debian's default
  models. Its output never changes for a given Tesseract and its models, so it is cached under
  ~/.cache/quire/ocr-accuracy/peer1/<tesseract version and models>/ (QUIRE_EVAL_CACHE moves it);
- Quire as a librarian runs it: one new catalogue (`quire init`), one `quire add --lang LANG` per
  document of the half, then one `quire ocr --all --jobs 2 --out DIR --format txt`;
- both scored by `quire eval --truth T --hypotheses H --json` (one normaliser for both), where T
  holds links to the half's pages and their ground truth, one folder per corpus set.

Prints CER and WER per set and in total, Quire / peer 1 / ratio, per half; `--json FILE` writes the
same figures for scripts (`make eval`). Python 3 standard library only."""
import argparse, builtins, concurrent.futures, hashlib, json, os, shutil, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus_split  # noqa: E402

ROOT = corpus_split.ROOT
DEFAULT_QUIRE = os.path.join(ROOT, ".build", "release", "quire")
TESSDATA = "/usr/share/tesseract-ocr/5/tessdata"  # peer 1 reads Debian's default models, whatever the environment says
JOBS = 2


def run(command, **kwargs):
    return subprocess.run(command, check=True, **kwargs)


def peer1_cache():
    """The cache folder for peer 1's texts: keyed by Tesseract's version line and the sizes and dates
    of the models peer 1 reads, so a new Tesseract or language package starts a new cache."""
    version = subprocess.run(["tesseract", "--version"], capture_output=True, text=True).stdout.splitlines()[0].strip()
    languages = sorted({row.lang for row in corpus_split.rows()})
    paths = [os.path.join(TESSDATA, f"{lang}.traineddata") for lang in languages]
    models = [f"{os.path.basename(p)}:{os.path.getsize(p)}:{int(os.path.getmtime(p))}" for p in paths if os.path.exists(p)]
    key = version.replace(" ", "-") + "-" + hashlib.sha256("\n".join(models).encode()).hexdigest()[:12]
    base = os.environ.get("QUIRE_EVAL_CACHE", os.path.join(os.path.expanduser("~"), ".cache", "quire", "ocr-accuracy"))
    return os.path.join(base, "peer1", key)


def text_name(image):
    return os.path.splitext(os.path.basename(image))[0] + ".txt"


def run_peer1(pages, cache):
    """Peer 1's text for every page, from the cache or by running it (two pages at a time; each
    process single-threaded, which changes its speed, never its text)."""
    missing = [(p, r) for p, r in pages if not os.path.exists(os.path.join(cache, r.lang, text_name(p)))]
    if missing:
        print(f"peer 1: reading {len(missing)} page(s) not yet in {cache}", file=sys.stderr)
    env = {k: v for k, v in os.environ.items() if k != "TESSDATA_PREFIX"}
    env["OMP_THREAD_LIMIT"] = "1"

    def one(item):
        path, row = item
        folder = os.path.join(cache, row.lang)
        os.makedirs(folder, exist_ok=True)
        out = run(["tesseract", path, "-", "-l", row.lang], capture_output=True, env=env).stdout
        target = os.path.join(folder, text_name(path))
        with open(target + ".part", "wb") as f:
            f.write(out)
        os.replace(target + ".part", target)

    with concurrent.futures.ThreadPoolExecutor(JOBS) as pool:
        list(pool.map(one, missing))
    return {os.path.realpath(p): os.path.join(cache, r.lang, text_name(p)) for p, r in pages}


def run_quire(quire, documents, work, extra):
    """One catalogue, one `quire add` per document, one `quire ocr --all`: the text file of every page."""
    catalogue = os.path.join(work, "catalogue", "quire.sqlite")
    os.makedirs(os.path.dirname(catalogue))
    out = os.path.join(work, "quire-out")
    quiet = {"stdout": subprocess.DEVNULL}
    run([quire, "init", "--catalogue", catalogue], **quiet)
    texts = {}
    for number, (name, (row, images)) in enumerate(sorted(documents.items()), 1):
        identifier = f"doc-{number:03}"
        added = run([quire, "add", "--catalogue", catalogue, "--id", identifier, "--title", name, "--lang", row.lang, "--json", "--", *images],
                    capture_output=True, text=True)
        for entry in json.loads(added.stdout)["files"]:
            texts[os.path.realpath(entry["path"])] = os.path.join(out, identifier, f"page-{entry['firstPage']:04}.txt")
    result = subprocess.run([quire, "ocr", "--catalogue", catalogue, "--all", "--jobs", str(JOBS), "--out", out, "--format", "txt", *extra],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        sys.exit(f"quire ocr failed (exit {result.returncode}):\n{result.stderr[-2000:]}")
    return texts


def score(quire, pages, texts, work, label):
    """`quire eval --hypotheses` over the half's pages: {set: (cer, wer, characters)} and the total."""
    truth, hypotheses = os.path.join(work, f"truth-{label}"), os.path.join(work, f"hypotheses-{label}")
    os.makedirs(hypotheses)
    for path, row in pages:
        folder = os.path.join(truth, row.set)
        os.makedirs(folder, exist_ok=True)
        stem = os.path.splitext(os.path.basename(path))[0]
        os.symlink(path, os.path.join(folder, os.path.basename(path)))
        os.symlink(os.path.splitext(path)[0] + ".gt.txt", os.path.join(folder, stem + ".gt.txt"))
        text = texts.get(os.path.realpath(path))
        if text and os.path.exists(text):
            os.symlink(text, os.path.join(hypotheses, stem + ".txt"))
    result = subprocess.run([quire, "eval", "--truth", truth, "--hypotheses", hypotheses, "--json"], capture_output=True, text=True)
    data = json.loads(result.stdout)
    missing = [p["name"] for p in data["pages"] if p.get("error")]
    if missing:
        print(f"{label}: {len(missing)} page(s) without text, scored as missing: {', '.join(os.path.basename(m) for m in missing[:5])}", file=sys.stderr)
    sets = {f["name"]: {"cer": f["cer"], "wer": f["wer"], "characters": f["characters"]} for f in data["folders"]}
    total = data["total"]
    return sets, {"cer": total["cer"], "wer": total["wer"], "characters": total["characters"]}


def ratio(a, b):
    return a / b if b else (1.0 if a == b else float("inf"))


def evaluate(half, quire, keep, extra):
    pages = corpus_split.pages(half)
    documents = corpus_split.documents(half)
    work = tempfile.mkdtemp(prefix=f"ocr-accuracy-{half}-", dir=keep)
    try:
        peer = run_peer1(pages, peer1_cache())
        ours = run_quire(quire, documents, work, extra)
        quire_sets, quire_total = score(quire, pages, ours, work, "quire")
        peer_sets, peer_total = score(quire, pages, peer, work, "peer1")
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)
    rows = []
    for name in sorted(quire_sets):
        q, p = quire_sets[name], peer_sets[name]
        pages_in_set = sum(1 for _, r in pages if r.set == name)
        rows.append({"set": name, "pages": pages_in_set, "characters": q["characters"],
                     "quire": {"cer": q["cer"], "wer": q["wer"]}, "peer1": {"cer": p["cer"], "wer": p["wer"]},
                     "ratio": {"cer": ratio(q["cer"], p["cer"]), "wer": ratio(q["wer"], p["wer"])}})
    total = {"pages": len(pages), "characters": quire_total["characters"],
             "quire": {"cer": quire_total["cer"], "wer": quire_total["wer"]},
             "peer1": {"cer": peer_total["cer"], "wer": peer_total["wer"]},
             "ratio": {"cer": ratio(quire_total["cer"], peer_total["cer"]), "wer": ratio(quire_total["wer"], peer_total["wer"])}}
    return {"half": half, "sets": rows, "total": total}


def print_half(result, stream):
    def print(*a):
        builtins.print(*a, file=stream)
    print(f"\n== {result['half']} half: {result['total']['pages']} pages (CER and WER after quire eval's normalisation)")
    header = f"  {'set':30} {'pages':>5} {'chars':>7}   {'CER quire':>9} {'peer 1':>7} {'ratio':>6}   {'WER quire':>9} {'peer 1':>7} {'ratio':>6}"
    print(header)

    def line(name, row):
        q, p, r = row["quire"], row["peer1"], row["ratio"]
        flag = "" if r["cer"] <= 1.0 + 1e-9 else "  CER worse"
        print(f"  {name:30} {row['pages']:5} {row['characters']:7}   {q['cer'] * 100:8.2f}% {p['cer'] * 100:6.2f}% {r['cer']:6.2f}"
              f"   {q['wer'] * 100:8.2f}% {p['wer'] * 100:6.2f}% {r['wer']:6.2f}{flag}")

    for row in result["sets"]:
        line(row["set"], row)
    line("total", result["total"])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--half", choices=("tune", "test", "both"), default="both")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON to FILE ('-' for stdout)")
    parser.add_argument("--quire", metavar="PATH", default=os.environ.get("QUIRE_BIN", DEFAULT_QUIRE),
                        help="the quire executable (default: .build/release/quire)")
    parser.add_argument("--keep", metavar="DIR", help="keep the catalogue, texts and links under DIR (for inspecting tune pages)")
    parser.add_argument("--quire-option", metavar="ARG", action="append", default=[],
                        help="an extra argument for `quire ocr`, for experiments (repeatable), e.g. --quire-option=--tessdata=DIR")
    args = parser.parse_args()
    if not os.access(args.quire, os.X_OK):
        sys.exit(f"no quire executable at {args.quire}: run 'make build-release' or pass --quire")
    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
    halves = corpus_split.HALVES if args.half == "both" else (args.half,)
    results = []
    for half in halves:
        results.append(evaluate(half, os.path.abspath(args.quire), args.keep, args.quire_option))
        print_half(results[-1], sys.stderr if args.json == "-" else sys.stdout)
        sys.stdout.flush()
    if args.json:
        document = {"tesseract": peer1_cache().rsplit("/", 1)[-1], "halves": results}
        if args.json == "-":
            json.dump(document, sys.stdout, indent=2)
            print()
        else:
            with open(args.json, "w") as f:
                json.dump(document, f, indent=2)


if __name__ == "__main__":
    main()
