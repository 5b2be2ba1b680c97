"""WSGI entry point: gunicorn wsgi:app, flask --app wsgi ..."""
from shop import create_app, worker_gc

app = create_app()
worker_gc.install(app)  # a server process: keep the garbage collector off the app (see shop/worker_gc.py)
