"""Tables: data tables with repeated header rows and merged cells, borderless layout tables
(letter head, signatures) and boxes (a bordered, shaded single-cell table)."""

from contextlib import contextmanager

from lxml import etree

from .styles import TEXT_WIDTH
from .xml import (
    W_CANTSPLIT,
    W_GRIDCOL,
    W_GRIDSPAN,
    W_P,
    W_PPR,
    W_PSTYLE,
    W_SHD,
    W_TBL,
    W_TBLBORDERS,
    W_TBLCELLMAR,
    W_TBLGRID,
    W_TBLHEADER,
    W_TBLLOOK,
    W_TBLPR,
    W_TBLSTYLE,
    W_TBLW,
    W_TC,
    W_TCPR,
    W_TCW,
    W_TR,
    W_TRPR,
    W_TYPE,
    W_VAL,
    W_VMERGE,
    W_W,
    to_int,
    w,
)

# kind -> (border colour, cell shading, left border width in eighths of a point)
BOX_KINDS = {
    "callout": ("A6A6A6", "F2F2F2", 4),
    "proposal": ("1F4E79", "EAF1F8", 24),
    "position": ("1F4E79", "FFFFFF", 24),
}


class TablesMixin:
    """The tables and boxes of :class:`~wordexport.engine.DocxWriter`."""

    def table(
        self,
        rows,
        *,
        header_rows=0,
        first_col_header=False,
        widths=None,
        style="LppTable",
        merged=None,
    ):
        """A table of plain-text cells (``None`` is an empty cell). Header rows repeat on
        every page; ``merged`` is TableBlock's list of {row, col, rowspan, colspan}."""
        rows = [list(row) for row in rows if row is not None]
        columns = max((len(row) for row in rows), default=0)
        if not columns:
            return None
        if widths is None:
            widths = [TEXT_WIDTH // columns] * columns
        spans = _Spans(merged, len(rows), columns)
        tbl = self._table_element(style, widths)
        cell_cache = {}
        for r, row in enumerate(rows):
            tr = etree.SubElement(tbl, W_TR)
            is_header = r < header_rows
            if is_header:
                trpr = etree.SubElement(tr, W_TRPR)
                etree.SubElement(trpr, W_CANTSPLIT)
                etree.SubElement(trpr, W_TBLHEADER)
            for c, colspan, vmerge in spans.cells(r):
                header = is_header or (first_col_header and c == 0)
                tc = _cell(cell_cache, sum(widths[c : c + colspan]), header, colspan, vmerge)
                tr.append(tc)
                cell = row[c] if c < len(row) else None
                if cell is not None and vmerge != "continue":
                    self.text(tc[1], str(cell))
        return tbl

    def _table_element(self, style, widths, look_first_row=True):
        tbl = etree.SubElement(self.container, W_TBL)
        tblpr = etree.SubElement(tbl, W_TBLPR)
        etree.SubElement(tblpr, W_TBLSTYLE).set(W_VAL, style)
        tblw = etree.SubElement(tblpr, W_TBLW)
        tblw.set(W_W, str(sum(widths)))
        tblw.set(W_TYPE, "dxa")
        look = etree.SubElement(tblpr, W_TBLLOOK)
        look.set(W_VAL, "04A0" if look_first_row else "0000")
        look.set(w("firstRow"), "1" if look_first_row else "0")
        look.set(w("lastRow"), "0")
        look.set(w("firstColumn"), "0")
        look.set(w("lastColumn"), "0")
        look.set(w("noHBand"), "1")
        look.set(w("noVBand"), "1")
        grid = etree.SubElement(tbl, W_TBLGRID)
        for width in widths:
            etree.SubElement(grid, W_GRIDCOL).set(W_W, str(width))
        return tbl

    @contextmanager
    def cell_container(self, tc):
        previous = self.container
        self.container = tc
        try:
            yield tc
        finally:
            self.container = previous
            if tc.find(W_P) is None or tc[-1].tag != W_P:
                etree.SubElement(tc, W_P)  # a cell must end with a paragraph

    def layout_table(self, widths):
        """A borderless table for placing things side by side (letter head, signatures).
        Returns a function that adds a row and yields its cells."""
        tbl = self._table_element("LayoutTable", widths, look_first_row=False)

        def add_row(cant_split=True):
            tr = etree.SubElement(tbl, W_TR)
            if cant_split:
                etree.SubElement(etree.SubElement(tr, W_TRPR), W_CANTSPLIT)
            cells = []
            for width in widths:
                tc = etree.SubElement(tr, W_TC)
                tcw = etree.SubElement(etree.SubElement(tc, W_TCPR), W_TCW)
                tcw.set(W_W, str(width))
                tcw.set(W_TYPE, "dxa")
                cells.append(tc)
            return cells

        return tbl, add_row

    @contextmanager
    def box(self, kind="callout"):
        """A box that looks like a box in Word and LibreOffice: a bordered, shaded
        single-cell table. ``kind``: callout (grey), proposal (blue, thick left border)."""
        border, fill, left = BOX_KINDS[kind]
        tbl = self._table_element("TableNormal", [TEXT_WIDTH], look_first_row=False)
        tblpr = tbl.find(W_TBLPR)
        borders = etree.Element(W_TBLBORDERS)
        for side in ("top", "left", "bottom", "right"):
            edge = etree.SubElement(borders, w(side))
            edge.set(W_VAL, "single")
            edge.set(w("sz"), str(left if side == "left" else 4))
            edge.set(w("space"), "0")
            edge.set(w("color"), border)
        tblpr.find(W_TBLLOOK).addprevious(borders)
        margins = etree.Element(W_TBLCELLMAR)
        for side, size in (("top", 113), ("left", 170), ("bottom", 57), ("right", 170)):
            edge = etree.SubElement(margins, w(side))
            edge.set(W_W, str(size))
            edge.set(W_TYPE, "dxa")
        tblpr.find(W_TBLLOOK).addprevious(margins)
        tr = etree.SubElement(tbl, W_TR)
        tc = etree.SubElement(tr, W_TC)
        tcpr = etree.SubElement(tc, W_TCPR)
        tcw = etree.SubElement(tcpr, W_TCW)
        tcw.set(W_W, str(TEXT_WIDTH))
        tcw.set(W_TYPE, "dxa")
        shd = etree.SubElement(tcpr, W_SHD)
        shd.set(W_VAL, "clear")
        shd.set(w("color"), "auto")
        shd.set(w("fill"), fill)
        previous_style, previous_in_box = self.default_style, self.in_box
        self.default_style, self.in_box = "BoxText", True
        try:
            with self.cell_container(tc):
                yield tc
        finally:
            self.default_style, self.in_box = previous_style, previous_in_box
        # a table directly after a table would merge into it in Word: keep them apart
        self.paragraph(style="TableText")


class _Spans:
    """TableBlock's merged cells, clipped to the table: which cell starts a merge, which
    cells a merge covers."""

    def __init__(self, merged, row_count, columns):
        self.columns = columns
        self.spans = {}  # (row, col) of a merge's first cell -> (rowspan, colspan)
        self.covered = set()
        for merge in merged or []:
            r, c = to_int(merge.get("row")), to_int(merge.get("col"))
            if r is None or c is None or r >= row_count or c >= columns:
                continue
            rowspan = min(max(1, to_int(merge.get("rowspan")) or 1), row_count - r)
            colspan = min(max(1, to_int(merge.get("colspan")) or 1), columns - c)
            self.spans[(r, c)] = (rowspan, colspan)
            self.covered.update(
                (rr, cc)
                for rr in range(r, r + rowspan)
                for cc in range(c, c + colspan)
                if (rr, cc) != (r, c)
            )

    def cells(self, r):
        """(column, colspan, vMerge) of each cell row ``r`` writes: a cell covered by a
        merge above continues it (only in the merge's first column), others are left out."""
        c = 0
        while c < self.columns:
            rowspan, colspan = self.spans.get((r, c), (1, 1))
            vmerge = "restart" if rowspan > 1 else None
            if (r, c) in self.covered:
                origin = self._origin(r, c)
                if origin is None or origin[1] != c:
                    c += 1
                    continue
                colspan, vmerge = self.spans[origin][1], "continue"
            yield c, colspan, vmerge
            c += colspan

    def _origin(self, r, c):
        for (orow, ocol), (rowspan, colspan) in self.spans.items():
            if orow <= r < orow + rowspan and ocol <= c < ocol + colspan:
                return orow, ocol
        return None


def _cell(cache, width, header, colspan, vmerge):
    """A copy of a ready-made cell (width, style): one C call; then its merge marks."""
    proto = cache.get((width, header))
    if proto is None:
        proto = cache[(width, header)] = _cell_prototype(width, header)
    tc = proto.__copy__()
    if colspan > 1 or vmerge:
        tcpr = tc[0]
        if colspan > 1:
            etree.SubElement(tcpr, W_GRIDSPAN).set(W_VAL, str(colspan))
        if vmerge:
            etree.SubElement(tcpr, W_VMERGE).set(W_VAL, vmerge)
    return tc


def _cell_prototype(width, header):
    tc = etree.Element(W_TC)
    tcpr = etree.SubElement(tc, W_TCPR)
    etree.SubElement(tcpr, W_TCW, {W_W: str(width), W_TYPE: "dxa"})
    ppr = etree.SubElement(etree.SubElement(tc, W_P), W_PPR)
    etree.SubElement(ppr, W_PSTYLE, {W_VAL: "TableHeading" if header else "TableText"})
    return tc
