"""E-book export (`bench_epub`): a generated 500-page book (Scripts/tests/make_stress_book.py:
notes, verse, a table, right-to-left text, words divided across pages) imported as ALTO, cleared
for `ebook`, then `quire export --format epub --cover` pinned to one core (`taskset -c 0`), timed
and its peak RSS read by GNU time. Targets: < 1 s, < 150 MB. Peer, in the same run on the same
catalogue: `quire export --format files --wiki es`, which generates the same pages' wikitext
(same furniture, paragraphs, notes and page-break rules) and writes one file per page."""
import os, subprocess, sys

from bench_common import QUIRE, ROOT, RUNS, median_of, timed

PAGES = int(os.environ.get("BENCH_EPUB_PAGES", "500"))


def peak_rss_mb(command, env):
    result = subprocess.run(["/usr/bin/time", "-f", "%M", *command], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=True)
    return int(result.stderr.strip().splitlines()[-1]) / 1024


def bench_epub(work):
    book = os.path.join(work, "ebook")
    subprocess.run([sys.executable, os.path.join(ROOT, "Scripts/tests/make_stress_book.py"), book, str(PAGES)], check=True)
    env = dict(os.environ, QUIRE_ACTOR="bench", QUIRE_CATALOGUE=os.path.join(book, "quire.sqlite"))
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "env": env, "check": True}
    catalogue = ["--catalogue", os.path.join(book, "quire.sqlite")]
    subprocess.run([QUIRE, "init", *catalogue], **quiet)
    images = sorted(os.path.join(book, "images", f) for f in os.listdir(os.path.join(book, "images")))
    altos = sorted(os.path.join(book, "alto", f) for f in os.listdir(os.path.join(book, "alto")))
    subprocess.run([QUIRE, "add", *images, *catalogue, "--title", "Libro de prueba", "--lang", "spa", "--id", "libro",
                    "--author", "Autor de Prueba (1820–1880)", "--published", "1900", "--country", "ES"], **quiet)
    subprocess.run([QUIRE, "import", "libro", *altos, *catalogue], **quiet)
    subprocess.run([QUIRE, "clearance", "review", "libro", "--target", "ebook", "--reason", "bench", *catalogue], **quiet)
    subprocess.run([QUIRE, "clearance", "clear", "libro", "--target", "ebook", "--reason", "bench", *catalogue], **quiet)
    epub = [QUIRE, "export", "libro", "--format", "epub", "--cover", "--out", os.path.join(book, "libro.epub"), *catalogue]
    files = [QUIRE, "export", "libro", "--format", "files", "--wiki", "es", "--out", os.path.join(book, "files"),
             "--override-clearance", "benchmark peer run", *catalogue]
    one_core = ["taskset", "-c", "0"]
    quire = median_of(lambda: timed(one_core + epub, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env))
    peer = median_of(lambda: timed(one_core + files, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env))
    rss = peak_rss_mb(one_core + epub, env)
    size = os.path.getsize(os.path.join(book, "libro.epub")) / 1e6
    print(f"\n== E-book export: {PAGES} pages, one core (median of {RUNS})")
    print(f"  quire export --format epub          {quire:6.2f} s  {PAGES / quire:6.0f} pages/s  peak RSS {rss:5.1f} MB  ({size:.2f} MB EPUB)"
          f"  targets < 1 s: {'met' if quire < 1 else 'NOT met'}, < 150 MB: {'met' if rss < 150 else 'NOT met'}")
    print(f"  quire export --format files --wiki es {peer:6.2f} s  (the same pages as wikitext)")
    print(f"  epub time / wikitext time: {quire / peer:.2f}")
