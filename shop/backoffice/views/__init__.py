"""The OCOP office's back office (/backoffice), one module per subject: the dashboard, the review queue,
producers, certificates, places (sales points and fairs), orders, and CSV import and export.

Every module adds its routes to the one blueprint (blueprint.py), so endpoint names stay
backoffice.<view>; create_app imports bp from here.
"""
from shop.backoffice.views import certificates, dashboard, orders, places, producers, reviews, transfer  # noqa: F401
from shop.backoffice.views.blueprint import bp

__all__ = ["bp"]
