"""VietQR (NAPAS 247) payment payloads, built and decoded in pure Python.

A VietQR code is an EMVCo merchant-presented QR payload: a flat sequence of
TLV data objects -- two-digit tag, two-digit decimal length, value -- with a
few values that are themselves TLV templates.  The layout emitted here
follows the NAPAS "QR Format T&C" for inter-bank transfer to an account::

    00 payload format indicator   "01"
    01 point of initiation        "12" dynamic (amount given) / "11" static
    38 merchant account information (template)
        00 GUID                   "A000000727" (NAPAS)
        01 beneficiary organisation (template)
            00 acquirer ID / BIN  6 digits
            01 consumer ID        the beneficiary account number
        02 service code           "QRIBFTTA" (transfer to account)
    53 transaction currency       "704" (VND)
    54 transaction amount         integer dong, no decimals (optional)
    58 country code               "VN"
    59 merchant name              (optional)
    60 merchant city              (optional)
    62 additional data (template)
        08 purpose of transaction the payment reference
    63 CRC                        CRC-16/CCITT-FALSE over everything up to
                                  and including "6304", 4 uppercase hex

Only ASCII goes into the payload: banking apps do not agree on how to read
anything else, so callers must strip Vietnamese diacritics themselves; the
validators reject rather than silently rewrite.
"""

from __future__ import annotations

import re

import segno

__all__ = ["build_payload", "crc16_ccitt_false", "parse_tlv", "qr_svg"]

NAPAS_GUID = "A000000727"
SERVICE_TRANSFER_TO_ACCOUNT = "QRIBFTTA"
CURRENCY_VND = "704"
COUNTRY_VN = "VN"
POI_STATIC = "11"
POI_DYNAMIC = "12"

AMOUNT_LIMIT = 10**13  # tag 54 holds at most 13 characters
REFERENCE_MAX = 25
MERCHANT_NAME_MAX = 25
CITY_MAX = 15

_BIN_RE = re.compile(r"[0-9]{6}")
_ACCOUNT_RE = re.compile(r"[A-Za-z0-9]{1,19}")
_REFERENCE_RE = re.compile(r"[A-Za-z0-9 \-]+")
_PRINTABLE_ASCII_RE = re.compile(r"[\x20-\x7e]+")

# Tags whose values are themselves TLV templates, mapped to the same kind of
# schema for their own sub-tags (38/01 is the beneficiary organisation).
_TemplateSchema = dict[str, "_TemplateSchema"]
_TEMPLATES: _TemplateSchema = {"38": {"01": {}}, "62": {}}


def _make_crc_table() -> tuple[int, ...]:
    table = []
    for byte in range(256):
        crc = byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else (crc << 1)
        table.append(crc & 0xFFFF)
    return tuple(table)


_CRC_TABLE = _make_crc_table()


def crc16_ccitt_false(data: bytes) -> int:
    """CRC-16/CCITT-FALSE: poly 0x1021, init 0xFFFF, no reflection, no xorout."""
    crc = 0xFFFF
    for byte in data:
        crc = ((crc << 8) & 0xFFFF) ^ _CRC_TABLE[(crc >> 8) ^ byte]
    return crc


def _tlv(tag: str, value: str) -> str:
    if not value:
        raise ValueError(f"tag {tag}: empty value")
    if len(value) > 99:
        raise ValueError(f"tag {tag}: value is {len(value)} characters, at most 99 fit")
    return f"{tag}{len(value):02d}{value}"


def _optional_text(name: str, value: str | None, limit: int) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{name} must be a non-empty string or None")
    if len(value) > limit:
        raise ValueError(f"{name} is {len(value)} characters; VietQR allows at most {limit}")
    if not _PRINTABLE_ASCII_RE.fullmatch(value):
        raise ValueError(
            f"{name} must be printable ASCII (strip Vietnamese diacritics first): {value!r}"
        )
    return value


def build_payload(
    *,
    bank_bin: str,
    account: str,
    amount_vnd: int | None,
    reference: str,
    merchant_name: str | None = None,
    city: str | None = None,
) -> str:
    """Return the VietQR payload for a transfer to ``account`` at ``bank_bin``.

    ``amount_vnd`` of ``None`` makes a static code (initiation "11", no tag
    54) where the payer types the amount; otherwise the code is dynamic
    ("12") and carries the amount in whole dong.  ``reference`` goes into
    62/08 (purpose of transaction) and is what the shop matches incoming
    transfers against, so it is required.

    Raises ``ValueError`` describing the first invalid input.
    """
    if not isinstance(bank_bin, str) or not _BIN_RE.fullmatch(bank_bin):
        raise ValueError(f"bank_bin must be exactly 6 ASCII digits (NAPAS BIN), got {bank_bin!r}")
    if not isinstance(account, str) or not _ACCOUNT_RE.fullmatch(account):
        raise ValueError(
            f"account must be 1-19 ASCII letters or digits (no spaces or dashes), got {account!r}"
        )
    if amount_vnd is not None:
        if isinstance(amount_vnd, bool) or not isinstance(amount_vnd, int):
            raise ValueError(
                f"amount_vnd must be an int number of dong or None, got {type(amount_vnd).__name__}"
            )
        if not 0 < amount_vnd < AMOUNT_LIMIT:
            raise ValueError(f"amount_vnd must be between 1 and {AMOUNT_LIMIT - 1}, got {amount_vnd}")
    if not isinstance(reference, str) or not reference:
        raise ValueError("reference must be a non-empty string")
    if len(reference) > REFERENCE_MAX:
        raise ValueError(
            f"reference is {len(reference)} characters; VietQR allows at most {REFERENCE_MAX}"
        )
    if not _REFERENCE_RE.fullmatch(reference):
        raise ValueError(
            f"reference may contain only ASCII letters, digits, spaces and '-', got {reference!r}"
        )
    merchant_name = _optional_text("merchant_name", merchant_name, MERCHANT_NAME_MAX)
    city = _optional_text("city", city, CITY_MAX)

    beneficiary = _tlv("00", bank_bin) + _tlv("01", account)
    merchant_account = (
        _tlv("00", NAPAS_GUID) + _tlv("01", beneficiary) + _tlv("02", SERVICE_TRANSFER_TO_ACCOUNT)
    )

    parts = [
        _tlv("00", "01"),
        _tlv("01", POI_STATIC if amount_vnd is None else POI_DYNAMIC),
        _tlv("38", merchant_account),
        _tlv("53", CURRENCY_VND),
    ]
    if amount_vnd is not None:
        parts.append(_tlv("54", str(amount_vnd)))
    parts.append(_tlv("58", COUNTRY_VN))
    if merchant_name is not None:
        parts.append(_tlv("59", merchant_name))
    if city is not None:
        parts.append(_tlv("60", city))
    parts.append(_tlv("62", _tlv("08", reference)))

    body = "".join(parts) + "6304"
    return f"{body}{crc16_ccitt_false(body.encode('ascii')):04X}"


def _parse_level(data: str, templates: _TemplateSchema, path: str) -> dict[str, str | dict]:
    out: dict[str, str | dict] = {}
    pos = 0
    while pos < len(data):
        header = data[pos : pos + 4]
        if len(header) < 4:
            raise ValueError(f"{path}truncated TLV header at offset {pos}: {header!r}")
        tag, length_text = header[:2], header[2:]
        if not (tag.isascii() and tag.isdigit()):
            raise ValueError(f"{path}bad tag {tag!r} at offset {pos}")
        if not (length_text.isascii() and length_text.isdigit()):
            raise ValueError(f"{path}tag {tag}: bad length {length_text!r} at offset {pos}")
        length = int(length_text)
        value = data[pos + 4 : pos + 4 + length]
        if len(value) != length:
            raise ValueError(
                f"{path}tag {tag}: length {length} runs past the end (only {len(value)} left)"
            )
        if tag in out:
            raise ValueError(f"{path}duplicate tag {tag}")
        if tag in templates:
            out[tag] = _parse_level(value, templates[tag], f"{path}{tag}/")
        else:
            out[tag] = value
        pos += 4 + length
    return out


def parse_tlv(payload: str) -> dict[str, str | dict]:
    """Decode an EMVCo payload into ``{tag: value}``, in payload order.

    Templates 38 (with its 01 beneficiary organisation) and 62 decode to
    nested dicts.  The CRC is returned as the plain value of tag 63 and is
    not checked here.  Raises ``ValueError`` on malformed TLV, with the
    template path (e.g. ``38/01/``) in the message.
    """
    return _parse_level(payload, _TEMPLATES, "")


def qr_svg(payload: str, *, scale: int = 6, title: str = "VietQR payment code") -> str:
    """Render ``payload`` as an inline ``<svg>`` (no XML declaration).

    Error correction is exactly M (segno's default boosting is disabled so
    the level is predictable), with the standard 4-module quiet zone and an
    opaque white background so the code stays scannable on dark themes.
    The ``<title>`` (escaped by segno) plus ``role="img"`` gives screen
    readers a name.  Safe to emit with Jinja's ``|safe``: the only
    caller-controlled text, ``title``, is XML-escaped.
    """
    qr = segno.make_qr(payload, error="m", boost_error=False)
    svg = qr.svg_inline(scale=scale, title=title, dark="#000", light="#fff")
    if not svg.startswith("<svg "):
        raise RuntimeError("unexpected SVG output from segno")
    return '<svg role="img" ' + svg[len("<svg ") :]
