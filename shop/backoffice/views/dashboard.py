"""Back office: the dashboard of programme figures."""
from __future__ import annotations

from flask import current_app, render_template
from flask_babel import gettext as _

from shop.backoffice import charts, stats
from shop.backoffice.views.blueprint import bp
from shop.catalog import services as catalog
from shop.clock import today
from shop.extensions import db
from shop.i18n import LANGUAGE_NAMES, current_locale, locales, translated
from shop.labels import PRODUCER_TYPES
from shop.money import format_vnd
from shop.producers.models import ProducerType
from shop.template_env import fdate


@bp.get("/")
def dashboard():
    """Programme figures as charts: products by group and stars, producers by type and locality,
    certificates lapsing by month, orders and revenue by month."""
    day = today()
    groups = {g.code: g for g in catalog.groups(db.session)}
    by_group = stats.products_by_top_group(db.session)
    group_rows = [(f"{code} · {translated(groups[code], 'name').text}" if code in groups else code, n)
                  for code, n in sorted(by_group.items(), key=lambda item: _roman(item[0]))]
    by_stars = stats.products_by_stars(db.session, day)
    star_rows = [(_("%(n)d stars", n=s), by_stars.get(s, 0)) for s in (3, 4, 5)]
    by_type = stats.producers_by_type(db.session)
    type_rows = [(str(PRODUCER_TYPES[t]), by_type.get(t, 0)) for t in ProducerType]
    locality_rows = [(translated(loc, "name").text if loc else _("No locality"), n)
                     for loc, n in stats.producers_by_locality(db.session)]
    month_rows = [(fdate(month, "MMM yyyy"), n) for month, n in stats.certificates_expiring_by_month(db.session, day)]
    by_month = stats.orders_by_month(db.session, day, current_app.config["BABEL_DEFAULT_TIMEZONE"])
    locale = current_locale()
    return render_template(
        "backoffice/dashboard.html", totals=stats.totals(db.session), rated=sum(by_stars.values()),
        charts=[
            charts.bar_chart("chart-groups", _("Products by group"), group_rows),
            charts.bar_chart("chart-stars", _("Products with a valid certificate, by stars"), star_rows),
            charts.bar_chart("chart-types", _("Producers by type"), type_rows),
            charts.bar_chart("chart-localities", _("Producers by locality"), locality_rows),
            charts.bar_chart("chart-expiring", _("Certificates lapsing, by month"), month_rows),
            charts.bar_chart("chart-orders", _("Orders by month (confirmed or later, last 12 months)"),
                             [(fdate(month, "MMM yyyy"), n) for month, n, _total in by_month]),
            charts.bar_chart("chart-revenue", _("Revenue by month (confirmed or later, last 12 months)"),
                             [(fdate(month, "MMM yyyy"), total) for month, _n, total in by_month],
                             value_text=lambda amount: format_vnd(amount, locale)),
        ])


@bp.get("/translations")
def translation_status():
    """Per locale other than Vietnamese: which shown products, producers, sales points and fairs lack a translation."""
    from shop.backoffice.completeness import missing_translations
    report = {code: missing_translations(db.session, code) for code in locales() if code != "vi"}
    return render_template("backoffice/translations.html", report=report, language_names=LANGUAGE_NAMES)


def _roman(code: str) -> int:
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for index, char in enumerate(code):
        value = values.get(char, 0)
        total += -value if index + 1 < len(code) and values.get(code[index + 1], 0) > value else value
    return total
