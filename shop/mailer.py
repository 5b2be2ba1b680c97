"""Outgoing mail over SMTP; without MAIL_SERVER (development) every message is logged instead."""
from __future__ import annotations

import logging
import smtplib
from collections.abc import Mapping
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

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
    """Send the messages in one SMTP session, or log them when MAIL_SERVER is not set."""
    if not messages:
        return
    if not config.get("MAIL_SERVER"):
        for message in messages:
            log.info("mail (MAIL_SERVER not set, not sent):\n%s", message.as_string())
        return
    with smtplib.SMTP(config["MAIL_SERVER"], int(config["MAIL_PORT"]), timeout=20) as smtp:
        if config.get("MAIL_USE_TLS"):
            smtp.starttls()
        if config.get("MAIL_USERNAME"):
            smtp.login(config["MAIL_USERNAME"], config.get("MAIL_PASSWORD") or "")
        for message in messages:
            smtp.send_message(message)
