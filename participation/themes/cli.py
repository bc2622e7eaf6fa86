"""`flask themes run|show|embed-pending`: theme analysis from the command line."""
import click
from flask.cli import with_appcontext

from . import overview, runs

TARGET_HELP = "a process id, process:<id>, survey:<id or short code>, or a survey's short code"


@click.group("themes")
def themes_group():
    """Theme analysis of free-text answers."""


def _scope(target: str):
    process, questionnaire = runs.resolve_scope(target)
    if process is None:
        raise click.ClickException(f"nothing found for {target!r} ({TARGET_HELP})")
    return process, questionnaire


@themes_group.command("run")
@click.argument("target")
@click.option("--themes", "n_themes", type=click.IntRange(2, 30), default=None, help="number of themes")
@click.option("--queue", is_flag=True, help="hand the job to the workers instead of running it here")
@with_appcontext
def themes_run(target, n_themes, queue):
    """Analyse the free text of TARGET (process id, process:<id>, survey:<id or code>, or a short code)."""
    process, questionnaire = _scope(target)
    try:
        if queue:
            run = runs.start_analysis(process, questionnaire, n_themes)
            click.echo(f"analysis {run.id} queued as job {run.job_id}")
            return
        run = runs.analyse_in_this_process(process, questionnaire, n_themes)
    except runs.AnalysisError as error:
        raise click.ClickException(str(error))
    if run.status != "done":
        raise click.ClickException(f"analysis {run.id} failed: {run.job.error if run.job else ''}")
    click.echo(f"analysis {run.id}: {run.text_count} answers, {run.theme_count} themes")


@themes_group.command("show")
@click.argument("target")
@click.option("--quotes", default=3, show_default=True, help="quotes per theme")
@with_appcontext
def themes_show(target, quotes):
    """List the current themes of TARGET's process with size, keywords and quotes (personal data masked)."""
    process, _questionnaire = _scope(target)
    run = runs.current_run(process)
    if run is None:
        click.echo("no analysis yet")
        return
    click.echo(f"{process.title}: analysis {run.id} of {run.finished_at:%Y-%m-%d %H:%M}")
    for summary in overview.theme_overview(process, quotes_per_theme=quotes):
        theme = summary.theme
        click.echo(f"\n[{theme.id}] {theme.label} ({summary.size})")
        if theme.keywords:
            click.echo("    " + ", ".join(theme.keywords[:8]))
        for quote in summary.quotes:
            click.echo(f"    [{quote.language}] {quote.text}")
            if quote.translation_de:
                click.echo(f"         de: {quote.translation_de}")
    click.echo(f"\nwithout theme: {overview.unassigned_count(process)}")



@themes_group.command("embed-pending")
@with_appcontext
def themes_embed_pending():
    """Queue embedding for free-text answers without a vector of the configured model (cron; after a web process
    was stopped, or after ANALYSIS_EMBEDDING_MODEL changed)."""
    from .embedding import queue_pending_embeddings
    click.echo(f"embedding queued for {queue_pending_embeddings()} process(es)")
