"""Checkout, orders, their statuses and stock, and the mails they send."""
