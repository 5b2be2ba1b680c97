"""Load the 2025 map from the `vietnam-provinces` package into the provinces and communes tables.

The package (PyPI `vietnam-provinces`, by Nguyễn Hồng Quân, GPL-3.0-or-later) carries the General
Statistics Office's list of units after the 1 July 2025 rearrangement as a JSON file; only that data
file is read here, none of the package's code is imported. To update the map: raise the package's
version in pyproject.toml, install it, and run `flask shop load-divisions` (also run by the migration
that creates the tables, and by `flask shop demo`). The load is an upsert: new units are added,
renamed ones updated, vanished ones removed; orders keep the names they copied.

Codes are the GSO's, zero-padded as it writes them: provinces '01'..'96', communes '00004'..'32248'.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import metadata

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Connection

from shop.geo.models import Commune, Province

PACKAGE = "vietnam-provinces"
DATA_FILE = "vietnam_provinces/data/nested-divisions.json"


@dataclass(frozen=True)
class LoadReport:
    version: str
    provinces: int
    communes: int
    added: int
    updated: int
    removed: int


def source() -> tuple[str, list[dict]]:
    """(package version, nested province dicts with their 'wards') from the installed package's data file."""
    dist = metadata.distribution(PACKAGE)
    path = dist.locate_file(DATA_FILE)
    with open(path, encoding="utf-8") as handle:
        return dist.version, json.load(handle)


def rows(data: list[dict]) -> tuple[list[dict], list[dict]]:
    """The table rows of the package's nested data: (provinces, communes)."""
    provinces, communes = [], []
    for province in data:
        code = f"{int(province['code']):02d}"
        provinces.append({"code": code, "name": province["name"], "division_type": province["division_type"],
                          "slug": province["codename"].replace("_", "-")})
        communes.extend({"code": f"{int(ward['code']):05d}", "province_code": code, "name": ward["name"],
                         "division_type": ward["division_type"]} for ward in province["wards"])
    return provinces, communes


def _sync(conn: Connection, model, wanted: list[dict]) -> tuple[int, int, list[str]]:
    table = model.__table__
    columns = [c.name for c in table.columns]
    existing = {row.code: row._asdict() for row in conn.execute(select(*table.columns))}
    new = [row for row in wanted if row["code"] not in existing]
    changed = [row for row in wanted if row["code"] in existing
               and any(existing[row["code"]][c] != row[c] for c in columns)]
    if new:
        conn.execute(insert(table), new)  # one executemany: 3,300 rows in well under a second
    for row in changed:
        conn.execute(update(table).where(table.c.code == row["code"]).values(**row))
    gone = sorted(set(existing) - {row["code"] for row in wanted})
    return len(new), len(changed), gone


def load_divisions(conn: Connection, data: list[dict] | None = None, version: str | None = None) -> LoadReport:
    """Bring both tables in line with the data (the package's by default) on this connection; caller commits."""
    if data is None:
        version, data = source()
    provinces, communes = rows(data)
    added_p, updated_p, gone_p = _sync(conn, Province, provinces)
    added_c, updated_c, gone_c = _sync(conn, Commune, communes)
    if gone_c:
        conn.execute(delete(Commune.__table__).where(Commune.__table__.c.code.in_(gone_c)))
    if gone_p:
        conn.execute(delete(Province.__table__).where(Province.__table__.c.code.in_(gone_p)))
    return LoadReport(version=version or "", provinces=len(provinces), communes=len(communes),
                      added=added_p + added_c, updated=updated_p + updated_c, removed=len(gone_p) + len(gone_c))


def is_loaded(conn: Connection) -> bool:
    return conn.execute(select(Province.code).limit(1)).first() is not None
