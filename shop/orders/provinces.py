"""Vietnam's 34 provincial-level units since the 2025 merger, and the shipping zone of each, by code.

Data, not rules: the zone names are the keys of SHIPPING_FEES in config.py. The codes are the
statistics office's (as in the provinces table, shop.geo); the slugs are what orders placed before
the map was stored hold. Names are proper nouns shown as written in Vietnamese (the provinces table
has the official ones); display names in other languages are keyed by code.
"""
from __future__ import annotations

from typing import NamedTuple

HOME_ZONE = "quang-ninh"
NORTH = "north"
OTHER = "other"


class Province(NamedTuple):
    code: str
    slug: str
    name: str
    zone: str


# Resolution 202/2025/QH15, in force from 12 June 2025: 6 cities and 28 provinces.
PROVINCES: tuple[Province, ...] = (
    Province("22", "quang-ninh", "Quảng Ninh", HOME_ZONE),
    Province("01", "ha-noi", "Hà Nội", NORTH),
    Province("31", "hai-phong", "Hải Phòng", NORTH),
    Province("24", "bac-ninh", "Bắc Ninh", NORTH),
    Province("33", "hung-yen", "Hưng Yên", NORTH),
    Province("37", "ninh-binh", "Ninh Bình", NORTH),
    Province("20", "lang-son", "Lạng Sơn", NORTH),
    Province("04", "cao-bang", "Cao Bằng", NORTH),
    Province("19", "thai-nguyen", "Thái Nguyên", NORTH),
    Province("08", "tuyen-quang", "Tuyên Quang", NORTH),
    Province("15", "lao-cai", "Lào Cai", NORTH),
    Province("25", "phu-tho", "Phú Thọ", NORTH),
    Province("12", "lai-chau", "Lai Châu", NORTH),
    Province("11", "dien-bien", "Điện Biên", NORTH),
    Province("14", "son-la", "Sơn La", NORTH),
    Province("38", "thanh-hoa", "Thanh Hóa", OTHER),
    Province("40", "nghe-an", "Nghệ An", OTHER),
    Province("42", "ha-tinh", "Hà Tĩnh", OTHER),
    Province("44", "quang-tri", "Quảng Trị", OTHER),
    Province("46", "hue", "Huế", OTHER),
    Province("48", "da-nang", "Đà Nẵng", OTHER),
    Province("51", "quang-ngai", "Quảng Ngãi", OTHER),
    Province("52", "gia-lai", "Gia Lai", OTHER),
    Province("66", "dak-lak", "Đắk Lắk", OTHER),
    Province("56", "khanh-hoa", "Khánh Hòa", OTHER),
    Province("68", "lam-dong", "Lâm Đồng", OTHER),
    Province("75", "dong-nai", "Đồng Nai", OTHER),
    Province("79", "ho-chi-minh", "Hồ Chí Minh", OTHER),
    Province("80", "tay-ninh", "Tây Ninh", OTHER),
    Province("82", "dong-thap", "Đồng Tháp", OTHER),
    Province("86", "vinh-long", "Vĩnh Long", OTHER),
    Province("91", "an-giang", "An Giang", OTHER),
    Province("92", "can-tho", "Cần Thơ", OTHER),
    Province("96", "ca-mau", "Cà Mau", OTHER),
)

BY_SLUG = {p.slug: p for p in PROVINCES}
BY_CODE = {p.code: p for p in PROVINCES}


def get_province(slug: str) -> Province | None:
    """The province of a legacy slug ('quang-ninh')."""
    return BY_SLUG.get(slug)


def by_code(code: str) -> Province | None:
    """The province of a statistics-office code ('22'), with its shipping zone."""
    return BY_CODE.get(code)
