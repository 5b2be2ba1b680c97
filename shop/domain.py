"""The one shape of a broken rule: DomainError(code, **params). Each domain derives its own class
(CartError, OrderError, ...) so callers can catch one domain's errors; shop.messages turns any of
them into a sentence in the reader's language. Imports nothing from the shop."""
from __future__ import annotations

from typing import ClassVar


class DomainError(Exception):
    """A rule was broken; code says which, params fill the reader's message."""

    domain: ClassVar[str] = "shop"

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code = code
        self.params = params

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.code!r}, **{self.params!r})"
