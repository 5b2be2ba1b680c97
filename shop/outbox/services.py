"""Queueing, claiming and recording mails of the outbox.

The table is the source of truth: a queue message only says "look at row N soon". A mail is
claimed by one conditional UPDATE (pending and due → sending), so two workers, or a worker and
the minute's sweep, never both send it; a claim whose worker died is released after
STALE_CLAIM and sent again (the Message-ID stays the same, so a receiver can tell).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from sqlalchemy import func, insert, select, update

from shop.outbox.models import MailStatus, OutboxMail

STALE_CLAIM = timedelta(minutes=10)
# session.info key of the ids of mails queued in the session's transaction: shop.jobs rings the doorbell
# for them after the commit and forgets them on a rollback (ORM-added rows are collected at flush).
NEW_MAIL_IDS = "outbox_new_ids"


@dataclass(frozen=True)
class RetrySettings:
    """Exponential back-off: base, doubling up to cap, for at least `window` after queueing."""

    base: timedelta = timedelta(seconds=30)
    cap: timedelta = timedelta(hours=2)
    window: timedelta = timedelta(hours=24)

    @classmethod
    def from_config(cls, config: Mapping) -> RetrySettings:
        return cls(base=timedelta(seconds=float(config.get("MAIL_RETRY_BASE_SECONDS", 30))),
                   cap=timedelta(seconds=float(config.get("MAIL_RETRY_MAX_SECONDS", 7200))),
                   window=timedelta(hours=float(config.get("MAIL_RETRY_HOURS", 24))))

    def delay(self, attempts: int) -> timedelta:
        """The wait after the attempts-th failed attempt (1 → base, 2 → 2×base, … up to cap)."""
        return min(self.base * (2 ** max(attempts - 1, 0)), self.cap)


def queue_mail(session, kind: str, recipient: str, params: Mapping | None = None, *, base_url: str = "",
               now: datetime) -> OutboxMail:
    """Add a mail to the outbox in the caller's transaction; it is sent only if that transaction commits."""
    mail = OutboxMail(kind=kind, recipient=recipient, params=dict(params or {}), base_url=base_url,
                      status=MailStatus.PENDING, attempts=0, next_attempt_at=now, created_at=now)
    session.add(mail)
    return mail


@cache
def _insert_mails():
    # A Core INSERT on the table, built once: the ORM's bulk INSERT costs more Python than the statement.
    table = OutboxMail.__table__
    return insert(table).returning(table.c.id)


def queue_mails(session, mails, *, base_url: str = "", now: datetime) -> list[int]:
    """Add several mails, (kind, recipient, params) each, in one multi-row INSERT in the caller's
    transaction; like queue_mail they are sent only if that transaction commits. Returns their ids."""
    if not mails:
        return []
    ids = list(session.execute(_insert_mails(), [
        {"kind": kind, "recipient": recipient, "params": dict(params or {}), "base_url": base_url,
         "status": MailStatus.PENDING, "attempts": 0, "next_attempt_at": now, "subject": "", "last_error": "",
         "created_at": now} for kind, recipient, params in mails]).scalars())
    session.info.setdefault(NEW_MAIL_IDS, []).extend(ids)
    return ids


def due_ids(session, now: datetime, limit: int = 200) -> list[int]:
    """Pending mails whose next attempt is due, oldest first."""
    return list(session.scalars(select(OutboxMail.id).where(
        OutboxMail.status == MailStatus.PENDING, OutboxMail.next_attempt_at <= now)
        .order_by(OutboxMail.id).limit(limit)))


def release_stale(session, now: datetime) -> int:
    """Put back mails claimed by a worker that died before recording the result."""
    result = session.execute(update(OutboxMail).where(
        OutboxMail.status == MailStatus.SENDING, OutboxMail.claimed_at < now - STALE_CLAIM)
        .values(status=MailStatus.PENDING, next_attempt_at=now))
    return result.rowcount


def claim(session, mail_id: int, now: datetime) -> bool:
    """Take a due mail for this worker; False when another has it, it was sent, or it is not due."""
    result = session.execute(update(OutboxMail).where(
        OutboxMail.id == mail_id, OutboxMail.status == MailStatus.PENDING, OutboxMail.next_attempt_at <= now)
        .values(status=MailStatus.SENDING, claimed_at=now, attempts=OutboxMail.attempts + 1))
    return result.rowcount == 1


def mark_sent(session, mail_id: int, now: datetime, subject: str) -> bool:
    """Record the delivery of a claimed mail (once: only from sending)."""
    result = session.execute(update(OutboxMail).where(
        OutboxMail.id == mail_id, OutboxMail.status == MailStatus.SENDING)
        .values(status=MailStatus.SENT, sent_at=now, subject=subject[:300], last_error=""))
    return result.rowcount == 1


def mark_attempt_failed(session, mail: OutboxMail, now: datetime, error: str, retry: RetrySettings) -> str:
    """After a failed attempt: wait longer and try again, or give up once the retry window is over."""
    window_start = _aware(mail.params.get("_resent_at") and datetime.fromisoformat(mail.params["_resent_at"])
                          or mail.created_at)
    if now - window_start >= retry.window:
        status, next_at = MailStatus.FAILED, now
    else:
        status, next_at = MailStatus.PENDING, now + retry.delay(mail.attempts)
    session.execute(update(OutboxMail).where(OutboxMail.id == mail.id, OutboxMail.status == MailStatus.SENDING)
                    .values(status=status, next_attempt_at=next_at, last_error=error[:2000]))
    return status


def _aware(moment: datetime) -> datetime:
    # SQLite gives back naive datetimes; every time here is UTC.
    from datetime import timezone
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def failed_mails(session, limit: int = 200) -> list[OutboxMail]:
    """Mails the worker gave up on, newest first (the office's list)."""
    return list(session.scalars(select(OutboxMail).where(OutboxMail.status == MailStatus.FAILED)
                                .order_by(OutboxMail.id.desc()).limit(limit)))


def resend(session, mail_id: int, now: datetime) -> bool:
    """Queue a failed mail again, with a fresh retry window; False when it is not a failed mail."""
    mail = session.get(OutboxMail, mail_id)
    if mail is None or mail.status != MailStatus.FAILED:
        return False
    params = dict(mail.params)
    params["_resent_at"] = now.isoformat()
    result = session.execute(update(OutboxMail).where(OutboxMail.id == mail_id,
                                                      OutboxMail.status == MailStatus.FAILED)
                             .values(status=MailStatus.PENDING, next_attempt_at=now, params=params))
    return result.rowcount == 1


def counts(session) -> dict[str, int]:
    """How many mails are in each status (metrics and the office's page)."""
    rows = session.execute(select(OutboxMail.status, func.count()).group_by(OutboxMail.status))
    found = {status: 0 for status in MailStatus}
    found.update({status: count for status, count in rows})
    return found
