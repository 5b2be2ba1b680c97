"""The bare hello-world Flask app: the ceiling the shop's pages are measured against.

gunicorn --chdir bench hello:app
"""
from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello():
    return "<!doctype html><title>Hello</title><p>Hello, world!</p>"
