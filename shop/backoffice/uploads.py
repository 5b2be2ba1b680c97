"""A checked import file, kept under a random token for the import that follows its check, so the
office does not upload it twice; kept for a day, for the user who checked it only."""
from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta, timezone

from sqlalchemy import delete, select

from shop.backoffice.models import ImportUpload


UPLOAD_KEPT_FOR = timedelta(hours=24)
MAX_UPLOAD_BYTES = 20 * 1024 * 1024


def keep_upload(session, *, kind: str, filename: str, data: bytes, user_id: int | None, now: datetime) -> ImportUpload:
    """Keep a checked file under a random token for the import that follows its check (no second
    upload); files older than a day are dropped on the way."""
    session.execute(delete(ImportUpload).where(ImportUpload.created_at < now - UPLOAD_KEPT_FOR))
    upload = ImportUpload(token=secrets.token_urlsafe(32), kind=kind, filename=(filename or "")[:200],
                          sha256=hashlib.sha256(data).hexdigest(), data=data, user_id=user_id, created_at=now)
    session.add(upload)
    session.flush()
    return upload


def kept_upload(session, token: str, *, user_id: int | None, now: datetime) -> ImportUpload:
    """The file kept under the token for this user; UploadGone when unknown or expired."""
    upload = session.scalar(select(ImportUpload).where(ImportUpload.token == (token or "")[:64],
                                                       ImportUpload.user_id == user_id))
    if upload is None:
        raise UploadGone()
    created = upload.created_at if upload.created_at.tzinfo else upload.created_at.replace(tzinfo=timezone.utc)
    if created < now - UPLOAD_KEPT_FOR or hashlib.sha256(upload.data).hexdigest() != upload.sha256:
        raise UploadGone()
    return upload


class UploadGone(Exception):
    """The kept file is unknown, another user's, or too old: check the file again."""
