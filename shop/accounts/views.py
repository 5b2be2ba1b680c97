"""Sign in, sign out, forgotten passwords, invitations and the account page."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy.exc import IntegrityError

from shop.accounts import mail as account_mail
from shop.accounts import services
from shop.accounts.forms import ForgotPasswordForm, LocaleForm, LoginForm, RegisterForm, SetPasswordForm
from shop.accounts.models import Role
from shop.extensions import db, limiter
from shop.forms import EmptyForm, language_choices
from shop.i18n import current_locale, locales
from shop.inputs import safe_path
from shop.mailer import mail_base_url
from shop.messages import message
from shop.models_base import utcnow
from shop.orders import services as order_services

bp = Blueprint("accounts", __name__, url_prefix="/<locale>")

# For the catalog: Flask-Login flashes this through gettext (see create_app).
_LOGIN_MESSAGE = _l("Please sign in to see this page.")


def _login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


def _safe_next(target: str | None) -> str | None:
    """A short same-site path to go back to after signing in, or None."""
    return safe_path(target)


def home_for(user) -> str:
    """Where a user lands after signing in."""
    if user.role == Role.ADMIN:
        return url_for("backoffice.dashboard")
    if user.role == Role.PRODUCER:
        return url_for("portal.dashboard")
    if user.role == Role.SALES_POINT_STAFF:
        return url_for("staff.dashboard")
    return url_for("accounts.account")


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
def login():
    """The sign-in form; five attempts a minute per address."""
    form = LoginForm()
    if form.validate_on_submit():
        user = services.authenticate(db.session, form.email.data, form.password.data)
        if user is not None and login_user(user):
            db.session.commit()
            return redirect(_safe_next(request.args.get("next")) or home_for(user))
        form.password.errors.append(_("The email or the password is not right."))
    return render_template("accounts/login.html", form=form, next=_safe_next(request.args.get("next")))


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
def register():
    """A customer's own sign-up (optional: shopping needs no account); signed in at once, cart kept."""
    if current_user.is_authenticated:
        return redirect(home_for(current_user))
    form = RegisterForm(locale=current_locale())
    form.locale.choices = language_choices(locales())
    if form.validate_on_submit():
        try:
            user = services.register_customer(db.session, email=form.email.data, password=form.password.data,
                                              locale=form.locale.data, allowed_locales=locales(), now=utcnow())
            db.session.commit()
        except IntegrityError:  # the same address registered by a request racing this one
            db.session.rollback()
            form.email.errors.append(message(services.AccountError("email_taken")))
        except services.AccountError as error:
            db.session.rollback()
            target = {"password_length": form.password, "unknown_locale": form.locale}.get(error.code, form.email)
            target.errors.append(message(error))
        else:
            # login_user only adds its own keys to the session: the visitor's cart token stays.
            login_user(user)
            flash(_("Welcome! Your account is ready."))
            return redirect(_safe_next(request.args.get("next")) or url_for("accounts.my_orders"))
    return render_template("accounts/register.html", form=form, min_length=services.MIN_PASSWORD_LENGTH,
                           next=_safe_next(request.args.get("next")))


@bp.post("/logout")
def logout():
    """Sign out (a POST with a CSRF token, so no other site can sign anyone out)."""
    form = EmptyForm()
    if not form.validate_on_submit():
        abort(400)
    logout_user()
    return redirect(url_for("catalog.home"))


@bp.route("/password/forgot", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
def forgot_password():
    """Mail a link to set a new password; the answer is the same whether the address is known or not."""
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        user = services.find_user(db.session, form.email.data)
        if user is not None and user.active:
            account_mail.queue_password_mail(db.session, user, services.RESET, base_url=mail_base_url(),
                                             now=utcnow())
            db.session.commit()
        flash(_("If an account uses this address, we have sent it a link to set a new password."))
        return redirect(url_for("accounts.login"))
    return render_template("accounts/forgot.html", form=form)


@bp.route("/password/set/<token>", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
def set_password(token: str):
    """Set a password from a mailed link (a reset or an invitation): expiring and single-use."""
    config = current_app.config
    max_age = {services.RESET: config["PASSWORD_RESET_MAX_AGE"], services.INVITE: config["INVITE_MAX_AGE"]}
    try:
        user = services.user_for_token(db.session, config["SECRET_KEY"], token, max_age=max_age)
    except services.AccountError as error:
        return render_template("accounts/token_error.html", message=message(error)), 400
    form = SetPasswordForm()
    if form.validate_on_submit():
        services.set_password(user, form.password.data)
        db.session.commit()
        # The link proved the address and the password is new: sign the person in (as themselves,
        # whoever was signed in before) and take them to their own pages.
        logout_user()
        if login_user(user):
            flash(_("Your password is set. Welcome!"))
            return redirect(home_for(user))
        flash(_("Your password is set. You can sign in now."))
        return redirect(url_for("accounts.login"))
    return render_template("accounts/set_password.html", form=form, user=user,
                           min_length=services.MIN_PASSWORD_LENGTH)


@bp.route("/account", methods=["GET", "POST"])
@login_required
def account():
    """Who is signed in, and the language of their pages and mails."""
    form = LocaleForm(locale=current_user.locale)
    form.locale.choices = language_choices(locales())
    if form.validate_on_submit():
        services.set_locale(current_user, form.locale.data, locales())
        db.session.commit()
        flash(_("Saved."))
        return redirect(url_for("accounts.account", locale=current_locale()))
    return render_template("accounts/account.html", form=form)


@bp.post("/account/language")
@login_required
def switch_language():
    """Change the signed-in user's language from the portal, staff or back-office header and stay on the page."""
    form = EmptyForm()
    code = request.form.get("locale", "")
    if not form.validate_on_submit() or code not in locales():
        abort(400)
    services.set_locale(current_user, code, locales())
    db.session.commit()
    return redirect(_safe_next(request.form.get("next")) or home_for(current_user), 303)


@bp.get("/account/orders")
@login_required
def my_orders():
    """The signed-in customer's own orders, newest first, each linking to its order page."""
    orders = order_services.orders_of_user(db.session, current_user.id)
    response = current_app.make_response(render_template("accounts/orders.html", orders=orders))
    # The links carry the orders' secret tokens: keep the page out of shared caches and referrers.
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response
