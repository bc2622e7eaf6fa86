"""`flask exports ...` (export files) and `flask process export|import` (moving a process)."""
from pathlib import Path

import click
from flask.cli import with_appcontext


@click.group("exports")
def exports_group():
    """Export files: expiry (run daily from cron)."""


@exports_group.command("expire")
@with_appcontext
def exports_expire():
    """Delete export files past EXPORT_LIFETIME_DAYS and files of deleted jobs or processes."""
    from .storage import expire_exports
    click.echo(f"{expire_exports()} export file(s) deleted")


@click.group("process")
def process_group():
    """Move a process between installations (a versioned archive; accounts are mapped by e-mail)."""


@process_group.command("export")
@click.argument("process_id", type=int)
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@with_appcontext
def process_export(process_id, file):
    """Write everything that belongs to the process into FILE (mode 0600: it holds personal data)."""
    from .archive import ArchiveError, confidential_columns, export_process
    try:
        counts = export_process(process_id, file)
    except ArchiveError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"process {process_id} written to {file}: " +
               ", ".join(f"{count} {name}" for name, count in counts.items() if count))
    click.echo(_left_out_note(confidential_columns(), "not in the archive, they stay in this installation"))


@process_group.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@with_appcontext
def process_import(file):
    """Create the archived process here, all or nothing; people are mapped to accounts by e-mail."""
    from .archive import ArchiveError, import_process, read_archive
    try:
        process_id = import_process(file)
    except ArchiveError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"imported as process {process_id}")
    left_out = {name: entry.get("columns", []) for name, entry in read_archive(file).get("left_out", {}).items()}
    if left_out:
        click.echo(_left_out_note(left_out, "were not in the archive and are empty here"))


def _left_out_note(left_out: dict[str, list[str]], what: str) -> str:
    """Says which confidential columns (the actors' stakeholder profiles) did not travel."""
    columns = ", ".join(f"{name}.{column}" for name, columns in left_out.items() for column in columns)
    return f"confidential ({columns}): {what}"


# What `flask export` writes: the web export's formats, and for data also json (data.json alone);
# csv is the web's ZIP of CSV tables with the codebook (several tables need one archive).
CLI_FORMATS = {"workbook": ("xlsx", "ods"), "report": ("docx", "odt"), "data": ("csv", "json")}
WRITER_FORMAT = {"csv": "zip"}


def cli_format(kind: str, requested: str | None, out_file: Path) -> str:
    """The format to write: --format, else the file's extension, else the kind's first; a wrong one is an error."""
    allowed = CLI_FORMATS[kind]
    chosen = (requested or out_file.suffix.lstrip(".") or allowed[0]).lower()
    if chosen == "zip" and kind == "data":
        chosen = "csv"
    if chosen not in allowed:
        raise click.UsageError(f"{kind} cannot be written as {chosen}; use --format " + " or ".join(allowed))
    return chosen


@click.group("export")
def export_group():
    """Write a workbook, report or data export of a process to a file (the same code as the web export)."""


def _export_command(kind: str):
    @export_group.command(kind, help=f"Write the {kind} export of PROCESS_ID to OUT_FILE "
                                     f"(formats: {', '.join(CLI_FORMATS[kind])}).")
    @click.argument("process_id", type=int)
    @click.argument("out_file", type=click.Path(dir_okay=False, writable=True, path_type=Path))
    @click.option("--format", "file_format", type=click.Choice(["xlsx", "ods", "docx", "odt", "csv", "json", "zip"],
                                                               case_sensitive=False), default=None)
    @click.option("--language", type=click.Choice(["de", "en"]), default="de", show_default=True)
    @with_appcontext
    def command(process_id, out_file, file_format, language):
        from flask_babel import force_locale

        from .. import audit
        from ..extensions import db
        from ..models import Process
        from .jobs import write_export

        chosen = cli_format(kind, file_format, out_file)
        process = db.session.get(Process, process_id)
        if process is None:
            raise click.ClickException(f"there is no process {process_id}")
        if not out_file.parent.is_dir():
            raise click.ClickException(f"the folder {out_file.parent} does not exist")
        with force_locale(language):
            write_export(process, kind, WRITER_FORMAT.get(chosen, chosen), out_file, language)
        audit.record("export_created", process, kind=kind, format=chosen, language=language, via="cli")
        db.session.commit()
        click.echo(f"{kind} of process {process_id} written to {out_file} ({chosen}, "
                   f"{out_file.stat().st_size} bytes)")
    return command


for _kind in CLI_FORMATS:
    _export_command(_kind)
