"""Background jobs and the schedule, on Huey.

Why Huey: one small, well-kept library (no broker of its own) that has what the shop needs
and nothing more: a SQLite-backed queue for the embedded default (no extra service for
`make run`), Redis when REDIS_URL is set (several machines), periodic tasks with crontab in
the same consumer process (no separate beat or cron), thread workers, and an immediate mode
that runs tasks inline for tests. RQ needs Redis even on a laptop and a separate scheduler;
Celery and Dramatiq bring more machinery than a shop of this size uses.

The queue is only a doorbell: the outbox table and the domain tables are the source of truth.
A commit that wrote outbox rows rings it (deliver_mails), and the minute's sweep delivers
whatever is due, so a lost queue message, a dead Redis or a crashed worker loses no mail.
"""
from __future__ import annotations

import logging
import os
from datetime import datetime, timedelta

from flask import Flask, current_app
from huey import MemoryHuey, RedisHuey, SqliteHuey, crontab
from huey.storage import SqliteStorage
from sqlalchemy import event
from sqlalchemy.orm import Session

from shop.extensions import db
from shop.models_base import utcnow
from shop.outbox.models import OutboxMail
from shop.outbox.services import NEW_MAIL_IDS

log = logging.getLogger(__name__)

# Vietnam keeps UTC+7 all year (no daylight saving): 00:05 in Hà Nội is 17:05 UTC the day before.
LAPSE_AT_UTC = {"hour": "17", "minute": "5"}
REMIND_AT_UTC = {"hour": "17", "minute": "15"}


class _DoorbellSqliteStorage(SqliteStorage):
    """Huey's SQLite queue without an fsync per message.

    Huey leaves SQLite's default, synchronous=FULL, so every enqueue waited for a disk flush (median
    0.3 ms, one in ten 3 ms, inside the checkout request). In WAL mode NORMAL syncs at checkpoints
    only: a commit is never torn and survives an app crash; a power cut may lose the last messages,
    and a lost message loses no mail (the outbox is the truth, the minute's sweep sends what is due).
    """

    def _create_connection(self):
        conn = super()._create_connection()
        conn.execute("pragma synchronous = NORMAL")
        return conn


class _DoorbellSqliteHuey(SqliteHuey):
    storage_class = _DoorbellSqliteStorage


def make_huey(app: Flask):
    """The queue for this configuration: inline (tests), Redis (REDIS_URL) or a SQLite file (default)."""
    config = app.config
    if config.get("JOBS_IMMEDIATE"):
        return MemoryHuey("ocop-shop", immediate=True, results=False)
    if config.get("REDIS_URL"):
        import redis
        # Short connect timeout: with Redis down a commit's doorbell fails fast (the sweep sends the mail).
        pool = redis.ConnectionPool.from_url(config["REDIS_URL"], socket_connect_timeout=1, socket_timeout=5)
        return RedisHuey("ocop-shop", connection_pool=pool, results=False)
    path = config.get("JOBS_SQLITE_PATH") or os.path.join(app.instance_path, "jobs.sqlite3")
    return _DoorbellSqliteHuey("ocop-shop", filename=path, results=False)


class Jobs:
    """The app's queue, its tasks and the periodic schedule (app.extensions["jobs"])."""

    def __init__(self, app: Flask):
        self.app = app
        self.huey = huey = make_huey(app)

        @huey.task(name="deliver_mails")
        def deliver_mails(mail_ids: list[int]) -> None:
            from shop.outbox.delivery import deliver_mail
            for mail_id in mail_ids:
                result = deliver_mail(app, mail_id)
                if result == "pending":
                    self._retry_later(mail_id)

        @huey.task(name="deliver_mail_later")
        def deliver_mail_later(mail_id: int) -> None:
            deliver_mails.call_local([mail_id])

        @huey.periodic_task(crontab(minute="*"), name="every_minute")
        def every_minute() -> None:
            self.run_every_minute()
            # In its own task, so that a long PDF build never delays the next minute's mails.
            build_catalog_pdfs()

        @huey.periodic_task(crontab(**LAPSE_AT_UTC), name="lapse_certificates")
        def lapse_certificates() -> None:
            self.run_lapse_certificates()

        @huey.periodic_task(crontab(**REMIND_AT_UTC), name="daily")
        def daily() -> None:
            self.run_daily()

        @huey.task(name="build_catalog_pdfs")
        @huey.lock_task("build_catalog_pdfs")
        def build_catalog_pdfs() -> None:
            self.run_catalog_pdfs()

        self.deliver_mails = deliver_mails
        self.deliver_mail_later = deliver_mail_later
        self.build_catalog_pdfs = build_catalog_pdfs

    def _retry_later(self, mail_id: int) -> None:
        # The row's next_attempt_at is the truth; this message only saves waiting for the sweep.
        with self.app.app_context():
            mail = db.session.get(OutboxMail, mail_id)
            due = mail.next_attempt_at if mail else None
            db.session.rollback()
        if due is None:
            return
        delay = max((_aware(due) - utcnow()).total_seconds(), 0) + 0.05
        if delay < 600:  # later ones the sweep picks up
            try:
                self.deliver_mail_later.schedule((mail_id,), delay=delay)
            except Exception:  # noqa: BLE001 - the sweep will find it
                log.warning("could not schedule a retry of mail %s", mail_id, exc_info=True)

    # --- the jobs themselves (also run once each by `worker --burst`) -------------------------

    def run_every_minute(self) -> dict:
        """Deliver due mails and expire unpaid orders."""
        from shop.outbox.delivery import sweep
        mails = sweep(self.app)
        with self.app.app_context():
            from shop.orders.status import expire_orders
            expired = expire_orders(db.session, utcnow())
            db.session.commit()
        return {"mails": mails, "orders_expired": expired}

    def run_lapse_certificates(self) -> int:
        with self.app.app_context():
            from shop.catalog.services import expire_certificates
            from shop.clock import today
            count = expire_certificates(db.session, today())
            db.session.commit()
        return count

    def run_daily(self) -> dict:
        """Certificate reminders (90, 30, 7 days ahead) and forgetting abandoned carts."""
        with self.app.app_context():
            from shop.cart.services import forget_abandoned_carts
            from shop.catalog.reminders import queue_reminders
            from shop.clock import today
            from shop.mailer import mail_base_url
            with self.app.test_request_context("/", base_url=mail_base_url()):
                base_url = mail_base_url()
            reminders = queue_reminders(db.session, today(), base_url=base_url, now=utcnow(),
                                        office_emails=_office_emails(self.app))
            carts = forget_abandoned_carts(db.session, utcnow(), days=self.app.config.get("CART_KEEP_DAYS", 30))
            db.session.commit()
        return {"reminders": reminders, "carts_forgotten": carts}

    def run_catalog_pdfs(self) -> int:
        """The province's catalog in each locale, rebuilt when the catalog changed. A sales point's
        catalog is built on its first request and then kept the same way."""
        from shop.showroom.pdf_cache import build_missing
        return build_missing(self.app, sales_points=False)

    def burst(self) -> dict:
        """Every job once, then whatever messages wait in the queue; nothing is sent twice."""
        summary = {"lapsed": self.run_lapse_certificates(), "daily": self.run_daily(),
                   "minute": self.run_every_minute(), "pdfs_built": self.run_catalog_pdfs()}
        drained = 0
        if not self.huey.immediate:
            while (task := self.huey.dequeue()) is not None:
                self.huey.execute(task)
                drained += 1
        summary["queued_tasks_run"] = drained
        return summary


def _office_emails(app: Flask) -> list[str]:
    from sqlalchemy import select

    from shop.accounts.models import Role, User
    configured = [a.strip() for a in app.config.get("OFFICE_EMAILS", "").split(",") if a.strip()]
    if configured:
        return configured
    return list(db.session.scalars(select(User.email).where(User.role == Role.ADMIN, User.active.is_(True))
                                   .order_by(User.id)))


def _aware(moment: datetime) -> datetime:
    from datetime import timezone
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def jobs() -> Jobs:
    return current_app.extensions["jobs"]


# --- ringing the doorbell after a commit that queued mails ------------------------------------

_NEW = NEW_MAIL_IDS  # also filled by shop.outbox.services.queue_mails (a multi-row INSERT)


@event.listens_for(Session, "after_flush")
def _collect_new_mails(session, flush_context) -> None:
    ids = [obj.id for obj in session.new if isinstance(obj, OutboxMail)]
    if ids:
        session.info.setdefault(_NEW, []).extend(ids)


@event.listens_for(Session, "after_commit")
def _ring_after_commit(session) -> None:
    ids = session.info.pop(_NEW, None)
    if not ids:
        return
    try:
        app = current_app._get_current_object()
        app.extensions["jobs"].deliver_mails(ids)
    except Exception:  # noqa: BLE001 - Redis down or no app: the minute's sweep sends them
        log.warning("could not queue mails %s; the sweep will send them", ids, exc_info=True)


@event.listens_for(Session, "after_rollback")
def _forget_after_rollback(session) -> None:
    session.info.pop(_NEW, None)


def init_app(app: Flask) -> None:
    app.extensions["jobs"] = Jobs(app)


