"""The strategy as a whole: its name in this municipality and the council decisions on it."""
from flask_babel import gettext as _

from ..extensions import db
from ..models import CouncilDecision


def strategy_name(process) -> str:
    """"Präventionskette", "Gesunde Stadt", … as the process calls it; "Strategie" when not set."""
    return (process.strategy_name or "").strip() or _("Strategie")


def decisions_of(process) -> list[CouncilDecision]:
    return db.session.scalars(db.select(CouncilDecision).where(CouncilDecision.process_id == process.id)
                              .order_by(CouncilDecision.decided_on, CouncilDecision.id)).all()
