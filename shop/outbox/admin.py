"""The office's page of mails the worker gave up on, with a resend button (/backoffice/mail)."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _

from shop.accounts.access import require_roles
from shop.forms import EmptyForm
from shop.accounts.models import Role
from shop.extensions import db
from shop.models_base import utcnow
from shop.outbox import services

bp = Blueprint("backoffice_mail", __name__, url_prefix="/backoffice/mail")
bp.before_request(require_roles(Role.ADMIN))


@bp.get("")
def failed():
    """Failed mails (newest first) and how many wait in each status."""
    return render_template("backoffice/mail_failed.html", mails=services.failed_mails(db.session),
                           counts=services.counts(db.session), form=EmptyForm())


@bp.post("/<int:mail_id>/resend")
def resend(mail_id: int):
    """Queue a failed mail again with a fresh retry window."""
    if not EmptyForm().validate_on_submit():
        abort(400)
    if not services.resend(db.session, mail_id, utcnow()):
        abort(404)
    db.session.commit()
    flash(_("The mail is queued again."))
    return redirect(url_for("backoffice_mail.failed"), 303)
