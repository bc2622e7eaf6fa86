"""The report and the workbook print cleanly: column widths, landscape pages for wide tables, header rows
repeated on every page, real heading styles, numbers stored as numbers. Checked in the files themselves
and in the PDF LibreOffice makes of them."""
import re
import shutil
import subprocess

import pytest
from flask_babel import force_locale

from participation.exports import collect
from participation.exports.report import write_docx, write_odt
from participation.exports.workbook import write_ods, write_xlsx

MEASURE_HEADER = ("Maßnahme", "Partner", "Zuständigkeit", "Zeitraum", "Status", "Indikatoren", "Belege", "Priorität")


@pytest.fixture
def german(app):
    with force_locale("de"):
        yield


def _pdf(path, tmp_path):
    """Convert with LibreOffice headless (own profile, so parallel runs do not collide)."""
    if not shutil.which("soffice"):
        pytest.skip("LibreOffice is not installed")
    profile = tmp_path / "lo-profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path / "pdf"), str(path)], check=True, capture_output=True, timeout=180)
    from pypdf import PdfReader
    return PdfReader(str(tmp_path / "pdf" / (path.stem + ".pdf")))


def _words_whole(pdf_text: str, words) -> None:
    flat = re.sub(r"\s+", " ", pdf_text)
    for word in words:
        assert word in flat, f"header word {word!r} is broken or missing in the PDF"


def test_docx_report_tables_have_widths_repeating_headers_and_landscape_pages(strategy_process, german, tmp_path):
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn

    path = tmp_path / "report.docx"
    write_docx(collect.report_blocks(strategy_process), path, collect.report_title(strategy_process))
    document = Document(str(path))
    measure_tables = [t for t in document.tables if tuple(c.text for c in t.rows[0].cells) == MEASURE_HEADER]
    assert measure_tables, "measure and partners are separate columns"
    for table in document.tables:
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None, "header row repeats on every page"
        assert all(cell.width is not None and cell.width.cm > 1.5 for cell in table.rows[0].cells)
    assert sum(cell.width.cm for cell in measure_tables[0].rows[0].cells) > 24, "fills a landscape page"
    orientations = [section.orientation for section in document.sections]
    assert WD_ORIENT.LANDSCAPE in orientations and orientations[0] == WD_ORIENT.PORTRAIT
    assert {p.style.name for p in document.paragraphs if p.text.startswith("Handlungsfeld:")} == {"Heading 3"}
    assert "Schlagwörter" not in "\n".join(c.text for t in document.tables for c in t.rows[0].cells)

    pdf = _pdf(path, tmp_path)
    text = "\n".join(page.extract_text() for page in pdf.pages)
    _words_whole(text, MEASURE_HEADER + ("Bewegungstreff im Park", "Sportverein TSV Nordstadt"))
    assert any(page.mediabox.width > page.mediabox.height for page in pdf.pages), "landscape pages for tables"
    assert pdf.pages[0].mediabox.width < pdf.pages[0].mediabox.height


def test_odt_report_has_column_widths_header_rows_heading_styles_and_landscape(strategy_process, german, tmp_path):
    from odf import style, table
    from odf.opendocument import load

    path = tmp_path / "report.odt"
    write_odt(collect.report_blocks(strategy_process), path, collect.report_title(strategy_process))
    document = load(str(path))
    tables = document.getElementsByType(table.Table)
    assert tables and all(t.getElementsByType(table.TableHeaderRows) for t in tables)
    widths = [p.getAttribute("columnwidth") for p in document.getElementsByType(style.TableColumnProperties)]
    assert widths and all(width.endswith("cm") and float(width[:-2]) > 1.5 for width in widths)
    names = {s.getAttribute("name") for s in document.getElementsByType(style.Style)}
    assert {"Heading_20_1", "Heading_20_2", "Heading_20_3"} <= names
    masters = {m.getAttribute("name") for m in document.getElementsByType(style.MasterPage)}
    assert {"Standard", "Landscape"} <= masters

    pdf = _pdf(path, tmp_path)
    text = "\n".join(page.extract_text() for page in pdf.pages)
    _words_whole(text, MEASURE_HEADER)
    assert any(page.mediabox.width > page.mediabox.height for page in pdf.pages)


def test_xlsx_stores_numbers_and_prints_fit_to_width_with_repeated_header(strategy_process, german, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "strategy.xlsx"
    write_xlsx(collect.workbook_sheets(strategy_process), path)
    workbook = load_workbook(path)
    for sheet in workbook:
        assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref
        assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows == "$1:$1"
        assert all(sheet.column_dimensions[letter].width for letter in "AB")
    assert workbook["Strategie-Matrix"].page_setup.orientation == "landscape"
    counts = [row[1].value for row in workbook["Themen"].iter_rows(min_row=2)]
    assert all(isinstance(count, int) for count in counts if count != "nicht ausgewiesen")
    shares = [row[3] for row in workbook["Reichweite"].iter_rows(min_row=2) if row[3].value is not None]
    assert shares and all(isinstance(cell.value, (int, float)) and "%" in cell.number_format for cell in shares)

    pdf = _pdf(path, tmp_path)
    assert len(pdf.pages) <= 12, f"{len(pdf.pages)} pages"
    assert pdf.pages[0].mediabox.width > pdf.pages[0].mediabox.height, "the matrix prints landscape"
    _words_whole(pdf.pages[0].extract_text(), ("Handlungsfeld", "Maßnahme", "Zuständigkeit"))


def test_ods_stores_numbers_and_prints_fit_to_width_with_repeated_header(strategy_process, german, tmp_path):
    from odf import table
    from odf.opendocument import load

    path = tmp_path / "strategy.ods"
    write_ods(collect.workbook_sheets(strategy_process), path)
    document = load(str(path))
    sheets = document.getElementsByType(table.Table)
    assert all(sheet.getElementsByType(table.TableHeaderRows) for sheet in sheets)
    assert len(document.getElementsByType(table.DatabaseRange)) == len(sheets), "every sheet has a filter"
    themes = next(sheet for sheet in sheets if sheet.getAttribute("name") == "Themen")
    counts = [row.getElementsByType(table.TableCell)[1] for row in themes.getElementsByType(table.TableRow)[1:]]
    assert counts and all(cell.getAttribute("valuetype") in ("float", "string") for cell in counts)
    assert any(cell.getAttribute("valuetype") == "float" for cell in counts)

    pdf = _pdf(path, tmp_path)
    assert len(pdf.pages) <= 12, f"{len(pdf.pages)} pages"
    assert pdf.pages[0].mediabox.width > pdf.pages[0].mediabox.height
    _words_whole(pdf.pages[0].extract_text(), ("Handlungsfeld", "Maßnahme", "Zuständigkeit"))
