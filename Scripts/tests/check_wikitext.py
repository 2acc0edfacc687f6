#!/usr/bin/env python3
"""Checks Quire's generated wikitext with mwparserfromhell, an independent MediaWiki parser.

Usage: check_wikitext.py FOLDER [--hostile]
For every *.wikitext file in FOLDER (from `quire wikitext --out FOLDER`):
  * Page: pages follow ProofreadPage's split exactly (header from the first </noinclude>, footer
    the last noinclude block, a correct pagequality tag, no noinclude inside the body);
  * in every part, templates, links and tags balance: no `{{`, `}}`, `[[`, `]]` or tag-like `<…>`
    is left over as plain text by the parser, and every tag is one Quire writes;
  * with --hostile, the body holds no template, link, external link or tag at all: the OCR text
    stayed text.
Exits 1 listing every problem, 0 when all files pass.
"""
import re
import sys

import mwparserfromhell
from mwparserfromhell.nodes import ExternalLink, HTMLEntity, Tag, Template, Text, Wikilink

# The last three are wiki markup Quire writes for a known text's italics, bold and list of parts.
ALLOWED_TAGS = {"ref", "references", "section", "poem", "nowiki", "pages", "pagelist", "div", "span", "br", "sup", "small", "big", "i", "b", "li"}
PAGE = re.compile(r"^<noinclude>(.*?)\n*</noinclude>(.*)<noinclude>(.*?)</noinclude>$", re.S)
QUALITY = re.compile(r'^<pagequality level="([0-4])" user="([^"]*)" />')
LEFTOVERS = re.compile(r"\{\{|\}\}|\[\[|\]\]|<\s*/?\s*[A-Za-z][^>]*>")


def check_part(name, part, hostile, problems):
    code = mwparserfromhell.parse(part)
    for node in code.ifilter(recursive=True):
        if isinstance(node, Text) and LEFTOVERS.search(str(node)):
            problems.append(f"{name}: unbalanced markup left as text: {LEFTOVERS.search(str(node)).group(0)!r} in {str(node)[:60]!r}")
        if isinstance(node, Tag) and str(node.tag).lower() not in ALLOWED_TAGS:
            problems.append(f"{name}: unexpected tag <{node.tag}>")
        if hostile and isinstance(node, (Template, Wikilink, ExternalLink, Tag)):
            problems.append(f"{name}: OCR text became markup: {str(node)[:60]!r}")
    return code


def visible(code):
    """The text a reader sees: text nodes and entities, decoded."""
    out = []
    for node in code.nodes:
        if isinstance(node, HTMLEntity):
            out.append(node.normalize())
        elif isinstance(node, Text):
            out.append(str(node))
        else:
            out.append(str(node))
    return "".join(out)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    import os
    folder, hostile = sys.argv[1], "--hostile" in sys.argv
    expected_visible = None
    if hostile and "--expect" in sys.argv:
        expected_visible = open(sys.argv[sys.argv.index("--expect") + 1], encoding="utf-8").read()
    problems, checked = [], 0
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".wikitext"):
            continue
        text = open(os.path.join(folder, name), encoding="utf-8").read()
        checked += 1
        match = PAGE.match(text)
        if match and QUALITY.match(match.group(1)):
            header, body, footer = match.group(1)[QUALITY.match(match.group(1)).end():], match.group(2), match.group(3)
            if "<noinclude>" in body or "</noinclude>" in body:
                problems.append(f"{name}: noinclude inside the body")
            for part_name, part in (("header", header), ("footer", footer)):
                check_part(f"{name} ({part_name})", part, False, problems)
            code = check_part(f"{name} (body)", body, hostile, problems)
            if expected_visible is not None and " ".join(visible(code).split()) != " ".join(expected_visible.split()):
                problems.append(f"{name}: visible text differs from the OCR text:\n  got      {' '.join(visible(code).split())!r}\n  expected {' '.join(expected_visible.split())!r}")
        elif name.startswith(("Page", "Página", "Seite", "Pagina")):
            problems.append(f"{name}: not in ProofreadPage's Page: form")
        else:
            check_part(name, text, False, problems)
    for problem in problems:
        print("problem: " + problem)
    print(f"check_wikitext: {checked} files in {folder}: {len(problems)} problem(s)")
    sys.exit(1 if problems or checked == 0 else 0)


if __name__ == "__main__":
    main()
