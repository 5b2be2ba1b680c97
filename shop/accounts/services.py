"""Accounts: creating users, checking passwords, and the signed links that set a password."""
from __future__ import annotations

import hashlib
from datetime import datetime, timezone

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import select
from werkzeug.security import check_password_hash, generate_password_hash

from shop.accounts.models import Role, User
from shop.domain import DomainError

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 200
RESET = "reset"
INVITE = "invite"
_TOKEN_SALT = "ocop-shop-set-password"
# Checked against when the email is unknown, so that both answers take as long.
_DUMMY_HASH = generate_password_hash("not-a-real-password", method="scrypt")


class AccountError(DomainError):
    """An account rule was broken."""

    domain = "account"


def normalize_email(email: str) -> str:
    return (email or "").strip().lower()


def hash_password(password: str) -> str:
    """A scrypt hash of a password that meets the length rule."""
    if not MIN_PASSWORD_LENGTH <= len(password or "") <= MAX_PASSWORD_LENGTH:
        raise AccountError("password_length", min=MIN_PASSWORD_LENGTH)
    return generate_password_hash(password, method="scrypt")


def get_user(session, user_id: int) -> User | None:
    return session.get(User, user_id)


def find_user(session, email: str) -> User | None:
    return session.scalar(select(User).where(User.email == normalize_email(email)))


def create_user(session, *, email: str, role: str, password: str | None = None, name: str = "",
                producer_id: int | None = None, sales_point_id: int | None = None,
                locale: str = "vi") -> User:
    """A new user; producer users need a producer, staff a sales point. No password: invitation only."""
    email = normalize_email(email)
    if "@" not in email or len(email) > 254:
        raise AccountError("invalid_email")
    if role not in set(Role):
        raise AccountError("unknown_role")
    if role == Role.PRODUCER and producer_id is None:
        raise AccountError("producer_required")
    if role == Role.SALES_POINT_STAFF and sales_point_id is None:
        raise AccountError("sales_point_required")
    if find_user(session, email) is not None:
        raise AccountError("email_taken")
    user = User(email=email, role=role, name=name, locale=locale, active=True,
                producer_id=producer_id if role == Role.PRODUCER else None,
                sales_point_id=sales_point_id if role == Role.SALES_POINT_STAFF else None,
                password_hash=hash_password(password) if password else "")
    session.add(user)
    session.flush()
    return user


def register_customer(session, *, email: str, password: str, locale: str, allowed_locales: tuple[str, ...],
                      now: datetime) -> User:
    """A customer's own account, signed in from now (last_login_at); raises AccountError
    invalid_email, email_taken, password_length or unknown_locale."""
    if locale not in allowed_locales:
        raise AccountError("unknown_locale")
    if not password:  # create_user would make an invitation-only account
        raise AccountError("password_length", min=MIN_PASSWORD_LENGTH)
    user = create_user(session, email=email, role=Role.CUSTOMER, password=password, locale=locale)
    user.last_login_at = now
    return user


def authenticate(session, email: str, password: str) -> User | None:
    """The active user with this email and password, else None (same work either way)."""
    user = find_user(session, email)
    if user is None or not user.password_hash:
        check_password_hash(_DUMMY_HASH, password or "")
        return None
    if not check_password_hash(user.password_hash, password or "") or not user.active:
        return None
    user.last_login_at = datetime.now(timezone.utc)
    return user


def set_password(user: User, password: str) -> None:
    """Replace the password (which also voids every link issued before)."""
    user.password_hash = hash_password(password)


def _fingerprint(user: User) -> str:
    # The link carries a digest of the current hash: once the password changes, it is spent.
    return hashlib.sha256((user.password_hash or "").encode()).hexdigest()[:20]


def _serializer(secret_key: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret_key, salt=_TOKEN_SALT)


def make_password_token(secret_key: str, user: User, purpose: str = RESET) -> str:
    """A signed link token to set the password: single-use, expiring (see user_for_token)."""
    return _serializer(secret_key).dumps({"u": user.id, "f": _fingerprint(user), "p": purpose})


def user_for_token(session, secret_key: str, token: str, *, max_age: dict[str, int]) -> User:
    """The user a password token was made for; raises AccountError expired/invalid/used."""
    try:
        data, signed_at = _serializer(secret_key).loads(token, max_age=max(max_age.values()),
                                                         return_timestamp=True)
    except SignatureExpired:
        raise AccountError("token_expired")
    except BadSignature:
        raise AccountError("token_invalid")
    if not isinstance(data, dict) or data.get("p") not in max_age:
        raise AccountError("token_invalid")
    age = (datetime.now(timezone.utc) - signed_at).total_seconds()
    if age > max_age[data["p"]]:
        raise AccountError("token_expired")
    user = session.get(User, data.get("u"))
    if user is None or not user.active:
        raise AccountError("token_invalid")
    if data.get("f") != _fingerprint(user):
        raise AccountError("token_used")
    return user


def set_locale(user: User, locale: str, allowed: tuple[str, ...]) -> None:
    """Store the user's language for the portal, back office and mails."""
    if locale not in allowed:
        raise AccountError("unknown_locale")
    user.locale = locale


def users_of_producer(session, producer_id: int) -> list[User]:
    """The active users who act for a producer."""
    return list(session.scalars(select(User).where(User.producer_id == producer_id, User.active.is_(True))
                                .order_by(User.email)))


def invite_producer_user(session, *, producer_id: int, email: str, locale: str = "vi") -> User:
    """A producer user without a password, who sets one through the mailed link.
    Inviting the same person again for the same producer re-sends the link."""
    existing = find_user(session, email)
    if existing is not None:
        if existing.role == Role.PRODUCER and existing.producer_id == producer_id and not existing.password_hash:
            return existing
        raise AccountError("email_taken")
    return create_user(session, email=email, role=Role.PRODUCER, producer_id=producer_id, locale=locale)


def invite_staff_user(session, *, sales_point_id: int, email: str, locale: str = "vi") -> User:
    """A sales point's staff member without a password, who sets one through the mailed link.
    Inviting the same person again for the same point re-sends the link."""
    existing = find_user(session, email)
    if existing is not None:
        if existing.role == Role.SALES_POINT_STAFF and existing.sales_point_id == sales_point_id \
                and not existing.password_hash:
            return existing
        raise AccountError("email_taken")
    return create_user(session, email=email, role=Role.SALES_POINT_STAFF, sales_point_id=sales_point_id,
                       locale=locale)


def staff_of_point(session, sales_point_id: int) -> list[User]:
    """The users who work at a sales point."""
    return list(session.scalars(select(User).where(User.sales_point_id == sales_point_id).order_by(User.email)))
