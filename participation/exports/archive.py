"""Move one process to another installation: a complete, versioned archive, imported all-or-nothing.

The archive holds every row that belongs to the process, found by following foreign keys from it:
questionnaires (surveys and guides) with sections, questions, options and their translations, responses
and answers (free text as retention left it), embeddings, analysis runs, themes with their assignments and
planner decisions, the strategy with evidence, and the process's audit trail. Accounts are left out: each
reference to an account carries its e-mail address and is mapped to the account with that address on the
importing side, or left empty (invite the person anew). Jobs, drafts and rate-limit counters are
operational and stay behind. Columns marked confidential (info={"confidential": True}: the stakeholder
profiles of actors) stay behind too: the archive lists them under "left_out", and the importing side gets
the column's default (empty), so a profile has to be written anew there.

Import gives every row a new id and rewrites the references, inside one transaction; any problem rolls
everything back. An archive of a newer format version, or with tables or columns this version does not
know, is refused.
"""
from __future__ import annotations

import base64
import json
import zipfile
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import Date, DateTime, Integer, LargeBinary, Table, select
from sqlalchemy.types import TypeDecorator

from ..extensions import db
from ..models import utcnow

ARCHIVE_FORMAT = "participation-process-archive"
ARCHIVE_VERSION = 1
MEMBER = "process.json"
ACCOUNTS = "user_account"
LEFT_BEHIND = {ACCOUNTS, "invitation", "process_member", "questionnaire_assignment", "job", "stored_export",
               "worker_heartbeat", "refused_attempts", "survey_draft"}


class ArchiveError(ValueError):
    """The archive cannot be imported; nothing was changed."""


def _tables() -> list[Table]:
    return [table for table in db.metadata.sorted_tables if table.name not in LEFT_BEHIND]


def confidential_columns() -> dict[str, list[str]]:
    """Per table, the columns no archive carries (only planners of the process on this installation see them)."""
    found = {table.name: [column.name for column in table.columns if column.info.get("confidential")]
             for table in _tables()}
    return {name: columns for name, columns in found.items() if columns}


def _owned_rows(process_id: int) -> dict[str, list[dict]]:
    """Rows per table that belong to the process: the process itself and whatever points at owned rows."""
    owned_keys: dict[str, set] = {}
    rows: dict[str, list[dict]] = {}
    for table in _tables():
        if table.name == "process":
            condition = table.c.id == process_id
        else:
            conditions = [fk.parent.in_(owned_keys[fk.column.table.name]) for fk in table.foreign_keys
                          if fk.column.table.name in owned_keys and fk.column.table is not table
                          and owned_keys[fk.column.table.name]]
            if not conditions:
                continue
            condition = conditions[0]
            for other in conditions[1:]:
                condition = condition | other
        found = [dict(row._mapping) for row in db.session.execute(select(table).where(condition))]
        rows[table.name] = found
        key = _single_key(table)
        owned_keys[table.name] = {row[key] for row in found} if key else set()
    return rows


def _single_key(table: Table) -> str | None:
    keys = list(table.primary_key.columns)
    return keys[0].name if len(keys) == 1 else None


def _encode(value):
    if isinstance(value, bytes):
        return {"$bytes": base64.b64encode(value).decode("ascii")}
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value


def _decode(column, value):
    if value is None:
        return None
    kind = column.type.impl if isinstance(column.type, TypeDecorator) else column.type
    if isinstance(kind, LargeBinary):
        return base64.b64decode(value["$bytes"])
    if isinstance(kind, DateTime):
        return datetime.fromisoformat(value)
    if isinstance(kind, Date):
        return date.fromisoformat(value)
    return value


def export_process(process_id: int, path: Path) -> dict:
    """Write the process's archive (a zip with one JSON document); returns row counts per table."""
    rows = _owned_rows(process_id)
    if not rows.get("process"):
        raise ArchiveError(f"There is no process with id {process_id}.")
    account_ids = {row[fk.parent.name] for table in _tables() for fk in table.foreign_keys
                   if fk.column.table.name == ACCOUNTS for row in rows.get(table.name, [])} - {None}
    accounts = {}
    if account_ids:
        table = db.metadata.tables[ACCOUNTS]
        accounts = {str(row.id): row.email for row in db.session.execute(
            select(table.c.id, table.c.email).where(table.c.id.in_(account_ids)))}
    left_out = confidential_columns()
    document = {
        "format": ARCHIVE_FORMAT, "version": ARCHIVE_VERSION, "exported_at": utcnow().isoformat(),
        "process_id": process_id, "accounts": accounts,
        "left_out": {name: {"columns": columns, "reason": "confidential"} for name, columns in left_out.items()},
        "tables": {name: [{column: _encode(value) for column, value in row.items()
                           if column not in left_out.get(name, ())} for row in table_rows]
                   for name, table_rows in rows.items()},
    }
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MEMBER, json.dumps(document, ensure_ascii=False))
    path.chmod(0o600)
    return {name: len(table_rows) for name, table_rows in rows.items()}


def read_archive(path: Path) -> dict:
    try:
        with zipfile.ZipFile(path) as archive:
            document = json.loads(archive.read(MEMBER))
    except (OSError, KeyError, zipfile.BadZipFile, json.JSONDecodeError) as error:
        raise ArchiveError(f"{path} is not a process archive ({type(error).__name__}).") from None
    if not isinstance(document, dict) or document.get("format") != ARCHIVE_FORMAT:
        raise ArchiveError(f"{path} is not a process archive.")
    version = document.get("version")
    if not isinstance(version, int) or version > ARCHIVE_VERSION:
        raise ArchiveError(f"The archive has format version {version}; this installation reads up to "
                           f"{ARCHIVE_VERSION}. Update this installation first.")
    known = {table.name: table for table in _tables()}
    for name, table_rows in document.get("tables", {}).items():
        if name not in known:
            raise ArchiveError(f"The archive contains table {name!r}, which this version does not know. "
                               "Update this installation first.")
        unknown = {column for row in table_rows for column in row} - set(known[name].columns.keys())
        if unknown:
            raise ArchiveError(f"The archive contains columns {sorted(unknown)} of {name!r} that this version "
                               "does not know. Update this installation first.")
    return document


def import_process(path: Path) -> int:
    """Create the archived process with new ids, all or nothing; returns the new process id."""
    document = read_archive(path)
    accounts = _account_mapping(document.get("accounts", {}))
    new_ids: dict[str, dict] = {}
    try:
        for table in _tables():
            table_rows = document["tables"].get(table.name, [])
            if table_rows:
                new_ids[table.name] = _insert_rows(table, table_rows, new_ids, accounts)
        db.session.commit()
    except ArchiveError:
        db.session.rollback()
        raise
    except Exception as error:
        db.session.rollback()
        raise ArchiveError(f"The archive could not be imported, nothing was changed "
                           f"({type(error).__name__}: {str(error).splitlines()[0][:300]}).") from None
    return new_ids["process"][document["process_id"]]


def _account_mapping(accounts: dict) -> dict:
    if not accounts:
        return {}
    table = db.metadata.tables[ACCOUNTS]
    by_email = {row.email.lower(): row.id for row in db.session.execute(select(table.c.id, table.c.email))}
    return {int(old_id): by_email.get(email.lower()) for old_id, email in accounts.items()}


def _insert_rows(table: Table, table_rows: list[dict], new_ids: dict, accounts: dict) -> dict:
    """Insert one table's rows; self-references are set in a second pass once every row has its new id."""
    key = _single_key(table)
    generated = key is not None and not table.c[key].foreign_keys and isinstance(table.c[key].type, Integer)
    mapping: dict = {}
    later: list[tuple] = []
    for archived in table_rows:
        values = {}
        for name, raw in archived.items():
            column = table.c[name]
            value = _decode(column, raw)
            for fk in column.foreign_keys:
                target = fk.column.table.name
                if value is None:
                    break
                if target == table.name:
                    later.append((archived, name, value))
                    value = None
                elif target == ACCOUNTS:
                    value = accounts.get(value)
                elif target in LEFT_BEHIND:
                    value = None
                else:
                    if value not in new_ids.get(target, {}):
                        raise ArchiveError(f"{table.name}.{name} refers to a missing {target} row {value}.")
                    value = new_ids[target][value]
            values[name] = value
        if generated:
            old_key = values.pop(key)
            statement = table.insert().values(**values).returning(table.c[key])
            mapping[old_key] = db.session.execute(statement).scalar_one()
        else:
            db.session.execute(table.insert().values(**values))
            if key is not None:
                mapping[archived[key]] = values[key]
    for archived, name, old_target in later:
        if old_target not in mapping:
            raise ArchiveError(f"{table.name}.{name} refers to a missing row {old_target}.")
        kept = {column.name: _decode(column, archived.get(column.name)) for column in table.columns
                if column.onupdate is not None}  # e.g. updated_at stays as archived
        db.session.execute(table.update().where(table.c[key] == mapping[archived[key]])
                           .values(**{name: mapping[old_target]}, **kept))
    return mapping
