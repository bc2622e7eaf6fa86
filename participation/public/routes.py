from flask import render_template

from ..extensions import db
from ..models import Survey
from . import bp


@bp.route("/")
def index():
    surveys = [s for s in db.session.execute(db.select(Survey).order_by(Survey.id)).scalars() if s.is_open()]
    return render_template("public/index.html", surveys=surveys)
