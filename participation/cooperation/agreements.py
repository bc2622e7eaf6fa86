"""Cooperation agreements (Kooperationsvereinbarungen): which are due for review, and recording a review.

An agreement is due while its review date is today or past; recording the review moves that date on, so
the reminder on the process overview goes away until the next review comes round."""
from datetime import date

from ..extensions import db
from ..models import Committee, CooperationAgreement


def due_agreements(process, today: date) -> list[CooperationAgreement]:
    """Agreements of the process's committees whose review date has come, longest overdue first."""
    return list(db.session.execute(
        db.select(CooperationAgreement).join(Committee)
        .where(Committee.process_id == process.id, CooperationAgreement.review_on.is_not(None),
               CooperationAgreement.review_on <= today)
        .order_by(CooperationAgreement.review_on, CooperationAgreement.id)).scalars())


def mark_reviewed(agreement: CooperationAgreement, today: date, next_review_on: date | None) -> None:
    """Record today's review; the next one is due on `next_review_on` (none planned when empty)."""
    agreement.reviewed_on = today
    agreement.review_on = next_review_on

