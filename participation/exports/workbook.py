"""Workbooks as XLSX (openpyxl) and ODS (odfpy): a list of sheets with a header row and data rows.

Both print cleanly: A4, fit to the page width, landscape when a sheet has more than
LANDSCAPE_COLUMNS columns, the header row repeated on every page; on screen the header row is
frozen and filterable. Numbers are stored as numbers (shares as fractions with a percent format).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

MAX_SHEET_TITLE = 31
LANDSCAPE_COLUMNS = 5
FORBIDDEN_IN_TITLES = str.maketrans({c: " " for c in "[]:*?/\\"})


@dataclass
class Sheet:
    title: str
    header: list[str]
    rows: list[list] = field(default_factory=list)
    widths: list[int] = field(default_factory=list)   # column widths in characters, optional
    formats: dict = field(default_factory=dict)        # column index → number format, e.g. "0 %"

    @property
    def landscape(self) -> bool:
        return len(self.header) > LANDSCAPE_COLUMNS

    @property
    def safe_title(self) -> str:
        """Spreadsheet programs refuse long titles and some characters."""
        return self.title.translate(FORBIDDEN_IN_TITLES)[:MAX_SHEET_TITLE]


def _cell(value):
    """Numbers stay numbers; None becomes empty; everything else is text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    return value


def write_xlsx(sheets: list[Sheet], path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet in sheets:
        worksheet = workbook.create_sheet(sheet.safe_title)
        worksheet.append(sheet.header)
        for cell in worksheet[1]:
            cell.font = Font(bold=True)
        for row in sheet.rows:
            worksheet.append([_cell(value) for value in row])
        for index, width in enumerate(sheet.widths or [24] * len(sheet.header), start=1):
            worksheet.column_dimensions[get_column_letter(index)].width = width
        for row in worksheet.iter_rows(min_row=2):
            for index, cell in enumerate(row):
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"   # residents' text is never run as a formula
                if index in sheet.formats and isinstance(cell.value, (int, float)):
                    cell.number_format = sheet.formats[index].replace(" %", "%")
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        for cell in worksheet[1]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        _xlsx_row_heights(worksheet, sheet)
        _xlsx_print_setup(worksheet, sheet)
    workbook.save(path)


def _xlsx_row_heights(worksheet, sheet: Sheet) -> None:
    """Rows tall enough for their wrapped text: spreadsheet programs do not grow rows of a file they open."""
    widths = sheet.widths or [24] * len(sheet.header)
    for number, values in enumerate([sheet.header] + sheet.rows, start=1):
        lines = max([_lines(value, width) for value, width in zip(values, widths)] + [1])
        worksheet.row_dimensions[number].height = 15 * lines


def _lines(value, width: int) -> int:
    if value is None or isinstance(value, (int, float)):
        return 1
    return sum(max(1, -(-len(line) // max(width - 1, 1))) for line in str(value).split("\n"))


def _xlsx_print_setup(worksheet, sheet: Sheet) -> None:
    worksheet.freeze_panes = "A2"
    worksheet.auto_filter.ref = worksheet.dimensions
    worksheet.print_title_rows = "1:1"
    worksheet.page_setup.paperSize = worksheet.PAPERSIZE_A4
    worksheet.page_setup.orientation = "landscape" if sheet.landscape else "portrait"
    worksheet.sheet_properties.pageSetUpPr.fitToPage = True
    worksheet.page_setup.fitToWidth = 1
    worksheet.page_setup.fitToHeight = 0      # as many pages down as needed
    worksheet.print_options.gridLines = True


def write_ods(sheets: list[Sheet], path: Path) -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import ParagraphProperties, Style, TableCellProperties, TableColumnProperties, TextProperties
    from odf.table import DatabaseRange, DatabaseRanges, Table, TableColumn, TableHeaderRows

    document = OpenDocumentSpreadsheet()
    bold = Style(name="HeaderCell", family="table-cell")
    bold.addElement(TableCellProperties(wrapoption="wrap", verticalalign="top"))
    bold.addElement(TextProperties(fontweight="bold"))
    bold.addElement(ParagraphProperties())
    document.automaticstyles.addElement(bold)
    wrapped = Style(name="WrappedCell", family="table-cell")
    wrapped.addElement(TableCellProperties(wrapoption="wrap", verticalalign="top"))
    document.automaticstyles.addElement(wrapped)
    styles = {"header": bold, "text": wrapped, "percent": _ods_percent_style(document), **_ods_pages(document)}
    column_styles = {}
    ranges = DatabaseRanges()
    for number, sheet in enumerate(sheets):
        table = Table(name=sheet.safe_title, stylename=styles["landscape" if sheet.landscape else "portrait"])
        for index, width in enumerate(sheet.widths or [24] * len(sheet.header)):
            if width not in column_styles:
                style = Style(name=f"Column{width}", family="table-column")
                style.addElement(TableColumnProperties(columnwidth=f"{width * 0.21:.2f}cm"))
                document.automaticstyles.addElement(style)
                column_styles[width] = style
            table.addElement(TableColumn(stylename=column_styles[width]))
        header = TableHeaderRows()       # repeated on every printed page
        header.addElement(_ods_row(sheet.header, {}, styles, header=True))
        table.addElement(header)
        for row in sheet.rows:
            table.addElement(_ods_row([_cell(value) for value in row], sheet.formats, styles))
        document.spreadsheet.addElement(table)
        ranges.addElement(DatabaseRange(
            name=f"__Anonymous_Sheet_DB__{number}", displayfilterbuttons="true",
            targetrangeaddress=f"'{sheet.safe_title}'.A1:'{sheet.safe_title}'.{_column_letter(len(sheet.header))}"
                               f"{len(sheet.rows) + 1}"))
    document.spreadsheet.addElement(ranges)
    _ods_freeze_header(document, sheets)
    document.save(str(path))


def _column_letter(number: int) -> str:
    letters = ""
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _ods_pages(document) -> dict:
    """Table styles pointing at A4 portrait / landscape pages scaled to one page wide."""
    from odf.namespaces import STYLENS
    from odf.style import MasterPage, PageLayout, PageLayoutProperties, Style, TableProperties

    made = {}
    for name, landscape in (("portrait", False), ("landscape", True)):
        layout = PageLayout(name=f"Page{name.title()}")
        properties = PageLayoutProperties(pagewidth="29.7cm" if landscape else "21cm",
                                          pageheight="21cm" if landscape else "29.7cm",
                                          printorientation=name, margin="1.5cm")
        properties.attributes[(STYLENS, "scale-to-X")] = "1"    # fit to the page width (odfpy lacks it)
        properties.attributes[(STYLENS, "scale-to-Y")] = "0"
        layout.addElement(properties)
        document.automaticstyles.addElement(layout)
        master = MasterPage(name=f"Sheet{name.title()}", pagelayoutname=layout)
        document.masterstyles.addElement(master)
        table_style = Style(name=f"Table{name.title()}", family="table", masterpagename=master)
        table_style.addElement(TableProperties(display="true"))
        document.automaticstyles.addElement(table_style)
        made[name] = table_style
    return made


def _ods_percent_style(document):
    from odf.number import Number, PercentageStyle, Text
    from odf.style import Style

    percent = PercentageStyle(name="Percent")
    percent.addElement(Number(decimalplaces="0", minintegerdigits="1"))
    percent.addElement(Text(text="\u00a0%"))
    document.automaticstyles.addElement(percent)
    cell = Style(name="PercentCell", family="table-cell", datastylename=percent)
    document.automaticstyles.addElement(cell)
    return cell


def _ods_freeze_header(document, sheets: list[Sheet]) -> None:
    """Keep the header row in view while scrolling (LibreOffice's view settings)."""
    from odf.config import ConfigItem, ConfigItemMapEntry, ConfigItemMapIndexed, ConfigItemMapNamed, ConfigItemSet

    view = ConfigItemSet(name="ooo:view-settings")
    views = ConfigItemMapIndexed(name="Views")
    entry = ConfigItemMapEntry()
    entry.addElement(ConfigItem(name="ViewId", type="string", text="view1"))
    tables = ConfigItemMapNamed(name="Tables")
    for sheet in sheets:
        settings = ConfigItemMapEntry(name=sheet.safe_title)
        for name, kind, value in (("HorizontalSplitMode", "short", "0"), ("VerticalSplitMode", "short", "2"),
                                  ("HorizontalSplitPosition", "int", "0"), ("VerticalSplitPosition", "int", "1"),
                                  ("ActiveSplitRange", "short", "2"), ("PositionLeft", "int", "0"),
                                  ("PositionRight", "int", "0"), ("PositionTop", "int", "0"),
                                  ("PositionBottom", "int", "1")):
            settings.addElement(ConfigItem(name=name, type=kind, text=value))
        tables.addElement(settings)
    entry.addElement(tables)
    views.addElement(entry)
    view.addElement(views)
    document.settings.addElement(view)


def _ods_row(values, formats: dict, styles: dict, header: bool = False):
    from odf.table import TableCell, TableRow
    from odf.text import P

    row = TableRow()
    for index, value in enumerate(values):
        extra = {"stylename": styles["header" if header else "text"]}
        if isinstance(value, (int, float)) and not isinstance(value, bool) and index in formats:
            cell = TableCell(valuetype="percentage", value=value, stylename=styles["percent"])
            cell.addElement(P(text=f"{value * 100:.0f} %"))
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            cell = TableCell(valuetype="float", value=value, **extra)
            cell.addElement(P(text=f"{value:g}"))
        else:
            cell = TableCell(valuetype="string", **extra)
            for line in str(value).split("\n"):
                cell.addElement(P(text=line))
        row.addElement(cell)
    return row
