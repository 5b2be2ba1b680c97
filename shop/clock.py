"""The shop's clock: calendar dates in the province's time zone (timestamps: shop.models_base.utcnow).

Certificates, fairs and exports are dated in Quảng Ninh (Asia/Ho_Chi_Minh, UTC+7, no summer time):
a certificate lapses at local midnight, not at 07:00. Services take today or now as arguments;
views, the CLI and tests get them here.
"""
from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

# The same value as config.BABEL_DEFAULT_TIMEZONE (dates shown to visitors).
PROVINCE_TIMEZONE = "Asia/Ho_Chi_Minh"
_PROVINCE = ZoneInfo(PROVINCE_TIMEZONE)


def today() -> date:
    """Today's date in the province (the dates of certificates and fairs are local)."""
    return datetime.now(_PROVINCE).date()
