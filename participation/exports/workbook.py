"""Workbooks as XLSX (openpyxl) and ODS (odfpy): a list of sheets with a header row and data rows."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

MAX_SHEET_TITLE = 31
FORBIDDEN_IN_TITLES = str.maketrans({c: " " for c in "[]:*?/\\"})


@dataclass
class Sheet:
    title: str
    header: list[str]
    rows: list[list] = field(default_factory=list)
    widths: list[int] = field(default_factory=list)   # column widths in characters, optional

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
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"   # residents' text is never run as a formula
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        worksheet.freeze_panes = "A2"
    workbook.save(path)


def write_ods(sheets: list[Sheet], path: Path) -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import ParagraphProperties, Style, TableColumnProperties, TextProperties
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    bold = Style(name="HeaderCell", family="table-cell")
    bold.addElement(TextProperties(fontweight="bold"))
    bold.addElement(ParagraphProperties())
    document.automaticstyles.addElement(bold)
    column_styles = {}
    for sheet in sheets:
        table = Table(name=sheet.safe_title)
        for index, width in enumerate(sheet.widths or [24] * len(sheet.header)):
            if width not in column_styles:
                style = Style(name=f"Column{width}", family="table-column")
                style.addElement(TableColumnProperties(columnwidth=f"{width * 0.21:.2f}cm"))
                document.automaticstyles.addElement(style)
                column_styles[width] = style
            table.addElement(TableColumn(stylename=column_styles[width]))
        table.addElement(_ods_row(sheet.header, TableRow, TableCell, P, stylename=bold))
        for row in sheet.rows:
            table.addElement(_ods_row([_cell(value) for value in row], TableRow, TableCell, P))
        document.spreadsheet.addElement(table)
    document.save(str(path))


def _ods_row(values, TableRow, TableCell, P, stylename=None):
    row = TableRow()
    for value in values:
        extra = {"stylename": stylename} if stylename is not None else {}
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            cell = TableCell(valuetype="float", value=value, **extra)
            cell.addElement(P(text=f"{value:g}"))
        else:
            cell = TableCell(valuetype="string", **extra)
            for line in str(value).split("\n"):
                cell.addElement(P(text=line))
        row.addElement(cell)
    return row
