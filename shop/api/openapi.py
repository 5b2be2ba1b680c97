"""The OpenAPI 3.1 document of /api/v1, kept beside the code it describes (tests check it with schemathesis)."""
from __future__ import annotations

from shop.api.params import GROUP, SLUG
from shop.catalog.services import MAX_PRICE_VND, SORTS
from shop.producers.models import ProducerType

PRODUCER_TYPES = [str(t) for t in ProducerType]


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _nullable(schema: dict) -> dict:
    return {"anyOf": [schema, {"type": "null"}]}


def _object(properties: dict, required: list[str] | None = None) -> dict:
    return {"type": "object", "properties": properties,
            "required": list(properties) if required is None else required, "additionalProperties": False}


STRING = {"type": "string"}
DATE = {"type": "string", "format": "date"}
URL = {"type": "string", "format": "uri"}
NAMED = _object({"slug": STRING, "name": STRING})

SCHEMAS = {
    "Error": _object({"error": _object({"code": {"type": "integer", "minimum": 400, "maximum": 599},
                                        "message": STRING})}),
    "Named": NAMED,
    "Ocop": _object({
        "status": {"type": "string", "enum": ["valid", "expired", "revoked"]},
        "stars": {"type": "integer", "minimum": 3, "maximum": 5},
        "decision_number": STRING,
        "decision_date": DATE,
        "valid_until": DATE,
        "revoked_on": _nullable(DATE),
        "certificate_code": STRING,
        "shows_mark": {"type": "boolean", "description": "Whether the product may show the OCOP mark today."},
    }),
    "ProductSummary": _object({
        "slug": STRING, "code": STRING, "name": STRING, "summary": STRING,
        "group": _object({"code": STRING, "name": STRING}),
        "producer": NAMED,
        "locality": _nullable(NAMED),
        "price_from_vnd": _nullable({"type": "integer", "minimum": 0}),
        "ocop": _nullable(_ref("Ocop")),
        "photo": _nullable(URL),
        "url": URL,
    }),
    "Packaging": _object({
        "label": STRING, "container": STRING, "quantity": {"type": "integer"}, "unit": STRING,
        "price_vnd": {"type": "integer", "minimum": 1}, "in_stock": {"type": "boolean"},
    }),
    "Producer": _object({
        "slug": STRING, "type": {"type": "string", "enum": PRODUCER_TYPES}, "name": STRING, "summary": STRING,
        "locality": _nullable(NAMED), "address": STRING, "phone": STRING, "website": STRING,
        "product_count": {"type": "integer", "minimum": 0}, "url": URL,
    }),
    "SalesPoint": _object({
        "slug": STRING, "kind": {"type": "string", "enum": ["centre", "point"]}, "name": STRING,
        "address": STRING, "locality": _nullable(NAMED), "phone": STRING,
        "latitude": _nullable({"type": "number"}), "longitude": _nullable({"type": "number"}),
        "opening_hours": {"type": "string", "description": "schema.org openingHours syntax, e.g. Mo-Su 08:00-21:30"},
        "url": URL,
    }),
    "Fair": _object({
        "slug": STRING, "kind": {"type": "string", "enum": ["provincial", "district", "consumer_week", "international"]},
        "name": STRING, "venue": STRING, "starts_on": DATE, "ends_on": DATE, "locality": _nullable(NAMED),
        "latitude": _nullable({"type": "number"}), "longitude": _nullable({"type": "number"}),
        "participants": {"type": "array", "items": _object({"producer": NAMED, "booth": STRING})},
        "url": URL,
    }),
    "CertificateCheck": _object({
        "status": {"type": "string", "enum": ["valid", "expired", "revoked", "none"],
                   "description": "'none': the product holds no certificate."},
        "valid": {"type": "boolean"},
        "product": _object({"slug": STRING, "code": STRING, "name": STRING, "producer": NAMED}),
        "certificate": _nullable(_object({
            "code": STRING, "stars": {"type": "integer", "minimum": 3, "maximum": 5}, "decision_number": STRING,
            "decision_date": DATE, "authority": STRING, "valid_until": DATE, "revoked_on": _nullable(DATE)})),
        "newer_certificate_code": _nullable(STRING),
        "url": URL,
    }),
}
PROVINCE_CODE = {"type": "string", "pattern": "^[0-9]{2}$", "description": "Statistics office code, '22' is Quảng Ninh."}
SCHEMAS["Province"] = _object({
    "code": PROVINCE_CODE, "name": {"type": "string", "description": "Official Vietnamese name."},
    "lang": {"type": "string", "enum": ["vi"], "description": "The language of name."},
    "division_type": {"type": "string", "description": "tỉnh (province) or thành phố trung ương (city)."},
    "slug": STRING,
})
SCHEMAS["Commune"] = _object({
    "code": {"type": "string", "pattern": "^[0-9]{5}$", "description": "Statistics office code."},
    "name": {"type": "string", "description": "Vietnamese name, with its kind ('Phường Hạ Long')."},
    "lang": {"type": "string", "enum": ["vi"]},
    "division_type": {"type": "string", "description": "xã (commune), phường (ward) or đặc khu (special zone)."},
})
SCHEMAS["ProductDetail"] = _object({
    **SCHEMAS["ProductSummary"]["properties"],
    "description": STRING,
    "packagings": {"type": "array", "items": _ref("Packaging")},
    "photos": {"type": "array", "items": URL},
})


def _page_of(name: str) -> dict:
    return _object({"items": {"type": "array", "items": _ref(name)},
                    "page": {"type": "integer", "minimum": 1},
                    "per_page": {"type": "integer", "minimum": 1, "maximum": 100},
                    "total": {"type": "integer", "minimum": 0},
                    "pages": {"type": "integer", "minimum": 1}})


def _list_of(name: str) -> dict:
    return _object({"items": {"type": "array", "items": _ref(name)}})


SCHEMAS.update({"ProductPage": _page_of("ProductSummary"), "ProducerPage": _page_of("Producer"),
                "SalesPointList": _list_of("SalesPoint"), "FairList": _list_of("Fair"),
                "ProvinceList": _list_of("Province"),
                "CommuneList": _object({"province": _ref("Province"),
                                        "items": {"type": "array", "items": _ref("Commune")}})})

PARAMETERS = {
    "locale": {"name": "locale", "in": "query", "description": "Language of the content (Vietnamese by default).",
               "schema": {"type": "string", "enum": ["vi", "en", "zh"], "default": "vi"}},
    "page": {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 10_000, "default": 1}},
    "per_page": {"name": "per_page", "in": "query",
                 "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 24}},
}

_HEADERS = {
    "ETag": {"description": "Hash of the body; send it back in If-None-Match to get a 304.", "schema": STRING},
    "Cache-Control": {"schema": STRING},
    "Access-Control-Allow-Origin": {"schema": STRING},
}


def _ok(schema: str, description: str) -> dict:
    return {"description": description, "headers": _HEADERS,
            "content": {"application/json": {"schema": _ref(schema)}}}


def _error(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": _ref("Error")}}}


_ERRORS = {"304": {"description": "Not modified (If-None-Match matched the ETag)."},
           "400": _error("A parameter is not valid."), "404": _error("Not found."),
           "default": _error("Any other error, with a message.")}


def _get(operation_id: str, summary: str, ok: dict, parameters: list[dict]) -> dict:
    return {"get": {"operationId": operation_id, "summary": summary, "parameters": parameters,
                    "responses": {"200": ok, **_ERRORS}}}


def _p(name: str) -> dict:
    return {"$ref": f"#/components/parameters/{name}"}


def _query(name: str, schema: dict, description: str = "", **extra) -> dict:
    param = {"name": name, "in": "query", "schema": schema, **extra}
    if description:
        param["description"] = description
    return param


def _path(name: str, description: str) -> dict:
    return {"name": name, "in": "path", "required": True, "description": description, "schema": STRING}


PRODUCT_FILTERS = [
    _query("group", {"type": "string", "pattern": GROUP}, "OCOP group code; a group includes its subgroups (I includes I.5)."),
    _query("stars", {"type": "array", "items": {"type": "string", "enum": ["3", "4", "5"]}},
           "Valid-certificate star levels (repeat the parameter).", style="form", explode=True),
    _query("locality", {"type": "string", "pattern": SLUG}, "Slug of the producer's traditional locality."),
    _query("producer_type", {"type": "string", "enum": PRODUCER_TYPES}),
    _query("price_min", {"type": "integer", "minimum": 0, "maximum": MAX_PRICE_VND}, "Lowest 'from' price in đồng."),
    _query("price_max", {"type": "integer", "minimum": 0, "maximum": MAX_PRICE_VND}, "Highest 'from' price in đồng."),
    _query("sort", {"type": "string", "enum": list(SORTS), "default": "newest"}),
]


def document(server_url: str = "/api/v1", locales=("vi", "en", "zh", "ko")) -> dict:
    """The OpenAPI document; server_url is where the API answers, locales the configured languages."""
    parameters = {**PARAMETERS, "locale": {**PARAMETERS["locale"],
                                           "schema": {"type": "string", "enum": list(locales), "default": locales[0]}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "OCOP Quảng Ninh API", "version": "1.0.0",
                 "description": "Read-only data of the OCOP products of Quảng Ninh: products, producers, sales "
                                "points, fairs, the certificate check, and Vietnam's provinces and communes "
                                "(the map in force since 1 July 2025). Prices are whole Vietnamese đồng."},
        "servers": [{"url": server_url}],
        "paths": {
            "/products": _get("listProducts", "Published products, filtered and paginated",
                              _ok("ProductPage", "One page of products."),
                              [_p("locale"), *PRODUCT_FILTERS, _p("page"), _p("per_page")]),
            "/products/{slug}": _get("getProduct", "One published product",
                                     _ok("ProductDetail", "The product."),
                                     [_path("slug", "The product's slug."), _p("locale")]),
            "/producers": _get("listProducers", "Producers with their number of products",
                               _ok("ProducerPage", "One page of producers."),
                               [_p("locale"), _query("type", {"type": "string", "enum": PRODUCER_TYPES}),
                                _p("page"), _p("per_page")]),
            "/sales-points": _get("listSalesPoints", "Active OCOP sales points",
                                  _ok("SalesPointList", "Every active sales point."), [_p("locale")]),
            "/fairs": _get("listFairs", "OCOP fairs by start date", _ok("FairList", "The fairs."),
                           [_p("locale"), _query("when", {"type": "string", "enum": ["all", "upcoming", "past"],
                                                          "default": "all"})]),
            "/provinces": _get("listProvinces", "The 34 provinces of the map in force since 1 July 2025",
                               _ok("ProvinceList", "Every province, by code."), [_p("locale")]),
            "/provinces/{code}/communes": _get(
                "listCommunes", "The communes, wards and special zones of one province",
                _ok("CommuneList", "The province and its communes, by name."),
                [{"name": "code", "in": "path", "required": True, "description": "The province's two-digit code.",
                  "schema": {"type": "string", "pattern": "^[0-9]{2}$"}, "example": "22"}, _p("locale")]),
            "/verify/{code}": _get("checkCertificate", "The certificate check of a label's code",
                                   _ok("CertificateCheck", "What the certificate check says today."),
                                   [_path("code", "A certificate code (from a label QR) or a product code."),
                                    _p("locale")]),
        },
        "components": {"schemas": SCHEMAS, "parameters": parameters},
    }
