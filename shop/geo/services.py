"""Reading the map: provinces, the communes of one province, one commune by code."""
from __future__ import annotations

import re

from sqlalchemy import select

from shop.geo.models import Commune, Province
from shop.text import fold

_TYPE_PREFIX = re.compile(r"^(phuong|xa|dac khu|thi tran)\s+", re.I)
PROVINCE_CODE = re.compile(r"^[0-9]{2}$")
COMMUNE_CODE = re.compile(r"^[0-9]{5}$")


def provinces(session) -> list[Province]:
    """The 34 provinces in the statistics office's order (north to south)."""
    return list(session.scalars(select(Province).order_by(Province.code)))


def province(session, code: str) -> Province | None:
    if not PROVINCE_CODE.fullmatch(code or ""):
        return None
    return session.get(Province, code)


def _sort_key(commune: Commune) -> str:
    # 'Phường Hạ Long' sorts under H, beside 'Xã Hạ Long' would: the kind is not the name.
    return _TYPE_PREFIX.sub("", fold(commune.name))


def communes_of(session, province_code: str) -> list[Commune]:
    """The communes, wards and special zones of one province, by name without their kind."""
    if not PROVINCE_CODE.fullmatch(province_code or ""):
        return []
    return sorted(session.scalars(select(Commune).where(Commune.province_code == province_code)), key=_sort_key)


def commune(session, code: str) -> Commune | None:
    if not COMMUNE_CODE.fullmatch(code or ""):
        return None
    return session.get(Commune, code)
