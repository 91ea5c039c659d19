"""Trede: the offline working file for re-integration caseworkers."""

__version__ = "0.1.0"
APP_NAME = "Trede"
