#!/usr/bin/env python3
"""A small generated book for the proofreading-room checks (Scripts/tests/serve-check) and the
screenshots: N pages as PNG images with ALTO files giving their words, boxes and confidences.
Page 1 has two low-confidence words; page 4 holds hostile text (script tags, an onerror image,
template braces, right-to-left marks) that the room must show as text.

    make_serve_book.py OUT_DIR [PAGES]

writes OUT_DIR/images/page-NNNN.png and OUT_DIR/alto/page-NNNN.xml.
"""
import os
import struct
import sys
import zlib
from xml.sax.saxutils import quoteattr

WIDTH, HEIGHT, LEFT, CHAR, LINE_H, PITCH = 1000, 1400, 60, 12, 30, 44
HOSTILE = ['<script>alert(1)</script>', '"><img', 'src=x', 'onerror=alert(2)>', '{{plantilla}}', '\u200fשלום\u200e', '&amp;']
TEXT = [
    "The printer set the lorem type by hand and the pressman inked the forme",
    "while the apprentice folded the sheets that came from the press in order",
    "and the binder sewed the gatherings into books for the lorem shop",
]
UNCERTAIN = {(0, 4): 0.31, (2, 5): 0.42}  # (line, word) -> confidence on page 1


def png(page):
    """A light page with dark bars where the lines are, so the scan looks like a page."""
    w, h = WIDTH // 4, HEIGHT // 4
    rows = [b"\x00" + bytes([page >> 8 & 255, page & 255] + [235] * (w - 2))]  # the page number: every file its own
    for y in range(1, h):
        line = (y * 4 - 100) // PITCH
        dark = 0 <= line < 3 and (y * 4 - 100) % PITCH < LINE_H
        rows.append(b"\x00" + bytes([90 if dark and LEFT // 4 <= x < 235 else 235 for x in range(w)]))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")


def alto(page):
    lines = [line.split() for line in TEXT]
    if page == 4:
        lines = [HOSTILE, lines[1]]
    out, y = [], 100
    for i, words in enumerate(lines):
        x, strings = LEFT, []
        for j, word in enumerate(words):
            confidence = UNCERTAIN.get((i, j), 0.96) if page == 1 else 0.96
            strings.append(f'<String CONTENT={quoteattr(word)} HPOS="{x}" VPOS="{y}" WIDTH="{len(word) * CHAR}" HEIGHT="{LINE_H}" WC="{confidence}"/>')
            x += (len(word) + 1) * CHAR
        out.append(f'<TextLine HPOS="{LEFT}" VPOS="{y}" WIDTH="{x - LEFT}" HEIGHT="{LINE_H}">{"".join(strings)}</TextLine>')
        y += PITCH
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#">'
            '<Description><MeasurementUnit>pixel</MeasurementUnit></Description>'
            f'<Layout><Page WIDTH="{WIDTH}" HEIGHT="{HEIGHT}"><PrintSpace>'
            f'<TextBlock ID="b1" HPOS="{LEFT}" VPOS="100" WIDTH="{WIDTH - 2 * LEFT}" HEIGHT="{y - 100}">{"".join(out)}</TextBlock>'
            '</PrintSpace></Page></Layout></alto>\n')


def main():
    out = sys.argv[1]
    pages = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    os.makedirs(os.path.join(out, "images"), exist_ok=True)
    os.makedirs(os.path.join(out, "alto"), exist_ok=True)
    for n in range(1, pages + 1):
        with open(os.path.join(out, "images", f"page-{n:04}.png"), "wb") as f:
            f.write(png(n))
        with open(os.path.join(out, "alto", f"page-{n:04}.xml"), "w", encoding="utf-8") as f:
            f.write(alto(n))


if __name__ == "__main__":
    main()
