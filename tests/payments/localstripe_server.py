"""Runs localstripe, a fake Stripe API, on a listening socket that the test fixture hands over.

Started as `python localstripe_server.py FD`. Compared with `localstripe --from-scratch`:
it listens only where the fixture bound (127.0.0.1, a free port) instead of every interface,
and keeps its state in memory instead of the shared /tmp/localstripe.pickle, so two test runs
never see each other's objects.
"""
from __future__ import annotations

import socket
import sys

from aiohttp import web
from localstripe import resources, server

resources.Store.dump_to_disk = lambda self: None
resources.Store.try_load_from_disk = lambda self: None

_payment_intent_init = resources.PaymentIntent.__init__


def _payment_intent_with_newer_fields(self, automatic_payment_methods=None, description=None, **kwargs):
    # localstripe predates these PaymentIntent fields; accept them and keep them so tests can read them back.
    _payment_intent_init(self, **kwargs)
    self.automatic_payment_methods = automatic_payment_methods
    self.description = description


resources.PaymentIntent.__init__ = _payment_intent_with_newer_fields


def main() -> None:
    sock = socket.socket(fileno=int(sys.argv[1]))
    web.run_app(server.app, sock=sock, print=None, access_log=None, handle_signals=True)


if __name__ == "__main__":
    main()
