"""The tune/test split of the shared corpora (Scripts/eval/split.tsv), for every evaluation script.

pages(half) lists the corpus pages of one half, each with its set, document, language and material;
a page that no row of split.tsv covers (or that two rows cover) stops the caller with its path, so a
new corpus folder cannot slip into either half unassigned."""
import os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SPLIT = os.path.join(ROOT, "Scripts", "eval", "split.tsv")
SHARED = os.environ.get("QUIRE_SHARED", os.path.join(ROOT, "..", "shared"))
CORPORA = os.path.join(SHARED, "corpora")
IMAGE = re.compile(r"\.(png|jpe?g|tiff?)$", re.I)
HALVES = ("tune", "test")


class Row:
    def __init__(self, half, corpus_set, folder, prefix, lang, material):
        self.half, self.set, self.folder, self.prefix = half, corpus_set, folder, prefix
        self.lang, self.material = lang, material

    @property
    def document(self):
        """A stable name for the document: set/folder, plus the prefix where a folder holds several."""
        name = f"{self.set}/{self.folder}"
        return name + (f"/{self.prefix.rstrip('_')}" if self.prefix else "")


def rows():
    out = []
    with open(SPLIT, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 6 or fields[0] not in HALVES:
                sys.exit(f"{SPLIT}: bad row {line.strip()!r}: expected half, set, folder, prefix, lang, material")
            out.append(Row(*fields))
    return out


def natural(path):
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", path)]


def pages(half=None, include_handwriting=False):
    """[(image path, Row)] of one half (or both), in document order; every page must be covered."""
    if not os.path.isdir(CORPORA):
        sys.exit(f"no shared corpora at {CORPORA}: put ../shared beside the repository or set QUIRE_SHARED")
    table = rows()
    found = []
    for corpus_set in sorted(os.listdir(CORPORA)):
        top = os.path.join(CORPORA, corpus_set)
        if not os.path.isdir(top):
            continue
        for base, _, files in os.walk(top):
            for name in files:
                if not IMAGE.search(name):
                    continue
                folder = os.path.relpath(base, top)
                matches = [r for r in table if r.set == corpus_set and r.folder == folder and name.startswith(r.prefix)]
                if len(matches) != 1:
                    sys.exit(f"{os.path.join(base, name)}: {'no' if not matches else 'more than one'} row of {SPLIT} covers this page; assign its document to a half")
                found.append((os.path.join(base, name), matches[0]))
    found.sort(key=lambda p: (p[1].half, p[1].document, natural(os.path.basename(p[0]))))
    return [(p, r) for p, r in found
            if (half is None or r.half == half) and (include_handwriting or r.material != "handwriting")]


def documents(half=None, include_handwriting=False):
    """{document name: (Row, [image paths in page order])}."""
    out = {}
    for path, row in pages(half, include_handwriting):
        out.setdefault(row.document, (row, []))[1].append(path)
    return out


if __name__ == "__main__":
    for h in HALVES:
        docs = documents(h)
        print(f"{h}: {sum(len(p) for _, p in docs.values())} pages in {len(docs)} documents")
