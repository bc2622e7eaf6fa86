"""Planners: the stage and rules of a process, decisions on its published themes, publishing them."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..auth.access import role_required
from ..extensions import db
from ..forms.builder import ActionForm
from ..forms.outcomes import DecisionForm, RulesForm
from ..models import Theme
from ..models.outcomes import ParticipationRules
from ..outcomes import hearing, record
from ..outcomes.labels import STAGE_MEANINGS, decision_labels
from ..outcomes.mail import mail_configured
from ..strategy import measure_status_labels
from . import bp
from .loading import load_process


def _page_url(process, anchor: str = "") -> str:
    return url_for("planning.outcomes", process_id=process.id) + (f"#{anchor}" if anchor else "")


@bp.route("/processes/<int:process_id>/outcomes", methods=["GET", "POST"])
@role_required("planner", "admin")
def outcomes(process_id: int):
    process = load_process(process_id)
    rules = record.rules_of(process)
    form = RulesForm(obj=rules)
    if form.validate_on_submit():
        record.save_rules(process, form.stage.data,
                          {name: getattr(form, name).data for name in ParticipationRules.TRANSLATABLE_FIELDS},
                          user=current_user)
        db.session.commit()
        flash(_("Die Spielregeln sind gespeichert."), "success")
        return redirect(_page_url(process, "rules"))
    themes = record.published_themes(process)
    return render_template("planning/outcomes.html", process=process, form=form, themes=themes,
                           decisions=record.decisions_by_theme(process), drafts=record.drafts(process),
                           action_form=ActionForm(), decision_labels=decision_labels(), stage_meanings=STAGE_MEANINGS,
                           mail=mail_configured(), subscribers=hearing.subscriber_count(process)), \
        422 if form.errors else 200


def _published_theme(process, theme_id: int) -> Theme:
    theme = db.session.get(Theme, theme_id)
    if theme is None or theme.process_id != process.id:
        abort(404)
    if theme not in record.published_themes(process):
        abort(404)
    return theme


@bp.route("/processes/<int:process_id>/outcomes/themes/<int:theme_id>", methods=["GET", "POST"])
@role_required("planner", "admin")
def outcome_decision(process_id: int, theme_id: int):
    process = load_process(process_id)
    theme = _published_theme(process, theme_id)
    decision = record.decisions_by_theme(process).get(theme.id)
    form = DecisionForm(obj=decision)
    measures = record.process_measures(process)
    statuses = measure_status_labels()
    form.measures.choices = [(measure.id, f"{measure.title} ({statuses.get(measure.status, measure.status)})")
                             for measure in measures]
    if request.method == "GET":
        form.measures.data = ([link.measure_id for link in decision.measure_links] if decision is not None
                              else record.measures_with_evidence(process, theme))
    if form.validate_on_submit():
        try:
            record.save_decision(process, theme, status=form.status.data, reason=form.reason.data or "",
                                 decided_on=form.decided_on.data, decided_by=form.decided_by.data,
                                 measure_ids=list(form.measures.data or []), user=current_user)
        except record.DecisionError as error:
            db.session.rollback()
            getattr(form, error.field, form.status).errors.append(str(error.message))
        else:
            db.session.commit()
            flash(_("Die Entscheidung ist gespeichert.") if decision is None or not decision.published else
                  _("Die Änderung ist gespeichert und sofort öffentlich."), "success")
            return redirect(_page_url(process, f"theme-{theme.id}"))
    return render_template("planning/outcome_decision.html", process=process, theme=theme, decision=decision,
                           form=form), 422 if form.errors else 200


@bp.route("/processes/<int:process_id>/outcomes/publish", methods=["POST"])
@role_required("planner", "admin")
def outcomes_publish(process_id: int):
    process = load_process(process_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    publication = record.publish_decisions(process, user=current_user)
    if publication is None:
        flash(_("Es gibt keine neuen Entscheidungen zu veröffentlichen."), "warning")
        return redirect(_page_url(process))
    db.session.commit()
    hearing.queue_notifications(process, user=current_user)
    flash(_("%(count)s Entscheidungen sind veröffentlicht.", count=publication.decision_count), "success")
    return redirect(_page_url(process))


@bp.route("/processes/<int:process_id>/outcomes/themes/<int:theme_id>/withdraw", methods=["POST"])
@role_required("planner", "admin")
def outcome_withdraw(process_id: int, theme_id: int):
    process = load_process(process_id)
    decision = record.decisions_by_theme(process).get(theme_id)
    if decision is None or not ActionForm().validate_on_submit():
        abort(404 if decision is None else 400)
    record.withdraw_decision(decision, user=current_user)
    db.session.commit()
    flash(_("Die Entscheidung ist nicht mehr öffentlich."), "success")
    return redirect(_page_url(process, f"theme-{theme_id}"))
