"""The 2025 map: loaded from vietnam-provinces with its codes, kept up to date by an upsert, served by the API."""
from __future__ import annotations

import time
from collections import Counter

from sqlalchemy import func, select

from shop.geo import services as geo
from shop.geo.loader import load_divisions, source
from shop.geo.models import Commune, Province


def test_the_map_has_34_provinces_and_the_2025_communes(db):
    """34 provinces and 3,321 communes; Quảng Ninh has its 54 units (30 wards, 22 communes, 2 special zones)."""
    assert db.session.scalar(select(func.count()).select_from(Province)) == 34
    assert db.session.scalar(select(func.count()).select_from(Commune)) == 3321
    quang_ninh = geo.province(db.session, "22")
    assert quang_ninh.name == "Quảng Ninh" and quang_ninh.slug == "quang-ninh"
    units = geo.communes_of(db.session, "22")
    assert Counter(c.division_type for c in units) == {"phường": 30, "xã": 22, "đặc khu": 2}
    assert geo.commune(db.session, "06994").name == "Đặc khu Vân Đồn"
    # Sorted by name without the kind: 'Phường An Sinh' before 'Xã Ba Chẽ'.
    assert units[0].name == "Phường An Sinh"
    assert geo.province(db.session, "ha-noi") is None and geo.communes_of(db.session, "2") == []


def test_loader_is_a_fast_upsert(db):
    """Loading again changes nothing; a renamed, a new and a vanished unit are updated, added and removed."""
    version, data = source()
    report = load_divisions(db.session.connection(), data, version)
    assert (report.added, report.updated, report.removed) == (0, 0, 0)
    assert (report.provinces, report.communes) == (34, 3321)
    changed = [dict(p, wards=[dict(w) for w in p["wards"]]) for p in data]
    quang_ninh = next(p for p in changed if p["code"] == 22)
    quang_ninh["wards"][0]["name"] = "Phường Thử Nghiệm"
    removed = quang_ninh["wards"].pop()
    quang_ninh["wards"].append({"name": "Xã Mới", "code": 99999, "codename": "xa_moi", "division_type": "xã"})
    started = time.perf_counter()
    report = load_divisions(db.session.connection(), changed, version)
    assert time.perf_counter() - started < 5
    assert (report.added, report.updated, report.removed) == (1, 1, 1)
    assert geo.commune(db.session, "99999").name == "Xã Mới"
    assert geo.commune(db.session, f"{removed['code']:05d}") is None
    load_divisions(db.session.connection(), data, version)  # put the real map back
    db.session.commit()
    assert db.session.scalar(select(func.count()).select_from(Commune)) == 3321


def test_api_lists_provinces_and_the_communes_of_one(client):
    """/api/v1/provinces has the 34 with codes; /provinces/22/communes the 54 of Quảng Ninh; unknown codes 404."""
    provinces = client.get("/api/v1/provinces").get_json()["items"]
    assert len(provinces) == 34 and provinces[0] == {"code": "01", "name": "Thành phố Hà Nội", "lang": "vi",
                                                     "division_type": "thành phố trung ương", "slug": "ha-noi"}
    answer = client.get("/api/v1/provinces/22/communes?locale=zh").get_json()
    assert answer["province"]["name"] == "Quảng Ninh" and len(answer["items"]) == 54
    assert {"code": "06994", "name": "Đặc khu Vân Đồn", "lang": "vi", "division_type": "đặc khu"} in answer["items"]
    for bad in ("99", "ab", "022", "quang-ninh"):
        response = client.get(f"/api/v1/provinces/{bad}/communes")
        assert response.status_code == 404 and response.get_json()["error"]["code"] == 404


def test_every_province_has_a_shipping_zone(db):
    """The shipping zones (shop.orders.provinces) cover exactly the provinces of the map, by code and slug."""
    from shop.orders.provinces import PROVINCES
    assert {(p.code, p.slug) for p in PROVINCES} == {(p.code, p.slug) for p in geo.provinces(db.session)}


def test_load_divisions_command_reports_the_package_and_counts(app, db):
    """`flask shop load-divisions` names the package version and finds the loaded map unchanged."""
    result = app.test_cli_runner().invoke(args=["shop", "load-divisions"])
    assert result.exit_code == 0, result.output
    assert "vietnam-provinces 20" in result.output
    assert "34 provinces, 3321 communes (0 added, 0 updated, 0 removed)" in result.output
