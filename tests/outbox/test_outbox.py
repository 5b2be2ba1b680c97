"""The outbox: mails written with the change, delivered by the worker over real SMTP (aiosmtpd on
loopback), claimed once, retried with back-off, listed and resent by the office."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from shop.models_base import utcnow
from shop.outbox import services
from shop.outbox.delivery import deliver_mail, sweep
from shop.outbox.models import MailStatus, OutboxMail
from tests.conftest import login, session_token
from tests.factories import make_user


def _queue(db, recipient="an@example.vn", subject="Xin chào", body="Nội dung", now=None):
    mail = services.queue_mail(db.session, "text", recipient, {"subject": subject, "body": body},
                               base_url="http://shop.test/", now=now or utcnow())
    return mail


def test_a_rolled_back_change_leaves_no_mail(app, db, smtp_server):
    """A mail queued in a transaction that rolls back is neither stored nor sent."""
    _queue(db)
    db.session.flush()
    db.session.rollback()
    assert db.session.scalar(select(OutboxMail)) is None and smtp_server.messages == []


def test_a_commit_delivers_the_queued_mail_once(app, db, smtp_server):
    """Committing rings the worker (inline in tests): the mail arrives once and is marked sent."""
    _queue(db)
    db.session.commit()
    mail = db.session.scalar(select(OutboxMail))
    db.session.refresh(mail)
    assert [m["Subject"] for m in smtp_server.messages] == ["Xin chào"]
    assert mail.status == MailStatus.SENT and mail.attempts == 1 and mail.sent_at is not None
    assert smtp_server.messages[0]["Message-ID"].startswith(f"<outbox-{mail.id}-")
    assert sweep(app) == {} and deliver_mail(app, mail.id) == "skipped"
    assert len(smtp_server.messages) == 1


def test_only_one_claim_wins(app, db):
    """Two workers claiming the same due mail: the conditional UPDATE lets exactly one through."""
    mail = _queue(db)
    db.session.flush()
    now = utcnow()
    assert services.claim(db.session, mail.id, now) is True
    assert services.claim(db.session, mail.id, now) is False
    db.session.rollback()


def test_smtp_down_then_up_delivers_once_with_back_off(app, db, config_override, smtp_server):
    """While SMTP refuses, the mail waits with a doubling delay; once it is back, the sweep sends it once."""
    port = app.config["MAIL_PORT"]
    config_override(MAIL_PORT=9)  # nothing listens on discard
    _queue(db)
    db.session.commit()
    mail = db.session.scalar(select(OutboxMail))
    assert (mail.status, mail.attempts) == ("pending", 1)
    first_wait = services._aware(mail.next_attempt_at) - utcnow()
    assert timedelta(seconds=20) < first_wait <= timedelta(seconds=30)
    later = utcnow() + timedelta(seconds=31)
    assert sweep(app, now=later) == {"pending": 1}
    db.session.expire_all()
    mail = db.session.get(OutboxMail, mail.id)
    assert mail.attempts == 2 and services._aware(mail.next_attempt_at) - utcnow() > timedelta(seconds=50)
    config_override(MAIL_PORT=port)
    assert sweep(app, now=utcnow() + timedelta(minutes=5)) == {"sent": 1}
    assert sweep(app, now=utcnow() + timedelta(hours=1)) == {}
    assert len(smtp_server.messages) == 1


def test_back_off_doubles_to_its_cap_and_gives_up_after_the_window(app, db, config_override):
    """Delays go 30 s, 1 min, 2 min … up to the cap; a failure after 24 h marks the mail failed."""
    retry = services.RetrySettings()
    assert [retry.delay(n).total_seconds() for n in (1, 2, 3, 4)] == [30, 60, 120, 240]
    assert retry.delay(30) == timedelta(hours=2)
    config_override(MAIL_SERVER="127.0.0.1", MAIL_PORT=9, MAIL_USE_TLS=False)
    _queue(db)
    db.session.commit()
    mail = db.session.scalar(select(OutboxMail))
    assert sweep(app, now=utcnow() + timedelta(hours=24, minutes=1)) == {"failed": 1}
    db.session.expire_all()
    assert db.session.get(OutboxMail, mail.id).status == MailStatus.FAILED


def test_the_office_lists_failed_mails_and_resends_one(app, db, client, config_override, smtp_server):
    """The back office shows a failed mail; "Send again" queues it with a fresh window and it arrives."""
    port = app.config["MAIL_PORT"]
    config_override(MAIL_PORT=9)
    _queue(db, recipient="lost@example.vn")
    db.session.commit()
    mail = db.session.scalar(select(OutboxMail))
    sweep(app, now=utcnow() + timedelta(hours=25))
    admin = make_user(db.session, "admin")
    db.session.commit()
    login(client, admin)
    page = client.get("/backoffice/mail").get_data(as_text=True)
    assert "lost@example.vn" in page and "Connection refused" in page
    config_override(MAIL_PORT=port)
    response = client.post(f"/backoffice/mail/{mail.id}/resend", data={"csrf_token": session_token(client)})
    assert response.status_code == 303
    assert [m["To"] for m in smtp_server.messages] == []  # resend queues; the worker sends
    assert sweep(app) == {"sent": 1}
    assert [m["To"] for m in smtp_server.messages] == ["lost@example.vn"]
    again = client.post(f"/backoffice/mail/{mail.id}/resend", data={"csrf_token": session_token(client)})
    assert again.status_code == 404  # only a failed mail can be sent again


def test_a_dead_workers_claim_is_released(app, db, smtp_server, config_override):
    """A mail left "sending" by a worker that died is put back after ten minutes and sent."""
    long_ago = utcnow() - timedelta(minutes=11)
    mail = _queue(db, now=long_ago)
    db.session.flush()
    assert services.claim(db.session, mail.id, long_ago)
    db.session.commit()  # the doorbell's attempt is skipped: the row is claimed
    assert smtp_server.messages == []
    assert sweep(app) == {"sent": 1} and len(smtp_server.messages) == 1


def test_without_mail_server_the_mail_is_printed(app, db, capfd):
    """Development: with no MAIL_SERVER the worker prints the mail where the developer sees it."""
    _queue(db, subject="Thử", body="Một thư để xem")
    db.session.commit()
    err = capfd.readouterr().err
    assert "MAIL_SERVER not set" in err and "Subject: Thử" in err and "Một thư để xem" in err
    assert db.session.scalar(select(OutboxMail.status)) == "sent"


def test_burst_delivers_what_is_due_and_twice_sends_nothing_twice(app, db, config_override, smtp_server):
    """`flask shop worker --burst` sends due mails and exits 0; a second run sends nothing again."""
    port = app.config["MAIL_PORT"]
    config_override(MAIL_PORT=9)
    for n in range(3):
        _queue(db, recipient=f"b{n}@example.vn")
    db.session.commit()
    db.session.execute(OutboxMail.__table__.update().values(next_attempt_at=utcnow()))
    db.session.commit()
    config_override(MAIL_PORT=port)
    runner = app.test_cli_runner()
    first = runner.invoke(args=["shop", "worker", "--burst"])
    assert first.exit_code == 0, first.output
    second = runner.invoke(args=["shop", "worker", "--burst"])
    assert second.exit_code == 0, second.output
    assert sorted(m["To"] for m in smtp_server.messages) == ["b0@example.vn", "b1@example.vn", "b2@example.vn"]
