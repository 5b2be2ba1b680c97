"""The OCOP Shop application factory."""
from __future__ import annotations

import os

from flask import Flask

from config import CONFIGS, INSTANCE_DIR


def create_app(config_name: str | None = None, **overrides) -> Flask:
    """Build the app: config, extensions, blueprints (one explicit list), CLI, error pages."""
    config_name = config_name or os.environ.get("SHOP_CONFIG", "development")
    config_class = CONFIGS[config_name]
    if hasattr(config_class, "check"):
        config_class.check()

    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    app = Flask(__name__, instance_path=str(INSTANCE_DIR),
                template_folder=os.path.join(root, "templates"),
                static_folder=os.path.join(root, "static"))
    from shop.inputs import BoundedIntConverter
    # Before any rule is added: every <int:...> in a URL is bounded to the id columns' range.
    app.url_map.converters["int"] = BoundedIntConverter
    app.config.from_object(config_class)
    app.config.update(overrides)
    os.makedirs(app.instance_path, exist_ok=True)

    from shop import cache_pages, db_ping, db_prepared, errors, inputs, security, template_env, web
    from shop.api import headers as api_headers
    from shop.extensions import babel, cache, csrf, db, limiter, migrate
    from shop.i18n import current_locale

    _engine_options(app)
    db.init_app(app)
    db_ping.install(app)
    db_prepared.install(app)
    migrate.init_app(app, db, directory=os.path.join(root, "migrations"), render_as_batch=True)
    babel.init_app(app, locale_selector=current_locale)
    redis_url = app.config.get("REDIS_URL")
    # Short timeouts: with Redis down, pages are still served (uncached) without waiting long.
    cache.init_app(app, config={"CACHE_TYPE": "RedisCache", "CACHE_REDIS_URL": redis_url,
                                "CACHE_OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}}
                   if redis_url else {"CACHE_TYPE": "SimpleCache", "CACHE_THRESHOLD": 2000})

    import shop.models  # noqa: F401  (registers every table on db.metadata)

    # Order matters: before_request hooks run in registration order. Measurements
    # come first so they also see cached answers; the page cache comes before CSRF
    # and the rate limiter, whose per-request checks cost more than a cached page
    # (cached pages are GETs, which neither of them limits).
    from shop import health, logs, sqlcount, static_files
    static_files.install(app)  # first: its compression must run after every other after_request hook
    logs.install(app)
    if app.config.get("SQL_COUNTING"):
        sqlcount.install(app)
    if app.config.get("SERVER_TIMING"):
        sqlcount.install_timing(app)
    web.install_locale_routing(app)
    errors.install(app)
    health.install(app)
    inputs.install(app)
    cache_pages.install(app)
    security.install(app)

    csrf.init_app(app)
    template_env.install(app)  # after CSRFProtect: see template_env.install
    app.config.setdefault("RATELIMIT_STORAGE_URI", redis_url or "memory://")
    # Redis down: limits go on per process, in memory, until it is back.
    app.config.setdefault("RATELIMIT_IN_MEMORY_FALLBACK_ENABLED", True)
    if redis_url:
        app.config.setdefault("RATELIMIT_STORAGE_OPTIONS", {"socket_connect_timeout": 0.5, "socket_timeout": 0.5})
    limiter.init_app(app)
    _init_login(app)

    from shop import jobs, metrics_web, storage
    storage.init_app(app)
    jobs.init_app(app)
    metrics_web.install(app)

    from shop.cart.views import bp as cart_bp
    from shop.accounts.views import bp as accounts_bp
    from shop.backoffice.views import bp as backoffice_bp
    from shop.api.views import bp as api_bp
    from shop.catalog.views import bp as catalog_bp
    from shop.orders.views import bp as orders_bp
    from shop.pages.admin import bp as pages_admin_bp
    from shop.pages.views import bp as pages_bp
    from shop.payments.views import bp as payments_bp
    from shop.places.views import bp as places_bp
    from shop.portal.views import bp as portal_bp
    from shop.producers.views import bp as producers_bp
    from shop.seo.views import bp as seo_bp
    from shop.showroom.views import bp as showroom_bp
    from shop.staff.views import bp as staff_bp
    from shop.web import bp as web_bp
    from shop.health import bp as health_bp
    from shop.metrics_web import bp as metrics_bp
    from shop.outbox.admin import bp as backoffice_mail_bp

    for blueprint in (web_bp, catalog_bp, producers_bp, places_bp, showroom_bp, api_bp, seo_bp,
                      cart_bp, orders_bp, payments_bp, accounts_bp, portal_bp, staff_bp, backoffice_bp, pages_bp,
                      pages_admin_bp, backoffice_mail_bp, metrics_bp, health_bp):
        app.register_blueprint(blueprint)
    api_headers.install(app)  # last: after-request hooks run in reverse, so it sees the view's answer first

    from shop.cli import shop_cli
    app.cli.add_command(shop_cli)

    _per_route_limits_only(app, limiter)  # after every blueprint: none may carry a limit of its own
    from shop import page_fastpath
    page_fastpath.install(app)  # cached pages answered before Flask; inside ProxyFix
    _proxy_fix(app)
    return app


def _engine_options(app: Flask) -> None:
    """Client-server databases: give up connecting after a few seconds (a friendly 503, not a hang).
    Idle pooled connections are tested before use by shop.db_ping, so the app recovers by itself
    after a database restart."""
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    if url.startswith("sqlite"):
        return
    options = dict(app.config.get("SQLALCHEMY_ENGINE_OPTIONS") or {})
    connect_args = dict(options.get("connect_args") or {})
    connect_args.setdefault("connect_timeout", int(app.config.get("DATABASE_CONNECT_TIMEOUT", 5)))
    options["connect_args"] = connect_args
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = options


def _per_route_limits_only(app: Flask, limiter) -> None:
    """Drop Flask-Limiter's before-request hook: it checks application-wide, default and blueprint
    limits, and this shop sets none. Its limits are per route (sign-in, sign-up, password reset, order
    lookup), and their decorator checks them when the view runs, hook or not. The hook still cost every
    request 0.14 ms (of a 2.5 ms uncached catalog page, measured in-process); a limit of another kind
    added later must put it back (create_app refuses to start otherwise)."""
    manager = limiter.limit_manager
    if manager.application_limits or manager.default_limits or manager._blueprint_limits:
        raise RuntimeError("application, default or blueprint rate limits need Flask-Limiter's before-request hook")
    hooks = app.before_request_funcs.setdefault(None, [])
    hooks[:] = [hook for hook in hooks if hook != limiter._check_request_limit]


def _proxy_fix(app: Flask) -> None:
    """Behind nginx: trust that many X-Forwarded-* hops, so client addresses and https are right."""
    hops = {name: int(app.config.get(f"PROXY_FIX_{name.upper()}", 0) or 0)
            for name in ("x_for", "x_proto", "x_host", "x_port", "x_prefix")}
    if any(hops.values()):
        from werkzeug.middleware.proxy_fix import ProxyFix
        app.wsgi_app = ProxyFix(app.wsgi_app, **hops)


def _init_login(app: Flask) -> None:
    """Flask-Login: users load by id; pages that need one send visitors to the sign-in page."""
    from flask_babel import gettext

    from shop.extensions import db, login_manager

    login_manager.init_app(app)
    login_manager.login_view = "accounts.login"
    # Translated when flashed (localize_callback); the catalog entry is in shop/accounts/views.py.
    login_manager.login_message = "Please sign in to see this page."
    login_manager.localize_callback = gettext

    @login_manager.unauthorized_handler
    def sign_in_first():
        """To the sign-in page with next= this page's path: same-site and bounded (a 50,000-character
        query would otherwise make a Location header clients refuse)."""
        from flask import abort, flash, redirect, request, url_for

        from shop.inputs import request_path
        if request.blueprint == "api":
            abort(401)
        flash(gettext(login_manager.login_message), login_manager.login_message_category)
        return redirect(url_for("accounts.login", next=request_path(request.path, request.query_string)))

    @login_manager.user_loader
    def load_user(user_id: str):
        from shop.accounts.models import User
        try:
            return db.session.get(User, int(user_id))
        except ValueError:
            return None
