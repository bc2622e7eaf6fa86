"""Hearing back: an address left on the thank-you page, confirmed by mail, gets one mail in its language when
decisions are published — sent by the background job through a real SMTP server (aiosmtpd) — and can be
deleted with the link in every mail. The address is stored with nothing that links it to the answers."""
import re
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller

from participation.extensions import db
from participation.models import Job, OutcomeSubscription, Theme
from participation.models.outcomes import OutcomeSubscription as SubscriptionModel
from tests.conftest import free_port, login, wait_for


class Inbox:
    """An aiosmtpd handler that keeps every delivered message."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, message_from_bytes(envelope.content, policy=policy.default)))
        return "250 OK"


@pytest.fixture
def smtp():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller, inbox
    controller.stop()


@pytest.fixture
def mail_app(app, smtp):
    controller, _inbox = smtp
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=controller.port, SMTP_SECURITY="none",
                      MAIL_FROM="Beteiligung Auenstadt <beteiligung@auenstadt.example>",
                      PUBLIC_BASE_URL="https://beteiligung.auenstadt.example")
    return app


def _body(mail) -> str:
    return mail.get_body(preferencelist=("plain",)).get_content()


def _jobs_done() -> bool:
    db.session.expire_all()
    return all(job.status in ("done", "failed") for job in db.session.execute(db.select(Job)).scalars())


def test_without_smtp_the_option_is_not_offered(client, demo_outcomes):
    html = client.get("/s/auenstadt/danke").get_data(as_text=True)
    assert 'name="email"' not in html
    assert client.post("/s/auenstadt/benachrichtigen", data={"email": "a@example.org"}).status_code == 404
    assert db.session.execute(db.select(OutcomeSubscription)).first() is None


def test_subscribe_confirm_notify_in_turkish_and_delete(mail_app, client, smtp, demo_outcomes, make_user):
    _controller, inbox = smtp
    thanks = client.get("/s/auenstadt/danke?lang=tr").get_data(as_text=True)
    assert 'name="email"' in thanks and 'autocomplete="email"' in thanks
    response = client.post("/s/auenstadt/benachrichtigen?lang=tr", data={"email": " Leyla@Example.org "})
    assert response.status_code == 302 and response.location.endswith("#hearing-back")
    wait_for(lambda: inbox.messages and _jobs_done())
    (recipients, confirmation), = inbox.messages
    assert recipients == ["leyla@example.org"]
    assert "onaylayın" in confirmation["Subject"]                        # Turkish
    links = re.findall(r"https://beteiligung\.auenstadt\.example/\S+", _body(confirmation))
    confirm_link = next(link for link in links if link.endswith("/bestaetigen"))
    delete_link = next(link for link in links if link.endswith("/loeschen"))
    assert confirmation["List-Unsubscribe"] == f"<{delete_link}>"

    path = confirm_link.removeprefix("https://beteiligung.auenstadt.example")
    assert client.get(path).status_code == 200                           # opening the link changes nothing
    assert not db.session.execute(db.select(OutcomeSubscription)).scalar_one().confirmed
    client.post(path)
    db.session.expire_all()
    assert db.session.execute(db.select(OutcomeSubscription)).scalar_one().confirmed

    planner = make_user("planner", processes=[demo_outcomes])
    login(client, planner)
    theme = db.session.execute(db.select(Theme).filter_by(label="Deutschkurse")).scalar_one()
    theme.published = True
    db.session.commit()
    client.post(f"/planning/processes/{demo_outcomes.id}/outcomes/themes/{theme.id}",
                data={"status": "adopted", "decided_by": "Stadtrat"})
    client.post(f"/planning/processes/{demo_outcomes.id}/outcomes/publish")
    wait_for(lambda: len(inbox.messages) == 2 and _jobs_done())
    recipients, notification = inbox.messages[1]
    assert recipients == ["leyla@example.org"]
    body = _body(notification)
    assert "Sonuç ne oldu?" in notification["Subject"]
    assert f"https://beteiligung.auenstadt.example/prozess/{demo_outcomes.id}/was-daraus-wurde?lang=tr" in body
    assert delete_link in body

    client.post(f"/planning/processes/{demo_outcomes.id}/outcomes/publish")      # nothing new: no mail
    from participation.outcomes.hearing import NOTIFY_JOB
    from participation.jobs import enqueue
    enqueue(NOTIFY_JOB, process_id=demo_outcomes.id)                            # the job again: no second mail
    wait_for(_jobs_done)
    assert len(inbox.messages) == 2

    client.post("/logout")
    client.post(delete_link.removeprefix("https://beteiligung.auenstadt.example"))
    assert db.session.execute(db.select(OutcomeSubscription)).first() is None
    assert client.get(delete_link.removeprefix("https://beteiligung.auenstadt.example")).status_code == 404


def test_unconfirmed_addresses_get_no_decision_mail(mail_app, client, smtp, demo_outcomes):
    _controller, inbox = smtp
    client.post("/s/auenstadt/benachrichtigen", data={"email": "fremd@example.org"})
    client.post("/s/auenstadt/benachrichtigen", data={"email": "fremd@example.org"})   # twice: one mail only
    wait_for(lambda: inbox.messages and _jobs_done())
    from participation.outcomes.hearing import NOTIFY_JOB
    from participation.jobs import enqueue
    enqueue(NOTIFY_JOB, process_id=demo_outcomes.id)
    wait_for(_jobs_done)
    assert len(inbox.messages) == 1


def test_bad_address_keeps_the_page_and_says_why(mail_app, client, demo_outcomes):
    response = client.post("/s/auenstadt/benachrichtigen", data={"email": "keine-adresse"})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "gültige E-Mail-Adresse" in html and 'value="keine-adresse"' in html
    assert db.session.execute(db.select(OutcomeSubscription)).first() is None


def test_subscriptions_are_throttled_per_client(mail_app, client, demo_outcomes):
    mail_app.config["SUBSCRIPTIONS_PER_CLIENT_PER_HOUR"] = 2
    statuses = [client.post("/s/auenstadt/benachrichtigen", data={"email": f"p{n}@example.org"}).status_code
                for n in range(3)]
    assert statuses == [302, 302, 429]


@pytest.mark.csrf
def test_subscribing_needs_the_form_token(mail_app, client, demo_outcomes):
    assert client.post("/s/auenstadt/benachrichtigen", data={"email": "a@example.org"}).status_code == 400
    assert db.session.execute(db.select(OutcomeSubscription)).first() is None


def test_the_address_is_stored_with_nothing_that_links_it_to_answers():
    columns = set(SubscriptionModel.__table__.columns.keys())
    assert columns == {"token", "process_id", "email", "language", "confirmed", "confirmation_sent",
                       "notified_round"}
    assert not any("response" in str(fk.column) or "questionnaire" in str(fk.column)
                   for fk in SubscriptionModel.__table__.foreign_keys)


def test_the_mail_job_carries_no_address(mail_app, client, smtp, demo_outcomes):
    _controller, inbox = smtp
    client.post("/s/auenstadt/benachrichtigen", data={"email": "still@example.org"})
    wait_for(lambda: inbox.messages and _jobs_done())
    job = db.session.execute(db.select(Job)).scalar_one()
    assert job.process_id == demo_outcomes.id and job.params == {} and "still" not in str(job.result)
