"""Offline newsroom translation: segment an article, catalog it, translate, render."""

__version__ = "0.1.0"
