"""Measure the frame of a PDF: every stroked line (position, width,
thickness, colour) and the text drawn in a colour other than black, per
page, in millimetres from the top-left corner of the page. Prints JSON.

Usage: python3 rules.py FILE.pdf
Needs pdfminer.six (Debian: python3-pdfminer)."""
import json
import sys

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTChar, LTCurve, LTTextContainer

MM = 72 / 25.4


def colour(c):
    if c is None:
        return None
    if isinstance(c, (int, float)):
        c = [c]
    return [round(float(v), 3) for v in c]


def walk(obj):
    yield obj
    if hasattr(obj, "__iter__"):
        for o in obj:
            yield from walk(o)


def page_info(page):
    h = page.height
    rules, coloured = [], []
    for o in walk(page):
        if isinstance(o, LTCurve) and not isinstance(o, LTChar):
            rules.append({"x0": round(o.x0 / MM, 2), "x1": round(o.x1 / MM, 2),
                          "y": round((h - (o.y0 + o.y1) / 2) / MM, 2),
                          "width": round(o.linewidth / MM, 3),
                          "colour": colour(o.stroking_color)})
        elif isinstance(o, LTChar):
            c = colour(o.graphicstate.ncolor)
            if c and any(v != 0 for v in c):
                coloured.append({"text": o.get_text(), "colour": c, "size": round(o.size, 2),
                                 "top": round((h - o.y1) / MM, 2)})
    return {"rules": rules, "coloured": coloured}


def main():
    pages = [page_info(p) for p in extract_pages(sys.argv[1], laparams=LAParams())]
    json.dump({"pages": pages}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
