"""The quarterly assessment (考核评估) of stations and people: rules as data, scores computed.

A rule names a metric computed in code (`metrics.py`), a weight, a target and how the value
maps to points; staff edit rules in the admin, `content/reference/assessment_rules.csv`
loads the starting set. `services.assess(quarter)` replaces the quarter's Score rows, one
per station and per filed person, each with a line per active rule.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models

from core.model_fields import capped_text_field
from core.models import Timestamped
from registry_api.enterprises.models import District
from registry_api.network.models import Person, Station, optional_place_field


class Subject(models.TextChoices):
    STATION = "station", "服务站"
    PERSON = "person", "人员"


class Metric(models.TextChoices):
    COMPLAINTS_RECEIVED = "complaints_received", "受理投诉举报（件）"
    SETTLED_AT_STATION = "settled_at_station", "小案不出村：本站办结率（%）"
    SETTLED_ON_TIME = "settled_on_time", "按期办结率（%）"
    ESCALATIONS = "escalations", "上报上级单位（件）"
    TRAININGS_COMPLETED = "trainings_completed", "完成培训（人次）"
    INSPECTIONS_DONE = "inspections_done", "监督检查（次）"
    BOARDS_CHECKED = "boards_checked", "检查宣传阵地（处）"


# Which subject each metric can be computed for.
METRIC_SUBJECTS = {
    Metric.COMPLAINTS_RECEIVED: {Subject.STATION},
    Metric.SETTLED_AT_STATION: {Subject.STATION},
    Metric.SETTLED_ON_TIME: {Subject.STATION},
    Metric.ESCALATIONS: {Subject.STATION},
    Metric.TRAININGS_COMPLETED: {Subject.STATION, Subject.PERSON},
    Metric.INSPECTIONS_DONE: {Subject.STATION, Subject.PERSON},
    Metric.BOARDS_CHECKED: {Subject.STATION},
}


class Scoring(models.TextChoices):
    AT_LEAST = "at_least", "达到目标得满分，未达按比例得分"
    AT_MOST = "at_most", "不超过目标得满分，超出按比例减分"


class AssessmentRule(Timestamped):
    """One line of the assessment: a metric, its weight (points), target and scoring."""

    code = models.SlugField("代码", max_length=40, unique=True)
    label = models.CharField("考核项目", max_length=100)
    applies_to = models.CharField("考核对象", max_length=10, choices=Subject.choices)
    metric = models.CharField("指标", max_length=24, choices=Metric.choices)
    weight = models.DecimalField(
        "分值", max_digits=5, decimal_places=1, validators=[MinValueValidator(Decimal(0))]
    )
    target = models.DecimalField(
        "目标值", max_digits=7, decimal_places=1, validators=[MinValueValidator(Decimal(0))]
    )
    scoring = models.CharField("计分方式", max_length=10, choices=Scoring.choices)
    active = models.BooleanField("启用", default=True)
    sort_order = models.PositiveSmallIntegerField("顺序", default=0)
    description = capped_text_field("说明", 1000, blank=True)

    class Meta:
        verbose_name = "考核规则"
        verbose_name_plural = "考核规则"
        ordering = ["applies_to", "sort_order", "code"]

    def __str__(self) -> str:
        return self.label

    def clean(self) -> None:
        if self.metric and self.applies_to:
            allowed = METRIC_SUBJECTS.get(self.metric, set())
            if self.applies_to not in allowed:
                metric, subject = self.get_metric_display(), self.get_applies_to_display()
                raise ValidationError({"metric": f"“{metric}”不能用于考核{subject}。"})


class Score(Timestamped):
    """A station's or a person's assessment for a quarter: the total of its lines."""

    quarter = models.CharField("季度", max_length=6, db_index=True, help_text="如 2026Q4")
    station = optional_place_field(Station, "scores", "服务站", on_delete=models.CASCADE)
    person = optional_place_field(Person, "scores", "人员", on_delete=models.CASCADE)
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="assessment_scores", verbose_name="街镇"
    )
    total = models.DecimalField("总分", max_digits=6, decimal_places=2)
    full_marks = models.DecimalField("满分", max_digits=6, decimal_places=2)

    class Meta:
        verbose_name = "考核得分"
        verbose_name_plural = "考核得分"
        ordering = ["-quarter", "district__code", "-total", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(station__isnull=False, person__isnull=True)
                | models.Q(station__isnull=True, person__isnull=False),
                name="score_of_station_or_person",
            ),
            models.UniqueConstraint(fields=["quarter", "station"], name="one_score_per_station"),
            models.UniqueConstraint(fields=["quarter", "person"], name="one_score_per_person"),
        ]

    def __str__(self) -> str:
        return f"{self.quarter} {self.station or self.person}：{self.total}"

    @property
    def subject(self):
        return self.station or self.person


class ScoreLine(models.Model):
    """One rule's value and points in a Score (the rule's label and numbers copied, so a
    later edit of the rule does not rewrite past quarters' reports)."""

    score = models.ForeignKey(
        Score, on_delete=models.CASCADE, related_name="lines", verbose_name="考核得分"
    )
    rule = models.ForeignKey(
        AssessmentRule,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="考核规则",
    )
    rule_code = models.CharField("规则代码", max_length=40)
    label = models.CharField("考核项目", max_length=100)
    metric = models.CharField("指标", max_length=24, choices=Metric.choices)
    value = models.DecimalField(
        "指标值",
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="空：本季度不适用",
    )
    target = models.DecimalField("目标值", max_digits=7, decimal_places=1)
    weight = models.DecimalField("分值", max_digits=5, decimal_places=1)
    points = models.DecimalField("得分", max_digits=6, decimal_places=2)

    class Meta:
        verbose_name = "得分明细"
        verbose_name_plural = "得分明细"
        ordering = ["score", "id"]

    def __str__(self) -> str:
        return f"{self.label}：{self.points}"
