"""`flask exports ...`: operators' commands for export files."""
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
