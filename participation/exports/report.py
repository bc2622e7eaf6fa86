"""Reports as DOCX (python-docx) and ODT (odfpy) from one list of plain blocks.

Blocks: Heading, Paragraph, Quote, Table, Image. Both writers render the same blocks, so the two
formats never drift apart.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path


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
    header: list[str]
    rows: list[list] = field(default_factory=list)


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
    for block in blocks:
        if isinstance(block, Heading):
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
            table = document.add_table(rows=1, cols=len(block.header))
            table.style = "Table Grid"
            for cell, text in zip(table.rows[0].cells, block.header):
                cell.text = ""
                cell.paragraphs[0].add_run(_text(text)).bold = True
            for row in block.rows:
                for cell, value in zip(table.add_row().cells, row):
                    cell.text = _text(value)
            document.add_paragraph()
        elif isinstance(block, Image):
            document.add_picture(BytesIO(block.png), width=Cm(block.width_cm))
            picture = document.inline_shapes[-1]
            picture._inline.docPr.set("descr", block.description)
            document.add_paragraph(block.description, style="Caption")
    document.save(str(path))


def write_odt(blocks: list, path: Path, title: str, language: str = "de") -> None:
    from odf import dc, draw, style, table, text
    from odf.opendocument import OpenDocumentText

    document = OpenDocumentText()
    document.meta.addElement(dc.Title(text=title))
    document.meta.addElement(dc.Language(text=language))
    styles = _odt_styles(document, style)
    image_number = 0
    for block in blocks:
        if isinstance(block, Heading):
            document.text.addElement(text.H(outlinelevel=block.level, stylename=styles[f"h{min(block.level, 3)}"],
                                            text=block.text))
        elif isinstance(block, Paragraph):
            document.text.addElement(text.P(stylename=styles["bold" if block.bold else "body"], text=block.text))
        elif isinstance(block, Quote):
            quote = f"„{block.text}“" + (f" ({block.source})" if block.source else "")
            document.text.addElement(text.P(stylename=styles["quote"], text=quote))
        elif isinstance(block, Table):
            document.text.addElement(_odt_table(block, table, text, styles))
        elif isinstance(block, Image):
            image_number += 1
            document.text.addElement(_odt_image(document, block, image_number, draw, text, styles))
    document.save(str(path))


def _odt_styles(document, style) -> dict:
    """Named paragraph styles so office programs show real headings (navigator, table of contents)."""
    made = {}
    for name, size, bold in (("h1", "18pt", True), ("h2", "15pt", True), ("h3", "13pt", True)):
        heading = style.Style(name=f"Heading {name[1]}", family="paragraph", defaultoutlinelevel=name[1])
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


def _odt_table(block: Table, table, text, styles):
    element = table.Table()
    element.addElement(table.TableColumn(numbercolumnsrepeated=len(block.header)))
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
