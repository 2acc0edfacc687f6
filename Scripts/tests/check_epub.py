#!/usr/bin/env python3
"""Checks an EPUB made by `quire export --format epub`, independently of Quire's code:

    check_epub.py BOOK.epub [--expect expected.json] [--printed N] [--hostile]

- the container: `mimetype` first, stored, `application/epub+zip`;
- the page list: one entry per printed page (the labels of expected.json's "printed", or N);
  each entry points at a page-break mark in a chapter file;
- the text of the chapter files, tags stripped (note markers and back-links out, notes apart),
  equals expected.json's paragraphs and notes, white space normalised;
- verse keeps its indented lines (expected.json's "indented_verse_lines");
- with --hostile: no `<script>` element and no `]]>` in any content document.
"""
import argparse
import html
import json
import re
import sys
import xml.etree.ElementTree as ET
import zipfile

NS = {"x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops"}
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"


def fail(message):
    print(f"check_epub: FAIL: {message}")
    sys.exit(1)


def text_of(element, skip):
    """The text of an element, children in `skip` left out, blocks and line breaks as spaces."""
    parts = []
    def walk(node):
        if skip(node):
            if node.tail:
                parts.append(node.tail)
            return
        if node.tag.endswith("}br"):
            parts.append(" ")
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
        if node.tag.split("}")[-1] in ("p", "h1", "h2", "div", "aside"):
            parts.append(" ")
        if node.tail:
            parts.append(node.tail)
    walk(element)
    return "".join(parts)


def normalised(text):
    return " ".join(text.split())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("epub")
    parser.add_argument("--expect")
    parser.add_argument("--printed", type=int)
    parser.add_argument("--hostile", action="store_true")
    args = parser.parse_args()
    with zipfile.ZipFile(args.epub) as z:
        infos = z.infolist()
        if infos[0].filename != "mimetype" or infos[0].compress_type != zipfile.ZIP_STORED or z.read("mimetype") != b"application/epub+zip":
            fail("mimetype is not the first, stored entry")
        files = {info.filename: z.read(info.filename) for info in infos}
    chapters = sorted(name for name in files if re.match(r"EPUB/text/chapter-\d+\.xhtml$", name))
    nav = ET.fromstring(files["EPUB/nav.xhtml"])
    page_list = [n for n in nav.iter("{http://www.w3.org/1999/xhtml}nav") if n.get(EPUB_TYPE) == "page-list"]
    labels = [a.text for a in page_list[0].iter("{http://www.w3.org/1999/xhtml}a")] if page_list else []
    anchors = {}
    body_text, notes_text = [], []
    def is_marker(node):
        return node.get(EPUB_TYPE) == "noteref" or node.get("role") == "doc-backlink"
    for name in chapters:
        root = ET.fromstring(files[name])
        for node in root.iter():
            if node.get(EPUB_TYPE) == "pagebreak":
                anchors[f"text/{name.split('/')[-1]}#{node.get('id')}"] = node.get("title")
        notes_sections = [n for n in root.iter() if n.get(EPUB_TYPE) == "footnotes"]
        for section in notes_sections:
            notes_text.append(text_of(section, is_marker))
        body = root.find("x:body", NS)
        body_text.append(text_of(body, lambda n: is_marker(n) or n.get(EPUB_TYPE) == "footnotes"))
    links = [a.get("href") for a in page_list[0].iter("{http://www.w3.org/1999/xhtml}a")] if page_list else []
    for href, label in zip(links, labels):
        if anchors.get(href) != label:
            fail(f"page-list entry {label} points at {href}, which is no page-break mark labelled {label}")
    expected = json.load(open(args.expect, encoding="utf-8")) if args.expect else None
    printed = expected["printed"] if expected else None
    if printed is not None and labels != printed:
        fail(f"page list {labels[:5]}… ({len(labels)}) is not the printed pages {printed[:5]}… ({len(printed)})")
    if args.printed is not None and len(labels) != args.printed:
        fail(f"page list has {len(labels)} entries, expected {args.printed}")
    if expected:
        got, want = normalised(" ".join(body_text)), normalised(" ".join(expected["body"]))
        if got != want:
            i = next((k for k, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
            fail(f"the text differs at character {i}:\n  epub:     …{got[max(0, i - 80):i + 80]}…\n  expected: …{want[max(0, i - 80):i + 80]}…")
        got_notes, want_notes = normalised(" ".join(notes_text)), normalised(" ".join(f"{k + 1}. {n}" for k, n in enumerate(expected["notes"])))
        got_notes = normalised(re.sub(r"(^| )\d+\. ", " ", " " + got_notes))
        want_notes = normalised(" ".join(expected["notes"]))
        if got_notes != want_notes:
            fail(f"the notes differ:\n  epub:     {got_notes[:300]}\n  expected: {want_notes[:300]}")
    if expected and "indented_verse_lines" in expected:
        indented = 0
        for name in chapters:
            for div in ET.fromstring(files[name]).iter("{http://www.w3.org/1999/xhtml}div"):
                if div.get("class") == "verse":
                    indented += sum(1 for p in div if (p.get("class") or "").startswith("i"))
        if indented != expected["indented_verse_lines"]:
            fail(f"{indented} verse lines are indented, expected {expected['indented_verse_lines']}")
    if args.hostile:
        for name, data in files.items():
            if name.endswith(".xhtml"):
                text = data.decode("utf-8")
                if "<script" in text or "]]>" in text:
                    fail(f"{name} holds markup from the text")
    print(f"check_epub: {args.epub}: {len(chapters)} chapter(s), {len(labels)} printed pages in the page list"
          + (", text equals the expected text" if expected else ""))


if __name__ == "__main__":
    main()
