"""The producer portal (/portal): a producer's own profile, listings and order lines, in the user's language.

One module per subject adds its routes to the one blueprint (blueprint.py), so endpoint names stay
portal.<view>; create_app imports bp from here.
"""
from shop.portal.views import listings, orders, profile  # noqa: F401
from shop.portal.views.blueprint import bp

__all__ = ["bp"]
