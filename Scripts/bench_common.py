"""Settings and helpers shared by the sections of Scripts/bench."""
import os, re, resource, statistics, subprocess, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QUIRE = os.environ.get("QUIRE_BIN", os.path.join(ROOT, ".build/release/quire"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
PEER1_RUNS = int(os.environ.get("BENCH_PEER1_RUNS", str(RUNS)))  # peer 1 is slow: allow fewer runs
CORES = os.cpu_count() or 1
SHARED = os.environ.get("QUIRE_SHARED", os.path.join(ROOT, "..", "shared"))
TESSDATA = "/usr/share/tesseract-ocr/5/tessdata"
# Printed and typewritten sets with their Tesseract language (handwriting is not Tesseract's job).
SETS = [
    ("es-fondue-print-19", "spa"), ("en-ehri-typewritten", "eng"), ("de-ehri-typewritten", "deu"),
    ("de-ocrd-dta-print", "deu"), ("fr-tapuscorpus-typewritten", "fra"), ("it-fondue-20c", "ita"),
    ("tesseract-testing-smoke", "eng"),
]
IMAGE = re.compile(r"\.(png|jpe?g|tiff?|jp2|webp|gif|pnm|pgm|ppm|bmp)$", re.I)


def timed(command, env=None, **kwargs):
    start = time.monotonic()
    subprocess.run(command, check=True, env=env, **kwargs)
    return time.monotonic() - start


def cpu_timed(command, env=None, **kwargs):
    """CPU seconds (user + system) of `command` and every process it waited for: on a machine shared
    with other jobs, wall time measures their load as much as the command's work."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, check=True, env=env, **kwargs)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def median_of(make_run, runs=None):
    return statistics.median(make_run() for _ in range(runs or RUNS))


def images_with_truth(folder):
    found = []
    for base, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(base, name)
            if IMAGE.search(name) and os.path.exists(os.path.splitext(path)[0] + ".gt.txt"):
                found.append(path)
    return sorted(found)

