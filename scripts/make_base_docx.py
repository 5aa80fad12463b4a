"""Build goalwriter/templates/base.docx: the Word styles every export uses.

Run it after changing a style here:  .venv/bin/python scripts/make_base_docx.py

The exports use real Word styles (Title, Heading 1-2, Table Grid, List Number, List Bullet) so a district
can paste from them, plus a few of our own, all named "GW …". The look: Calibri (metric-compatible
Carlito on Linux), dark blue headings that print as dark grey, light grey grid lines, US Letter with
1-inch margins. The header and footer are left empty; the writer fills them per document.
"""

from __future__ import annotations

import sys
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Inches

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "goalwriter" / "templates" / "base.docx"

FONT = "Calibri"
SYMBOL_FONT = "Segoe UI Symbol"
INK = "222222"
ACCENT = "1F4E79"
ACCENT_2 = "2E5C8A"
MUTED = "595959"
RULE = "A6A6A6"
GOAL_FILL = "F2F5F9"


def _fonts(name: str = FONT) -> str:
    return f'<w:rFonts w:ascii="{name}" w:hAnsi="{name}" w:cs="{name}"/>'


def _set_style(doc, name: str, kind: WD_STYLE_TYPE, *, based_on: str | None = "Normal", ppr: str = "",
               rpr: str = "", tblpr: str = "", next_style: str | None = None, ui_priority: int | None = None):
    """Create the style (or take the existing one) and replace its paragraph/run/table properties."""
    styles = doc.styles
    try:
        style = styles[name]
    except KeyError:
        style = styles.add_style(name, kind)
    el = style.element
    for tag in ("w:pPr", "w:rPr", "w:tblPr", "w:rsid", "w:link", "w:next", "w:basedOn", "w:tcPr"):
        for child in el.findall(qn(tag)):
            el.remove(child)
    if based_on is not None:
        style.base_style = styles[based_on]
    if next_style is not None:
        el.append(parse_xml(f'<w:next {nsdecls("w")} w:val="{styles[next_style].style_id}"/>'))
    style.hidden = False
    style.quick_style = kind != WD_STYLE_TYPE.TABLE
    if ui_priority is not None:
        style.priority = ui_priority
    if ppr:
        el.append(parse_xml(f'<w:pPr {nsdecls("w")}>{ppr}</w:pPr>'))
    if rpr:
        el.append(parse_xml(f'<w:rPr {nsdecls("w")}>{rpr}</w:rPr>'))
    if tblpr:
        el.append(parse_xml(f'<w:tblPr {nsdecls("w")}>{tblpr}</w:tblPr>'))
    return style


def _size(points: float) -> str:
    half = round(points * 2)
    return f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'


def _borders(color: str, size: int = 4, inside: bool = True) -> str:
    sides = ["top", "left", "bottom", "right"] + (["insideH", "insideV"] if inside else [])
    lines = "".join(f'<w:{s} w:val="single" w:sz="{size}" w:space="0" w:color="{color}"/>' for s in sides)
    return f"<w:tblBorders>{lines}</w:tblBorders>"


CELL_MARGINS = (
    '<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="90" w:type="dxa"/>'
    '<w:bottom w:w="40" w:type="dxa"/><w:right w:w="90" w:type="dxa"/></w:tblCellMar>'
)


def _numbering(doc) -> None:
    """One bullet and one decimal list (three levels each) for List Bullet / List Number (1-3)."""
    def levels(kind: str) -> str:
        out = []
        for level in range(3):
            left = 360 + level * 360
            if kind == "bullet":
                text, fmt, font = ("•", "–", "◦")[level], "bullet", f'<w:rPr>{_fonts(FONT)}</w:rPr>'
            else:
                text, fmt, font = (f"%{level + 1}.", "decimal" if level != 1 else "lowerLetter", "")
                fmt = ("decimal", "lowerLetter", "lowerRoman")[level]
            style = ("ListBullet", "ListBullet2", "ListBullet3")[level] if kind == "bullet" else (
                ("ListNumber", "ListNumber2", "ListNumber3")[level])
            out.append(
                f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                f'<w:pStyle w:val="{style}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                f'<w:pPr><w:ind w:left="{left}" w:hanging="280"/></w:pPr>{font}</w:lvl>'
            )
        return "".join(out)

    xml = (
        f'<w:numbering {nsdecls("w")}>'
        f'<w:abstractNum w:abstractNumId="1"><w:nsid w:val="4757A001"/><w:multiLevelType w:val="multilevel"/>'
        f'{levels("bullet")}</w:abstractNum>'
        f'<w:abstractNum w:abstractNumId="2"><w:nsid w:val="4757A002"/><w:multiLevelType w:val="multilevel"/>'
        f'{levels("number")}</w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>'
        "</w:numbering>"
    )
    part = doc.part.numbering_part
    part._element = parse_xml(xml)


def _list_style(doc, name: str, num_id: int, level: int) -> None:
    _set_style(
        doc, name, WD_STYLE_TYPE.PARAGRAPH,
        ppr=f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
            '<w:spacing w:after="40"/><w:contextualSpacing/>',
        ui_priority=99,
    )


def _drop_extra_parts(doc) -> None:
    """Remove the stock thumbnail, the Word 2010 style copy and the sample custom XML."""
    package = doc.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del package.rels[rid]
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith(("/stylesWithEffects", "/customXml")):
            del doc.part.rels[rid]


KEEP_TABLE_STYLES = {"Normal Table", "Table Grid"}


def _drop_unused_styles(doc) -> None:
    """Keep the styles file small: no stock table designs, no linked "… Char" styles."""
    root = doc.styles.element
    for style in list(root.findall(qn("w:style"))):
        name = style.find(qn("w:name")).get(qn("w:val"))
        is_table = style.get(qn("w:type")) == "table"
        if (is_table and name not in KEEP_TABLE_STYLES) or name.endswith(" Char"):
            root.remove(style)


def _settings(doc) -> None:
    settings = doc.settings.element
    for tag in ("w:rsids", "w:proofState", "w:savePreviewPicture", "w:attachedTemplate"):
        for child in settings.findall(qn(tag)):
            settings.remove(child)
    for setting in settings.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")


def build() -> docx.document.Document:
    doc = docx.Document()
    _drop_extra_parts(doc)
    _settings(doc)
    _drop_unused_styles(doc)
    _numbering(doc)

    # document defaults: explicit fonts (no theme lookups), tight spacing
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    defaults.getparent().remove(defaults)
    doc.styles.element.insert(0, parse_xml(
        f'<w:docDefaults {nsdecls("w")}><w:rPrDefault><w:rPr>{_fonts()}{_size(10.5)}'
        '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        '<w:pPrDefault><w:pPr><w:spacing w:after="80" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
        "</w:docDefaults>"
    ))
    P, C, T = WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER, WD_STYLE_TYPE.TABLE

    _set_style(doc, "Normal", P, based_on=None, rpr=f'{_fonts()}<w:color w:val="{INK}"/>{_size(10.5)}')
    _set_style(doc, "Title", P, next_style="Normal", ui_priority=10,
               ppr='<w:keepNext/><w:spacing w:before="0" w:after="40" w:line="240" w:lineRule="auto"/>'
                   '<w:contextualSpacing/>',
               rpr=f'<w:b/><w:bCs/><w:color w:val="{ACCENT}"/><w:kern w:val="28"/>{_size(20)}')
    _set_style(doc, "Subtitle", P, next_style="Normal", ui_priority=11,
               ppr='<w:spacing w:after="160"/>', rpr=f'<w:color w:val="{MUTED}"/>{_size(11)}')
    _set_style(doc, "Heading 1", P, next_style="Normal", ui_priority=9,
               ppr=f'<w:keepNext/><w:keepLines/><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="2" '
                   f'w:color="{ACCENT}"/></w:pBdr><w:spacing w:before="320" w:after="100"/><w:outlineLvl w:val="0"/>',
               rpr=f'<w:b/><w:bCs/><w:color w:val="{ACCENT}"/>{_size(13.5)}')
    _set_style(doc, "Heading 2", P, next_style="Normal", ui_priority=9,
               ppr='<w:keepNext/><w:keepLines/><w:spacing w:before="180" w:after="40"/><w:outlineLvl w:val="1"/>',
               rpr=f'<w:b/><w:bCs/><w:color w:val="{ACCENT_2}"/>{_size(10.5)}')
    _set_style(doc, "Heading 3", P, next_style="Normal", ui_priority=9,
               ppr='<w:keepNext/><w:keepLines/><w:spacing w:before="120" w:after="20"/><w:outlineLvl w:val="2"/>',
               rpr=f'<w:b/><w:bCs/><w:i/><w:color w:val="{ACCENT_2}"/>{_size(10.5)}')
    for name in ("Header", "Footer"):
        _set_style(doc, name, P, ui_priority=99,
                   ppr='<w:tabs><w:tab w:val="center" w:pos="4680"/><w:tab w:val="right" w:pos="9360"/></w:tabs>'
                       '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>',
                   rpr=f'<w:color w:val="{MUTED}"/>{_size(8.5)}')
    _set_style(doc, "Caption", P, next_style="Normal", ui_priority=35,
               ppr='<w:spacing w:before="40" w:after="120" w:line="240" w:lineRule="auto"/>',
               rpr=f'<w:i/><w:color w:val="{MUTED}"/>{_size(9)}')
    _list_style(doc, "List Bullet", 1, 0)
    _list_style(doc, "List Bullet 2", 1, 1)
    _list_style(doc, "List Bullet 3", 1, 2)
    _list_style(doc, "List Number", 2, 0)
    _list_style(doc, "List Number 2", 2, 1)
    _list_style(doc, "List Number 3", 2, 2)
    _set_style(doc, "Table Grid", T, based_on="Normal Table", ui_priority=59,
               ppr='<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>',
               tblpr=f'<w:tblInd w:w="0" w:type="dxa"/>{_borders(RULE)}{CELL_MARGINS}')
    # Strong exists in Word but not in every template; define it so the fallback chain ends somewhere real
    _set_style(doc, "Strong", C, based_on=None, rpr="<w:b/><w:bCs/>", ui_priority=22)

    # goalwriter's own styles
    _set_style(doc, "GW Subtitle", P, next_style="Normal",
               ppr='<w:spacing w:after="140"/>', rpr=f'<w:color w:val="{MUTED}"/>{_size(10.5)}')
    _set_style(doc, "GW Goal Sentence", P, next_style="Normal",
               ppr=f'<w:pBdr><w:left w:val="single" w:sz="24" w:space="6" w:color="{ACCENT}"/></w:pBdr>'
                   f'<w:shd w:val="clear" w:color="auto" w:fill="{GOAL_FILL}"/>'
                   '<w:spacing w:before="40" w:after="120" w:line="276" w:lineRule="auto"/><w:ind w:left="144"/>',
               rpr=_size(11))
    _set_style(doc, "GW Table Text", P, ppr='<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>',
               rpr=_size(9.5))
    _set_style(doc, "GW Table Heading", P, based_on="GW Table Text", ppr='<w:keepNext/>',
               rpr=f'<w:b/><w:bCs/><w:color w:val="{ACCENT}"/>{_size(9)}')
    _set_style(doc, "GW Note", P, ppr='<w:spacing w:before="40" w:after="80" w:line="240" w:lineRule="auto"/>',
               rpr=f'<w:i/><w:iCs/><w:color w:val="{MUTED}"/>{_size(9)}')
    _set_style(doc, "GW Glance Title", P, next_style="GW Subtitle",
               ppr='<w:keepNext/><w:spacing w:before="0" w:after="20" w:line="240" w:lineRule="auto"/>',
               rpr=f'<w:b/><w:bCs/><w:color w:val="{ACCENT}"/>{_size(16)}')
    _set_style(doc, "GW Glance Cell", P, based_on="GW Table Text",
               ppr='<w:jc w:val="center"/>', rpr=_size(11))
    _set_style(doc, "GW Glance Header", P, based_on="GW Table Heading",
               ppr='<w:jc w:val="center"/>', rpr=_size(8))
    _set_style(doc, "GW Draft Mark", P, based_on="Header",
               rpr=f'<w:b/><w:bCs/><w:caps/><w:color w:val="{ACCENT}"/><w:spacing w:val="20"/>{_size(8.5)}')
    _set_style(doc, "GW Label", C, based_on=None, rpr=f'<w:b/><w:bCs/><w:color w:val="{ACCENT}"/>')
    _set_style(doc, "GW Symbol", C, based_on=None,
               rpr=f'<w:rFonts w:ascii="{SYMBOL_FONT}" w:hAnsi="{SYMBOL_FONT}" w:cs="{SYMBOL_FONT}"/>')
    _set_style(doc, "GW Info Table", T, based_on="Normal Table",
               ppr='<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>',
               tblpr=f'<w:tblInd w:w="0" w:type="dxa"/><w:tblBorders><w:top w:val="single" w:sz="8" w:space="0" '
                     f'w:color="{ACCENT}"/><w:bottom w:val="single" w:sz="8" w:space="0" w:color="{ACCENT}"/>'
                     f'<w:insideH w:val="single" w:sz="2" w:space="0" w:color="{RULE}"/></w:tblBorders>'
                     f'{CELL_MARGINS}')

    section = doc.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, side, Inches(1))
    section.header_distance = section.footer_distance = Inches(0.5)
    for part in (section.header, section.footer):
        part.is_linked_to_previous = False
        part.paragraphs[0].style = doc.styles["Header" if part is section.header else "Footer"]

    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)

    props = doc.core_properties
    props.author = props.last_modified_by = props.comments = props.title = props.subject = ""
    props.keywords = props.category = ""
    props.revision = 1
    return doc


def main(argv: list[str]) -> int:
    target = Path(argv[1]) if len(argv) > 1 else TARGET
    doc = build()
    doc.save(target)
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
