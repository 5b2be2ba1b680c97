"""Vietnam's 34 provincial-level units since the 2025 merger, and the shipping zone of each.

Data, not rules: the zone names are the keys of SHIPPING_FEES in config.py.
Names are proper nouns and are shown as written in Vietnamese in every locale.
"""
from __future__ import annotations

from typing import NamedTuple

HOME_ZONE = "quang-ninh"
NORTH = "north"
OTHER = "other"


class Province(NamedTuple):
    slug: str
    name: str
    zone: str


# Resolution 202/2025/QH15, in force from 12 June 2025: 6 cities and 28 provinces.
PROVINCES: tuple[Province, ...] = (
    Province("quang-ninh", "Quảng Ninh", HOME_ZONE),
    Province("ha-noi", "Hà Nội", NORTH),
    Province("hai-phong", "Hải Phòng", NORTH),
    Province("bac-ninh", "Bắc Ninh", NORTH),
    Province("hung-yen", "Hưng Yên", NORTH),
    Province("ninh-binh", "Ninh Bình", NORTH),
    Province("lang-son", "Lạng Sơn", NORTH),
    Province("cao-bang", "Cao Bằng", NORTH),
    Province("thai-nguyen", "Thái Nguyên", NORTH),
    Province("tuyen-quang", "Tuyên Quang", NORTH),
    Province("lao-cai", "Lào Cai", NORTH),
    Province("phu-tho", "Phú Thọ", NORTH),
    Province("lai-chau", "Lai Châu", NORTH),
    Province("dien-bien", "Điện Biên", NORTH),
    Province("son-la", "Sơn La", NORTH),
    Province("thanh-hoa", "Thanh Hóa", OTHER),
    Province("nghe-an", "Nghệ An", OTHER),
    Province("ha-tinh", "Hà Tĩnh", OTHER),
    Province("quang-tri", "Quảng Trị", OTHER),
    Province("hue", "Huế", OTHER),
    Province("da-nang", "Đà Nẵng", OTHER),
    Province("quang-ngai", "Quảng Ngãi", OTHER),
    Province("gia-lai", "Gia Lai", OTHER),
    Province("dak-lak", "Đắk Lắk", OTHER),
    Province("khanh-hoa", "Khánh Hòa", OTHER),
    Province("lam-dong", "Lâm Đồng", OTHER),
    Province("dong-nai", "Đồng Nai", OTHER),
    Province("ho-chi-minh", "Hồ Chí Minh", OTHER),
    Province("tay-ninh", "Tây Ninh", OTHER),
    Province("dong-thap", "Đồng Tháp", OTHER),
    Province("vinh-long", "Vĩnh Long", OTHER),
    Province("an-giang", "An Giang", OTHER),
    Province("can-tho", "Cần Thơ", OTHER),
    Province("ca-mau", "Cà Mau", OTHER),
)

BY_SLUG = {p.slug: p for p in PROVINCES}


def get_province(slug: str) -> Province | None:
    return BY_SLUG.get(slug)
