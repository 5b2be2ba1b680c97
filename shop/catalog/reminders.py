"""Certificate reminders: 90, 30 and 7 days before a certificate lapses, the producer and the
office each get one mail (in Vietnamese), once per threshold and validity date."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime

from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select

from shop.catalog.models import Certificate, CertificateStatus, CertifiedProduct, Product
from shop.i18n import translated
from shop.outbox.models import JobMark
from shop.outbox.services import queue_mail
from shop.producers.models import Producer

THRESHOLDS = (90, 30, 7)
READER_LOCALE = "vi"


def _mark_key(certificate: Certificate, days: int) -> str:
    # The validity date is part of the key: a certificate extended later is reminded again.
    return f"certificate-reminder:{certificate.id}:{certificate.valid_until.isoformat()}:{days}"


def queue_reminders(session, today: date, *, base_url: str, now: datetime, office_emails: list[str]) -> int:
    """Queue the reminders due today and remember them; how many mails were queued (the caller commits)."""
    horizon = date.fromordinal(today.toordinal() + max(THRESHOLDS))
    certificates = session.scalars(select(Certificate).where(
        Certificate.status == CertificateStatus.VALID, Certificate.valid_until >= today,
        Certificate.valid_until <= horizon).order_by(Certificate.id)).all()
    queued = 0
    for certificate in certificates:
        days_left = (certificate.valid_until - today).days
        due = min(t for t in THRESHOLDS if days_left <= t)
        if session.get(JobMark, _mark_key(certificate, due)) is not None:
            continue
        # A certificate recorded late gets only the nearest reminder; the farther ones count as done.
        for threshold in THRESHOLDS:
            if threshold >= due and session.get(JobMark, _mark_key(certificate, threshold)) is None:
                session.add(JobMark(key=_mark_key(certificate, threshold), value=str(today), created_at=now))
        producer_ids = sorted(set(session.scalars(
            select(Product.producer_id).join(CertifiedProduct, CertifiedProduct.product_id == Product.id)
            .where(CertifiedProduct.certificate_id == certificate.id, CertifiedProduct.is_current.is_(True)))))
        for producer_id in producer_ids:
            params = {"certificate_id": certificate.id, "producer_id": producer_id, "days": due}
            email = session.scalar(select(Producer.email).where(Producer.id == producer_id))
            if email:
                queue_mail(session, "certificate_reminder", email, params | {"audience": "producer"},
                           base_url=base_url, now=now)
                queued += 1
            for office in office_emails:
                queue_mail(session, "certificate_reminder", office, params | {"audience": "office"},
                           base_url=base_url, now=now)
                queued += 1
    session.flush()
    return queued


def outbox_reminder(session, mail, config: Mapping, *, link: Callable[..., str]) -> tuple[str, str]:
    """Builder of the "certificate_reminder" mail, in Vietnamese for the producer and the office alike."""
    certificate = session.get(Certificate, mail.params["certificate_id"])
    producer = session.get(Producer, mail.params["producer_id"])
    products = session.scalars(select(Product).join(CertifiedProduct, CertifiedProduct.product_id == Product.id)
                               .where(CertifiedProduct.certificate_id == certificate.id,
                                      CertifiedProduct.is_current.is_(True),
                                      Product.producer_id == producer.id).order_by(Product.id)).all()
    with force_locale(READER_LOCALE):
        names = "\n".join(f"- {translated(p, 'name', READER_LOCALE).text}" for p in products)
        producer_name = translated(producer, "name", READER_LOCALE).text
        subject = _("OCOP certificate %(number)s lapses in %(days)d days",
                    number=certificate.decision_number, days=mail.params["days"])
        intro = (_("Your OCOP certificate %(number)s is valid until %(date)s.", number=certificate.decision_number,
                   date=certificate.valid_until.strftime("%d/%m/%Y"))
                 if mail.params.get("audience") == "producer" else
                 _("The OCOP certificate %(number)s of %(producer)s is valid until %(date)s.",
                   number=certificate.decision_number, producer=producer_name,
                   date=certificate.valid_until.strftime("%d/%m/%Y")))
        body = "\n\n".join([intro, _("Products listed in it:") + "\n" + names,
                            _("After that date these products may no longer carry the OCOP mark. "
                              "Apply for re-certification in time.")]) + "\n"
    return subject, body
