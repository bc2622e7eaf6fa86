"""Reports as DOCX (python-docx) and ODT (odfpy) from one list of plain blocks.

Blocks: Heading, Paragraph, Quote, Table, Image, Orientation. Both writers render the same blocks, so
the two formats never drift apart. Orientation starts a new page in portrait or landscape; a table with
more columns than fit a portrait page gets a landscape page of its own when it stands on a portrait one.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

LANDSCAPE_COLUMNS = 4
PAGE_WIDTH_CM, PAGE_HEIGHT_CM, MARGIN_CM = 21.0, 29.7, 2.0
PORTRAIT_TEXT_WIDTH_CM = PAGE_WIDTH_CM - 2 * MARGIN_CM
LANDSCAPE_TEXT_WIDTH_CM = PAGE_HEIGHT_CM - 2 * MARGIN_CM


@dataclass
class Heading:
    text: str
    level: int = 1


@dataclass
class Paragraph:
    text: str
    bold: bool = False


@dataclass
class Quote:
    text: str
    source: str = ""


@dataclass
class Table:
    """A table whose header row repeats on every page. widths: relative column weights."""
    header: list[str]
    rows: list[list] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)

    @property
    def wide(self) -> bool:
        return len(self.header) > LANDSCAPE_COLUMNS

    def column_widths_cm(self, landscape: bool) -> list[float]:
        """Absolute widths filling the page's text width (A4, 2 cm margins)."""
        weights = self.widths if len(self.widths) == len(self.header) else [1.0] * len(self.header)
        available = LANDSCAPE_TEXT_WIDTH_CM if landscape else PORTRAIT_TEXT_WIDTH_CM
        return [round(available * weight / sum(weights), 2) for weight in weights]


@dataclass
class Orientation:
    """From here on, pages are landscape (True) or portrait (False)."""
    landscape: bool


@dataclass
class Image:
    png: bytes
    description: str
    width_cm: float = 16.0


def _text(value) -> str:
    return "" if value is None else str(value)


def write_docx(blocks: list, path: Path, title: str, language: str = "de") -> None:
    from docx import Document
    from docx.shared import Cm

    document = Document()
    document.core_properties.title = title
    document.core_properties.language = language
    _docx_page(document.sections[0], landscape=False)
    landscape = False
    for block in _with_pages_for_wide_tables(blocks):
        if isinstance(block, Orientation):
            if block.landscape != landscape:
                _docx_new_page(document, block.landscape)
                landscape = block.landscape
        elif isinstance(block, Heading):
            document.add_heading(block.text, level=block.level)
        elif isinstance(block, Paragraph):
            paragraph = document.add_paragraph()
            paragraph.add_run(block.text).bold = block.bold
        elif isinstance(block, Quote):
            paragraph = document.add_paragraph(style="Quote")
            paragraph.add_run(f"„{block.text}“")
            if block.source:
                paragraph.add_run(f" ({block.source})").italic = True
        elif isinstance(block, Table):
            _docx_table(document, block, landscape)
        elif isinstance(block, Image):
            document.add_picture(BytesIO(block.png), width=Cm(block.width_cm))
            picture = document.inline_shapes[-1]
            picture._inline.docPr.set("descr", block.description)
            document.add_paragraph(block.description, style="Caption")
    document.save(str(path))


def _with_pages_for_wide_tables(blocks: list) -> list:
    """Put a landscape page around every wide table that would stand on a portrait page, together with the
    heading and lines introducing it (left at the foot of the portrait page they read as an empty chapter)."""
    result, landscape = [], False
    for block in blocks:
        if isinstance(block, Orientation):
            landscape = block.landscape
        if isinstance(block, Table) and block.wide and not landscape:
            introduction = _introduction(result)
            del result[len(result) - len(introduction):]
            result += [Orientation(True), *introduction, block, Orientation(False)]
        else:
            result.append(block)
    return result


def _introduction(blocks: list) -> list:
    """The last heading and the paragraphs after it, when nothing else stands between them and the end."""
    for index in range(len(blocks) - 1, max(len(blocks) - 4, 0) - 1, -1):
        if isinstance(blocks[index], Heading):
            return blocks[index:] if blocks[index].level > 1 else []
        if not isinstance(blocks[index], Paragraph):
            return []
    return []


def _docx_page(section, landscape: bool) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    width, height = (PAGE_HEIGHT_CM, PAGE_WIDTH_CM) if landscape else (PAGE_WIDTH_CM, PAGE_HEIGHT_CM)
    section.page_width, section.page_height = Cm(width), Cm(height)
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Cm(MARGIN_CM)


def _docx_new_page(document, landscape: bool) -> None:
    from docx.enum.section import WD_SECTION

    _docx_page(document.add_section(WD_SECTION.NEW_PAGE), landscape)


def _docx_table(document, block: Table, landscape: bool) -> None:
    """Fixed column widths and a header row that repeats on every page and is never split."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    widths = [Cm(width) for width in block.column_widths_cm(landscape)]
    table = document.add_table(rows=1, cols=len(block.header))
    table.style = "Table Grid"
    table.autofit = False
    header = table.rows[0]
    properties = header._tr.get_or_add_trPr()
    for tag in ("w:tblHeader", "w:cantSplit"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), "true")
        properties.append(element)
    for cell, text in zip(header.cells, block.header):
        cell.text = ""
        cell.paragraphs[0].add_run(_text(text)).bold = True
    for row in block.rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row):
            cell.text = _text(value)
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width
    for column, width in zip(table.columns, widths):
        column.width = width
    document.add_paragraph()


def write_odt(blocks: list, path: Path, title: str, language: str = "de") -> None:
    from odf import dc, draw, style, table, text
    from odf.opendocument import OpenDocumentText

    document = OpenDocumentText()
    document.meta.addElement(dc.Title(text=title))
    document.meta.addElement(dc.Language(text=language))
    styles = _odt_styles(document, style)
    image_number = table_number = 0
    landscape = False
    for block in _with_pages_for_wide_tables(blocks):
        if isinstance(block, Orientation):
            if block.landscape != landscape:
                document.text.addElement(text.P(stylename=styles["to-landscape" if block.landscape else "to-portrait"]))
                landscape = block.landscape
        elif isinstance(block, Heading):
            document.text.addElement(text.H(outlinelevel=block.level, stylename=styles[f"h{min(block.level, 3)}"],
                                            text=block.text))
        elif isinstance(block, Paragraph):
            document.text.addElement(text.P(stylename=styles["bold" if block.bold else "body"], text=block.text))
        elif isinstance(block, Quote):
            quote = f"„{block.text}“" + (f" ({block.source})" if block.source else "")
            document.text.addElement(text.P(stylename=styles["quote"], text=quote))
        elif isinstance(block, Table):
            table_number += 1
            document.text.addElement(_odt_table(document, block, table_number, landscape, table, text, style,
                                                styles))
        elif isinstance(block, Image):
            image_number += 1
            document.text.addElement(_odt_image(document, block, image_number, draw, text, styles))
    document.save(str(path))


def _odt_styles(document, style) -> dict:
    """Named paragraph styles so office programs show real headings (navigator, table of contents, a
    council's own template restyles them), and a portrait and a landscape A4 page."""
    made = _odt_pages(document, style)
    for name, size, bold in (("h1", "18pt", True), ("h2", "15pt", True), ("h3", "13pt", True)):
        heading = style.Style(name=f"Heading_20_{name[1]}", displayname=f"Heading {name[1]}", family="paragraph",
                              defaultoutlinelevel=name[1])
        heading.addElement(style.TextProperties(fontsize=size, fontweight="bold" if bold else "normal"))
        heading.addElement(style.ParagraphProperties(margintop="0.4cm", marginbottom="0.2cm"))
        document.styles.addElement(heading)
        made[name] = heading
    for name, properties in (("body", {}), ("bold", {"fontweight": "bold"}),
                             ("quote", {"fontstyle": "italic"}), ("cell", {}), ("header", {"fontweight": "bold"})):
        paragraph = style.Style(name=name.title(), family="paragraph")
        paragraph.addElement(style.TextProperties(**properties) if properties else style.TextProperties())
        if name == "quote":
            paragraph.addElement(style.ParagraphProperties(marginleft="1cm", marginbottom="0.2cm"))
        document.styles.addElement(paragraph)
        made[name] = paragraph
    cell = style.Style(name="TableCellBorder", family="table-cell")
    cell.addElement(style.TableCellProperties(border="0.5pt solid #000000", padding="0.1cm"))
    document.automaticstyles.addElement(cell)
    made["table-cell"] = cell
    return made


def _odt_pages(document, style) -> dict:
    made = {}
    for name, landscape in (("Standard", False), ("Landscape", True)):
        width, height = (PAGE_HEIGHT_CM, PAGE_WIDTH_CM) if landscape else (PAGE_WIDTH_CM, PAGE_HEIGHT_CM)
        layout = style.PageLayout(name=f"{name}Page")
        layout.addElement(style.PageLayoutProperties(
            pagewidth=f"{width}cm", pageheight=f"{height}cm", printorientation="landscape" if landscape else "portrait",
            margintop=f"{MARGIN_CM}cm", marginbottom=f"{MARGIN_CM}cm", marginleft=f"{MARGIN_CM}cm",
            marginright=f"{MARGIN_CM}cm"))
        document.automaticstyles.addElement(layout)
        document.masterstyles.addElement(style.MasterPage(name=name, pagelayoutname=layout))
    for key, master in (("to-landscape", "Landscape"), ("to-portrait", "Standard")):
        switch = style.Style(name=f"PageBreak{master}", family="paragraph", masterpagename=master)
        document.automaticstyles.addElement(switch)
        made[key] = switch
    return made


def _odt_table(document, block: Table, number: int, landscape: bool, table, text, style, styles):
    widths = block.column_widths_cm(landscape)
    table_style = style.Style(name=f"Table{number}", family="table")
    table_style.addElement(style.TableProperties(width=f"{sum(widths):.2f}cm", align="left"))
    document.automaticstyles.addElement(table_style)
    element = table.Table(name=f"Table{number}", stylename=table_style)
    for index, width in enumerate(widths):
        column_style = style.Style(name=f"Table{number}.C{index}", family="table-column")
        column_style.addElement(style.TableColumnProperties(columnwidth=f"{width}cm"))
        document.automaticstyles.addElement(column_style)
        element.addElement(table.TableColumn(stylename=column_style))
    header = table.TableHeaderRows()
    header.addElement(_odt_row(block.header, table, text, styles, "header"))
    element.addElement(header)
    for row in block.rows:
        element.addElement(_odt_row(row, table, text, styles, "cell"))
    return element


def _odt_row(values, table, text, styles, paragraph_style):
    row = table.TableRow()
    for value in values:
        cell = table.TableCell(valuetype="string", stylename=styles["table-cell"])
        for line in _text(value).split("\n"):
            cell.addElement(text.P(stylename=styles[paragraph_style], text=line))
        row.addElement(cell)
    return row


def _odt_image(document, block: Image, number: int, draw, text, styles):
    from odf import svg
    from PIL import Image as PillowImage

    width_px, height_px = PillowImage.open(BytesIO(block.png)).size
    height_cm = block.width_cm * height_px / width_px
    href = document.addPicture(f"Pictures/chart{number}.png", "image/png", block.png)
    frame = draw.Frame(width=f"{block.width_cm}cm", height=f"{height_cm:.2f}cm", anchortype="as-char",
                       name=f"chart{number}")
    frame.addElement(draw.Image(href=href))
    frame.addElement(svg.Desc(text=block.description))
    paragraph = text.P(stylename=styles["body"])
    paragraph.addElement(frame)
    caption = text.P(stylename=styles["quote"], text=block.description)
    container = text.Section(name=f"Chart{number}")
    container.addElement(paragraph)
    container.addElement(caption)
    return container
