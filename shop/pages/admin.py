"""The office edits the content pages (/backoffice/pages): its own blueprint, the back office's admin check."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _

from shop.accounts.access import require_roles
from shop.accounts.models import Role
from shop.extensions import db
from shop.i18n import locales
from shop.pages import services
from shop.pages.forms import page_form_class

bp = Blueprint("backoffice_pages", __name__, url_prefix="/backoffice/pages")
bp.before_request(require_roles(Role.ADMIN))

FIELDS = ("title", "body")


def page_titles() -> dict[str, str]:
    """The office's names for the fixed pages, in the reader's language."""
    return {"about-ocop": _("About OCOP"), "shipping-returns": _("Shipping and returns"),
            "privacy": _("Privacy"), "terms": _("Terms")}


def error_message(code: str) -> str:
    return {"title_required": _("Give the page a Vietnamese title, and a title to every language that has a text."),
            "too_long": _("The title or the text is too long."),
            "unknown_page": _("There is no such page.")}.get(code, code)


@bp.get("/")
def index():
    """The content pages, with the languages each is written in."""
    stored = services.pages_by_slug(db.session)
    return render_template("pages/admin_list.html", slugs=services.PAGE_SLUGS, stored=stored, names=page_titles(),
                           locales=locales())


@bp.route("/<slug>", methods=["GET", "POST"])
def edit(slug: str):
    """Edit one page's title and Markdown text in every language (Vietnamese required)."""
    if slug not in services.PAGE_SLUGS:
        abort(404)
    form = page_form_class(locales())()
    page = services.get_page(db.session, slug)
    if form.validate_on_submit():
        texts = {l: {f: form[f"{f}_{l}"].data or "" for f in FIELDS} for l in locales()}
        try:
            services.save_page(db.session, slug, texts)
        except services.PageError as error:
            db.session.rollback()
            form["title_vi"].errors = [*form["title_vi"].errors, error_message(error.code)]
            return _render(slug, form, page, 400)
        db.session.commit()
        flash(_("Page saved."))
        return redirect(url_for("backoffice_pages.edit", slug=slug))
    if form.is_submitted():
        return _render(slug, form, page, 400)
    if page is not None:
        for row in page.translations:
            for name in FIELDS:
                key = f"{name}_{row.locale}"
                if key in form:
                    form[key].data = getattr(row, name)
    return _render(slug, form, page, 200)


def _render(slug, form, page, status):
    return render_template("pages/admin_edit.html", slug=slug, form=form, page=page, name=page_titles()[slug],
                           locales=locales()), status
