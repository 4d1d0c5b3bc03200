"""The official calendar's exceptions to "Monday to Friday": holidays and make-up working days.

Every year the State Council publishes which weekdays are holidays (放假) and which weekend
days are worked instead (调休上班). Legal time limits counted in working days (complaints,
credit publicity) need both; they are data (content/reference/holidays.csv), not code.
"""

from django.db import models


class CalendarDay(models.Model):
    class Kind(models.TextChoices):
        HOLIDAY = "holiday", "放假"
        WORKDAY = "workday", "调休上班"

    date = models.DateField("日期", unique=True)
    kind = models.CharField("类型", max_length=10, choices=Kind.choices)
    name = models.CharField("说明", max_length=50, help_text="如：春节、国庆节调休上班")

    class Meta:
        verbose_name = "节假日安排"
        verbose_name_plural = "节假日安排"
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.get_kind_display()}（{self.name}）"
