"""Themes of a process as JSON: labels, keywords, sizes and quotes (personal data masked)."""
from dataclasses import asdict

from flask import jsonify

from ..extensions import db
from ..models import Process
from ..themes import overview, runs
from ..web import json_error
from . import bp
from .routes import planner_refusal


@bp.route("/api/processes/<int:process_id>/themes")
def process_themes(process_id: int):
    """The current themes with up to five quotes each (planner-marked first, then representative)."""
    refusal = planner_refusal()
    if refusal:
        return refusal
    process = db.session.get(Process, process_id)
    if process is None:
        return json_error(404, "process_not_found", "no such process")
    refusal = planner_refusal(process)
    if refusal:
        return refusal
    run = runs.current_run(process)
    latest = runs.latest_run(process)
    themes = []
    for summary in overview.theme_overview(process, quotes_per_theme=5):
        theme = summary.theme
        themes.append({
            "id": theme.id, "label": theme.label, "auto_label": theme.auto_label, "label_edited": theme.label_edited,
            "keywords": theme.keywords, "keywords_by_language": theme.keywords_by_language, "size": summary.size,
            "notes": theme.notes, "published": theme.published,
            "quotes": [{key: value for key, value in asdict(quote).items()
                        if key in ("answer_id", "text", "language", "direction", "translation_de", "quote",
                                   "representative", "channel")} for quote in summary.quotes],
        })
    return jsonify({
        "process_id": process.id,
        "run": _run_dict(run),
        "latest_run": _run_dict(latest),
        "themes": themes,
        "unassigned": overview.unassigned_count(process),
    })


def _run_dict(run):
    if run is None:
        return None
    return {"id": run.id, "status": run.status, "questionnaire_id": run.questionnaire_id, "job_id": run.job_id,
            "texts": run.text_count, "themes": run.theme_count,
            "finished_at": run.finished_at.isoformat() if run.finished_at else None}
