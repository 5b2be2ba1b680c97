"""Where media and generated files live: a local folder (the default) or an S3-compatible bucket.

Keys are relative paths ("products/12/ab34.webp", "pdf/catalog-vi-….pdf"). Every app process
and the worker see the same bucket, so a photo received by one server is served by all.
Images on pages keep their /media/<key> address: the local store sends the file, the bucket
store redirects to the bucket's public URL (S3_PUBLIC_URL) or to a presigned URL.
"""
from __future__ import annotations

import base64
import mimetypes
import os
from pathlib import Path

from flask import Flask, current_app


class StorageError(Exception):
    """The store could not be read or written."""


def _content_type(key: str) -> str:
    return mimetypes.guess_type(key)[0] or "application/octet-stream"


def _safe_key(key: str) -> str:
    parts = [p for p in key.replace("\\", "/").split("/") if p not in ("", ".")]
    if not parts or ".." in parts:
        raise ValueError(f"bad storage key: {key!r}")
    return "/".join(parts)


class LocalStorage:
    """Files under MEDIA_DIR."""

    kind = "local"

    def __init__(self, root: str):
        self.root = root

    def path(self, key: str) -> str:
        return os.path.join(self.root, _safe_key(key))

    def put(self, key: str, data: bytes, content_type: str | None = None) -> None:
        path = self.path(key)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        temporary = f"{path}.{os.getpid()}.tmp"
        with open(temporary, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)  # readers never see half a file

    def get(self, key: str) -> bytes | None:
        try:
            with open(self.path(key), "rb") as handle:
                return handle.read()
        except FileNotFoundError:
            return None

    def exists(self, key: str) -> bool:
        return os.path.isfile(self.path(key))

    def delete(self, key: str) -> None:
        try:
            os.remove(self.path(key))
        except FileNotFoundError:
            pass

    def check(self) -> None:
        os.makedirs(self.root, exist_ok=True)
        if not os.access(self.root, os.W_OK):
            raise StorageError(f"{self.root} is not writable")

    def image_uri(self, key: str) -> str:
        """An address WeasyPrint may read (a file:// URI under MEDIA_DIR)."""
        return Path(self.path(key)).resolve().as_uri()


class S3Storage:
    """Objects in an S3-compatible bucket (AWS, MinIO, Ceph, Garage, moto in the tests) through boto3."""

    kind = "s3"

    def __init__(self, bucket: str, *, endpoint_url: str = "", region: str = "", public_url: str = "",
                 presign_seconds: int = 3600, prefix: str = ""):
        import boto3
        from botocore.config import Config as BotoConfig
        self.bucket = bucket
        self.public_url = public_url.rstrip("/")
        self.presign_seconds = presign_seconds
        self.prefix = prefix.strip("/")
        # Credentials come from the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) or an instance role.
        self.client = boto3.client(
            "s3", endpoint_url=endpoint_url or None, region_name=region or None,
            config=BotoConfig(connect_timeout=3, read_timeout=10, retries={"max_attempts": 3, "mode": "standard"},
                              s3={"addressing_style": "path"}, signature_version="s3v4"))

    def _key(self, key: str) -> str:
        key = _safe_key(key)
        return f"{self.prefix}/{key}" if self.prefix else key

    def put(self, key: str, data: bytes, content_type: str | None = None) -> None:
        self.client.put_object(Bucket=self.bucket, Key=self._key(key), Body=data,
                               ContentType=content_type or _content_type(key),
                               CacheControl="public, max-age=604800")

    def get(self, key: str) -> bytes | None:
        from botocore.exceptions import ClientError
        try:
            return self.client.get_object(Bucket=self.bucket, Key=self._key(key))["Body"].read()
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in ("NoSuchKey", "404"):
                return None
            raise

    def exists(self, key: str) -> bool:
        from botocore.exceptions import ClientError
        try:
            self.client.head_object(Bucket=self.bucket, Key=self._key(key))
            return True
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in ("NoSuchKey", "404", "NotFound"):
                return False
            raise

    def delete(self, key: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=self._key(key))

    def check(self) -> None:
        self.client.head_bucket(Bucket=self.bucket)

    def url(self, key: str) -> str:
        """The public URL when the bucket is public, else a presigned GET valid presign_seconds."""
        if self.public_url:
            return f"{self.public_url}/{self._key(key)}"
        return self.client.generate_presigned_url("get_object", Params={"Bucket": self.bucket, "Key": self._key(key)},
                                                  ExpiresIn=self.presign_seconds)

    def image_uri(self, key: str) -> str:
        """The image inline (data: URI), so that the PDF renderer fetches nothing over the network."""
        data = self.get(key)
        if data is None:
            return ""
        return f"data:{_content_type(key)};base64,{base64.b64encode(data).decode('ascii')}"


def make_storage(config) -> LocalStorage | S3Storage:
    if config.get("S3_BUCKET"):
        return S3Storage(config["S3_BUCKET"], endpoint_url=config.get("S3_ENDPOINT_URL", ""),
                         region=config.get("S3_REGION", ""), public_url=config.get("S3_PUBLIC_URL", ""),
                         presign_seconds=int(config.get("S3_PRESIGN_SECONDS", 3600)),
                         prefix=config.get("S3_PREFIX", ""))
    return LocalStorage(config["MEDIA_DIR"])


def init_app(app: Flask) -> None:
    app.extensions["storage"] = make_storage(app.config)


def storage() -> LocalStorage | S3Storage:
    return current_app.extensions["storage"]
