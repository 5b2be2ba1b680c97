"""The 2025 map as checkout reads it (provinces, each one's communes, a commune by code), kept in memory.

The map is reference data: the migration and `flask shop load-divisions` write it, nothing else
does, and every checkout reads it (the form's lists, the order's address). So each process reads
it once and keeps it for REFRESH_SECONDS, instead of three statements per checkout; a map loaded
again shows within that time without a restart. The rows are plain tuples, not ORM objects, so
that they outlive the session that read them.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import NamedTuple

from sqlalchemy import select

from shop.geo.models import Commune, Province
from shop.geo.services import COMMUNE_CODE, PROVINCE_CODE
from shop.geo.services import _sort_key as commune_sort_key

REFRESH_SECONDS = 600.0


class Place(NamedTuple):
    """A province (province_code == code) or a commune of the map, as an order copies it."""

    code: str
    name: str
    province_code: str


@dataclass(frozen=True)
class _Map:
    provinces: tuple[Place, ...]  # the statistics office's order
    communes_by_province: dict[str, tuple[Place, ...]]  # each province's, by name without their kind
    communes: dict[str, Place]
    loaded_at: float
    # Per locale: the provinces in the order a list shows them, with the name shown and its lang (see
    # province_list); filled on first use. A dict in a frozen dataclass: the map never changes, this grows.
    lists: dict = field(default_factory=dict)


_lock = threading.Lock()
_loaded: dict[str, _Map] = {}  # by database URL: tests and tools may run two apps in one process


def _load(session) -> _Map:
    provinces = tuple(Place(code, name, code) for code, name in
                      session.execute(select(Province.code, Province.name).order_by(Province.code)))
    rows = session.execute(select(Commune.code, Commune.name, Commune.province_code)).all()
    ordered = sorted(rows, key=commune_sort_key)  # the same order as shop.geo.services.communes_of
    by_province: dict[str, list[Place]] = {}
    for code, name, province_code in ordered:
        by_province.setdefault(province_code, []).append(Place(code, name, province_code))
    communes = {place.code: place for places in by_province.values() for place in places}
    return _Map(provinces, {k: tuple(v) for k, v in by_province.items()}, communes, time.monotonic())


def _map(session) -> _Map:
    key = str(session.get_bind().url)
    found = _loaded.get(key)
    if found is None or time.monotonic() - found.loaded_at > REFRESH_SECONDS:
        with _lock:
            found = _loaded.get(key)
            if found is None or time.monotonic() - found.loaded_at > REFRESH_SECONDS:
                found = _loaded[key] = _load(session)
    return found


def forget() -> None:
    """Read the map again on next use (after loading a new one in this process)."""
    _loaded.clear()


def province(session, code: str) -> Place | None:
    if not PROVINCE_CODE.fullmatch(code or ""):
        return None
    return next((p for p in _map(session).provinces if p.code == code), None)


def communes_of(session, province_code: str) -> tuple[Place, ...]:
    """One province's communes, wards and special zones, by name without their kind."""
    if not PROVINCE_CODE.fullmatch(province_code or ""):
        return ()
    return _map(session).communes_by_province.get(province_code, ())


def commune(session, code: str) -> Place | None:
    if not COMMUNE_CODE.fullmatch(code or ""):
        return None
    return _map(session).communes.get(code)


class ShownProvince(NamedTuple):
    """A province as a list shows it: code, the map's Vietnamese name, and the name in the page's
    language with the lang attribute it needs (None when it is in the page's language)."""

    code: str
    name: str
    shown: str
    lang: str | None


def province_list(session, locale: str) -> tuple[ShownProvince, ...]:
    """The provinces for a list in locale: the home province first, then by the locale's collation
    (shop.place_names.ordered_provinces), each with its display name; computed once per locale."""
    from shop import place_names
    from shop.geo.names import province_display
    found = _map(session)
    if locale not in found.lists:
        found.lists[locale] = tuple(ShownProvince(p.code, p.name, *province_display(p.code, p.name, locale))
                                    for p in place_names.ordered_provinces(found.provinces, locale))
    return found.lists[locale]
