"""Outgoing mail over SMTP; without MAIL_SERVER (development) every message is printed instead.

Code that wants a mail sent queues it in the outbox (send_mail, or a domain's own builder kind);
only the worker calls deliver().
"""
from __future__ import annotations

import logging
import smtplib
import sys
from collections.abc import Mapping
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from flask import current_app, has_request_context, request

log = logging.getLogger(__name__)


def build_message(config: Mapping, to: str, subject: str, body: str) -> EmailMessage:
    """A plain-text UTF-8 message from the shop's sender address."""
    message = EmailMessage()
    message["From"] = config["MAIL_FROM"]
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain="ocop-quangninh")
    message.set_content(body)
    return message


def deliver(messages: list[EmailMessage], config: Mapping) -> None:
    """Send the messages in one SMTP session, or print them (stderr and the log) when MAIL_SERVER is not set."""
    if not messages:
        return
    if not config.get("MAIL_SERVER"):
        for message in messages:
            # Printed, not only logged: the default log level would hide it from the developer.
            # Readable text (the wire form would be base64): headers decoded, then the body.
            text = (f"To: {message['To']}\nSubject: {message['Subject']}\nMessage-ID: {message['Message-ID']}\n\n"
                    f"{message.get_content()}")
            print(f"----- mail (MAIL_SERVER not set, not sent) -----\n{text}\n-----", file=sys.stderr, flush=True)
            log.info("mail (MAIL_SERVER not set, not sent):\n%s", text)
        return
    with smtplib.SMTP(config["MAIL_SERVER"], int(config["MAIL_PORT"]),
                      timeout=float(config.get("MAIL_TIMEOUT", 20))) as smtp:
        if config.get("MAIL_USE_TLS"):
            smtp.starttls()
        if config.get("MAIL_USERNAME"):
            smtp.login(config["MAIL_USERNAME"], config.get("MAIL_PASSWORD") or "")
        for message in messages:
            smtp.send_message(message)


def mail_base_url() -> str:
    """Where links in mails point: PUBLIC_BASE_URL, else the address of the current request."""
    configured = current_app.config.get("PUBLIC_BASE_URL")
    if configured:
        return configured.rstrip("/") + "/"
    return request.host_url if has_request_context() else "http://localhost/"


def send_mail(to: str | list[str], subject: str, body: str) -> None:
    """Queue one plain-text mail per address in db.session's transaction (the caller commits)."""
    from shop.extensions import db
    from shop.models_base import utcnow
    from shop.outbox.services import queue_mail
    recipients = [to] if isinstance(to, str) else list(to)
    for recipient in recipients:
        queue_mail(db.session, "text", recipient, {"subject": subject, "body": body}, base_url=mail_base_url(),
                   now=utcnow())
