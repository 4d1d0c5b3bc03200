"""Partner departments' API keys (court, police, tax …) and import rows held for review."""

from django.db import models
from django.utils import timezone

from registry_api.credit.models import Department


class Scope(models.TextChoices):
    """What a key may do; a key holds one or more."""

    CREDIT_RECORDS_WRITE = "credit_records:write", "报送信用记录（credit_records:write）"
    READ = "read", "只读（read）"


class PartnerKey(models.Model):
    """One department's API key; only a hash of the secret is stored, never the key itself.

    The key is a random 32-byte token, so a plain SHA-256 of it cannot be brute-forced; a slow
    password hash (PBKDF2) would only add milliseconds to every API request. See
    `registry_api/partners/services.py` for issuing.
    """

    PREFIX_LENGTH = 8

    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, related_name="partner_keys", verbose_name="部门"
    )
    name = models.CharField("名称", max_length=100, help_text="如“法院执行信息系统”")
    prefix = models.CharField(
        "密钥前缀",
        max_length=PREFIX_LENGTH,
        unique=True,
        editable=False,
        help_text="密钥的前8位，用于识别密钥；完整密钥只在签发时显示一次",
    )
    secret_hash = models.CharField("密钥摘要", max_length=64, editable=False)
    scopes = models.JSONField("权限范围", default=list)
    rate = models.PositiveIntegerField(
        "每分钟请求上限", default=120, help_text="超过后返回 429 并告知重试时间"
    )
    expires_at = models.DateTimeField("过期时间", null=True, blank=True, help_text="留空为长期有效")
    revoked_at = models.DateTimeField("撤销时间", null=True, blank=True, editable=False)
    created_at = models.DateTimeField("签发时间", auto_now_add=True)
    last_used_at = models.DateTimeField("最近使用时间", null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "合作部门 API 密钥"
        verbose_name_plural = "合作部门 API 密钥"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.department.name if self.department_id else '?'}·{self.prefix}"

    @property
    def audit_label(self) -> str:
        """How the audit log names this key as an actor: department, key prefix and name."""
        return f"API 密钥 {self}（{self.name}）"

    @property
    def scopes_display(self) -> str:
        return "、".join(self.scopes)

    def has_scope(self, scope: str) -> bool:
        return scope in self.scopes

    def is_expired(self, now=None) -> bool:
        return self.expires_at is not None and self.expires_at <= (now or timezone.now())

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None


class ReviewItem(models.Model):
    """An imported row held back for a clerk to review (e.g. a credit code failing its check)."""

    class Status(models.TextChoices):
        PENDING = "pending", "待复核"
        DONE = "done", "已处理"

    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, related_name="review_items", verbose_name="部门"
    )
    key = models.ForeignKey(
        PartnerKey,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="review_items",
        verbose_name="报送密钥",
    )
    row_number = models.PositiveIntegerField("批次中的行号")
    decision_number = models.CharField("决定文书号", max_length=100, blank=True)
    credit_code = models.CharField("统一社会信用代码（原样）", max_length=64, blank=True)
    raw_row = models.JSONField("原始数据")
    reason = models.TextField("原因")
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.PENDING)
    note = models.TextField("处理说明", blank=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    class Meta:
        verbose_name = "待复核数据"
        verbose_name_plural = "待复核数据"
        ordering = ["-created_at", "id"]

    def __str__(self) -> str:
        return f"{self.department}·{self.decision_number or self.credit_code}"
