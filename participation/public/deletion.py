"""Residents delete their own response with the code they got on the thank-you page."""
from flask import render_template
from flask_babel import gettext as _

from ..forms.privacy import DeletionForm
from ..privacy.deletion import delete_response_by_code
from ..privacy.flooding import check_deletion_rate, count_wrong_deletion_code
from . import bp


@bp.route("/delete", methods=["GET", "POST"])
def delete_response():
    form = DeletionForm()
    if form.validate_on_submit():
        if not check_deletion_rate():
            form.code.errors.append(_("Von diesem Gerät wurden sehr viele falsche Codes eingegeben. "
                                      "Bitte versuchen Sie es in einer Stunde noch einmal."))
            return render_template("public/delete.html", form=form), 429
        if delete_response_by_code(form.code.data):
            return render_template("public/deleted.html")
        count_wrong_deletion_code()
        form.code.errors.append(_("Zu diesem Code gibt es keine Antworten. Bitte prüfen Sie den Code – "
                                  "oder die Antworten wurden schon gelöscht."))
        return render_template("public/delete.html", form=form), 404
    return render_template("public/delete.html", form=form)
