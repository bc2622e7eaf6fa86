"""Sending mail over SMTP with the standard library (smtplib, email.message): nothing else to keep updated.

Configured by environment variables (or instance/.env): SMTP_HOST, SMTP_PORT, SMTP_SECURITY
(starttls | ssl | none), SMTP_USER, SMTP_PASSWORD, MAIL_FROM. Without SMTP_HOST, MAIL_FROM and
PUBLIC_BASE_URL (the links in a mail are written by background jobs, outside any request) the platform
offers nothing that needs mail.
"""
from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from email.utils import make_msgid

from flask import current_app

SECURITY_MODES = ("starttls", "ssl", "none")


def mail_configured() -> bool:
    config = current_app.config
    return bool(config.get("SMTP_HOST") and config.get("MAIL_FROM") and config.get("PUBLIC_BASE_URL"))


def message(to: str, subject: str, body: str, unsubscribe_url: str | None = None) -> EmailMessage:
    mail = EmailMessage()
    mail["From"] = current_app.config["MAIL_FROM"]
    mail["To"] = to
    mail["Subject"] = " ".join(subject.split())   # a title with a line break must not break the header
    mail["Message-ID"] = make_msgid(domain=current_app.config["MAIL_FROM"].rpartition("@")[2].strip(">") or None)
    mail["Auto-Submitted"] = "auto-generated"
    if unsubscribe_url:
        mail["List-Unsubscribe"] = f"<{unsubscribe_url}>"
    mail.set_content(body)
    return mail


class Mailer:
    """One SMTP connection for a batch of mails (`with Mailer() as mailer: mailer.send(message)`)."""

    def __enter__(self) -> "Mailer":
        config = current_app.config
        host, port = config["SMTP_HOST"], int(config.get("SMTP_PORT") or 0)
        security = config.get("SMTP_SECURITY") or "starttls"
        timeout = float(config.get("SMTP_TIMEOUT", 30))
        if security == "ssl":
            self.smtp = smtplib.SMTP_SSL(host, port or 465, timeout=timeout, context=ssl.create_default_context())
        else:
            self.smtp = smtplib.SMTP(host, port or (587 if security == "starttls" else 25), timeout=timeout)
            if security == "starttls":
                self.smtp.starttls(context=ssl.create_default_context())
        if config.get("SMTP_USER"):
            self.smtp.login(config["SMTP_USER"], config.get("SMTP_PASSWORD") or "")
        return self

    def send(self, mail: EmailMessage) -> None:
        self.smtp.send_message(mail)

    def __exit__(self, *exc) -> None:
        try:
            self.smtp.quit()
        except smtplib.SMTPException:
            self.smtp.close()
