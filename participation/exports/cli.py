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
    from .archive import ArchiveError, export_process
    try:
        counts = export_process(process_id, file)
    except ArchiveError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"process {process_id} written to {file}: " +
               ", ".join(f"{count} {name}" for name, count in counts.items() if count))


@process_group.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@with_appcontext
def process_import(file):
    """Create the archived process here, all or nothing; people are mapped to accounts by e-mail."""
    from .archive import ArchiveError, import_process
    try:
        process_id = import_process(file)
    except ArchiveError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"imported as process {process_id}")
