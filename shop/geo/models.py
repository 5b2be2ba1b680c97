"""Provinces and communes with the General Statistics Office's codes (loaded by shop.geo.loader)."""
from __future__ import annotations

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from shop.extensions import db


class Province(db.Model):
    """A provincial-level unit: 28 provinces (tỉnh) and 6 centrally-run cities (thành phố) since July 2025."""

    __tablename__ = "provinces"
    code: Mapped[str] = mapped_column(String(2), primary_key=True)  # '22' Quảng Ninh, zero-padded
    name: Mapped[str] = mapped_column(String(80))  # the official Vietnamese name, 'Thành phố Hà Nội'
    division_type: Mapped[str] = mapped_column(String(40))  # 'tỉnh', 'thành phố trung ương'
    slug: Mapped[str] = mapped_column(String(40), unique=True)  # 'ha-noi'


class Commune(db.Model):
    """A commune-level unit: xã, phường or đặc khu (special zone), directly under its province since July 2025."""

    __tablename__ = "communes"
    code: Mapped[str] = mapped_column(String(5), primary_key=True)  # '06994' Đặc khu Vân Đồn, zero-padded
    province_code: Mapped[str] = mapped_column(ForeignKey("provinces.code", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))  # 'Phường Hạ Long'
    division_type: Mapped[str] = mapped_column(String(20))  # 'xã', 'phường', 'đặc khu'
