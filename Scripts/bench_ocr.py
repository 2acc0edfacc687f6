"""OCR benchmark, run by Scripts/bench (BENCH_ONLY=ocr runs only this section).

Throughput on the bundled sample and the shared corpora's printed and typewritten sets, each set in
its own language:
- quire, batch: what a librarian runs: `quire init`, one `quire add --lang` per set, then one
  `quire ocr --all --jobs <cores> --out --format txt` (all of it timed, registration included);
- quire, per set: one one-shot `quire ocr FILES --lang --jobs <cores>` per set;
- peer 1: the `tesseract` CLI, one process per page, default environment;
- peer 2, per set: `OMP_THREAD_LIMIT=1 xargs -P<cores> tesseract … -l LANG`, one xargs per set, as a
  script gives each folder its language;
- peer 2, all at once: one `xargs -n2 -P<cores> sh -c 'tesseract "$0" - -l "$1"'` over every page
  with its language: peer 2 at its strongest, with a single tail;
- the limit: one in-process Tesseract API reused for every page, single thread
  (Scripts/bench-peers/limit.c), recognition time only, divided by the cores; and the same loop
  with Quire's store-only line-image PNG (Sources/CLineImageTuning).
`bench_ocr_cpu` (BENCH_ONLY=ocr-cpu runs only it) measures CPU time (user + system of every process
waited for) instead of wall time, which on a machine shared with other jobs measures their load:
per set, one `quire ocr --jobs <cores>` against peer 2's `xargs` of that set, and the whole
catalogue batch against peer 2 all at once. With every core busy, the ratio of CPU times is the
ratio of throughputs (less the tails).
Then CER per set of Quire's batch and of peer 1, scored by `quire eval --hypotheses` (one
normalisation for both), and peak RSS of Quire with two jobs (`/usr/bin/time -v`).
"""
import json, os, re, resource, shutil, subprocess, tempfile, time

from bench_common import CORES, PEER1_RUNS, QUIRE, ROOT, RUNS, SETS, SHARED, TESSDATA, cpu_timed, images_with_truth, median_of, timed

QUIET = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}


def ocr_inputs():
    """(name, language, page images, limit arguments, pages) for the bundled sample and shared sets."""
    sample = os.path.join(ROOT, "Corpora/discurso-sample/discurso.tif")
    inputs = [("bundled-sample", "spa", [sample], [f"{sample}:{n}" for n in range(4)], 4)]
    wanted = set(filter(None, os.environ.get("BENCH_SETS", "").split(",")))
    for name, lang in SETS:
        folder = os.path.join(SHARED, "corpora", name)
        if not os.path.isdir(folder) or (wanted and name not in wanted):
            continue
        images = images_with_truth(folder)
        inputs.append((name, lang, images, images, len(images)))
    return inputs


def quire_batch(inputs, work, out, wrapper=(), extra=()):
    """Registers every set as a document in a new catalogue and OCRs them all in one run. Returns
    the seconds and, per set, the files' first page numbers (to name the texts after the images)."""
    folder = tempfile.mkdtemp(dir=work)
    catalogue = os.path.join(folder, "quire.sqlite")
    shutil.rmtree(out, ignore_errors=True)
    pages = {}
    start = time.monotonic()
    subprocess.run([QUIRE, "init", "--catalogue", catalogue], check=True, **QUIET)
    for name, lang, images, _, _ in inputs:
        added = subprocess.run([QUIRE, "add", "--catalogue", catalogue, "--id", name, "--title", name, "--lang", lang, "--json", "--", *images],
                               check=True, capture_output=True, text=True)
        pages[name] = {entry["path"]: entry["firstPage"] for entry in json.loads(added.stdout)["files"]}
    result = subprocess.run([*wrapper, QUIRE, "ocr", "--catalogue", catalogue, "--all", "--jobs", str(CORES), "--out", out, "--format", "txt", *extra],
                            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.monotonic() - start
    shutil.rmtree(folder)
    return seconds, pages, result.stderr


def name_texts_after_images(out, pages):
    """`out/SET/page-0007.txt` becomes `out/SET/NAME.txt` for image NAME.ext, as `quire eval
    --hypotheses` and the peers' outputs are named."""
    for name, first_pages in pages.items():
        for path, first in first_pages.items():
            source = os.path.join(out, name, f"page-{first:04}.txt")
            if os.path.exists(source):
                os.rename(source, os.path.join(out, name, os.path.splitext(os.path.basename(path))[0] + ".txt"))


def build_limits(work):
    libraries = subprocess.check_output(["pkg-config", "--cflags", "--libs", "tesseract", "lept"], text=True).split()
    limit, tuned = os.path.join(work, "limit"), os.path.join(work, "limit-tuned")
    source = os.path.join(ROOT, "Scripts/bench-peers/limit.c")
    subprocess.run(["cc", "-O2", "-o", limit, source, *libraries], check=True)
    tuning = os.path.join(ROOT, "Sources/CLineImageTuning")
    subprocess.run(["cc", "-O2", "-rdynamic", "-o", tuned, source, os.path.join(tuning, "line_image_tuning.c"),
                    "-I", os.path.join(tuning, "include"), *libraries, "-ldl"], check=True)
    return limit, tuned


def bench_ocr(work):
    limit, tuned_limit = build_limits(work)
    inputs = ocr_inputs()
    pages = sum(n for *_, n in inputs)
    default_env = {k: v for k, v in os.environ.items() if k != "OMP_THREAD_LIMIT"}
    single_env = dict(os.environ, OMP_THREAD_LIMIT="1")
    outputs = {"quire": os.path.join(work, "quire"), "peer1": os.path.join(work, "peer1")}
    batch_pages = {}

    def run_batch():
        seconds, first_pages, _ = quire_batch(inputs, work, outputs["quire"])
        batch_pages.update(first_pages)
        return seconds

    def run_quire_per_set():
        return sum(timed([QUIRE, "ocr", "--lang", lang, "--jobs", str(CORES), "--", *images], **QUIET) for _, lang, images, _, _ in inputs)

    def run_peer1():
        total = 0.0
        for name, lang, images, _, _ in inputs:
            out = os.path.join(outputs["peer1"], name)
            os.makedirs(out, exist_ok=True)
            for image in images:
                with open(os.path.join(out, os.path.splitext(os.path.basename(image))[0] + ".txt"), "w") as f:
                    total += timed(["tesseract", image, "-", "-l", lang], env=default_env, stdout=f, stderr=subprocess.DEVNULL)
        return total

    def run_peer2_per_set():
        return sum(timed(["xargs", "-0", f"-P{CORES}", "-I{}", "tesseract", "{}", "-", "-l", lang], env=single_env,
                         input="\0".join(images).encode(), **QUIET) for _, lang, images, _, _ in inputs)

    def run_peer2_at_once():
        arguments = [item for _, lang, images, _, _ in inputs for image in images for item in (image, lang)]
        return timed(["xargs", "-0", "-n2", f"-P{CORES}", "sh", "-c", 'tesseract "$0" - -l "$1"'], env=single_env,
                     input="\0".join(arguments).encode(), **QUIET)

    def run_limit(binary):
        total = 0.0
        for _, lang, _, arguments, _ in inputs:
            total += float(subprocess.check_output([binary, lang, TESSDATA, *arguments], env=single_env, stderr=subprocess.DEVNULL, text=True))
        return total / CORES  # one instance per core, pages split evenly: the ideal

    print(f"\n== OCR throughput: {pages} pages in {len(inputs)} sets, {CORES} cores (median of {RUNS})")
    rows = [
        ("quire", f"quire ocr --all --jobs {CORES} (add included)", run_batch, RUNS),
        ("quire-sets", f"quire ocr --jobs {CORES}, one run per set", run_quire_per_set, RUNS),
        ("peer1", "peer 1: tesseract CLI, one process per page", run_peer1, PEER1_RUNS),
        ("peer2", f"peer 2: xargs -P{CORES} tesseract, one per set", run_peer2_per_set, RUNS),
        ("peer2-once", f"peer 2: one xargs -P{CORES} over every page", run_peer2_at_once, RUNS),
        ("limit", f"limit: in-process API x {CORES}", lambda: run_limit(limit), RUNS),
        ("tuned", "limit with store-only line-image PNG", lambda: run_limit(tuned_limit), RUNS),
    ]
    times = {}
    for key, label, run, runs in rows:
        times[key] = median_of(run, runs)
        print(f"  {label:46} {times[key]:8.1f} s  {pages / times[key]:6.2f} pages/s")
    name_texts_after_images(outputs["quire"], batch_pages)
    print(f"  quire / limit throughput: {times['limit'] / times['quire']:.2f} (target >= 0.9)")
    print(f"  quire / peer 2 throughput, peer 2 per set: {times['peer2'] / times['quire']:.2f} (target >= 1.4)")
    print(f"  quire / peer 2 throughput, peer 2 all at once: {times['peer2-once'] / times['quire']:.2f}")
    print(f"  quire per set / peer 2 per set: {times['peer2'] / times['quire-sets']:.2f}")
    print(f"  quire / peer 1 throughput: {times['peer1'] / times['quire']:.2f}")
    print(f"  quire / tuned limit throughput: {times['tuned'] / times['quire']:.2f} (the same tuning in the limit's loop)")
    bench_accuracy(inputs, outputs)
    bench_memory(inputs, work)


def cer_of(folder, hypotheses):
    result = subprocess.run([QUIRE, "eval", "--truth", folder, "--hypotheses", hypotheses, "--json"], capture_output=True, text=True)
    data = json.loads(result.stdout)
    total = data["total"]
    return total["cer"], total["characters"]


def bench_accuracy(inputs, outputs):
    print("\n== Accuracy: CER after quire eval's normalisation (same for both)")
    print(f"  {'set':30} {'quire':>8} {'peer 1':>8} {'chars':>7}")
    sums = {"quire": 0.0, "peer1": 0.0}
    characters = 0
    for name, _, _, _, _ in inputs[1:]:
        folder = os.path.join(SHARED, "corpora", name)
        quire, chars = cer_of(folder, os.path.join(outputs["quire"], name))
        peer, _ = cer_of(folder, os.path.join(outputs["peer1"], name))
        print(f"  {name:30} {quire * 100:7.2f}% {peer * 100:7.2f}% {chars:7}  {'ok' if quire <= peer + 1e-9 else 'WORSE'}")
        sums["quire"] += quire * chars
        sums["peer1"] += peer * chars
        characters += chars
    if characters:
        q, p = sums["quire"] / characters, sums["peer1"] / characters
        print(f"  {'total':30} {q * 100:7.2f}% {p * 100:7.2f}% {characters:7}  {(1 - q / p) * 100 if p else 0:.0f}% lower (target >= 25%)")


def bench_memory(inputs, work):
    """Peak RSS with two jobs: the 19 pages of the Spanish set in one one-shot run, and the whole
    batch (every set, a model per language loaded in turn)."""
    spanish = [entry for entry in inputs if entry[0] == "es-fondue-print-19"] or inputs[:1]
    _, _, pages, _, count = spanish[0]
    result = subprocess.run(["/usr/bin/time", "-v", QUIRE, "ocr", "--lang", "spa", "--jobs", "2", "--", *pages],
                            capture_output=True, text=True)
    one_shot = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
    _, _, log = quire_batch(inputs, work, os.path.join(work, "rss"), wrapper=("/usr/bin/time", "-v"))
    batch = re.search(r"Maximum resident set size \(kbytes\): (\d+)", log)
    print("\n== Memory: peak RSS with --jobs 2 (target < 600 MB)")
    if one_shot:
        print(f"  quire ocr, {count} pages of one set: {int(one_shot.group(1)) / 1024:.0f} MB")
    if batch:
        languages = len({lang for _, lang, *_ in inputs})
        print(f"  quire ocr --all, {sum(n for *_, n in inputs)} pages, {len(inputs)} sets in {languages} languages: {int(batch.group(1)) / 1024:.0f} MB")


def bench_ocr_cpu(work):
    """CPU time (user + system) per set and for the batch, Quire against peer 2 (median of RUNS)."""
    inputs = ocr_inputs()
    single_env = dict(os.environ, OMP_THREAD_LIMIT="1")
    extra = list(filter(None, os.environ.get("BENCH_QUIRE_OPTIONS", "").split()))
    print(f"\n== OCR CPU time, user + system (median of {RUNS}){' with ' + ' '.join(extra) if extra else ''}")
    print(f"  {'set':30} {'pages':>5} {'quire':>8} {'peer 2':>8} {'peer 2 / quire':>15}")
    totals = [0.0, 0.0]
    for name, lang, images, _, count in inputs:
        quire = median_of(lambda: cpu_timed([QUIRE, "ocr", "--lang", lang, "--jobs", str(CORES), *extra, "--", *images], **QUIET))
        peer = median_of(lambda: cpu_timed(["xargs", "-0", f"-P{CORES}", "-I{}", "tesseract", "{}", "-", "-l", lang], env=single_env,
                                           input="\0".join(images).encode(), **QUIET))
        totals[0] += quire
        totals[1] += peer
        print(f"  {name:30} {count:5} {quire:7.1f}s {peer:7.1f}s {peer / quire:14.2f}")
    print(f"  {'one quire ocr per set, total':36} {totals[0]:7.1f}s {totals[1]:7.1f}s {totals[1] / totals[0]:14.2f}")

    def batch():
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        quire_batch(inputs, work, os.path.join(work, "cpu-batch"), extra=extra)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

    arguments = [item for _, lang, images, _, _ in inputs for image in images for item in (image, lang)]
    quire = median_of(batch)
    peer = median_of(lambda: cpu_timed(["xargs", "-0", "-n2", f"-P{CORES}", "sh", "-c", 'tesseract "$0" - -l "$1"'], env=single_env,
                                       input="\0".join(arguments).encode(), **QUIET))
    print(f"  {'catalogue batch (add included) / peer 2 all at once':36} {quire:7.1f}s {peer:7.1f}s {peer / quire:14.2f} (goal >= 1.4)")
