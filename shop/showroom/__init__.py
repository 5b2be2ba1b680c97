"""Showroom tools: the public certificate check, QR codes, printable catalog and labels, the kiosk."""
