"""The outbox: every mail is a row written in the same transaction as the change that causes it;
the worker (shop/jobs.py) renders and sends it after the commit."""
