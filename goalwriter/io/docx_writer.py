"""Word documents for the IEP team: the goals draft and the teacher's one-page "IEP at a glance".

The writer takes plain :class:`~goalwriter.io.export_model.StudentExport` data and a base document whose
styles it uses: the shipped ``templates/base.docx`` (built by scripts/make_base_docx.py) or a district's
own .docx/.dotx with its letterhead and fonts. Every paragraph and table gets a real Word style
(Title, Heading 1-2, Table Grid, List Number, List Bullet, and a few "GW …" styles of our own), so the
text pastes cleanly into a district's IEP system. When a template lacks a style, the nearest one it has
is used instead, and :func:`template_notes` says which, so the user is told rather than surprised.

No Qt and no database here: this module can be tested, and reused, on its own.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import struct
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Emu, Inches, Pt
from docx.text.paragraph import Paragraph

from goalwriter.io.export_model import (
    CONFIRMED,
    DEFINITELY,
    KIND_TITLES,
    KINDS,
    SUGGESTED,
    SUPPORT_LABELS,
    GoalInfo,
    StudentExport,
    brief_reason,
    format_date,
)
from goalwriter.templates import template_path

BASE_TEMPLATE = template_path("base.docx")

# The style each part of a document wants, then what to use when a template lacks it (in order).
PARAGRAPH_STYLES: dict[str, tuple[str, ...]] = {
    "Title": ("Title", "Heading 1"),
    "GW Subtitle": ("GW Subtitle", "Subtitle"),
    "Heading 1": ("Heading 1",),
    "Heading 2": ("Heading 2",),
    "GW Goal Sentence": ("GW Goal Sentence", "Intense Quote", "Quote"),
    "GW Table Text": ("GW Table Text",),
    "GW Table Heading": ("GW Table Heading", "GW Table Text"),
    "GW Note": ("GW Note", "Caption"),
    "GW Glance Title": ("GW Glance Title", "Title", "Heading 1"),
    "GW Glance Cell": ("GW Glance Cell", "GW Table Text"),
    "GW Glance Header": ("GW Glance Header", "GW Table Heading", "GW Table Text"),
    "GW Draft Mark": ("GW Draft Mark", "Header"),
    "List Number": ("List Number", "List Paragraph"),
    "List Bullet": ("List Bullet", "List Paragraph"),
    "Header": ("Header",),
    "Footer": ("Footer",),
}
CHARACTER_STYLES: dict[str, tuple[str, ...]] = {
    "GW Label": ("GW Label", "Strong"),
    "GW Symbol": ("GW Symbol",),
}
TABLE_STYLES: dict[str, tuple[str, ...]] = {
    "Table Grid": ("Table Grid",),
    "GW Info Table": ("GW Info Table", "Table Grid"),
}

HEADER_FILL = "E4EAF2"
LABEL_FILL = "F2F2F2"
CONFIRMED_FILL = "E4EAF2"
PART_LABELS = (
    ("condition", "Condition"),
    ("behavior", "Behavior"),
    ("criterion", "Criterion"),
    ("measurement", "Measurement"),
    ("reporting", "Progress reporting"),
    ("target_date", "Target date"),
)
LEGEND = (
    f"{CONFIRMED} confirmed by the team    {SUGGESTED} suggested, not yet confirmed    "
    f"{DEFINITELY} definitely addressed: take data here    Support: P peer · A second adult · N none"
)
_W_PPR, _W_PSTYLE, _W_VAL = qn("w:pPr"), qn("w:pStyle"), qn("w:val")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class TemplateError(Exception):
    """The district template cannot be used (missing, not a Word document, unreadable)."""


# -- templates -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Template:
    """A base document's bytes, read once and reused for every document of a batch."""

    name: str
    data: bytes
    builtin: bool = False
    fallbacks: tuple[tuple[str, str], ...] = field(default=(), compare=False)


def _as_document_package(data: bytes, name: str) -> bytes:
    """A .dotx is a .docx with another content type; rewrite that one entry so python-docx opens it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zin:
            types = zin.read("[Content_Types].xml").decode("utf-8")
            if "macroEnabled" in types:
                raise TemplateError(
                    f"template “{name}” contains macros (.docm/.dotm); save it as a plain Word document (.docx)"
                )
            if "wordprocessingml.template.main+xml" not in types:
                return data
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
                for item in zin.infolist():
                    content = zin.read(item.filename)
                    if item.filename == "[Content_Types].xml":
                        content = types.replace(
                            "wordprocessingml.template.main+xml", "wordprocessingml.document.main+xml"
                        ).encode("utf-8")
                    zout.writestr(item, content)
            return out.getvalue()
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError) as exc:
        raise TemplateError(f"template “{name}” is not a Word document (.docx or .dotx)") from exc


def load_template(path: str | Path | None = None) -> Template:
    """Read and check a template; ``None`` is goalwriter's own base document."""
    if path is None or str(path) == "":
        return _builtin_template()
    path = Path(path)
    name = path.name
    if not path.is_file():
        raise TemplateError(f"template “{path}” does not exist")
    if path.suffix.lower() not in (".docx", ".dotx"):
        raise TemplateError(f"template “{name}” is not a Word document (.docx or .dotx)")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise TemplateError(f"cannot read template “{path}”: {exc.strerror or exc}") from exc
    data = _as_document_package(raw, name)
    try:
        doc = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several kinds for a damaged package
        raise TemplateError(f"template “{name}” cannot be read as a Word document ({exc})") from exc
    return Template(name, data, builtin=False, fallbacks=_fallbacks(doc))


@cache
def _builtin_template() -> Template:
    return Template(BASE_TEMPLATE.name, BASE_TEMPLATE.read_bytes(), builtin=True)


def template_notes(template: Template) -> list[str]:
    """One line per style the template lacks, saying what the export uses instead."""
    return [
        f"“{template.name}” has no style “{wanted}”; using “{used}” instead" for wanted, used in template.fallbacks
    ]


def _fallbacks(doc: Document) -> tuple[tuple[str, str], ...]:
    resolver = _Styles(doc)
    resolver.resolve_all()
    return tuple(resolver.fallbacks)


# -- styles --------------------------------------------------------------------------------------------
class _Styles:
    """Resolves the styles a document wants to the ones its template has (once per document)."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.by_name: dict[tuple[str, int], object] = {}
        for style in doc.styles:
            try:
                key = (style.name.lower(), int(style.type))
            except (ValueError, AttributeError):  # a style of a type python-docx does not know
                continue
            self.by_name.setdefault(key, style)
            self.by_name.setdefault((style.style_id.lower(), int(style.type)), style)
        self.cache: dict[str, object] = {}
        self.fallbacks: list[tuple[str, str]] = []

    def _find(self, name: str, kind: WD_STYLE_TYPE):
        return self.by_name.get((name.lower(), int(kind))) or self.by_name.get(
            (name.replace(" ", "").lower(), int(kind))
        )

    def _resolve(self, wanted: str, chain: Sequence[str], kind: WD_STYLE_TYPE):
        if wanted in self.cache:
            return self.cache[wanted]
        found = None
        for name in chain:
            found = self._find(name, kind)
            if found is not None:
                break
        if found is None or found.name.lower() != wanted.lower():
            self.fallbacks.append((wanted, found.name if found is not None else self._plain(kind)))
        self.cache[wanted] = found
        return found

    def _plain(self, kind: WD_STYLE_TYPE) -> str:
        """What text gets when no style in the chain exists: the default paragraph style, or plain formatting."""
        if kind == WD_STYLE_TYPE.PARAGRAPH:
            default = self.doc.styles.default(WD_STYLE_TYPE.PARAGRAPH)
            return default.name if default is not None else "Normal"
        return "plain grid lines" if kind == WD_STYLE_TYPE.TABLE else "plain text"

    def para(self, wanted: str):
        return self._resolve(wanted, PARAGRAPH_STYLES[wanted], WD_STYLE_TYPE.PARAGRAPH)

    def char(self, wanted: str):
        return self._resolve(wanted, CHARACTER_STYLES[wanted], WD_STYLE_TYPE.CHARACTER)

    def table(self, wanted: str):
        return self._resolve(wanted, TABLE_STYLES[wanted], WD_STYLE_TYPE.TABLE)

    def resolve_all(self) -> None:
        for name in PARAGRAPH_STYLES:
            self.para(name)
        for name in CHARACTER_STYLES:
            self.char(name)
        for name in TABLE_STYLES:
            self.table(name)

    def list_num_id(self, wanted: str) -> str | None:
        """The numbering a list style carries (through its base styles), if the template defines it."""
        style = self.para(wanted)
        while style is not None:
            num = style.element.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
            if num is not None:
                num_id = num.get(qn("w:val"))
                try:
                    numbering = self.doc.part.numbering_part.element
                    numbering.num_having_numId(int(num_id))
                except (KeyError, ValueError, NotImplementedError):
                    return None
                return num_id
            style = style.base_style
        return None


# -- small helpers -----------------------------------------------------------------------------------
def _clean(text: str) -> str:
    """Text that XML can hold (control characters from pasted text would corrupt the file)."""
    return _ILLEGAL_XML.sub("", text or "")


# Word insists on the schema's order of the children of these property elements.
_ORDER = {
    "w:tblPr": ("w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
                "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd",
                "w:tblLayout", "w:tblCellMar", "w:tblLook"),
    "w:trPr": ("w:cnfStyle", "w:divId", "w:gridBefore", "w:gridAfter", "w:wBefore", "w:wAfter", "w:cantSplit",
               "w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden"),
    "w:tcPr": ("w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders", "w:shd", "w:noWrap",
               "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark"),
}
_RANK = {qn(parent): {qn(tag): i for i, tag in enumerate(tags)} for parent, tags in _ORDER.items()}


def _props(owner, tag: str):
    """The owner's property element (tblPr, trPr, tcPr), created as its first child when missing."""
    found = owner.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        owner.insert(0, found)
    return found


def _put(props, tag: str, attrs: dict[str, str] | None = None, children: str = ""):
    """Set one property, replacing an old one and keeping the schema order."""
    name = qn(tag)
    for old in props.findall(name):
        props.remove(old)
    element = parse_xml(f'<{tag} {nsdecls("w")}>{children}</{tag}>') if children else OxmlElement(tag)
    for key, value in (attrs or {}).items():
        element.set(qn(key), value)
    rank = _RANK[props.tag]
    mine = rank[name]
    for index, child in enumerate(props):
        if rank.get(child.tag, -1) > mine:
            props.insert(index, element)
            return element
    props.append(element)
    return element


def _shade(tc, fill: str) -> None:
    _put(_props(tc, "w:tcPr"), "w:shd", {"w:val": "clear", "w:color": "auto", "w:fill": fill})


def _valign(tc, where: str) -> None:
    _put(_props(tc, "w:tcPr"), "w:vAlign", {"w:val": where})


def _rotate(tc) -> None:
    """Text read from bottom to top, for narrow column headers."""
    _put(_props(tc, "w:tcPr"), "w:textDirection", {"w:val": "btLr"})


def _repeat_header(tr) -> None:
    _put(_props(tr, "w:trPr"), "w:tblHeader")


def _cant_split(tr) -> None:
    _put(_props(tr, "w:trPr"), "w:cantSplit")


def _row_height(tr, inches: float) -> None:
    _put(_props(tr, "w:trPr"), "w:trHeight", {"w:val": str(round(inches * 1440)), "w:hRule": "atLeast"})


def _span(row: list, first: int, last: int) -> None:
    """Merge cells ``first``..``last`` of a row into one (gridSpan), keeping the first cell's content."""
    keep = row[first]
    width = 0
    for tc in row[first:last + 1]:
        tc_w = tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
        width += int(tc_w.get(qn("w:w"))) if tc_w is not None else 0
    for tc in row[first + 1:last + 1]:
        tc.getparent().remove(tc)
    props = _props(keep, "w:tcPr")
    _put(props, "w:tcW", {"w:w": str(width), "w:type": "dxa"})
    _put(props, "w:gridSpan", {"w:val": str(last - first + 1)})
    del row[first + 1:last + 1]


def _keep_together(tbl, max_rows: int = 14) -> None:
    """Keep a short table on one page, and with the heading above it (keep-with-next on all but the last row)."""
    rows = tbl.findall(qn("w:tr"))
    if len(rows) > max_rows:
        return
    for tr in rows[:-1]:
        for p in tr.iter(qn("w:p")):
            p_pr = p.find(_W_PPR)
            if p_pr is None:
                p_pr = OxmlElement("w:pPr")
                p.insert(0, p_pr)
            keep = OxmlElement("w:keepNext")
            style = p_pr.find(_W_PSTYLE)
            p_pr.insert(1 if style is not None else 0, keep)


def _borders(tbl, line: str | None) -> None:
    """Grid lines of one colour on every edge (a template without "Table Grid"), or none at all."""
    sides = ("top", "left", "bottom", "right", "insideH", "insideV")
    if line is None:
        inner = "".join(f'<w:{s} w:val="nil"/>' for s in sides)
    else:
        inner = "".join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="{line}"/>' for s in sides)
    _put(_props(tbl, "w:tblPr"), "w:tblBorders", children=inner)


def _png_size(data: bytes) -> tuple[int, int] | None:
    if data[:8] != b"\x89PNG\r\n\x1a\n" or len(data) < 24:
        return None
    return struct.unpack(">II", data[16:24])


def _add_field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """A Word field (PAGE, NUMPAGES) with a cached result, so every reader shows something sensible."""
    def run_with(xml: str) -> None:
        paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}>{xml}</w:r>'))

    run_with('<w:fldChar w:fldCharType="begin"/>')
    run_with(f'<w:instrText xml:space="preserve"> {instruction} </w:instrText>')
    run_with('<w:fldChar w:fldCharType="separate"/>')
    run_with(f"<w:t>{shown}</w:t>")
    run_with('<w:fldChar w:fldCharType="end"/>')


def _has_content(part) -> bool:
    element = part._element
    if any(t.text and t.text.strip() for t in element.iter(qn("w:t"))):
        return True
    return any(True for _ in element.iter(qn("w:drawing"))) or any(True for _ in element.iter(qn("w:pict")))


def _has_page_field(part) -> bool:
    element = part._element
    if any("PAGE" in (t.text or "") for t in element.iter(qn("w:instrText"))):
        return True
    return any("PAGE" in (f.get(qn("w:instr")) or "") for f in element.iter(qn("w:fldSimple")))


# -- the document builder ---------------------------------------------------------------------------------
class _Writer:
    """One document being written: the template's styles resolved once, helpers to add styled content."""

    def __init__(self, template: Template | None):
        self.template = template or _builtin_template()
        self.doc = docx.Document(io.BytesIO(self.template.data))
        body = self.doc.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)
        self.styles = _Styles(self.doc)
        self.section = self.doc.sections[-1]
        self.body_end = body.find(qn("w:sectPr"))  # new content goes just before it
        if self.body_end is None:
            self.body_end = OxmlElement("w:sectPr")
            body.append(self.body_end)

    # paragraphs and runs (built on the XML directly: python-docx's setters are slow for hundreds of runs)
    def style_paragraph(self, paragraph: Paragraph, style: str) -> None:
        """Give the paragraph the resolved style (or leave it on the default when the template has none)."""
        resolved = self.styles.para(style)
        if resolved is None:
            return
        p = paragraph._p
        p_pr = p.find(_W_PPR)
        if p_pr is None:
            p_pr = OxmlElement("w:pPr")
            p.insert(0, p_pr)
        for old in p_pr.findall(_W_PSTYLE):
            p_pr.remove(old)
        p_style = OxmlElement("w:pStyle")
        p_style.set(_W_VAL, resolved.style_id)
        p_pr.insert(0, p_style)

    def para(self, text: str = "", style: str = "Normal", container=None) -> Paragraph:
        """A new paragraph at the end of the body, or of a table cell (``container`` is the cell's tc)."""
        p = OxmlElement("w:p")
        if container is None:
            self.body_end.addprevious(p)
        else:
            container.append(p)
        paragraph = Paragraph(p, self.doc._body)
        if style != "Normal":
            self.style_paragraph(paragraph, style)
        if text:
            self.run(paragraph, text)
        return paragraph

    def run(self, paragraph: Paragraph, text: str, char_style: str | None = None, *, bold: bool | None = None,
            italic: bool | None = None, size: float | None = None, superscript: bool = False) -> None:
        """Append a run; tabs in ``text`` become Word tabs."""
        r = OxmlElement("w:r")
        props = []
        if char_style is not None:
            resolved = self.styles.char(char_style)
            if resolved is not None:
                props.append(("w:rStyle", resolved.style_id))
            elif char_style == "GW Label" and bold is None:
                bold = True
        if bold is not None:
            props.append(("w:b", None if bold else "0"))
        if italic is not None:
            props.append(("w:i", None if italic else "0"))
        if size is not None:
            half = str(round(size * 2))
            props += [("w:sz", half), ("w:szCs", half)]
        if superscript:
            props.append(("w:vertAlign", "superscript"))
        if props:
            r_pr = OxmlElement("w:rPr")
            for tag, value in props:
                child = OxmlElement(tag)
                if value is not None:
                    child.set(_W_VAL, value)
                r_pr.append(child)
            r.append(r_pr)
        for index, piece in enumerate(_clean(text).split("\t")):
            if index:
                r.append(OxmlElement("w:tab"))
            if piece:
                t = OxmlElement("w:t")
                t.text = piece
                if piece != piece.strip():
                    t.set(_XML_SPACE, "preserve")
                r.append(t)
        paragraph._p.append(r)

    def symbol(self, paragraph: Paragraph, text: str, *, size: float | None = None):
        return self.run(paragraph, text, "GW Symbol", size=size)

    def heading(self, text: str, level: int) -> Paragraph:
        return self.para(text, f"Heading {level}")

    def table(self, widths: Sequence[int], rows: int, style: str | None = "Table Grid") -> list[list]:
        """A fixed-width table at the end of the body; returns its cells (tc elements) row by row."""
        tbl = OxmlElement("w:tbl")
        tbl_pr = OxmlElement("w:tblPr")
        tbl.append(tbl_pr)
        resolved = self.styles.table(style) if style else None
        if resolved is not None:
            _put(tbl_pr, "w:tblStyle", {"w:val": resolved.style_id})
        elif style == "Table Grid":
            _borders(tbl, "A6A6A6")
        twips = [round(w / 635) for w in widths]
        _put(tbl_pr, "w:tblW", {"w:w": str(sum(twips)), "w:type": "dxa"})
        _put(tbl_pr, "w:tblLayout", {"w:type": "fixed"})
        _put(tbl_pr, "w:tblLook", {"w:val": "04A0", "w:firstRow": "1", "w:lastRow": "0", "w:firstColumn": "1",
                                    "w:lastColumn": "0", "w:noHBand": "0", "w:noVBand": "1"})
        grid = OxmlElement("w:tblGrid")
        for width in twips:
            col = OxmlElement("w:gridCol")
            col.set(qn("w:w"), str(width))
            grid.append(col)
        tbl.append(grid)
        cells = []
        for _ in range(rows):
            tr = OxmlElement("w:tr")
            row = []
            for width in twips:
                tc = OxmlElement("w:tc")
                tc_pr = OxmlElement("w:tcPr")
                tc_w = OxmlElement("w:tcW")
                tc_w.set(qn("w:w"), str(width))
                tc_w.set(qn("w:type"), "dxa")
                tc_pr.append(tc_w)
                tc.append(tc_pr)
                tc.append(OxmlElement("w:p"))
                tr.append(tc)
                row.append(tc)
            tbl.append(tr)
            cells.append(row)
        self.body_end.addprevious(tbl)
        return cells

    def cell_text(self, tc, text: str, style: str = "GW Table Text") -> Paragraph:
        """Put ``text`` into the cell's first paragraph (a cell always has one); lines become paragraphs."""
        lines = _clean(text).split("\n") if text else [""]
        first = Paragraph(tc.find(qn("w:p")), self.doc._body)
        self.style_paragraph(first, style)
        if lines[0]:
            self.run(first, lines[0])
        for line in lines[1:]:
            self.para(line, style, container=tc)
        return first

    def numbered(self, items: Iterable[str]) -> None:
        """A List Number list that starts again at 1 (each goal's objectives are their own list)."""
        num_id = self.styles.list_num_id("List Number")
        restart = self._restart(num_id) if num_id is not None else None
        for index, item in enumerate(items, start=1):
            if num_id is None:
                self.para(f"{index}. {item}", "List Number")
                continue
            paragraph = self.para(item, "List Number")
            num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = 0
            num_pr.get_or_add_numId().val = restart

    def _restart(self, num_id: str) -> int:
        numbering = self.doc.part.numbering_part.element
        abstract_id = numbering.num_having_numId(int(num_id)).abstractNumId.val
        num = numbering.add_num(abstract_id)
        num.add_lvlOverride(ilvl=0).add_startOverride(1)
        return num.numId

    def bullets(self, items: Iterable[tuple[str, str]]) -> None:
        """List Bullet items, each a bold lead and its text."""
        typed = self.styles.list_num_id("List Bullet") is None
        for lead, text in items:
            paragraph = self.para("• " if typed else "", "List Bullet")
            if lead:
                self.run(paragraph, lead, "GW Label")
                self.run(paragraph, ": " if text else "")
            self.run(paragraph, text)

    # page furniture
    @property
    def text_width(self) -> int:
        s = self.section
        return int(s.page_width - s.left_margin - s.right_margin)

    def landscape(self, margin: float = 0.5) -> None:
        s = self.section
        width, height = s.page_width, s.page_height
        if width < height:
            s.page_width, s.page_height = height, width
        s.orientation = WD_ORIENT.LANDSCAPE
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(s, side, Inches(margin))
        s.header_distance = s.footer_distance = Inches(0.3)

    def _two_sided_line(self, paragraph: Paragraph, style_name: str) -> None:
        """Clear the style's own tab stops and put one right tab at the margin."""
        style = self.styles.para(style_name)
        while style is not None:
            for stop in style.paragraph_format.tab_stops:
                paragraph.paragraph_format.tab_stops.add_tab_stop(stop.position, WD_TAB_ALIGNMENT.CLEAR)
            style = style.base_style
        paragraph.paragraph_format.tab_stops.add_tab_stop(Emu(self.text_width), WD_TAB_ALIGNMENT.RIGHT)

    def page_furniture(self, left: str, right: str, footer_left: str, draft: bool) -> None:
        """Header (what this is, whose it is) and footer (prepared when, Page X of Y)."""
        header = self.section.header
        header.is_linked_to_previous = False
        keep = _has_content(header)
        paragraph = header.add_paragraph() if keep else header.paragraphs[0]
        self.style_paragraph(paragraph, "GW Draft Mark" if draft else "Header")
        self._two_sided_line(paragraph, "GW Draft Mark" if draft else "Header")
        if draft:
            self.run(paragraph, "DRAFT", size=11)
            self.run(paragraph, "  ·  ")
        self.run(paragraph, left, bold=True if not draft else None)
        self.run(paragraph, "\t")
        self.run(paragraph, right, bold=False if draft else None)

        footer = self.section.footer
        footer.is_linked_to_previous = False
        has_numbers = _has_page_field(footer)
        paragraph = footer.add_paragraph() if _has_content(footer) else footer.paragraphs[0]
        self.style_paragraph(paragraph, "Footer")
        self._two_sided_line(paragraph, "Footer")
        self.run(paragraph, footer_left)
        if not has_numbers:
            self.run(paragraph, "\tPage ")
            _add_field(paragraph, "PAGE", "1")
            self.run(paragraph, " of ")
            _add_field(paragraph, "NUMPAGES", "1")

    def picture(self, png: bytes, max_width: int, max_height: int, caption: str) -> None:
        size = _png_size(png)
        width = max_width
        if size and size[0] > 0:
            width = min(max_width, int(max_height * size[0] / max(size[1], 1)))
        self.doc.add_picture(io.BytesIO(png), width=Emu(width))
        self.para(caption, "GW Note")

    def properties(self, title: str, when: dt.date | None) -> None:
        props = self.doc.core_properties
        props.title = title
        props.author = props.last_modified_by = ""
        props.comments = props.subject = props.keywords = props.category = ""
        props.revision = 1
        stamp = dt.datetime.combine(when or dt.date.today(), dt.time(0, 0))
        props.created = props.modified = stamp

    def save(self) -> bytes:
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()


# -- the goals draft ---------------------------------------------------------------------------------
def _dash(text: str) -> str:
    return text.strip() if text and text.strip() else "—"


def _goal_heading(goal: GoalInfo) -> str:
    return f"Goal {goal.number}: {goal.area.strip()}" if goal.area.strip() else f"Goal {goal.number}"


def _info_table(w: _Writer, data: StudentExport) -> None:
    rows = [
        ("Student", data.display_name, "Grade", data.grade),
        ("School", data.school, "Classroom", data.classroom_label),
        ("IEP meeting", format_date(data.iep_meeting_date), "Annual review", format_date(data.annual_review_date)),
    ]
    services = "; ".join(s.label for s in data.services)
    total = w.text_width
    label = int(total * 0.17)
    value = (total - 2 * label) // 2
    cells = w.table([label, value, label, value], len(rows) + (1 if services else 0), "GW Info Table")
    for row, values in zip(cells, rows, strict=False):
        for c, text in enumerate(values):
            if c % 2 == 0:
                w.run(w.cell_text(row[c], "", "GW Table Text"), text, "GW Label")
            else:
                w.cell_text(row[c], _dash(text), "GW Table Text")
    if services:
        row = cells[-1]
        w.run(w.cell_text(row[0], "", "GW Table Text"), "OT services", "GW Label")
        _span(row, 1, 3)
        w.cell_text(row[1], services, "GW Table Text")


def _parts_table(w: _Writer, goal: GoalInfo) -> None:
    label = Inches(1.45)
    cells = w.table([label, w.text_width - label], len(PART_LABELS))
    for row, (key, name) in zip(cells, PART_LABELS, strict=True):
        value = getattr(goal, key)
        text = format_date(value) if key == "target_date" else value
        w.cell_text(row[0], name, "GW Table Heading")
        _shade(row[0], LABEL_FILL)
        w.cell_text(row[1], _dash(text))
        _cant_split(row[0].getparent())
    _keep_together(cells[0][0].getparent().getparent())


def _placements_table(w: _Writer, data: StudentExport, goal: GoalInfo) -> None:
    headers = ("", "Routine", "Why it fits", "How it is embedded (team notes)", "Support")
    placements = sorted(goal.placements, key=lambda p: p.routine_index)
    widths = [Inches(0.45), Inches(1.45), 0, 0, Inches(0.75)]
    rest = w.text_width - sum(widths)
    widths[2] = rest * 9 // 20
    widths[3] = rest - widths[2]
    cells = w.table(widths, 1 + len(placements))
    for tc, text in zip(cells[0], headers, strict=True):
        w.cell_text(tc, text, "GW Table Heading")
        _shade(tc, HEADER_FILL)
    _repeat_header(cells[0][0].getparent())
    for row, placement in zip(cells[1:], placements, strict=True):
        routine = data.routines[placement.routine_index]
        mark = w.cell_text(row[0], "", "GW Glance Cell")
        w.symbol(mark, placement.symbol)
        if placement.definitely:
            w.symbol(mark, f" {DEFINITELY}")
        if placement.confirmed:
            _shade(row[0], CONFIRMED_FILL)
        name = w.cell_text(row[1], "")
        w.run(name, routine.name, bold=True)
        when = " · ".join(x for x in (routine.time_label, routine.days_label) if x)
        if when:
            w.para(when, "GW Table Text", container=row[1])
        w.cell_text(row[2], brief_reason(placement.reason) or "—")
        note = placement.note.strip()
        if placement.definitely:
            note = f"{note} (definitely addressed; take data here)" if note else "Definitely addressed; take data here."
        w.cell_text(row[3], note or "—")
        support = placement.support
        w.cell_text(row[4], f"{support} ({SUPPORT_LABELS[support]})" if support in SUPPORT_LABELS else "—")
        _cant_split(row[0].getparent())
    _keep_together(cells[0][0].getparent().getparent())


def _monitoring(w: _Writer, data: StudentExport, goal: GoalInfo) -> None:
    lines = [("Measured by", goal.measurement), ("Progress reported", goal.reporting)]
    definitely = [data.routines[p.routine_index].name for p in goal.placements if p.definitely]
    if definitely:
        lines.append(("Data collected during", ", ".join(definitely)))
    for label, text in lines:
        paragraph = w.para()
        paragraph.paragraph_format.space_after = Pt(2)
        w.run(paragraph, f"{label}: ", "GW Label")
        w.run(paragraph, _dash(text) if text.strip() else "not written yet")


def _goal(w: _Writer, data: StudentExport, goal: GoalInfo) -> None:
    w.heading(_goal_heading(goal), 1)
    w.heading("Present level of performance", 2)
    if goal.baseline.strip():
        w.para(goal.baseline.strip())
    else:
        w.para("No baseline has been written yet.", "GW Note")
    w.heading("Annual goal", 2)
    w.para(goal.text.strip() or "The goal sentence has not been written yet.", "GW Goal Sentence")
    _parts_table(w, goal)
    if goal.objectives:
        w.heading("Short-term objectives", 2)
        w.numbered(o.strip() for o in goal.objectives if o.strip())
    w.heading("How progress is measured and reported", 2)
    _monitoring(w, data, goal)
    w.heading("Where it is worked on in class", 2)
    if goal.placements:
        confirmed = sum(1 for p in goal.placements if p.confirmed)
        blocks = len(goal.placements)
        summary = f"{blocks} block{'s' if blocks != 1 else ''} of the day ({confirmed} confirmed)"
        if goal.per_week:
            summary += f" · about {goal.per_week} opportunit{'ies' if goal.per_week != 1 else 'y'} a week"
        w.para(summary, "GW Note").paragraph_format.keep_with_next = True
        _placements_table(w, data, goal)
    else:
        reason = goal.review or "no routine of the day calls for it"
        w.para(f"Does not come up in the classroom day yet ({reason.removeprefix('never comes up in class: ')}). "
               "See “Review relevance”.", "GW Note")


def _review_section(w: _Writer, data: StudentExport) -> None:
    w.heading("Review relevance", 1)
    flagged = [g for g in data.goals if g.review]
    thin = [g for g in data.goals if not g.review and g.thin]
    if not data.goals:
        w.para("There are no goals to review yet.")
        return
    if not flagged and not thin:
        w.para("Every goal comes up in the classroom day.")
        return
    if flagged:
        w.para("These goals never come up in the classroom day, so they cannot be worked on where the student "
               "spends the day. For each one, the team can rewrite the goal or plan a routine where it fits.")
        w.bullets((_goal_heading(g), g.review) for g in flagged)
    if thin:
        w.para("These goals come up about once a week or less:")
        items = []
        for g in thin:
            where = ", ".join(data.routines[p.routine_index].name for p in g.placements)
            items.append((_goal_heading(g), f"only in {where}" if where else "rarely"))
        w.bullets(items)


def build_draft(data: StudentExport, template: Template | None = None, matrix_png: bytes | None = None) -> Document:
    """The IEP goals draft: header block, every goal in full, review relevance, services."""
    w = _Writer(template)
    w.properties(f"{KIND_TITLES['draft']} – {data.display_name}", data.prepared_on)
    prepared = format_date(data.prepared_on or dt.date.today())
    w.page_furniture(
        "IEP goals for team review",
        f"{data.display_name} · Confidential",
        f"Prepared {prepared} · a draft, not the final IEP",
        draft=True,
    )
    w.para("IEP goals draft", "Title")
    w.para(" · ".join(x for x in (data.display_name, data.classroom_label, data.school) if x), "GW Subtitle")
    _info_table(w, data)
    w.para(f"A draft for the IEP team to review and edit. Where each goal is worked on in class: {LEGEND}.",
           "GW Note")
    if not data.goals:
        w.heading("Annual goals", 1)
        w.para("No goals have been written for this student yet.")
    for goal in data.goals:
        _goal(w, data, goal)
    _review_section(w, data)
    if data.services:
        w.heading("Services", 1)
        w.bullets(("Occupational therapy", s.label) for s in data.services)
    if matrix_png:
        w.heading("Goals and the classroom day", 1)
        w.picture(matrix_png, w.text_width, Inches(6), "Each goal (rows) against the routines of the day (columns).")
    return w.doc


# -- IEP at a glance ---------------------------------------------------------------------------------
def _header_label(lines: Sequence[str]) -> int:
    return max((len(x) for x in lines), default=0)


def _glance_row_height(w: _Writer, data: StudentExport, header_height: float) -> float:
    """Inches per goal row: share what the page has left after the title, legend and notes, within limits."""
    s = w.section
    page = (s.page_height - s.top_margin - s.bottom_margin) / 914400
    notes = sum(1 for g in data.goals for p in g.placements if p.note.strip())
    note_lines = notes if notes <= 3 else (notes + 1) // 2
    used = 0.8 + header_height + 0.3 + (0.25 + 0.2 * note_lines if notes else 0) + 0.5  # 0.5: safety margin
    share = (page - used) / max(len(data.goals), 1)
    return max(0.36, min(share * 0.9, 0.85))


def _glance_table(w: _Writer, data: StudentExport) -> list[str]:
    """The goals × routines table; returns the notes in the order their numbers appear."""
    routines = data.routines
    count = len(routines)
    goal_width = Inches(2.35 if count >= 10 else 2.6)
    col = (w.text_width - goal_width) // count
    rotate = col < Inches(0.8)
    header_size = 8 if count <= 12 else 7.5
    notes: list[str] = []

    cells = w.table([goal_width] + [col] * count, 1 + len(data.goals))
    head = cells[0]
    w.cell_text(head[0], "Goal", "GW Glance Header").alignment = WD_ALIGN_PARAGRAPH.LEFT
    _shade(head[0], HEADER_FILL)
    _valign(head[0], "bottom")
    longest = 0
    for tc, routine in zip(head[1:], routines, strict=True):
        first = w.cell_text(tc, "", "GW Glance Header")
        w.run(first, routine.name, size=header_size)
        when = " · ".join(x for x in (routine.time_label, routine.days_label) if x)
        second = w.para("", "GW Glance Header", container=tc) if when else None
        if second is not None:
            w.run(second, when, bold=False, size=header_size - 0.5)
        longest = max(longest, _header_label([routine.name, when]))
        _shade(tc, HEADER_FILL)
        if rotate:
            # read bottom to top, starting at the bottom edge, centred across the narrow column
            _rotate(tc)
            _valign(tc, "center")
            for paragraph in (first, second):
                if paragraph is not None:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        else:
            _valign(tc, "bottom")
    header_height = 0.45
    head_tr = head[0].getparent()
    if rotate:
        # rotated names need a tall row: about 0.05 inch a character at 8 pt, a long name wraps to a second line
        header_height = min(max(0.75, 0.05 * min(longest, 26) + 0.15), 1.45)
        _row_height(head_tr, header_height)
    _repeat_header(head_tr)

    # Few goals get taller rows, bigger type and fuller labels; many goals still fit on the one page.
    few = len(data.goals) <= 5
    row_height = _glance_row_height(w, data, header_height)
    label_size, symbol_size = (10.5, 13) if few else (9.5, 11)
    for row, goal in zip(cells[1:], data.goals, strict=True):
        tr = row[0].getparent()
        _cant_split(tr)
        _row_height(tr, row_height)
        label = w.cell_text(row[0], "", "GW Table Text")
        w.run(label, f"{goal.number}  ", bold=True, size=label_size)
        w.run(label, goal.short_label(110 if few else 64 if count >= 10 else 72), size=label_size)
        _valign(row[0], "center")
        if not goal.placements:
            _span(row, 1, count)
            text = "Not in the classroom day yet: the team will review this goal."
            w.run(w.cell_text(row[1], "", "GW Table Text"), text, italic=True, size=label_size)
            _valign(row[1], "center")
            continue
        by_routine = {p.routine_index: p for p in goal.placements}
        for index, tc in enumerate(row[1:]):
            _valign(tc, "center")
            placement = by_routine.get(index)
            paragraph = w.cell_text(tc, "", "GW Glance Cell")
            if placement is None:
                continue
            w.symbol(paragraph, placement.symbol, size=symbol_size)
            if placement.definitely:
                w.symbol(paragraph, DEFINITELY, size=symbol_size - 2)
            if placement.support:
                w.run(paragraph, f" {placement.support}", size=symbol_size - 3, bold=True)
            if placement.note.strip():
                notes.append(f"{routines[index].name}, goal {goal.number}: {placement.note.strip()}")
                w.run(paragraph, str(len(notes)).translate(_SUPERSCRIPT), size=symbol_size - 2)
            if placement.confirmed:
                _shade(tc, CONFIRMED_FILL)
    return notes


def _glance_notes(w: _Writer, notes: Sequence[str]) -> None:
    if not notes:
        return
    w.para("Notes", "GW Table Heading").paragraph_format.space_before = Pt(4)
    numbered = [(str(i).translate(_SUPERSCRIPT), text) for i, text in enumerate(notes, start=1)]
    if len(numbered) <= 3:
        for number, text in numbered:
            paragraph = w.para("", "GW Table Text")
            w.run(paragraph, f"{number} ", bold=True)
            w.run(paragraph, text)
        return
    half = (len(numbered) + 1) // 2
    (row,) = w.table([w.text_width // 2, w.text_width - w.text_width // 2], 1, style=None)
    _borders(row[0].getparent().getparent(), None)
    for tc, chunk in zip(row, (numbered[:half], numbered[half:]), strict=True):
        for i, (number, text) in enumerate(chunk):
            paragraph = w.cell_text(tc, "") if i == 0 else w.para("", "GW Table Text", container=tc)
            w.run(paragraph, f"{number} ", bold=True)
            w.run(paragraph, text)


def build_glance(data: StudentExport, template: Template | None = None, matrix_png: bytes | None = None) -> Document:
    """One landscape page for the teacher: goals in plain words × the day's routines, with notes."""
    w = _Writer(template)
    w.landscape()
    w.properties(f"{KIND_TITLES['glance']} – {data.display_name}", data.prepared_on)
    prepared = format_date(data.prepared_on or dt.date.today())
    w.page_furniture(
        "IEP at a glance · for the classroom team",
        f"{data.display_name} · Confidential",
        f"Prepared {prepared} from the IEP goals draft",
        draft=False,
    )
    w.para(f"{data.display_name}: IEP at a glance", "GW Glance Title")
    facts = [data.classroom_label, data.school]
    if data.iep_meeting_date:
        facts.append(f"IEP {format_date(data.iep_meeting_date)}")
    if data.annual_review_date:
        facts.append(f"review by {format_date(data.annual_review_date)}")
    facts += [f"OT {s.minutes_per_week} min a week {s.model}" for s in data.services]
    w.para(" · ".join(f for f in facts if f), "GW Subtitle")
    if not data.goals:
        w.para("No goals have been written for this student yet.")
    elif not data.routines:
        w.para("The classroom day has no routines yet, so there is nothing to place the goals in. "
               "Add the class's routines, then export again.", "GW Note")
        w.bullets((f"Goal {g.number}", g.short_label(90)) for g in data.goals)
    else:
        notes = _glance_table(w, data)
        w.para(LEGEND + ("    ¹ see the notes below" if notes else ""), "GW Note")
        _glance_notes(w, notes)
    if matrix_png:
        w.picture(matrix_png, w.text_width, Inches(3), "The alignment matrix of the goals and the classroom day.")
    return w.doc


# -- entry point ---------------------------------------------------------------------------------------
BUILDERS = {"draft": build_draft, "glance": build_glance}


def render(kind: str, data: StudentExport, template: Template | None = None, matrix_png: bytes | None = None) -> bytes:
    """The finished .docx file as bytes (write them with goalwriter.io.safe_write)."""
    if kind not in KINDS:
        raise ValueError(f"unknown document kind {kind!r}; expected one of {', '.join(KINDS)}")
    w_doc = BUILDERS[kind](data, template, matrix_png)
    out = io.BytesIO()
    w_doc.save(out)
    return out.getvalue()
