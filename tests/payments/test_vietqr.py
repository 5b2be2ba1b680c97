import xml.etree.ElementTree as ET

import pytest

from shop.payments.vietqr import build_payload, crc16_ccitt_false, parse_tlv, qr_svg

# Published VietQR payloads from the subiz/vietqr Go library (MIT):
# - PUBLISHED_DYNAMIC: README.md usage example and ExampleGenerate in
#   vietqr_test.go -- vietqr.Generate(120000, "970415", "0011001932418",
#   "ủng hộ lũ lụt"); the library strips the diacritics to "ung ho lu lut".
# - PUBLISHED_STATIC: TestQR in vietqr_test.go -- static QRIBFTTA code for
#   BIN 970423 (TPBank), account 0099999999, no amount and no note.
PUBLISHED_DYNAMIC = (
    "00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA"
    "530370454061200005802VN62170813ung ho lu lut6304C15C"
)
PUBLISHED_STATIC = (
    "00020101021138540010A00000072701240006970423011000999999990208QRIBFTTA"
    "53037045802VN6304CBB4"
)

SHOP_ARGS = dict(
    bank_bin="970436",
    account="1023456789",
    amount_vnd=125000,
    reference="OCOP-2024-000123",
    merchant_name="OCOP QUANG NINH",
    city="HA LONG",
)


def _bitwise_crc(text: str) -> int:
    """CRC-16/CCITT-FALSE one bit at a time, MSB first (no table)."""
    crc = 0xFFFF
    for byte in text.encode("ascii"):
        for i in range(7, -1, -1):
            top = (crc >> 15) & 1
            bit = (byte >> i) & 1
            crc = (crc << 1) & 0xFFFF
            if top ^ bit:
                crc ^= 0x1021
    return crc


def test_crc_check_value():
    """CRC-16/CCITT-FALSE of b"123456789" is the catalogue check value 0x29B1."""
    assert crc16_ccitt_false(b"123456789") == 0x29B1
    assert _bitwise_crc("123456789") == 0x29B1


def test_published_dynamic_example_is_reproduced():
    """The subiz/vietqr published payload has a valid CRC, parses field by field, and we rebuild it exactly."""
    body, crc = PUBLISHED_DYNAMIC[:-4], PUBLISHED_DYNAMIC[-4:]
    assert body.endswith("6304")
    assert f"{crc16_ccitt_false(body.encode('ascii')):04X}" == crc == "C15C"

    assert parse_tlv(PUBLISHED_DYNAMIC) == {
        "00": "01",
        "01": "12",
        "38": {
            "00": "A000000727",
            "01": {"00": "970415", "01": "0011001932418"},
            "02": "QRIBFTTA",
        },
        "53": "704",
        "54": "120000",
        "58": "VN",
        "62": {"08": "ung ho lu lut"},
        "63": "C15C",
    }

    assert (
        build_payload(
            bank_bin="970415",
            account="0011001932418",
            amount_vnd=120000,
            reference="ung ho lu lut",
        )
        == PUBLISHED_DYNAMIC
    )


def test_published_static_example_matches_our_static_layout():
    """The subiz/vietqr static payload checks out, and our static build matches it up to the tag 62 we always add."""
    body = PUBLISHED_STATIC[:-4]
    assert f"{crc16_ccitt_false(body.encode('ascii')):04X}" == PUBLISHED_STATIC[-4:] == "CBB4"
    fields = parse_tlv(PUBLISHED_STATIC)
    assert fields["01"] == "11"
    assert "54" not in fields
    assert fields["38"]["01"] == {"00": "970423", "01": "0099999999"}

    ours = build_payload(
        bank_bin="970423", account="0099999999", amount_vnd=None, reference="X"
    )
    # Everything before 62 (the reference, which the published code lacks) is identical.
    assert ours.startswith(PUBLISHED_STATIC[: PUBLISHED_STATIC.index("6304")] + "62050801X6304")


def test_our_payload_decodes_field_by_field():
    """build_payload output parses to the expected fields and passes an independent TLV walk and bitwise CRC."""
    payload = build_payload(**SHOP_ARGS)

    assert parse_tlv(payload) == {
        "00": "01",
        "01": "12",
        "38": {
            "00": "A000000727",
            "01": {"00": "970436", "01": "1023456789"},
            "02": "QRIBFTTA",
        },
        "53": "704",
        "54": "125000",
        "58": "VN",
        "59": "OCOP QUANG NINH",
        "60": "HA LONG",
        "62": {"08": "OCOP-2024-000123"},
        "63": payload[-4:],
    }

    # Independent check: walk the TLV by hand, verifying every declared length.
    def walk(data):
        items, pos = [], 0
        while pos < len(data):
            tag = data[pos : pos + 2]
            length = int(data[pos + 2 : pos + 4])
            value = data[pos + 4 : pos + 4 + length]
            assert len(value) == length, f"tag {tag} is short"
            items.append((tag, value))
            pos += 4 + length
        assert pos == len(data)
        return items

    top = walk(payload)
    assert [tag for tag, _ in top] == ["00", "01", "38", "53", "54", "58", "59", "60", "62", "63"]
    values = dict(top)
    merchant = walk(values["38"])
    assert merchant[0] == ("00", "A000000727")
    assert merchant[1][0] == "01"
    assert walk(merchant[1][1]) == [("00", "970436"), ("01", "1023456789")]
    assert merchant[2] == ("02", "QRIBFTTA")
    assert walk(values["62"]) == [("08", "OCOP-2024-000123")]

    # Independent check: the CRC covers everything up to and including "6304".
    assert payload[-8:-4] == "6304"
    assert values["63"] == f"{_bitwise_crc(payload[:-4]):04X}"


def test_amount_has_no_decimals_and_static_code_has_no_amount():
    """125000 dong is encoded as tag 54 = "125000" (no decimals); with no amount the code is static ("11") and has no tag 54."""
    dynamic = build_payload(**SHOP_ARGS)
    assert "5406125000" in dynamic
    assert parse_tlv(dynamic)["54"] == "125000"
    assert "." not in parse_tlv(dynamic)["54"]

    static = build_payload(**{**SHOP_ARGS, "amount_vnd": None})
    fields = parse_tlv(static)
    assert fields["01"] == "11"
    assert "54" not in fields
    assert static.startswith("000201010211")


@pytest.mark.parametrize(
    "override",
    [
        {"bank_bin": "97043"},
        {"bank_bin": "9704366"},
        {"bank_bin": "97043A"},
        {"bank_bin": "９７０４３６"},  # full-width digits are not ASCII
        {"account": ""},
        {"account": "1" * 20},
        {"account": "1023-456789"},
        {"account": "1023 456789"},
        {"amount_vnd": 0},
        {"amount_vnd": -5},
        {"amount_vnd": 10**13},
        {"amount_vnd": 125000.0},
        {"amount_vnd": "125000"},
        {"amount_vnd": True},
        {"reference": ""},
        {"reference": "A" * 26},
        {"reference": "Thanh toán"},
        {"reference": "ORDER_1"},
        {"reference": "ORDER\n1"},
        {"merchant_name": "N" * 26},
        {"merchant_name": "Cửa hàng"},
        {"merchant_name": ""},
        {"city": "C" * 16},
    ],
)
def test_bad_inputs_raise_value_error(override):
    """Each invalid BIN, account, amount, reference, name or city is rejected with ValueError."""
    with pytest.raises(ValueError):
        build_payload(**{**SHOP_ARGS, **override})


def test_limits_are_inclusive():
    """The longest allowed account (19), reference (25) and amount (10^13 - 1) are accepted."""
    payload = build_payload(
        bank_bin="970436",
        account="A" * 19,
        amount_vnd=10**13 - 1,
        reference="R" * 25,
    )
    fields = parse_tlv(payload)
    assert fields["38"]["01"]["01"] == "A" * 19
    assert fields["54"] == "9" * 13
    assert fields["62"]["08"] == "R" * 25


@pytest.mark.parametrize("bad", ["0002", "000201013", "000x01", "0002010x", "000201000201"])
def test_parse_tlv_rejects_malformed_input(bad):
    """parse_tlv raises ValueError on truncated values, non-numeric lengths and duplicate tags."""
    with pytest.raises(ValueError):
        parse_tlv(bad)


def test_svg_is_well_formed_and_titled():
    """qr_svg returns parseable inline SVG with no XML declaration, carrying the (escaped) title."""
    payload = build_payload(**SHOP_ARGS)
    svg = qr_svg(payload, scale=4, title="Pay Cá & Co <VietQR>")

    assert svg.startswith("<svg")
    assert "<?xml" not in svg
    root = ET.fromstring(svg)
    assert root.tag == "svg"
    assert root.get("role") == "img"
    title = root.find("title")
    assert title is not None
    assert title.text == "Pay Cá & Co <VietQR>"
    assert int(root.get("width")) > 0 and root.get("width") == root.get("height")

    default = ET.fromstring(qr_svg(payload))
    assert default.find("title").text == "VietQR payment code"
