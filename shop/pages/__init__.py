"""Content pages the office writes: About OCOP, Shipping and returns, Privacy, Terms."""
