"""Configuration classes; every secret and address comes from the environment."""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
INSTANCE_DIR = Path(os.environ.get("SHOP_INSTANCE_DIR", BASE_DIR / "instance"))

DEFAULT_SECRET = "dev-only-not-secret"


def _int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


def _database_url(default: str) -> str:
    url = os.environ.get("DATABASE_URL", default)
    # Heroku-style URLs name the old driver; we ship psycopg 3.
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY", DEFAULT_SECRET)
    SQLALCHEMY_DATABASE_URI = _database_url(f"sqlite:///{INSTANCE_DIR / 'shop.sqlite3'}")
    SQLALCHEMY_ENGINE_OPTIONS: dict = {}
    MEDIA_DIR = os.environ.get("MEDIA_DIR", str(INSTANCE_DIR / "media"))
    # Media in an S3-compatible bucket instead of MEDIA_DIR (credentials: AWS_ACCESS_KEY_ID and
    # AWS_SECRET_ACCESS_KEY in the environment). Without S3_PUBLIC_URL images go out presigned.
    S3_BUCKET = os.environ.get("S3_BUCKET", "")
    S3_ENDPOINT_URL = os.environ.get("S3_ENDPOINT_URL", "")
    S3_REGION = os.environ.get("S3_REGION", "")
    S3_PUBLIC_URL = os.environ.get("S3_PUBLIC_URL", "")
    S3_PRESIGN_SECONDS = _int("S3_PRESIGN_SECONDS", 3600)
    S3_PREFIX = os.environ.get("S3_PREFIX", "")

    # Locales: adding one is a line here plus a catalog under translations/.
    LOCALES = ("vi", "en", "zh", "ko")
    DEFAULT_LOCALE = "vi"
    BABEL_DEFAULT_LOCALE = "vi"
    BABEL_DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"
    BABEL_TRANSLATION_DIRECTORIES = str(BASE_DIR / "translations")

    # Approximate rates shown to foreign visitors; never charged.
    APPROX_RATES = {"USD": 26_300, "CNY": 3_650, "KRW": 18}
    # The currency each locale's visitors think in (none: only đồng is shown).
    APPROX_CURRENCY = {"en": "USD", "zh": "CNY", "ko": "KRW"}

    CATALOG_PAGE_SIZE = 24
    SEARCH_PAGE_SIZE = 20
    # A search word held by more products than this ranks only its best ones (shop.catalog.search.query).
    SEARCH_CANDIDATE_CAP = 1000
    SHOW_SAMPLE_DATA_NOTICE = os.environ.get("SHOW_SAMPLE_DATA_NOTICE", "auto")

    # Map tiles: the page works without them; set MAP_TILE_URL to show a tiled map.
    MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "")
    MAP_TILE_ATTRIBUTION = os.environ.get("MAP_TILE_ATTRIBUTION", "© OpenStreetMap contributors")

    # The domain printed in QR codes and on labels; empty: the address of the request.
    PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL", "")

    # The OCOP office's contact details, shown in every page's footer and on the certificate check.
    # The defaults are sample values for the demo: set the real ones in production.
    OFFICE_NAME = os.environ.get("OFFICE_NAME", "")  # empty: "OCOP office of Quảng Ninh" in the page's language
    OFFICE_ADDRESS = os.environ.get("OFFICE_ADDRESS", "Phường Hồng Gai, Hạ Long, Quảng Ninh")
    OFFICE_PHONE = os.environ.get("OFFICE_PHONE", "0203 3835 686")
    OFFICE_EMAIL = os.environ.get("OFFICE_EMAIL", "ocop@quangninh.example.vn")
    OFFICE_HOURS = os.environ.get("OFFICE_HOURS", "Mo-Fr 08:00-17:00")

    REDIS_URL = os.environ.get("REDIS_URL", "")
    # Anonymous public pages are cached for this many seconds (0 turns it off).
    PAGE_CACHE_SECONDS = _int("PAGE_CACHE_SECONDS", 60)
    # Reference lists, counts and rendered product cards are kept per process until a commit changes public
    # rows (shop.cache_pages.memo); without Redis another process's commit is seen after at most this long.
    FRAGMENT_CACHE_SECONDS = _int("FRAGMENT_CACHE_SECONDS", 60)
    # A server worker freezes what it holds from the garbage collector after this many requests (its
    # caches full by then; 0: only once the app is built): shop/server_process.py, called by wsgi.py.
    GC_FREEZE_AFTER_REQUESTS = _int("GC_FREEZE_AFTER_REQUESTS", 500)

    # Strict-Transport-Security max-age; only the production config sends it (behind TLS).
    HSTS_SECONDS = 0
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    WTF_CSRF_TIME_LIMIT = None
    MAX_CONTENT_LENGTH = 16 * 1024 * 1024
    # Accounts: password links and the login rate limit.
    PASSWORD_RESET_MAX_AGE = _int("PASSWORD_RESET_MAX_AGE", 3600)
    INVITE_MAX_AGE = _int("INVITE_MAX_AGE", 7 * 24 * 3600)
    LOGIN_RATE_LIMIT = os.environ.get("LOGIN_RATE_LIMIT", "5 per minute")
    # Photo uploads: bytes and pixels are checked before an image is decoded.
    UPLOAD_MAX_BYTES = _int("UPLOAD_MAX_BYTES", 10 * 1024 * 1024)
    UPLOAD_MAX_PIXELS = _int("UPLOAD_MAX_PIXELS", 40_000_000)
    PHOTO_MAX_SIDE = _int("PHOTO_MAX_SIDE", 1600)
    PHOTO_THUMB_SIDE = _int("PHOTO_THUMB_SIDE", 400)
    PHOTOS_PER_PRODUCT = _int("PHOTOS_PER_PRODUCT", 8)
    # Adds X-SQL-Statements to every response (the benchmark reads it).
    SQL_COUNTING = os.environ.get("SQL_COUNTING") == "1"
    # Adds Server-Timing: app;dur=<ms> so that load tests can read the server's own time.
    SERVER_TIMING = os.environ.get("SERVER_TIMING", "1") == "1"

    # Cart and checkout. Shipping fees by zone (shop/orders/provinces.py maps provinces to zones).
    CART_MAX_QUANTITY = _int("CART_MAX_QUANTITY", 99)
    SHIPPING_FEES = {"quang-ninh": _int("SHIPPING_FEE_QUANG_NINH", 20_000),
                     "north": _int("SHIPPING_FEE_NORTH", 35_000),
                     "other": _int("SHIPPING_FEE_OTHER", 45_000)}
    FREE_SHIPPING_FROM = _int("FREE_SHIPPING_FROM", 500_000)
    # An order waiting for a transfer keeps its stock this long, then `flask shop expire-orders` frees it.
    ORDER_PAYMENT_MINUTES = _int("ORDER_PAYMENT_MINUTES", 60)
    ORDER_LOOKUP_LIMIT = os.environ.get("ORDER_LOOKUP_LIMIT", "10/minute")

    # VietQR bank transfer: hidden at checkout unless all four are set.
    VIETQR_BANK_BIN = os.environ.get("VIETQR_BANK_BIN", "")
    VIETQR_ACCOUNT = os.environ.get("VIETQR_ACCOUNT", "")
    VIETQR_ACCOUNT_NAME = os.environ.get("VIETQR_ACCOUNT_NAME", "")
    VIETQR_BANK_NAME = os.environ.get("VIETQR_BANK_NAME", "")

    # Card payments through Stripe: hidden at checkout unless all three keys are set.
    STRIPE_SECRET_KEY = os.environ.get("STRIPE_SECRET_KEY", "")
    STRIPE_PUBLISHABLE_KEY = os.environ.get("STRIPE_PUBLISHABLE_KEY", "")
    STRIPE_WEBHOOK_SECRET = os.environ.get("STRIPE_WEBHOOK_SECRET", "")
    # Empty: Stripe's own API. The tests point it at localstripe on loopback.
    STRIPE_API_BASE = os.environ.get("STRIPE_API_BASE", "")

    # VNPay (payment API 2.1.0): hidden at checkout unless the terminal code and hash secret are set.
    VNPAY_TMN_CODE = os.environ.get("VNPAY_TMN_CODE", "")
    VNPAY_HASH_SECRET = os.environ.get("VNPAY_HASH_SECRET", "")
    VNPAY_PAYMENT_URL = os.environ.get("VNPAY_PAYMENT_URL", "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html")
    # querydr and refund (server to server, JSON).
    VNPAY_API_URL = os.environ.get("VNPAY_API_URL", "https://sandbox.vnpayment.vn/merchant_webapi/api/transaction")
    # The shop's own address sent as vnp_IpAddr with querydr and refund.
    VNPAY_SERVER_IP = os.environ.get("VNPAY_SERVER_IP", "127.0.0.1")

    # Mail over SMTP; without MAIL_SERVER (development) mails are written to the log.
    MAIL_SERVER = os.environ.get("MAIL_SERVER", "")
    MAIL_PORT = _int("MAIL_PORT", 587)
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME", "")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD", "")
    MAIL_USE_TLS = os.environ.get("MAIL_USE_TLS", "1") == "1"
    MAIL_FROM = os.environ.get("MAIL_FROM", "OCOP Quảng Ninh <no-reply@localhost>")
    MAIL_TIMEOUT = _int("MAIL_TIMEOUT", 20)
    # The outbox retries a failed mail after 30 s, 1 min, 2 min, … (at most MAIL_RETRY_MAX_SECONDS
    # apart) for MAIL_RETRY_HOURS, then lists it as failed in the back office.
    MAIL_RETRY_BASE_SECONDS = float(os.environ.get("MAIL_RETRY_BASE_SECONDS", 30))
    MAIL_RETRY_MAX_SECONDS = float(os.environ.get("MAIL_RETRY_MAX_SECONDS", 7200))
    MAIL_RETRY_HOURS = float(os.environ.get("MAIL_RETRY_HOURS", 24))
    # Who gets the office's copy of certificate reminders (comma-separated); default: every admin.
    OFFICE_EMAILS = os.environ.get("OFFICE_EMAILS", "")
    CART_KEEP_DAYS = _int("CART_KEEP_DAYS", 30)
    # Jobs: Huey on Redis when REDIS_URL is set, else a SQLite file beside the database.
    JOBS_SQLITE_PATH = os.environ.get("JOBS_SQLITE_PATH", "")
    JOBS_IMMEDIATE = False
    # The schedule sweeps the outbox every minute; a smaller number adds a sweeper thread.
    JOBS_SWEEP_SECONDS = float(os.environ.get("JOBS_SWEEP_SECONDS", 60))
    # /metrics answers loopback, or any client that sends "Authorization: Bearer <METRICS_TOKEN>".
    METRICS_TOKEN = os.environ.get("METRICS_TOKEN", "")
    # Behind a proxy: how many X-Forwarded-For / -Proto / -Host hops to trust (nginx in front: 1).
    PROXY_FIX_X_FOR = _int("PROXY_FIX_X_FOR", 0)
    PROXY_FIX_X_PROTO = _int("PROXY_FIX_X_PROTO", 0)
    PROXY_FIX_X_HOST = _int("PROXY_FIX_X_HOST", 0)
    PROXY_FIX_X_PORT = _int("PROXY_FIX_X_PORT", 0)
    PROXY_FIX_X_PREFIX = _int("PROXY_FIX_X_PREFIX", 0)
    # One JSON object per log line, with the request id (production's default).
    LOG_JSON = os.environ.get("LOG_JSON", "0") == "1"
    LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
    DATABASE_CONNECT_TIMEOUT = _int("DATABASE_CONNECT_TIMEOUT", 5)
    # A pooled connection idle longer than this is pinged before use (shop/db_ping.py).
    DATABASE_PING_IDLE_SECONDS = float(os.environ.get("DATABASE_PING_IDLE_SECONDS", "1"))


class DevelopmentConfig(Config):
    DEBUG = False


class TestConfig(Config):
    TESTING = True
    SQLALCHEMY_DATABASE_URI = _database_url(os.environ.get("TEST_DATABASE_URL", "sqlite://"))
    PAGE_CACHE_SECONDS = 0
    REDIS_URL = ""
    SERVER_NAME = None
    SQL_COUNTING = True
    MAIL_SERVER = ""
    MAIL_USE_TLS = False  # the loopback SMTP servers of the tests speak plain SMTP
    S3_BUCKET = ""
    JOBS_IMMEDIATE = True  # a commit that queues mails sends them at once (tests read the SMTP sink)
    VIETQR_BANK_BIN = VIETQR_ACCOUNT = VIETQR_ACCOUNT_NAME = VIETQR_BANK_NAME = ""
    STRIPE_SECRET_KEY = STRIPE_PUBLISHABLE_KEY = STRIPE_WEBHOOK_SECRET = STRIPE_API_BASE = ""
    VNPAY_TMN_CODE = VNPAY_HASH_SECRET = ""


class ProductionConfig(Config):
    SESSION_COOKIE_SECURE = True
    HSTS_SECONDS = _int("HSTS_SECONDS", 365 * 24 * 3600)
    PREFERRED_URL_SCHEME = "https"
    LOG_JSON = os.environ.get("LOG_JSON", "1") == "1"
    # nginx in front (deploy/nginx/ocop-shop.conf) sets these headers; set 0 to run without a proxy.
    PROXY_FIX_X_FOR = _int("PROXY_FIX_X_FOR", 1)
    PROXY_FIX_X_PROTO = _int("PROXY_FIX_X_PROTO", 1)
    PROXY_FIX_X_HOST = _int("PROXY_FIX_X_HOST", 1)

    @classmethod
    def check(cls) -> None:
        """Refuse to start with a missing or default secret."""
        if not os.environ.get("SECRET_KEY") or os.environ["SECRET_KEY"] == DEFAULT_SECRET:
            raise RuntimeError("SECRET_KEY must be set to a real secret in production")


CONFIGS = {
    "development": DevelopmentConfig,
    "test": TestConfig,
    "production": ProductionConfig,
}
