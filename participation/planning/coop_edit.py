"""One page shape for editing a cooperation record after it was saved: a back link, a heading and a few
forms (the record's own, then e.g. ending a membership or deleting it), each posting to its own address."""
from dataclasses import dataclass

from flask import render_template
from flask_babel import gettext as _

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
