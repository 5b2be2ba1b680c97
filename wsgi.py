"""WSGI entry point: gunicorn wsgi:app, flask --app wsgi ..."""
import sys

from shop import create_app, server_process

app = create_app()
if "gunicorn" in sys.modules:  # an app server: build now what the first requests would (shop/server_process.py)
    server_process.prepare(app)
