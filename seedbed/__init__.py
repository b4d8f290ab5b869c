"""Seedbed: a self-hostable community-stewardship system."""

__version__ = "0.1.0"
