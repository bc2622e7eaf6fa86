"""Theme review for planners: start an analysis, watch it, rename, merge, split, move, flag, undo, cross-tabs."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..auth.access import role_required
from ..extensions import db
from ..forms.themes import (
    FLAG_LABELS,
    UNASSIGNED,
    ActionForm,
    AnswerSelectionForm,
    FlagForm,
    MergeThemeForm,
    NotesForm,
    RenameThemeForm,
    StartAnalysisForm,
)
from ..languages.i18n import LANGUAGES
from ..models import AnalysisRun, Answer, Process, Questionnaire, Theme
from ..themes import crosstabs, embedding, overview, rerun, review, runs
from . import bp
from .loading import load_process

CHANGE_DESCRIPTIONS = {
    "theme.rename": lambda d: _("Umbenennen von „%(old)s“ in „%(new)s“", old=d.get("old"), new=d.get("new")),
    "theme.notes": lambda d: _("Notizen zu „%(label)s“", label=d.get("label")),
    "theme.merge": lambda d: _("Zusammenführen von „%(source)s“ mit „%(target)s“", source=d.get("source"),
                               target=d.get("target")),
    "theme.split": lambda d: _("Abtrennen von „%(label)s“ aus „%(source)s“", label=d.get("label"),
                               source=d.get("source")),
    "theme.recluster": lambda d: _("Aufteilen von „%(label)s“", label=d.get("label")),
    "theme.move_answers": lambda d: _("Verschieben von %(count)s Antwort(en)", count=d.get("count")),
    "theme.quote": lambda d: _("Zitat markieren") if d.get("quote") else _("Zitat-Markierung entfernen"),
    "theme.flag": lambda d: _("Antwort ausschließen"),
    "theme.unflag": lambda d: _("Antwort wieder aufnehmen"),
    "theme.publish": lambda d: _("Veröffentlichen von „%(label)s“", label=d.get("label")),
    "theme.unpublish": lambda d: _("Zurücknehmen der Veröffentlichung von „%(label)s“", label=d.get("label")),
    runs.ANALYSIS_APPLIED: lambda d: _("Übernehmen der neuen Analyse (%(themes)s Themen)", themes=d.get("themes")),
}


def breakdown_labels() -> dict:
    return {"district": _("Stadtteil"), "language": _("Sprache"), "target_group": _("Zielgruppe"),
            "channel": _("Beteiligungskanal")}


def value_label(field: str, value) -> str:
    """How a breakdown value reads for planners (channel and language names, 'no answer')."""
    if value is None or value == "":
        return _("ohne Angabe")
    if field == "channel":
        return {"online": _("Online"), "peer_interview": _("Peer-Interview"), "focus_group": _("Fokusgruppe"),
                "paper": _("Papier")}.get(value, value)
    if field == "language" and value in LANGUAGES:
        return LANGUAGES[value].native_name
    return str(value)



def coherence_word(value: float) -> str:
    """How closely a theme's answers agree, in words a planner reads (levels per embedder: overview.coherence_level)."""
    level = overview.coherence_level(value)
    if level == "high":
        return _("hoch")
    if level == "medium":
        return _("mittel")
    return _("gering – Thema prüfen")


def _theme(process: Process, theme_id: int, active: bool = True) -> Theme:
    theme = db.session.get(Theme, theme_id)
    if theme is None or theme.process_id != process.id or (active and theme.archived):
        abort(404)
    return theme


def _answer(process: Process, answer_id: int) -> Answer:
    answer = db.session.get(Answer, answer_id)
    if answer is None or answer.response.process_id != process.id:
        abort(404)
    return answer


def _back(process: Process, default_theme: int | None = None):
    """Where to go after a change: the theme page the planner came from (0 = without theme)."""
    back = request.args.get("back", type=int)
    theme_id = back if back is not None else default_theme
    if theme_id == -1:
        return redirect(url_for("planning.flagged_answers", process_id=process.id))
    if theme_id is not None:
        theme = db.session.get(Theme, theme_id) if theme_id else None
        if theme_id == UNASSIGNED or (theme is not None and theme.process_id == process.id and not theme.archived):
            return redirect(url_for("planning.theme_detail", process_id=process.id, theme_id=theme_id))
    return redirect(url_for("planning.themes_index", process_id=process.id))


def _start_form(process: Process) -> StartAnalysisForm:
    form = StartAnalysisForm()
    form.pool.choices = [(question.id, question.text) for question in overview.free_text_questions(process)]
    form.scope.choices = [(0, _("Alle Antworten des Prozesses"))] + [
        (q.id, (_("Umfrage: %(title)s", title=q.title) if q.kind == "survey" else
                _("Leitfaden: %(title)s", title=q.title))) for q in process.questionnaires]
    return form


def _undo_description(process: Process):
    event = review.last_undoable_change(process)
    if event is None:
        return None
    describe = CHANGE_DESCRIPTIONS.get(event.action)
    return describe(event.details or {}) if describe else event.action


@bp.route("/processes/<int:process_id>/themes")
@role_required("planner", "admin")
def themes_index(process_id: int):
    process = load_process(process_id)
    return _render_index(process, _start_form(process))


def _render_index(process: Process, start_form: StartAnalysisForm, status: int = 200):
    latest = runs.latest_run(process)
    preview = rerun.pending_preview(process)
    return render_template(
        "planning/themes/index.html", process=process, latest=latest, current=runs.current_run(process),
        plan=rerun.plan_rerun(preview) if preview else None, dissolved=overview.dissolved_themes(process),
        duplicates=overview.duplicate_labels(process),
        few_answers_per_run=overview.FEW_ANSWERS_PER_RUN, coherence_word=coherence_word,
        summaries=overview.theme_overview(process), by_question=overview.by_question,
        unassigned=overview.unassigned_count(process),
        flagged=len(overview.flagged_answers(process)), start_form=start_form,
        undo_description=_undo_description(process), embedding=embedding.embedding_progress(process.id),
        running=latest is not None and latest.status in ("queued", "running")), status


@bp.route("/processes/<int:process_id>/themes/analysis", methods=["POST"])
@role_required("planner", "admin")
def start_theme_analysis(process_id: int):
    process = load_process(process_id)
    form = _start_form(process)
    if not form.validate_on_submit():
        return _render_index(process, form, 400)
    questionnaire = db.session.get(Questionnaire, form.scope.data) if form.scope.data else None
    try:
        runs.start_analysis(process, questionnaire, form.n_themes.data, user=current_user, preview=True,
                            pool=form.pool.data or [])
    except runs.AnalysisError as error:
        flash(str(error), "error")
    else:
        flash(_("Die Analyse wurde gestartet."), "success")
    return redirect(url_for("planning.themes_index", process_id=process.id))


@bp.route("/processes/<int:process_id>/themes/runs/<int:run_id>/retry", methods=["POST"])
@role_required("planner", "admin")
def retry_theme_analysis(process_id: int, run_id: int):
    process = load_process(process_id)
    run = db.session.get(AnalysisRun, run_id)
    if run is None or run.process_id != process.id:
        abort(404)
    if ActionForm().validate_on_submit():
        try:
            runs.retry_analysis(run)
            flash(_("Die Analyse wurde erneut gestartet."), "success")
        except runs.AnalysisError as error:
            flash(str(error), "error")
    return redirect(url_for("planning.themes_index", process_id=process.id))


@bp.route("/processes/<int:process_id>/themes/undo", methods=["POST"])
@role_required("planner", "admin")
def undo_theme_change(process_id: int):
    process = load_process(process_id)
    if ActionForm().validate_on_submit():
        event = review.undo_last_change(process, user=current_user)
        flash(_("Rückgängig gemacht.") if event else _("Es gibt nichts rückgängig zu machen."),
              "success" if event else "warning")
    return _back(process)


@bp.route("/processes/<int:process_id>/themes/unassigned", defaults={"theme_id": UNASSIGNED})
@bp.route("/processes/<int:process_id>/themes/<int:theme_id>")
@role_required("planner", "admin")
def theme_detail(process_id: int, theme_id: int):
    process = load_process(process_id)
    theme = _theme(process, theme_id, active=False) if theme_id != UNASSIGNED else None
    if theme is not None and theme.archived:
        return _archived_theme(process, theme)
    return _render_detail(process, theme)


def _archived_theme(process: Process, theme: Theme):
    """A merged-away theme leads to where its answers are now; a dissolved one shows what it held."""
    target = runs.merge_target(theme)
    if target is not None:
        flash(_("„%(source)s“ wurde mit „%(target)s“ zusammengeführt. Sie sehen jetzt „%(target)s“.",
                source=theme.label, target=target.label), "info")
        return redirect(url_for("planning.theme_detail", process_id=process.id, theme_id=target.id,
                                **request.args))
    if theme.dissolved_run_id is None:
        abort(404)
    return render_template("planning/themes/dissolved.html", process=process,
                           item=overview.dissolved_view(theme))


def _selection_form(process: Process, theme: Theme | None) -> AnswerSelectionForm:
    form = AnswerSelectionForm(prefix="selection")
    if request.method == "GET":
        form.answer_ids.data = request.args.getlist("selected", type=int)
    others = [t for t in runs.active_themes(process) if theme is None or t.id != theme.id]
    form.target.choices = [(t.id, t.label) for t in others] + (
        [(UNASSIGNED, _("Ohne Thema"))] if theme is not None else [])
    return form


def _render_detail(process: Process, theme: Theme | None, status: int = 200, **forms):
    assignments = overview.theme_assignments(process, theme)
    merge_form = forms.get("merge_form") or MergeThemeForm(prefix="merge")
    merge_form.target.choices = [(t.id, t.label) for t in runs.active_themes(process)
                                 if theme is not None and t.id != theme.id]
    shares = {}
    if theme is not None:
        for field in crosstabs.CROSSTAB_FIELDS:
            table = crosstabs.crosstab(process, field)
            row = next(r for r in table.rows if r.theme.id == theme.id)
            shares[field] = [(value, cell) for value, cell in zip(table.columns, row.cells) if cell.count != 0]
    return render_template(
        "planning/themes/theme.html", process=process, theme=theme, quotes=overview.quote_views(assignments),
        rename_form=forms.get("rename_form") or RenameThemeForm(prefix="rename", label=theme.label if theme else "",
                                                                version=theme.version if theme else ""),
        notes_form=forms.get("notes_form") or NotesForm(prefix="notes", notes=theme.notes if theme else "",
                                                        version=theme.version if theme else ""),
        conflict=forms.get("conflict"), duplicate_label=theme is not None and theme.label.casefold() in
        overview.duplicate_labels(process),
        merge_form=merge_form, selection_form=forms.get("selection_form") or _selection_form(process, theme),
        flag_labels=FLAG_LABELS, shares=shares, breakdowns=breakdown_labels(),
        value_label=value_label, undo_description=_undo_description(process)), status


def _stale_merged(process: Process, theme_id: int, typed: str = ""):
    """A form sent from a tab that still shows a merged-away theme: go to the merge target, say what happened."""
    theme = _theme(process, theme_id, active=False)
    target = runs.merge_target(theme) if theme.archived else None
    if target is None:
        abort(404)
    flash(_("„%(source)s“ wurde inzwischen mit „%(target)s“ zusammengeführt; es wurde nichts gespeichert.",
            source=theme.label, target=target.label) + (" " + _("Ihre Eingabe: %(text)s", text=typed) if typed
                                                        else ""), "warning")
    return redirect(url_for("planning.theme_detail", process_id=process.id, theme_id=target.id))


@bp.route("/processes/<int:process_id>/themes/<int:theme_id>/rename", methods=["POST"])
@role_required("planner", "admin")
def rename_theme(process_id: int, theme_id: int):
    process = load_process(process_id)
    form = RenameThemeForm(prefix="rename")
    if _is_merged_away(process, theme_id):
        return _stale_merged(process, theme_id, form.label.data or "")
    theme = _theme(process, theme_id)
    if not form.validate_on_submit():
        return _render_detail(process, theme, 400, rename_form=form)
    try:
        review.rename_theme(theme, form.label.data, user=current_user, expected_version=form.version.data)
    except review.StaleTheme:
        return _render_conflict(process, theme, "rename_form", form, saved=theme.label, yours=form.label.data)
    flash(_("Das Thema heißt jetzt „%(label)s“.", label=theme.label), "success")
    if theme.label.casefold() in overview.duplicate_labels(process):
        flash(_("Ein anderes Thema heißt ebenfalls „%(label)s“. Bitte geben Sie einem der beiden einen eindeutigen "
                "Namen.", label=theme.label), "warning")
    return _back(process, theme.id)


@bp.route("/processes/<int:process_id>/themes/<int:theme_id>/notes", methods=["POST"])
@role_required("planner", "admin")
def theme_notes(process_id: int, theme_id: int):
    process = load_process(process_id)
    form = NotesForm(prefix="notes")
    if _is_merged_away(process, theme_id):
        return _stale_merged(process, theme_id, form.notes.data or "")
    theme = _theme(process, theme_id)
    if not form.validate_on_submit():
        return _render_detail(process, theme, 400, notes_form=form)
    try:
        review.set_notes(theme, form.notes.data or "", user=current_user, expected_version=form.version.data)
    except review.StaleTheme:
        return _render_conflict(process, theme, "notes_form", form, saved=theme.notes, yours=form.notes.data or "")
    flash(_("Die Notizen wurden gespeichert."), "success")
    return _back(process, theme.id)


def _render_conflict(process: Process, theme: Theme, form_name: str, form, saved: str, yours: str):
    """Someone saved in between: show both texts, keep what this planner typed, and let them save again."""
    form.version.data = theme.version
    return _render_detail(process, theme, 409, conflict={"saved": saved, "yours": yours, "form": form_name},
                          **{form_name: form})


def _is_merged_away(process: Process, theme_id: int) -> bool:
    theme = db.session.get(Theme, theme_id)
    return theme is not None and theme.process_id == process.id and theme.archived and theme.merged_into_id is not None


@bp.route("/processes/<int:process_id>/themes/<int:theme_id>/publish", methods=["POST"])
@role_required("planner", "admin")
def publish_theme(process_id: int, theme_id: int):
    process = load_process(process_id)
    theme = _theme(process, theme_id)
    if ActionForm().validate_on_submit():
        review.set_published(theme, not theme.published, user=current_user)
        flash(_("Das Thema erscheint jetzt auf der öffentlichen Ergebnisseite.") if theme.published
              else _("Das Thema erscheint nicht mehr auf der öffentlichen Ergebnisseite."), "success")
    return _back(process, theme.id)


@bp.route("/processes/<int:process_id>/themes/<int:theme_id>/merge", methods=["POST"])
@role_required("planner", "admin")
def merge_theme(process_id: int, theme_id: int):
    process = load_process(process_id)
    theme = _theme(process, theme_id)
    form = MergeThemeForm(prefix="merge")
    form.target.choices = [(t.id, t.label) for t in runs.active_themes(process) if t.id != theme.id]
    if not form.validate_on_submit():
        return _render_detail(process, theme, 400, merge_form=form)
    target = _theme(process, form.target.data)
    review.merge_themes(theme, target, user=current_user)
    flash(_("„%(source)s“ wurde mit „%(target)s“ zusammengeführt.", source=theme.label, target=target.label),
          "success")
    return redirect(url_for("planning.theme_detail", process_id=process.id, theme_id=target.id))


@bp.route("/processes/<int:process_id>/themes/<int:theme_id>/recluster", methods=["POST"])
@role_required("planner", "admin")
def recluster_theme(process_id: int, theme_id: int):
    process = load_process(process_id)
    theme = _theme(process, theme_id)
    if ActionForm().validate_on_submit():
        try:
            created = review.recluster_theme(theme, user=current_user)
            flash(_("Das Thema wurde aufgeteilt: %(labels)s", labels=", ".join(t.label for t in created)),
                  "success")
        except runs.AnalysisError as error:
            flash(str(error), "error")
    return _back(process, theme.id)


@bp.route("/processes/<int:process_id>/themes/unassigned/answers", methods=["POST"], defaults={"theme_id": UNASSIGNED})
@bp.route("/processes/<int:process_id>/themes/<int:theme_id>/answers", methods=["POST"])
@role_required("planner", "admin")
def theme_answers(process_id: int, theme_id: int):
    """Move the ticked answers to another theme, or split them off into a new theme."""
    process = load_process(process_id)
    if theme_id != UNASSIGNED and _is_merged_away(process, theme_id):
        target = runs.merge_target(db.session.get(Theme, theme_id))
        flash(_("Dieses Thema wurde inzwischen mit „%(target)s“ zusammengeführt; es wurde nichts verschoben. "
                "Ihre Auswahl ist hier noch angekreuzt.", target=target.label), "warning")
        return redirect(url_for("planning.theme_detail", process_id=process.id, theme_id=target.id,
                                selected=request.form.getlist("selection-answer_ids", type=int)))
    theme = _theme(process, theme_id) if theme_id != UNASSIGNED else None
    form = _selection_form(process, theme)
    if not form.validate_on_submit():
        return _render_detail(process, theme, 400, selection_form=form)
    members = {a.answer_id for a in overview.theme_assignments(process, theme)}
    chosen = [answer_id for answer_id in form.answer_ids.data or [] if answer_id in members]
    if not chosen:
        form.answer_ids.errors.append(_("Bitte wählen Sie mindestens eine Antwort aus."))
        return _render_detail(process, theme, 400, selection_form=form)
    if form.split.data and theme is not None:
        try:
            new = review.split_theme(theme, chosen, form.new_label.data or "", user=current_user)
        except runs.AnalysisError as error:
            form.answer_ids.errors.append(str(error))
            return _render_detail(process, theme, 400, selection_form=form)
        flash(_("Neues Thema „%(label)s“ mit %(count)s Antwort(en).", label=new.label, count=len(chosen)),
              "success")
        return redirect(url_for("planning.theme_detail", process_id=process.id, theme_id=new.id))
    target = _theme(process, form.target.data) if form.target.data != UNASSIGNED else None
    moved = review.move_answers(process, chosen, target, user=current_user)
    flash(_("%(count)s Antwort(en) verschoben nach „%(label)s“.", count=moved,
            label=target.label if target else _("Ohne Thema")), "success")
    return _back(process, theme.id if theme else UNASSIGNED)


@bp.route("/processes/<int:process_id>/themes/answers/<int:answer_id>/quote", methods=["POST"])
@role_required("planner", "admin")
def toggle_quote(process_id: int, answer_id: int):
    process = load_process(process_id)
    answer = _answer(process, answer_id)
    assignment = review.assignment_of(answer.id, process.id)
    if assignment is None:
        abort(404)
    if ActionForm().validate_on_submit():
        marked = review.toggle_quote(assignment, user=current_user)
        flash(_("Als Zitat für den Bericht markiert.") if marked else _("Zitat-Markierung entfernt."), "success")
    return _back(process, assignment.theme_id or UNASSIGNED)


@bp.route("/processes/<int:process_id>/themes/answers/<int:answer_id>/flag", methods=["POST"])
@role_required("planner", "admin")
def flag_answer(process_id: int, answer_id: int):
    process = load_process(process_id)
    answer = _answer(process, answer_id)
    assignment = review.assignment_of(answer.id, process.id)
    form = FlagForm()
    if form.validate_on_submit():
        review.flag_answer(answer, form.flag.data, user=current_user)
        flash(_("Die Antwort wird nicht mehr ausgewertet (%(reason)s).", reason=FLAG_LABELS[form.flag.data]),
              "success")
    else:
        flash(_("Bitte wählen Sie einen Grund aus."), "error")
    return _back(process, (assignment.theme_id or UNASSIGNED) if assignment else None)


@bp.route("/processes/<int:process_id>/themes/answers/<int:answer_id>/unflag", methods=["POST"])
@role_required("planner", "admin")
def unflag_answer(process_id: int, answer_id: int):
    process = load_process(process_id)
    answer = _answer(process, answer_id)
    if ActionForm().validate_on_submit() and answer.review_flag:
        review.unflag_answer(answer, user=current_user)
        flash(_("Die Antwort wird wieder ausgewertet."), "success")
    return redirect(url_for("planning.flagged_answers", process_id=process.id))


@bp.route("/processes/<int:process_id>/themes/flagged")
@role_required("planner", "admin")
def flagged_answers(process_id: int):
    process = load_process(process_id)
    answers = overview.flagged_answers(process)
    views = overview.quote_views([_FlaggedView(answer) for answer in answers])
    return render_template("planning/themes/flagged.html", process=process,
                           items=list(zip(answers, views)), flag_labels=FLAG_LABELS)


class _FlaggedView:
    """A flagged answer has no assignment; this gives quote_views what it reads."""

    def __init__(self, answer: Answer):
        self.answer, self.quote, self.representative, self.source = answer, False, False, ""


@bp.route("/processes/<int:process_id>/themes/crosstab")
@role_required("planner", "admin")
def theme_crosstab(process_id: int):
    process = load_process(process_id)
    field = request.args.get("by", "district")
    if field not in crosstabs.CROSSTAB_FIELDS:
        field = "district"
    return render_template("planning/themes/crosstab.html", process=process, table=crosstabs.crosstab(process, field),
                           field=field, breakdowns=breakdown_labels(), value_label=value_label)

