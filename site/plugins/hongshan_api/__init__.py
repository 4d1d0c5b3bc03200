"""Pelican plugin: build the public site from the platform's public HTTP APIs."""

from pelican import signals

from .generator import PublicSiteGenerator


def get_generators(pelican):
    return PublicSiteGenerator


def register():
    signals.get_generators.connect(get_generators)
