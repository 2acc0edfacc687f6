#!/usr/bin/env python3
"""The rights desk of `quire serve` over a catalogue of many documents: the overview (every
document × target, with filters and paging) and a document's page, timed from Python through
HTTP (the server's time plus a loopback round trip). Run by Scripts/bench (section `desk`), or alone:

    /usr/bin/python3 Scripts/bench_desk.py [QUIRE_BIN] [DOCUMENTS]

The catalogue: one document added by `quire add`, the others written into it with SQL in the
shapes Quire writes (documents, contributors with life dates, rights facts, and a clearance
history of facts entries and review/clear/reject steps whose chain values are computed as
ClearanceChain does, so the server's chain check passes). Figures: the overview's first answer
(it reads every document and evaluates every target), then p50/p95 over 200 overviews with
targets, filters and pages varied, the first overview after a decision (made again), and p50/p95
over 200 document pages. Targets (issue 17): overview p95 < 150 ms, document page < 100 ms.
"""
import hashlib
import http.cookiejar
import json
import os
import random
import re
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QUIRE = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("QUIRE_BIN", os.path.join(ROOT, ".build/release/quire"))
DOCUMENTS = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
PASSWORD = "correct horse battery staple"
TARGETS = ["en.wikisource", "es.wikisource", "fr.wikisource", "de.wikisource", "it.wikisource", "commons", "ebook"]
FILTERS = ["all", "undecided", "blocked", "cleared", "rejected"]
COLUMNS = ["sequence", "document_id", "kind", "target", "from_status", "to_status", "actor", "reason", "evidence",
           "engine_verdict", "rules_version", "justification", "detail", "at"]


def link(previous, values):
    """ClearanceChain.link: SHA-256 of the previous chain, a newline, and each field as '-' or '+LEN:TEXT'."""
    form = (previous or "") + "\n"
    for value in values:
        form += "-" if value is None else f"+{len(value.encode())}:{value}"
    return hashlib.sha256(form.encode()).hexdigest()


def p95(values):
    return sorted(values)[max(0, int(round(0.95 * len(values))) - 1)]


def fill(catalogue, count, seed=17):
    rng = random.Random(seed)
    db = sqlite3.connect(catalogue)
    last = db.execute("SELECT sequence, chain FROM clearance_event ORDER BY sequence DESC LIMIT 1").fetchone()
    sequence, chain = (last[0], last[1]) if last else (0, None)
    now = "2026-12-08T00:00:00Z"
    countries = ["US", "GB", "ES", "FR", "DE", "IT", "CL", None]
    for n in range(1, count):
        doc = f"doc-{n:05d}"
        year = rng.randint(1800, 2000)
        country = rng.choice(countries)
        db.execute("INSERT INTO document (id, title, languages, publication_date, country, unpublished, created_at) VALUES (?, ?, 'eng', ?, ?, 0, ?)",
                   (doc, f"Generated work {n}", str(year) if rng.random() > 0.1 else None, country, now))
        death = rng.choice(["died", "died", "died", "unknown", "living"])
        died = str(year + rng.randint(-20, 60)) if death == "died" else None
        db.execute("INSERT INTO contributor (document_id, position, role, kind, name, born, death, died) VALUES (?, 0, 'author', 'person', ?, ?, ?, ?)",
                   (doc, f"Author {n}", str(year - 40), death, died))
        if rng.random() < 0.3:
            db.execute("INSERT INTO rights (document_id, us_notice, us_renewed, updated_at) VALUES (?, ?, ?, ?)",
                       (doc, rng.choice([0, 1, None]), rng.choice([0, 1, None]), now))
        steps = [("facts", None, None, None, "facts recorded", f"contributors: unknown → author Author {n}")]
        for target in TARGETS:
            if rng.random() < 0.3:
                steps.append(("transition", target, "uncleared", "in-review", "bench review", None))
                ending = rng.random()
                if ending < 0.4:
                    steps.append(("transition", target, "in-review", "cleared", "bench clear", None))
                elif ending < 0.55:
                    steps.append(("transition", target, "in-review", "rejected", "bench reject", None))
        for kind, target, source, to, reason, detail in steps:
            sequence += 1
            verdict = "free" if to == "cleared" else ("needs-review" if kind == "transition" else None)
            justification = "bench: cleared on a generated permission ticket" if to == "cleared" else None
            values = [str(sequence), doc, kind, target, source, to, "bench", reason, "[]", verdict, "rules-2026.1" if kind == "transition" else None,
                      justification, detail, now]
            chain = link(chain, values)
            db.execute(f"INSERT INTO clearance_event ({', '.join(COLUMNS)}, chain) VALUES ({', '.join('?' * (len(COLUMNS) + 1))})",
                       [sequence] + values[1:] + [chain])
    db.commit()
    db.close()


def main():
    work = tempfile.mkdtemp(prefix="quire-bench-desk-")
    catalogue = os.path.join(work, "quire.sqlite")

    def run(*args, **kw):
        done = subprocess.run([QUIRE, *args, "--catalogue", catalogue], capture_output=True, text=True, **kw)
        if done.returncode != 0:
            sys.exit(f"bench_desk: quire {args[0]} failed ({done.returncode}): {done.stderr[-2000:]}")
    run("init")
    subprocess.run([sys.executable, os.path.join(ROOT, "Scripts/tests/make_serve_book.py"), os.path.join(work, "book"), "2"], check=True)
    images = sorted(os.path.join(work, "book/images", f) for f in os.listdir(os.path.join(work, "book/images")))
    run("add", *images, "--id", "doc-00000", "--title", "Added work", "--lang", "eng", "--author", "Ana Example (1820–1880)", "--published", "1870", "--country", "GB")
    start = time.perf_counter()
    fill(catalogue, DOCUMENTS)
    filled = time.perf_counter() - start
    run("clearance", "verify")
    run("user", "add", "rosa", "--role", "rights-officer", input=PASSWORD + "\n")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([QUIRE, "serve", "--catalogue", catalogue, "--port", str(port)], stderr=subprocess.DEVNULL)
    try:
        for _ in range(400):
            try:
                urllib.request.urlopen(url + "/login", timeout=1)
                break
            except Exception:
                time.sleep(0.05)
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        token = re.search(r'name="csrf" value="([^"]+)"', opener.open(url + "/login").read().decode()).group(1)
        opener.open(url + "/login", urllib.parse.urlencode({"csrf": token, "name": "rosa", "password": PASSWORD}).encode())

        def timed(path):
            start = time.perf_counter()
            with opener.open(url + path) as answer:
                answer.read()
                assert answer.status == 200, (path, answer.status)
            return (time.perf_counter() - start) * 1000

        rng = random.Random(5)
        first = timed("/desk")
        overviews = []
        for _ in range(200):
            query = {"filter": rng.choice(FILTERS), "page": rng.randint(1, 20)}
            if rng.random() < 0.8:
                query["target"] = rng.choice(TARGETS)
            overviews.append(timed("/desk?" + urllib.parse.urlencode(query)))
        csrf = re.search(r'name="csrf-token" content="([^"]*)"', opener.open(url + "/desk/documents/doc-00000").read().decode()).group(1)
        body = urllib.parse.urlencode({"csrf": csrf, "target": "en.wikisource", "action": "review", "reason": "bench"}).encode()
        opener.open(urllib.request.Request(url + "/desk/documents/doc-00000/decide", data=body, method="POST",
                                           headers={"Content-Type": "application/x-www-form-urlencoded"})).read()
        after_change = timed("/desk?filter=undecided")
        documents = [timed(f"/desk/documents/doc-{rng.randint(1, DOCUMENTS - 1):05d}") for _ in range(200)]
        with open(f"/proc/{server.pid}/status") as f:
            peak = int(re.search(r"VmHWM:\s+(\d+)", f.read()).group(1)) / 1024
        rows = sqlite3.connect(catalogue).execute("SELECT COUNT(*) FROM clearance_event").fetchone()[0]
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"\n== rights desk over {DOCUMENTS} documents × {len(TARGETS)} targets, {rows} history entries "
          f"({os.path.basename(os.path.dirname(os.path.realpath(QUIRE)))} build; catalogue written in {filled:.1f} s)")
    print(f"  first overview (reads and evaluates everything)   {first:7.0f} ms")
    print(f"  overview p50 / p95 (200, filters, targets, pages) {statistics.median(overviews):7.1f} / {p95(overviews):.1f} ms   (target p95 < 150)")
    print(f"  first overview after a decision (made again)      {after_change:7.0f} ms")
    print(f"  document page p50 / p95 (200)                     {statistics.median(documents):7.1f} / {p95(documents):.1f} ms   (target < 100)")
    print(f"  server peak RSS                                   {peak:7.0f} MB")


if __name__ == "__main__":
    main()
