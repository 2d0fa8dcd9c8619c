"""Widgets of the workshop app."""
