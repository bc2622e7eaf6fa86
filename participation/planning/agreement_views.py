"""Cooperation agreements of a committee: created on the committee page, edited on their own page with
their partners, reviewed ("Überprüft" moves the review date on) and deleted after a tick."""
from datetime import date

from flask import abort, request, url_for
from flask_babel import gettext as _

from ..auth.access import role_required
from ..cooperation import agreements
from ..extensions import db
from ..forms.cooperation import AgreementForm, PartnerForm, ReviewForm
from ..models import AgreementPartner, CooperationAgreement
from ..strategy.measures import bodies_of
from . import bp, coop_edit
from .cooperation_views import (
    _body,
    _committee,
    _committee_form,
    _committee_page,
    membership_form,
    record_form,
)
from .loading import load_process

BASE = "/processes/<int:process_id>/cooperation"


@bp.app_template_global("due_agreements")
def due_agreements_for(process) -> list[CooperationAgreement]:
    """The reminders on the process overview and the cooperation overview."""
    return agreements.due_agreements(process, date.today())


def _agreement(process, agreement_id: int) -> CooperationAgreement:
    agreement = db.session.get(CooperationAgreement, agreement_id)
    if agreement is None:
        abort(404)
    _committee(process, agreement.committee_id)
    return agreement


def _partner(agreement, partner_id: int) -> AgreementPartner:
    partner = db.session.get(AgreementPartner, partner_id)
    if partner is None or partner.agreement_id != agreement.id:
        abort(404)
    return partner


def _fill_agreement(agreement, form) -> None:
    agreement.title, agreement.notes = form.title.data.strip(), (form.notes.data or "").strip()
    agreement.starts_on, agreement.ends_on, agreement.review_on = (form.starts_on.data, form.ends_on.data,
                                                                   form.review_on.data)


def _partner_form(process, partner=None, fresh=None) -> PartnerForm:
    form, _from_record = record_form(PartnerForm, partner, fresh)
    form.body_id.choices = [(b.id, b.name) for b in bodies_of(process)]
    return form


def _url(endpoint: str, process, agreement, **kwargs) -> str:
    return url_for(endpoint, process_id=process.id, agreement_id=agreement.id, **kwargs)


@bp.route(f"{BASE}/committees/<int:committee_id>/agreements", methods=["POST"])
@role_required("planner", "admin")
def agreement_add(process_id: int, committee_id: int):
    process = load_process(process_id)
    committee = _committee(process, committee_id)
    form = AgreementForm()
    if not form.validate_on_submit():
        return _committee_page(process, committee, _committee_form(process, committee),
                               membership_form(process, fresh=True), agreement_form=form, status=400)
    agreement = CooperationAgreement(committee=committee)
    _fill_agreement(agreement, form)
    db.session.add(agreement)
    db.session.flush()
    return coop_edit.saved("coop_agreement_added", committee, _url("planning.agreement_page", process, agreement),
                           _("Kooperationsvereinbarung angelegt. Tragen Sie jetzt die Partner ein."),
                           agreement=agreement.title)


def _sections(process, agreement, form, review_form, partner_form, delete_form) -> list[coop_edit.Section]:
    """Edit, partners, review, delete; a due review comes first, as the page's main action."""
    edit = coop_edit.Section(form or AgreementForm(obj=agreement, formdata=None), "", _("Vereinbarung speichern"),
                             _("Vereinbarung bearbeiten"))
    partner = coop_edit.Section(partner_form or _partner_form(process, fresh=True),
                                _url("planning.agreement_partner_add", process, agreement), _("Partner hinzufügen"),
                                _("Partner hinzufügen"))
    review = coop_edit.Section(review_form or ReviewForm(formdata=None, prefix="review"),
                               _url("planning.agreement_review", process, agreement), _("Überprüft"),
                               _("Überprüfung festhalten"))
    delete = coop_edit.delete_section(_url("planning.agreement_delete", process, agreement), delete_form)
    due = agreement.review_on is not None and agreement.review_on <= date.today()
    return [review, edit, partner, delete] if due else [edit, partner, review, delete]


def _agreement_page(process, agreement, form=None, review_form=None, partner_form=None, delete_form=None):
    committee = agreement.committee
    return coop_edit.render(
        process, _("Kooperationsvereinbarung") + ": " + agreement.title,
        (url_for("planning.committee_page", process_id=process.id, committee_id=committee.id), committee.name),
        _sections(process, agreement, form, review_form, partner_form, delete_form),
        400 if request.method == "POST" else 200, template="planning/agreement.html", agreement=agreement,
        today=date.today())


@bp.route(f"{BASE}/agreements/<int:agreement_id>", methods=["GET", "POST"])
@role_required("planner", "admin")
def agreement_page(process_id: int, agreement_id: int):
    process = load_process(process_id)
    agreement = _agreement(process, agreement_id)
    if request.method == "GET":
        return _agreement_page(process, agreement)
    form = AgreementForm()
    if not form.validate_on_submit():
        return _agreement_page(process, agreement, form=form)
    _fill_agreement(agreement, form)
    return coop_edit.saved("coop_agreement_updated", agreement.committee,
                           _url("planning.agreement_page", process, agreement), agreement=agreement.title)


@bp.route(f"{BASE}/agreements/<int:agreement_id>/review", methods=["POST"])
@role_required("planner", "admin")
def agreement_review(process_id: int, agreement_id: int):
    process = load_process(process_id)
    agreement = _agreement(process, agreement_id)
    form = ReviewForm(prefix="review")
    if not form.validate_on_submit():
        return _agreement_page(process, agreement, review_form=form)
    agreements.mark_reviewed(agreement, date.today(), form.next_review_on.data)
    return coop_edit.saved("coop_agreement_reviewed", agreement.committee,
                           _url("planning.agreement_page", process, agreement), _("Überprüfung festgehalten."),
                           agreement=agreement.title,
                           next_review_on=agreement.review_on.isoformat() if agreement.review_on else None)


@bp.route(f"{BASE}/agreements/<int:agreement_id>/delete", methods=["POST"])
@role_required("planner", "admin")
def agreement_delete(process_id: int, agreement_id: int):
    process = load_process(process_id)
    agreement = _agreement(process, agreement_id)
    committee = agreement.committee
    return coop_edit.confirmed_delete(
        lambda form: _agreement_page(process, agreement, delete_form=form),
        lambda: committee.agreements.remove(agreement), "coop_agreement_deleted", committee,
        url_for("planning.committee_page", process_id=process.id, committee_id=committee.id),
        _("Kooperationsvereinbarung gelöscht."), agreement=agreement.title)


def _fill_partner(process, partner, form) -> None:
    partner.body = _body(process, form.body_id.data)
    partner.role = (form.role.data or "").strip()
    partner.goal, partner.contribution = (form.goal.data or "").strip(), (form.contribution.data or "").strip()


def _already_partner(agreement, form, partner=None) -> bool:
    """An actor is a partner of an agreement once: its goal and contribution belong in that one entry."""
    taken = any(other.body_id == form.body_id.data and other is not partner for other in agreement.partners)
    if taken:
        form.body_id.errors.append(_("Dieser Akteur ist schon Partner dieser Vereinbarung."))
    return taken


@bp.route(f"{BASE}/agreements/<int:agreement_id>/partners", methods=["POST"])
@role_required("planner", "admin")
def agreement_partner_add(process_id: int, agreement_id: int):
    process = load_process(process_id)
    agreement = _agreement(process, agreement_id)
    form = _partner_form(process)
    if not form.validate_on_submit() or _already_partner(agreement, form):
        return _agreement_page(process, agreement, partner_form=form)
    partner = AgreementPartner()
    _fill_partner(process, partner, form)
    agreement.partners.append(partner)
    return coop_edit.saved("coop_agreement_partner_added", agreement.committee,
                           _url("planning.agreement_page", process, agreement), _("Partner eingetragen."),
                           agreement=agreement.title, actor=partner.body.name)


def _partner_page(process, agreement, partner, form=None, delete_form=None):
    return coop_edit.render(
        process, _("Partner %(actor)s", actor=partner.body.name),
        (_url("planning.agreement_page", process, agreement), agreement.title),
        [coop_edit.Section(form or _partner_form(process, partner, fresh=True), "", _("Speichern")),
         coop_edit.delete_section(_url("planning.agreement_partner_delete", process, agreement, partner_id=partner.id),
                         delete_form)],
        400 if request.method == "POST" else 200)


@bp.route(f"{BASE}/agreements/<int:agreement_id>/partners/<int:partner_id>", methods=["GET", "POST"])
@role_required("planner", "admin")
def agreement_partner_edit(process_id: int, agreement_id: int, partner_id: int):
    process = load_process(process_id)
    agreement = _agreement(process, agreement_id)
    partner = _partner(agreement, partner_id)
    form = _partner_form(process, partner)
    if request.method == "POST" and form.validate_on_submit() and not _already_partner(agreement, form, partner):
        _fill_partner(process, partner, form)
        return coop_edit.saved("coop_agreement_partner_updated", agreement.committee,
                               _url("planning.agreement_page", process, agreement), agreement=agreement.title,
                               actor=partner.body.name)
    return _partner_page(process, agreement, partner, form=form)


@bp.route(f"{BASE}/agreements/<int:agreement_id>/partners/<int:partner_id>/delete", methods=["POST"])
@role_required("planner", "admin")
def agreement_partner_delete(process_id: int, agreement_id: int, partner_id: int):
    process = load_process(process_id)
    agreement = _agreement(process, agreement_id)
    partner = _partner(agreement, partner_id)
    return coop_edit.confirmed_delete(
        lambda form: _partner_page(process, agreement, partner, delete_form=form),
        lambda: agreement.partners.remove(partner), "coop_agreement_partner_removed", agreement.committee,
        _url("planning.agreement_page", process, agreement), _("Partner entfernt."), agreement=agreement.title,
        actor=partner.body.name)
