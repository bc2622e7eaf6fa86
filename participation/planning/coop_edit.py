"""One page shape for editing a cooperation record after it was saved: a back link, a heading and a few
forms (the record's own, then e.g. ending a membership or deleting it), each posting to its own address;
and the common ending of a save or a deletion (audit, commit, message, back)."""
from dataclasses import dataclass

from flask import flash, redirect, render_template
from flask_babel import gettext as _

from .. import audit
from ..extensions import db
from ..forms.cooperation import ConfirmDeleteForm


@dataclass
class Section:
    form: object
    action: str          # "" posts to the page itself
    button: str
    heading: str = ""
    hint: str = ""


def render(process, heading: str, back: tuple[str, str], sections: list[Section], status: int = 200,
           template: str = "planning/coop_edit.html", **context):
    """`back` is (url, label); the title says "Fehler" when any section's form was refused."""
    return render_template(template, process=process, heading=heading, back=back, sections=sections,
                           failed=any(section.form.errors for section in sections), **context), status


def delete_section(action: str, form=None, hint: str = "") -> Section:
    """Deleting asks for a tick; `form` is the refused one when the tick was missing."""
    return Section(form or ConfirmDeleteForm(formdata=None), action, _("Löschen"), _("Eintrag löschen"), hint)


def saved(action: str, committee, url: str, message: str | None = None, **details):
    """Audit the change (named by its committee), commit, confirm and go back to `url`."""
    audit.record(action, committee, name=committee.name, **details)
    db.session.commit()
    flash(message or _("Gespeichert."), "success")
    return redirect(url)


def confirmed_delete(refused, remove, action: str, committee, url: str, message: str, **details):
    """Delete only with the tick: without it `refused(form)` shows the page again with the message."""
    form = ConfirmDeleteForm()
    if not form.validate_on_submit():
        return refused(form)
    audit.record(action, committee, name=committee.name, **details)
    remove()
    db.session.commit()
    flash(message, "success")
    return redirect(url)
