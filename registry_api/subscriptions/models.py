"""A partner's webhook subscriptions, the deliveries of events to them, and each attempt."""

import uuid

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models

from core.model_fields import created_at_field, updated_at_field
from registry_api.enterprises import credit_code
from registry_api.enterprises.models import Enterprise
from registry_api.partners.models import PartnerKey

from .targets import target_problem
from .topics import Topic

MAX_WATCHED_CODES = 1000
# Kept short: a receiver's error page is not ours to store.
ERROR_LENGTH = 300

_web_url = URLValidator(
    schemes=["http", "https"], message="请填写以 http:// 或 https:// 开头的有效网址。"
)


def watch_list_problems(codes, known: set[str]) -> dict[str, str]:
    """{code: problem} for each code of a watch list that is malformed or names no enterprise
    of the directory; the message for a malformed code is the one the credit import gives."""
    problems = {}
    for code in codes:
        problem = credit_code.find_problem(code)
        if problem is not None:
            problems[code] = problem.message
        elif code not in known:
            problems[code] = f"企业名录中没有统一社会信用代码为 {code} 的企业。"
    return problems


class Subscription(models.Model):
    """One client's webhook: where to POST, which registries, optionally which enterprises.

    The secret signs every delivery (HMAC-SHA256); it must be stored in the clear to sign, is
    shown once when the subscription is created, and never again (not in the admin, not in
    the audit log, which leaves out fields named `secret`).
    """

    key = models.ForeignKey(
        PartnerKey, on_delete=models.CASCADE, related_name="subscriptions", verbose_name="API 密钥"
    )
    name = models.CharField("名称", max_length=100, blank=True, help_text="如“授信客户名单”")
    target_url = models.CharField(
        "接收地址",
        max_length=500,
        blank=True,
        help_text="接收事件的 http(s) 地址，将以 POST 发送 JSON",
    )
    secret = models.CharField("签名密钥", max_length=64, editable=False)
    # blank=True: clean() gives the one message for an empty value, not Django's generic one.
    topics = models.JSONField("订阅的登记簿", default=list, blank=True)
    credit_codes = models.JSONField(
        "关注的企业", default=list, blank=True, help_text="统一社会信用代码列表；留空为整个登记簿"
    )
    active = models.BooleanField("启用", default=True)
    created_at = created_at_field()
    updated_at = updated_at_field()

    class Meta:
        verbose_name = "变更订阅"
        verbose_name_plural = "变更订阅"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.name or f"订阅 #{self.pk}"

    @property
    def topics_display(self) -> str:
        labels = dict(Topic.choices)
        return "、".join(str(labels.get(topic, topic)).split("（")[0] for topic in self.topics)

    @property
    def watch_count(self) -> int:
        return len(self.credit_codes)

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # The URL as stored was checked when it was set; see clean().
        instance._stored_target_url = instance.__dict__.get("target_url")
        return instance

    def watches(self, topic: str, code: str) -> bool:
        """Whether an event of `topic` about the enterprise `code` is for this subscription."""
        return topic in self.topics and (not self.credit_codes or code in self.credit_codes)

    def clean(self) -> None:
        errors = {}
        try:
            _web_url(self.target_url)
        except ValidationError as error:
            errors["target_url"] = error.messages
        else:
            # Only a new or changed URL is resolved: deactivating a subscription or editing
            # its watch list must not depend on the receiver's DNS answering right now. The
            # worker checks the address again at every delivery (targets.py).
            if self.target_url != getattr(self, "_stored_target_url", None):
                problem = target_problem(self.target_url)
                if problem is not None:
                    errors["target_url"] = [problem]
        if not isinstance(self.topics, list) or not self.topics:
            errors["topics"] = "请至少选择一个登记簿。"
        else:
            unknown = [t for t in self.topics if t not in Topic.values]
            if unknown:
                errors["topics"] = f"没有这个登记簿：{'、'.join(map(str, unknown))}。"
            else:
                self.topics = [t for t in Topic.values if t in self.topics]  # stored in order
        codes = self.credit_codes
        if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
            errors["credit_codes"] = "请以统一社会信用代码列表填写关注的企业。"
        elif len(set(codes)) > MAX_WATCHED_CODES:
            errors["credit_codes"] = (
                f"一个订阅最多关注 {MAX_WATCHED_CODES} 家企业，当前为 {len(set(codes))} 家。"
            )
        else:
            self.credit_codes = sorted({code.strip().upper() for code in codes})
            problems = watch_list_problems(self.credit_codes, self._known_codes())
            if problems:
                errors["credit_codes"] = [
                    f"{code}：{message}" for code, message in problems.items()
                ]
        if errors:
            raise ValidationError(errors)

    def _known_codes(self) -> set[str]:
        return set(
            Enterprise.objects.filter(credit_code__in=self.credit_codes).values_list(
                "credit_code", flat=True
            )
        )


class Delivery(models.Model):
    """One event for one subscription: its payload as sent, and where its sending stands."""

    class State(models.TextChoices):
        PENDING = "pending", "待发送"
        DELIVERED = "delivered", "已送达"
        FAILED = "failed", "发送失败（将重试）"
        GIVEN_UP = "given_up", "已放弃"

    # Written on every attempt; nothing in pages links here.
    wagtail_reference_index_ignore = True

    uuid = models.UUIDField("投递编号", default=uuid.uuid4, unique=True, editable=False)
    subscription = models.ForeignKey(
        Subscription, on_delete=models.CASCADE, related_name="deliveries", verbose_name="订阅"
    )
    event_id = models.UUIDField("事件编号", db_index=True)
    event_type = models.CharField("事件类型", max_length=40)
    topic = models.CharField("登记簿", max_length=32, choices=Topic.choices)
    credit_code = models.CharField("企业统一社会信用代码", max_length=18, blank=True, db_index=True)
    payload = models.JSONField("内容")
    state = models.CharField(
        "状态", max_length=16, choices=State.choices, default=State.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField("已尝试次数", default=0)
    next_attempt_at = models.DateTimeField("下次尝试时间", null=True, blank=True)
    last_status_code = models.PositiveSmallIntegerField("最近响应状态码", null=True, blank=True)
    last_error = models.CharField("最近错误", max_length=ERROR_LENGTH, blank=True)
    delivered_at = models.DateTimeField("送达时间", null=True, blank=True)
    created_at = created_at_field()

    class Meta:
        verbose_name = "事件投递"
        verbose_name_plural = "事件投递"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.event_type} → {self.subscription_id}（{self.get_state_display()}）"


class DeliveryAttempt(models.Model):
    """One POST of a delivery: when, what the receiver answered, how long it took."""

    wagtail_reference_index_ignore = True

    delivery = models.ForeignKey(
        Delivery, on_delete=models.CASCADE, related_name="attempt_log", verbose_name="投递"
    )
    number = models.PositiveSmallIntegerField("第几次")
    at = models.DateTimeField("时间")
    status_code = models.PositiveSmallIntegerField("响应状态码", null=True, blank=True)
    error = models.CharField("错误", max_length=ERROR_LENGTH, blank=True)
    duration_ms = models.PositiveIntegerField("耗时（毫秒）", default=0)
    replay = models.BooleanField("手动重新发送", default=False)

    class Meta:
        verbose_name = "投递尝试"
        verbose_name_plural = "投递尝试"
        ordering = ["delivery", "number"]

    def __str__(self) -> str:
        return f"第 {self.number} 次：{self.status_code or self.error}"
