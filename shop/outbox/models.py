"""An outbox row: one mail to one recipient, built by a named builder from its parameters."""
from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from shop.extensions import db
from shop.models_base import utcnow


class MailStatus(StrEnum):
    PENDING = "pending"   # waiting for its next attempt (next_attempt_at)
    SENDING = "sending"   # claimed by one worker (claimed_at); reset to pending if that worker died
    SENT = "sent"
    FAILED = "failed"     # gave up after the retry window; the office may resend


class OutboxMail(db.Model):
    """A mail to send: the builder `kind` turns `params` into a subject and body at send time."""

    __tablename__ = "outbox_mails"
    __table_args__ = (Index("ix_outbox_mails_due", "status", "next_attempt_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    recipient: Mapped[str] = mapped_column(String(254))
    params: Mapped[dict] = mapped_column(JSON, default=dict)
    # Where the links in the mail point (PUBLIC_BASE_URL, or the host of the request that queued it).
    base_url: Mapped[str] = mapped_column(String(255), default="")
    status: Mapped[str] = mapped_column(String(16), default=MailStatus.PENDING)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    claimed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    subject: Mapped[str] = mapped_column(String(300), default="")
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class JobMark(db.Model):
    """A scheduled job's memory of what it has done once (a reminder sent, a PDF built)."""

    __tablename__ = "job_marks"
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    value: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


__all__ = ["MailStatus", "OutboxMail", "JobMark"]
