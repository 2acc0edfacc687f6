#!/usr/bin/env python3
"""A generated book for the e-book checks of `make test` (and `make bench`): N pages as small PNG
images with ALTO files giving their text and layout, and the text a reader of the book must get.

The book holds what an e-book writer must get right: a title page; running heads and printed page
numbers (left out of the text, kept as the page list); paragraphs running on over page breaks;
words divided across pages and across lines (ALTO HYP, joined); footnotes, some continued on the
next page; verse with indented lines; a table; an illustration with its caption; right-to-left
text; text that looks like markup. Everything is made from a fixed seed, so runs are identical.

    make_stress_book.py OUT_DIR [PAGES]

writes OUT_DIR/images/page-NNN.png, OUT_DIR/alto/page-NNN.xml and OUT_DIR/expected.json
({"body": [paragraph texts in order], "notes": [note texts], "printed": [printed numbers],
"indented_verse_lines": N}).
"""
import json
import os
import random
import struct
import sys
import zlib
from xml.sax.saxutils import escape, quoteattr

WIDTH, HEIGHT, LEFT, RIGHT = 1000, 1400, 100, 900
CHAR, LINE_H, PITCH = 10, 30, 40
LINE_CHARS = (RIGHT - LEFT) // CHAR
SYLLABLES = ["la", "re", "mi", "so", "ta", "ne", "co", "ri", "pa", "lo", "se", "du", "ban", "tor", "mes", "cal", "ven", "gra"]
HOSTILE = "El impresor escribió <script>alert(1)</script> & siguió ]]> sin miedo, y luego {{plantilla}} y [[enlace]] y &amp; y ~~~~ en la misma línea del taller, hasta que cayó la tarde sobre la imprenta."
HEBREW = "שלום עולם וברוכים הבאים לספרייה החדשה של העיר."


def png(page: int) -> bytes:
    """A small grey PNG that differs per page (so every file is its own)."""
    w, h = 50, 70
    rows = b"\x00" + bytes([page >> 8, page & 255] + [0] * (w - 2))
    rows += b"".join(b"\x00" + bytes([(page * 7 + x + y) % 256 for x in range(w)]) for y in range(1, h))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


class Words:
    def __init__(self, seed):
        self.random = random.Random(seed)

    def word(self, low=2, high=4):
        return "".join(self.random.choice(SYLLABLES) for _ in range(self.random.randint(low, high)))

    def sentence(self, count):
        words = [self.word() for _ in range(count)]
        return " ".join([words[0].capitalize()] + words[1:]) + "."


class Page:
    """One page: ALTO blocks written top to bottom."""

    def __init__(self, number):
        self.number = number
        self.blocks = []
        self.y = 100
        self.tags = {}
        self.hyphen_at = None  # (block, line) whose last word is divided with an ALTO HYP

    def tag(self, label):
        return self.tags.setdefault(label, f"t{len(self.tags) + 1}")

    def block(self, lines, label=None, indents=None, centred=False, y=None):
        """`lines` are lists of words, set from `y` (or below the last block)."""
        if y is not None:
            self.y = y
        out = []
        top = self.y
        for i, words in enumerate(lines):
            length = len(" ".join(words)) * CHAR
            x = LEFT + (indents[i] if indents else 0) * CHAR
            if centred:
                x = (LEFT + RIGHT - length) // 2
            line_left = x
            strings = []
            for j, w in enumerate(words):
                strings.append(f'<String CONTENT={quoteattr(w)} HPOS="{x}" VPOS="{self.y}" WIDTH="{len(w) * CHAR}" HEIGHT="{LINE_H}" WC="0.97"/>')
                x += (len(w) + 1) * CHAR
            if words and self.hyphen_at == (len(self.blocks), i):
                strings.append('<HYP CONTENT="-"/>')
            out.append(f'<TextLine HPOS="{line_left}" VPOS="{self.y}" WIDTH="{x - CHAR - line_left}" HEIGHT="{LINE_H}">{"".join(strings)}</TextLine>')
            self.y += PITCH
        tag = f' TAGREFS="{self.tag(label)}"' if label else ""
        self.blocks.append(f'<TextBlock ID="b{len(self.blocks)}" HPOS="{LEFT}" VPOS="{top}" WIDTH="{RIGHT - LEFT}" HEIGHT="{self.y - top}"{tag}>{"".join(out)}</TextBlock>')
        self.y += 20

    def alto(self):
        tags = "".join(f'<OtherTag ID="{tid}" LABEL={quoteattr(label)}/>' for label, tid in self.tags.items())
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#">'
                '<Description><MeasurementUnit>pixel</MeasurementUnit></Description>'
                f'<Tags>{tags}</Tags><Layout><Page WIDTH="{WIDTH}" HEIGHT="{HEIGHT}"><PrintSpace>'
                + "".join(self.blocks) + "</PrintSpace></Page></Layout></alto>\n")


def lines_of(words, first_indent=0):
    """Words set in justified lines of the text block; the first line indented."""
    lines, current, width = [], [], LINE_CHARS - first_indent
    for w in words:
        if current and len(" ".join(current + [w])) > width:
            lines.append(current)
            current, width = [], LINE_CHARS
        current.append(w)
    if current:
        lines.append(current)
    return lines


def main():
    out = sys.argv[1]
    pages_wanted = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    os.makedirs(os.path.join(out, "images"), exist_ok=True)
    os.makedirs(os.path.join(out, "alto"), exist_ok=True)
    words = Words(1931)
    body, notes, printed = [], [], []
    running = None      # the paragraph that runs on to the next page: its words so far
    divided = None      # the second half of a word divided at the foot of the previous page
    open_note = None    # index of a note continued on the next page
    indented_verse = 0  # verse lines set in from the stanza's left edge
    for n in range(1, pages_wanted + 1):
        page = Page(n)
        if n == 1:
            page.block([["OBRAS", "Y", "DÍAS"]], label="TitlePageZone", centred=True, y=300)
            page.block([["Madrid,", "1900"]], label="TitlePageZone", centred=True)
            body.extend(["OBRAS Y DÍAS", "Madrid, 1900"])
        else:
            page.block([["CRÓNICA", "DEL", "PUEBLO"]], label="RunningTitleZone", centred=True, y=40)
            page.y = 100
            printed.append(str(n - 1))
        footnotes = []
        if n > 1:
            # Continued note first: the rest of the previous page's last note, without marker.
            if open_note is not None:
                rest = [words.word() for _ in range(6)] + ["fin."]
                notes[open_note] += " " + " ".join(rest)
                footnotes.append(lines_of(rest))
                open_note = None
            budget = 19  # lines of running text on the page
            # The paragraph that runs on from the previous page, maybe starting with a divided word.
            if running is not None:
                first = [divided] if divided else []
                if divided:
                    running[-1] = running[-1] + divided  # the whole word
                more = [words.word() for _ in range(25)]
                running += more
                text = first + more
                text[-1] += "."
                running[-1] += "."
                ls = lines_of(text)
                page.block(ls, label="MainZone")
                budget -= len(ls)
                body.append(" ".join(running))
                running, divided = None, None
            kind = n % 50
            if kind == 7:   # verse with indents
                verse = [[words.word() for _ in range(4)] for _ in range(4)]
                page.block(verse, label="MainZone:verse", indents=[0, 4, 0, 4])
                body.append("\n".join(" ".join(v) for v in verse))
                indented_verse += 2
                budget -= 4
            elif kind == 17:  # a table
                table = [["Año", "Libros", "Lectores"], ["1898", "1.200", "340"], ["1899", "1.450", "410"]]
                page.block(table, label="TableZone")
                body.append("\n".join(" ".join(r) for r in table))
                budget -= 3
            elif kind == 27:  # an illustration and its caption
                page.blocks.append(f'<Illustration ID="img{n}" HPOS="{LEFT}" VPOS="{page.y}" WIDTH="400" HEIGHT="200"/>')
                page.y += 220
                budget -= 6
            elif kind == 37:  # right-to-left text
                ls = lines_of(HEBREW.split(" "), first_indent=4)
                page.block(ls, label="MainZone", indents=[4] + [0] * (len(ls) - 1))
                body.append(HEBREW)
                budget -= len(ls)
            elif kind == 41:  # text that looks like markup
                ls = lines_of(HOSTILE.split(" "), first_indent=4)
                page.block(ls, label="MainZone", indents=[4] + [0] * (len(ls) - 1))
                body.append(HOSTILE)
                budget -= len(ls)
            # Whole paragraphs, then one that runs on over the page break.
            while budget > 6:
                count = words.random.randint(20, 40)
                text = [words.word() for _ in range(count)]
                text[0] = text[0].capitalize()
                text[-1] += "."
                ls = lines_of(text, first_indent=4)
                page.block(ls, label="MainZone", indents=[4] + [0] * (len(ls) - 1))
                body.append(" ".join(text))
                budget -= len(ls)
            # The running paragraph: full lines to the foot, sometimes a note marker, sometimes a
            # word divided across the page break.
            text = [words.word() for _ in range(LINE_CHARS // 8 * 2)]
            text[0] = text[0].capitalize()
            marker = None
            if n % 10 == 3:
                marker = "¹"
                text[3] += marker
            ls = lines_of(text, first_indent=4)
            # Fill the last line to the margin so the paragraph does not end short.
            while len(" ".join(ls[-1])) < LINE_CHARS - 12:
                ls[-1].append(words.word(1, 2))
            running = [w.replace("¹", "") for line in ls for w in line]
            if n % 3 == 0 and n < pages_wanted:
                # A word divided across the page break, marked by ALTO HYP.
                whole = words.word(3, 4)
                cut = len(whole) // 2
                ls[-1].append(whole[:cut])
                page.hyphen_at = (len(page.blocks), len(ls) - 1)
                running.append(whole[:cut])
                divided = whole[cut:]
            page.block(ls, label="MainZone", indents=[4] + [0] * (len(ls) - 1))
            page.hyphen_at = None
            if marker:
                first = [words.word() for _ in range(8)]
                notes.append(" ".join(first))
                footnotes.append([["¹"] + first[:4], first[4:]])
                if n < pages_wanted:
                    open_note = len(notes) - 1
                else:
                    notes[-1] += "."
                    footnotes[-1][-1][-1] += "."
            for lines in footnotes:
                page.block(lines, label="MarginTextZone:footnote", y=max(page.y + 60, 1150) if lines is footnotes[0] else None)
            page.block([[str(n - 1)]], label="NumberingZone", centred=True, y=1340)
        if n == pages_wanted and running is not None:
            body.append(" ".join(running))  # the book ends mid-paragraph
        with open(os.path.join(out, "images", f"page-{n:03d}.png"), "wb") as f:
            f.write(png(n))
        with open(os.path.join(out, "alto", f"page-{n:03d}.xml"), "w", encoding="utf-8") as f:
            f.write(page.alto())
    with open(os.path.join(out, "expected.json"), "w", encoding="utf-8") as f:
        json.dump({"body": body, "notes": notes, "printed": printed, "indented_verse_lines": indented_verse}, f, ensure_ascii=False, indent=0)


if __name__ == "__main__":
    main()
