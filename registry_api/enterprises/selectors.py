"""Reads of the enterprise directory."""

from django.db.models import QuerySet

from .models import District, Enterprise


def district_list() -> QuerySet[District]:
    return District.objects.all()


def enterprise_list() -> QuerySet[Enterprise]:
    return Enterprise.objects.select_related("district")
