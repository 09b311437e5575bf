"""Page, fonts and building blocks of a Vietnamese administrative document in python-docx.

The layout follows the common rules for administrative documents in Viet Nam (A4 portrait;
margins top and bottom 20 mm, left 30 mm, right 15 mm; Times New Roman, body 13 pt; page
number centred at the top from the second page; a borderless two-column header block).
docs/reports.md states the figures.
"""
from __future__ import annotations

from typing import Iterable, Sequence

from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

FONT = "Times New Roman"
BODY_PT = 13
TABLE_PT = 11
PAGE_MM = (210, 297)
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
TEXT_WIDTH_CM = (PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]) / 10.0


def _set_fonts(rpr_parent: object, size: int | None = None) -> None:
    """Times New Roman for every script (theme fonts removed so the name wins)."""
    font = rpr_parent.font  # type: ignore[attr-defined]
    font.name = FONT
    if size is not None:
        font.size = Pt(size)
    rpr = rpr_parent.element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)


def set_up_page(doc: DocumentObject, lang: str) -> None:
    """A4 portrait, the administrative margins, Times New Roman 13 pt, 6 pt after paragraphs,
    headings in the body font (bold, black), and the page number centred at the top of every
    page but the first."""
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    section.header_distance = section.footer_distance = Mm(10)
    normal = doc.styles["Normal"]
    _set_fonts(normal, BODY_PT)
    lang_el = OxmlElement("w:lang")
    lang_el.set(qn("w:val"), "vi-VN" if lang == "vi" else "en-GB")
    normal.element.get_or_add_rPr().append(lang_el)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.line_spacing = 1.15
    for name in ("Heading 1", "Heading 2", "Caption", "List Bullet"):
        style = doc.styles[name]
        _set_fonts(style, BODY_PT if name != "Caption" else 12)
        style.font.color.rgb = None
        style.font.bold = name.startswith("Heading")
        style.font.italic = name == "Caption"
        style.paragraph_format.space_before = Pt(12 if name == "Heading 1" else 6)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.keep_with_next = name.startswith("Heading")
    section.different_first_page_header_footer = True
    number = section.header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(number)


def _page_field(paragraph: Paragraph) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def paragraph(container: object, text: str = "", *, bold: bool = False, italic: bool = False,
              size: int | None = None, align: str = "justify", indent: bool = False,
              after: int | None = None, style: str | None = None) -> Paragraph:
    """A paragraph of one run in ``container`` (the document or a cell), aligned ``left``,
    ``center`` or ``justify``; ``indent`` gives the 1 cm first-line indent of body text."""
    par = container.add_paragraph(style=style)  # type: ignore[attr-defined]
    par.alignment = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
                     "justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "right": WD_ALIGN_PARAGRAPH.RIGHT}[align]
    if indent:
        par.paragraph_format.first_line_indent = Cm(1)
    if after is not None:
        par.paragraph_format.space_after = Pt(after)
    if text:
        run = par.add_run(text)
        run.bold, run.italic = bold or None, italic or None
        if size is not None:
            run.font.size = Pt(size)
    return par


def cell_text(cell: _Cell, text: str, *, bold: bool = False, italic: bool = False,
              align: str = "left", size: int = TABLE_PT) -> None:
    """Replace the text of ``cell`` by ``text`` (one paragraph per line), in ``size`` pt."""
    lines = text.split("\n")
    first = cell.paragraphs[0]
    for k, line in enumerate(lines):
        par = first if k == 0 else cell.add_paragraph()
        par.alignment = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
                         "right": WD_ALIGN_PARAGRAPH.RIGHT}[align]
        par.paragraph_format.space_after = Pt(0)
        par.paragraph_format.line_spacing = 1.0
        run = par.add_run(line)
        run.bold, run.italic = bold or None, italic or None
        run.font.size = Pt(size)


def _shade(cell: _Cell, fill: str) -> None:
    props = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    props.append(shading)


def _repeat_header(table: Table) -> None:
    props = table.rows[0]._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    props.append(flag)


def _cell_margins(table: Table, twips: int) -> None:
    """Left and right cell padding of ``twips`` (1/20 pt) for every cell of the table."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(twips))
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    table._tbl.tblPr.append(margins)


def _widths(table: Table, widths: Sequence[Length]) -> None:
    """Fix the column widths in the table grid (LibreOffice reads it) and in every cell (Word)."""
    for column, width in zip(table.columns, widths):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width


def grid(doc: DocumentObject, header: Sequence[str], rows: Iterable[Sequence[str]],
         widths_cm: Sequence[float], align: Sequence[str]) -> Table:
    """A bordered table: a bold, shaded header row repeated on every page, then ``rows``;
    ``widths_cm`` fixes each column's width and ``align`` each column's alignment."""
    body = [list(r) for r in rows]
    table = doc.add_table(rows=1 + len(body), cols=len(header))
    table.style = doc.styles["Table Grid"]
    _cell_margins(table, 60)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for j, text in enumerate(header):
        cell = table.rows[0].cells[j]
        cell_text(cell, text, bold=True, align="center")
        _shade(cell, "E7E6E6")
    for i, row in enumerate(body, start=1):
        for j, text in enumerate(row):
            cell_text(table.rows[i].cells[j], text, align=align[j])
    _widths(table, [Cm(w) for w in widths_cm])
    _repeat_header(table)
    for row in table.rows:  # a row is never split across two pages
        flag = OxmlElement("w:cantSplit")
        flag.set(qn("w:val"), "true")
        row._tr.get_or_add_trPr().append(flag)
    return table


Line = tuple[str, bool, bool, int]
"""A header line: text, bold, italic, size in points."""


def _stack(cell: _Cell, lines: Sequence[Line]) -> None:
    for k, (text, bold, italic, size) in enumerate(lines):
        par = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
        par.alignment = WD_ALIGN_PARAGRAPH.CENTER
        par.paragraph_format.space_after = Pt(0)
        par.paragraph_format.line_spacing = 1.0
        run = par.add_run(text)
        run.bold, run.italic = bold or None, italic or None
        run.font.size = Pt(size)


def header_block(doc: DocumentObject, left: Sequence[Line], right: Sequence[Line],
                 left_width_cm: float = 6.5) -> Table:
    """The borderless two-column header of an administrative document: the issuing body and
    the number on the left, the national title, motto, place and date on the right."""
    table = doc.add_table(rows=1, cols=2)
    table.autofit = False
    _widths(table, [Cm(left_width_cm), Cm(TEXT_WIDTH_CM - left_width_cm)])
    _stack(table.rows[0].cells[0], left)
    _stack(table.rows[0].cells[1], right)
    return table
