"""CSV import of indicator values (e.g. from the municipal health and social reporting per district).

All or nothing: every row is checked first; one bad row and nothing is stored, and the planner sees each
bad row by its number with what is wrong. Columns: Indikator (name or number), Datum, Wert, Quelle, Notiz.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from flask_babel import gettext as _

from ..extensions import db
from ..models import Indicator, IndicatorValue
from .monitoring import parse_date, parse_number

MAX_UPLOAD_BYTES = 1024 * 1024
MAX_ROWS = 5000
COLUMNS = {   # accepted headers (lower case) → field
    "indikator": "indicator", "indicator": "indicator", "datum": "date", "date": "date", "wert": "value",
    "value": "value", "quelle": "source", "source": "source", "notiz": "note", "note": "note",
    "anmerkung": "note",
}


@dataclass
class ImportResult:
    values: list[IndicatorValue] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)   # (row number in the file, message)

    @property
    def ok(self) -> bool:
        return not self.errors


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) or, from older office programs, Windows-1252."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _indicator_lookup(process) -> tuple[dict, dict]:
    indicators = db.session.scalars(db.select(Indicator).where(Indicator.process_id == process.id)).all()
    by_name: dict[str, list[Indicator]] = {}
    for indicator in indicators:
        by_name.setdefault(indicator.name.strip().casefold(), []).append(indicator)
    return {i.id: i for i in indicators}, by_name


def _find_indicator(text: str, by_id: dict, by_name: dict):
    """The indicator, or an error message."""
    text = text.strip()
    if not text:
        return None, _("Der Indikator fehlt.")
    if text.lstrip("#").isdigit() and int(text.lstrip("#")) in by_id:
        return by_id[int(text.lstrip("#"))], None
    found = by_name.get(text.casefold(), [])
    if len(found) == 1:
        return found[0], None
    if found:
        return None, _("Mehrere Indikatoren heißen „%(name)s“. Bitte geben Sie die Nummer an.", name=text)
    return None, _("Einen Indikator „%(name)s“ gibt es in diesem Prozess nicht.", name=text)


def parse_values(process, data: bytes) -> ImportResult:
    """Check every row and build the values; they are not in the session, so nothing is stored unless the
    caller adds them (and it does only when there is no error)."""
    result = ImportResult()
    text = decode(data)
    first_line = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first_line.count)
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    if not rows:
        result.errors.append((1, _("Die Datei ist leer.")))
        return result
    header = [COLUMNS.get(name.strip().casefold()) for name in rows[0]]
    missing = [label for key, label in (("indicator", "Indikator"), ("date", "Datum"), ("value", "Wert"))
               if key not in header]
    if missing:
        result.errors.append((1, _("In der ersten Zeile fehlen die Spalten: %(columns)s. Erwartet: Indikator; "
                                   "Datum; Wert; Quelle; Notiz.", columns=", ".join(missing))))
        return result
    if len(rows) - 1 > MAX_ROWS:
        result.errors.append((1, _("Die Datei hat mehr als %(n)s Zeilen.", n=MAX_ROWS)))
        return result
    by_id, by_name = _indicator_lookup(process)
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        cells = {key: (row[index].strip() if index < len(row) else "") for index, key in enumerate(header) if key}
        indicator, problem = _find_indicator(cells["indicator"], by_id, by_name)
        problems = [problem] if problem else []
        measured_on = parse_date(cells["date"])
        if measured_on is None:
            problems.append(_("Das Datum „%(value)s“ ist ungültig (z. B. 31.12.2025 oder 2025-12-31).",
                              value=cells["date"]))
        value = parse_number(cells["value"])
        if value is None:
            problems.append(_("Der Wert „%(value)s“ ist keine Zahl.", value=cells["value"]))
        if len(cells.get("source", "")) > 300:
            problems.append(_("Die Quelle ist länger als 300 Zeichen."))
        if problems:
            result.errors.append((number, " ".join(problems)))
            continue
        result.values.append(IndicatorValue(process_id=process.id, indicator_id=indicator.id,
                                            measured_on=measured_on, value=value,
                                            source=cells.get("source", ""), note=cells.get("note", "")))
    if not result.values and not result.errors:
        result.errors.append((2, _("Die Datei enthält keine Werte.")))
    return result
