"""Hearing back: residents leave an address to get one mail when decisions are published.

The address is kept apart from the answers: no response, survey or time is stored with it, the key is a
random token, and the jobs that mail carry only the process id. The first mail asks to confirm (double
opt-in: nobody is mailed on someone else's say-so); every mail carries the link that deletes the address.
"""
from __future__ import annotations

import secrets

from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import update

from ..extensions import db
from ..jobs import enqueue, job
from ..languages.i18n import LANGUAGES, language
from ..links import absolute_url
from ..models import Job, Process
from ..models.outcomes import OutcomePublication, OutcomeSubscription
from .mail import Mailer, mail_configured, message

CONFIRM_JOB = "outcomes.send_confirmations"
NOTIFY_JOB = "outcomes.notify_decisions"


def subscribe(process: Process, email: str, language_code: str) -> bool:
    """Keep the address (normalised by the form) unconfirmed and queue the confirmation mail; False when the
    address was already there (then nothing is sent again, so nobody can be mailed over and over)."""
    existing = db.session.execute(db.select(OutcomeSubscription.token).filter_by(
        process_id=process.id, email=email)).first()
    if existing is not None:
        return False
    db.session.add(OutcomeSubscription(token=secrets.token_urlsafe(32), process_id=process.id, email=email,
                                       language=language_code if language_code in LANGUAGES else "de"))
    db.session.commit()
    enqueue(CONFIRM_JOB, process_id=process.id)
    return True


def find(token: str) -> OutcomeSubscription | None:
    if not token or len(token) > 64:
        return None
    return db.session.get(OutcomeSubscription, token)


def confirm(subscription: OutcomeSubscription) -> None:
    subscription.confirmed = True
    db.session.commit()


def unsubscribe(subscription: OutcomeSubscription) -> None:
    db.session.delete(subscription)
    db.session.commit()


def subscriber_count(process: Process) -> int:
    return db.session.execute(db.select(db.func.count()).select_from(OutcomeSubscription).filter_by(
        process_id=process.id, confirmed=True)).scalar_one()


def queue_notifications(process: Process, user=None) -> None:
    """After a publication: mail every confirmed address (when mail is configured)."""
    if mail_configured():
        enqueue(NOTIFY_JOB, process_id=process.id, created_by_id=getattr(user, "id", None))


def _set(token: str, **values) -> None:
    """Mark one address in its own transaction right after its mail left, so a retry never mails twice."""
    with db.engine.begin() as connection:
        connection.execute(update(OutcomeSubscription).where(OutcomeSubscription.token == token).values(**values))


def _links(subscription: OutcomeSubscription) -> dict[str, str]:
    return {"page": absolute_url("public.process_outcome", process_id=subscription.process_id,
                                 lang=subscription.language),
            "confirm": absolute_url("public.subscription_confirm", token=subscription.token),
            "delete": absolute_url("public.subscription_delete", token=subscription.token)}


def _mail(subscription: OutcomeSubscription, process: Process, compose):
    """One mail in the resident's language: `compose(title, links)` gives the subject and the paragraphs."""
    links = _links(subscription)
    title = process.translated("title", subscription.language)
    with force_locale(language(subscription.language).ui_locale):
        subject, paragraphs = compose(title, links)
        body = "\n\n".join([_("Guten Tag,"), *paragraphs])
    return message(subscription.email, subject, body, links["delete"])


def _confirmation(subscription: OutcomeSubscription, process: Process):
    return _mail(subscription, process, lambda title, links: (
        _("Bitte bestätigen Sie: Nachricht zu „%(title)s“", title=title),
        [_("Sie möchten eine E-Mail bekommen, wenn die Stadt veröffentlicht, was aus den Antworten zu "
           "„%(title)s“ geworden ist. Bitte bestätigen Sie das mit diesem Link:", title=title),
         links["confirm"],
         _("Wenn Sie das nicht waren, müssen Sie nichts tun: Ohne Bestätigung schreiben wir Ihnen nicht "
           "mehr. Ihre Adresse löschen Sie sofort hier:"),
         links["delete"],
         _("Ihre Adresse wird getrennt von allen Antworten gespeichert und nur für diese Nachricht genutzt.")]))


def _notification(subscription: OutcomeSubscription, process: Process):
    return _mail(subscription, process, lambda title, links: (
        _("Was ist daraus geworden? Neue Entscheidungen zu „%(title)s“", title=title),
        [_("die Stadt hat veröffentlicht, was zu den Themen aus „%(title)s“ entschieden wurde und warum. "
           "Hier können Sie es lesen:", title=title),
         links["page"],
         _("Sie bekommen diese E-Mail, weil Sie darum gebeten haben. Ihre Adresse löschen Sie hier:"),
         links["delete"]]))


def _send_each(process_id: int | None, condition, build, mark: dict) -> dict:
    process = db.session.get(Process, process_id) if process_id is not None else None
    if process is None:
        return {"sent": 0}
    waiting = db.session.execute(db.select(OutcomeSubscription).where(
        OutcomeSubscription.process_id == process_id, *condition).order_by(OutcomeSubscription.token)).scalars().all()
    sent = 0
    if waiting:
        with Mailer() as mailer:
            for subscription in waiting:
                mailer.send(build(subscription, process))
                _set(subscription.token, **mark)
                sent += 1
    return {"sent": sent}


def _process_of(ctx) -> int | None:
    """The job's process (the job record's own column; the parameters stay empty)."""
    return db.session.execute(db.select(Job.process_id).filter_by(id=ctx.job_id)).scalar_one_or_none()


@job(CONFIRM_JOB)
def send_confirmations(ctx) -> dict:
    """Ask every new address of the process to confirm (one mail each, never twice)."""
    return _send_each(_process_of(ctx), (OutcomeSubscription.confirmation_sent.is_(False),), _confirmation,
                      {"confirmation_sent": True})


@job(NOTIFY_JOB)
def notify_decisions(ctx) -> dict:
    """One mail per confirmed address that has not heard of the latest publication, in its language."""
    process_id = _process_of(ctx)
    latest = db.session.execute(db.select(db.func.max(OutcomePublication.round)).filter_by(
        process_id=process_id)).scalar_one() or 0
    if not latest:
        return {"sent": 0}
    return _send_each(process_id, (OutcomeSubscription.confirmed.is_(True),
                                   OutcomeSubscription.notified_round < latest),
                      _notification, {"notified_round": latest})
