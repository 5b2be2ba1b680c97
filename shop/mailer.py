"""Outgoing mail: SMTP when MAIL_SERVER is set, otherwise the message is logged."""
from __future__ import annotations

import logging
import smtplib
from email.message import EmailMessage

from flask import current_app

log = logging.getLogger(__name__)


def send_mail(to: str | list[str], subject: str, body: str) -> None:
    """Send a plain-text UTF-8 mail to one or more addresses."""
    recipients = [to] if isinstance(to, str) else list(to)
    if not recipients:
        return
    config = current_app.config
    message = EmailMessage()
    message["From"] = config["MAIL_DEFAULT_SENDER"]
    message["To"] = ", ".join(recipients)
    message["Subject"] = subject
    message.set_content(body)
    server = config.get("MAIL_SERVER")
    if not server:
        log.info("mail (no MAIL_SERVER set) to %s: %s\n%s", message["To"], subject, body)
        return
    with smtplib.SMTP(server, int(config.get("MAIL_PORT") or 25), timeout=10) as smtp:
        if config.get("MAIL_USE_TLS"):
            smtp.starttls()
        if config.get("MAIL_USERNAME"):
            smtp.login(config["MAIL_USERNAME"], config.get("MAIL_PASSWORD") or "")
        smtp.send_message(message)
