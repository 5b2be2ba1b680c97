"""Back office: certificates (decisions with their products and stars), and revoking them."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from shop.backoffice.forms import CertificateForm, RevokeForm
from shop.backoffice.views.blueprint import bp
from shop.catalog import certificates
from shop.catalog import services as catalog
from shop.catalog.services import CatalogError
from shop.clock import today
from shop.extensions import db
from shop.i18n import translated
from shop.labels import AWARD_KINDS
from shop.messages import OFFICE, message
from shop.template_env import fdate


@bp.get("/certificates")
def certificate_list():
    """Every certificate, and those lapsing in the next 90 days."""
    day = today()
    return render_template("backoffice/certificates.html", day=day,
                           certificates=certificates.list_certificates(db.session),
                           expiring=certificates.expiring_certificates(db.session, day),
                           days=certificates.EXPIRING_DAYS)


CERTIFICATE_ROWS = 8


@bp.route("/certificates/new", methods=["GET", "POST"])
def certificate_new():
    """Record a decision with its products and stars."""
    form = CertificateForm()
    line_errors: list[tuple[int, str]] = []
    if form.validate_on_submit():
        # The picker's rows come first, as lines of the same shape as the bulk text.
        picked = []
        for n in range(CERTIFICATE_ROWS):
            code = (request.form.get(f"row-{n}-product") or "").strip().split(" ")[0][:120]
            if code:
                picked.append(" ".join([code, (request.form.get(f"row-{n}-stars") or "")[:3],
                                        (request.form.get(f"row-{n}-score") or "")[:3],
                                        (request.form.get(f"row-{n}-kind") or "new")[:20]]))
        awards, errors = certificates.parse_award_lines(db.session, "\n".join(picked + [form.awards.data or ""]))
        line_errors = [(n, message(code, OFFICE)) for n, code in errors]
        if not errors:
            try:
                certificate = catalog.record_certificate(
                    db.session, decision_number=form.decision_number.data.strip(),
                    decision_date=form.decision_date.data, authority=form.authority.data.strip(), awards=awards)
            except CatalogError as error:
                db.session.rollback()
                form.decision_number.errors.append(message(error, OFFICE))
            else:
                kept = catalog.newer_awards_kept(db.session, certificate)
                db.session.commit()
                flash(_("Certificate %(number)s recorded.", number=certificate.decision_number))
                for award, current in kept:
                    flash(_("%(product)s keeps its newer certificate %(number)s of %(date)s as the current one; "
                            "this older decision is kept as history.",
                            product=translated(award.product, "name").text,
                            number=current.certificate.decision_number,
                            date=fdate(current.certificate.decision_date)), "warning")
                return redirect(url_for("backoffice.certificate_detail", certificate_id=certificate.id))
    return render_template("backoffice/certificate_form.html", form=form, line_errors=line_errors,
                           rows=CERTIFICATE_ROWS, award_kinds=AWARD_KINDS,
                           choices=catalog.product_choices(db.session, limit=2000)), \
        400 if form.is_submitted() else 200


@bp.get("/certificates/<int:certificate_id>")
def certificate_detail(certificate_id: int):
    """A certificate's products and stars, with the revoke form."""
    try:
        certificate = certificates.get_certificate(db.session, certificate_id)
    except CatalogError:
        abort(404)
    return render_template("backoffice/certificate.html", certificate=certificate, day=today(),
                           revoke_form=RevokeForm(formdata=None))


@bp.post("/certificates/<int:certificate_id>/revoke")
def certificate_revoke(certificate_id: int):
    """Revoke a certificate: its products lose the OCOP mark at once."""
    form = RevokeForm()
    try:
        certificate = certificates.get_certificate(db.session, certificate_id)
    except CatalogError:
        abort(404)
    if form.validate_on_submit():
        try:
            certificates.revoke_certificate(db.session, certificate_id, on=today(), reason=form.reason.data)
        except CatalogError as error:
            db.session.rollback()
            flash(message(error, OFFICE))
        else:
            db.session.commit()
            flash(_("Certificate revoked."))
        return redirect(url_for("backoffice.certificate_detail", certificate_id=certificate_id))
    return render_template("backoffice/certificate.html", certificate=certificate, day=today(),
                           revoke_form=form), 400
