#!/usr/bin/env python3
"""figcheck: typocheck for reports with figures.

Runs .ci/typocheck.py (imported unchanged, same arguments) on a PDF whose
figures are marked content (briefing draws each chart between
"/Figure <<...>> BDC" and "EMC", or as /Artifact): the text inside a
marked figure region (a chart's labels, its 单位 and 数据来源 lines) is
dropped before measuring, so that it does not count as body lines. The
captions (图1 …) are body lines on the grid and stay.

A page that holds a figure has fewer body lines than a full page: a
caller adds the figure's grid lines back (the PDF's figure boxes are the
typesetter's, whole grid lines).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import typocheck  # noqa: E402

FIGURE_TAGS = ("Figure", "Artifact")
_Collector = typocheck.Collector


def _name(tag):
    n = getattr(tag, "name", tag)
    if isinstance(n, bytes):
        n = n.decode("latin-1")
    return str(n)


class FigureCollector(_Collector):
    """The checker's collector, dropping the characters drawn inside a
    marked figure region."""

    def __init__(self, *args, **kwargs):
        _Collector.__init__(self, *args, **kwargs)
        self._tags = []

    def begin_tag(self, tag, props=None):
        self._tags.append(_name(tag) in FIGURE_TAGS)

    def end_tag(self):
        if self._tags:
            self._tags.pop()

    def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs,
                    graphicstate):
        adv = _Collector.render_char(
            self, matrix, font, fontsize, scaling, rise, cid, ncs,
            graphicstate)
        if any(self._tags):
            self.cur_item._objs.pop()
        return adv


typocheck.Collector = FigureCollector

if __name__ == "__main__":
    sys.exit(typocheck.main())
