"""The shopping cart: rows keyed by an anonymous token kept in the signed session cookie."""
