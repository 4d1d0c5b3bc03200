"""Partner departments' API keys (court, police, tax …), their batch imports, held rows."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from core.model_fields import created_at_field, optional_user
from registry_api.credit.models import Department


class Scope(models.TextChoices):
    """What a key may do; a key holds one or more."""

    CREDIT_RECORDS_WRITE = "credit_records:write", "报送信用记录（credit_records:write）"
    READ = "read", "只读（read）"
    # Webhooks make our task worker send requests to the key holder's URL: granted on
    # purpose, never with another scope (registry_api/subscriptions/targets.py).
    SUBSCRIPTIONS = "subscriptions", "变更订阅（subscriptions）"
    # A bank's keys (PartnerKey.bank): its own loan products, its answers to financing needs.
    LOAN_PRODUCTS_WRITE = "loan_products:write", "发布本行贷款产品（loan_products:write）"
    FINANCING_ANSWERS_WRITE = "financing_answers:write", "答复融资需求（financing_answers:write）"


BANK_SCOPES = (Scope.LOAN_PRODUCTS_WRITE, Scope.FINANCING_ANSWERS_WRITE)


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
    bank = models.CharField(
        "所属银行",
        max_length=100,
        blank=True,
        help_text="银行的密钥必填：与贷款产品上的银行名称一致，如“内蒙古银行赤峰分行”；"
        "该密钥只能发布和修改本行的贷款产品、以本行名义答复融资需求",
    )
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
    created_at = created_at_field("签发时间")
    last_used_at = models.DateTimeField("最近使用时间", null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "合作部门 API 密钥"
        verbose_name_plural = "合作部门 API 密钥"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        holder = self.bank or (self.department.name if self.department_id else "?")
        return f"{holder}·{self.prefix}"

    def clean(self) -> None:
        super().clean()
        self.bank = (self.bank or "").strip()
        scopes = self.scopes if isinstance(self.scopes, list) else []
        bank_scopes = [scope for scope in scopes if scope in BANK_SCOPES]
        if bank_scopes and not self.bank:
            raise ValidationError(
                {
                    "bank": "银行的密钥（loan_products:write、financing_answers:write）"
                    "须填写所属银行。"
                }
            )
        if self.bank and Scope.CREDIT_RECORDS_WRITE in scopes:
            raise ValidationError(
                {
                    "scopes": "银行的密钥不能报送信用记录（credit_records:write），"
                    "请为部门另行签发密钥。"
                }
            )

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


class CreditImport(models.Model):
    """One batch import of credit records: its rows until written, its progress and its report.

    Validated first (reads only), then written in bounded transactions; `rows_written` moves
    in the same transaction as the rows, so a retry resumes where the last commit ended. See
    docs/decisions/0015-imports-validate-then-write-in-bounded-transactions.md.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "排队中"
        VALIDATING = "validating", "校验中"
        WRITING = "writing", "写入中"
        INTERRUPTED = "interrupted", "已中断（重新提交同一批即可续写）"
        DONE = "done", "已完成"
        REJECTED = "rejected", "整批未写入"

    UNFINISHED = (Status.QUEUED, Status.VALIDATING, Status.WRITING, Status.INTERRUPTED)
    # Progress is saved once per chunk; Wagtail's reference index has nothing to find here.
    wagtail_reference_index_ignore = True

    key = models.ForeignKey(
        PartnerKey,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="imports",
        verbose_name="报送密钥",
    )
    user = optional_user("提交用户", related_name="credit_imports")
    mode = models.CharField("模式", max_length=16)
    dry_run = models.BooleanField("试运行", default=False)
    idempotency_key = models.CharField("幂等键", max_length=64, blank=True)
    content_hash = models.CharField("内容摘要", max_length=64, db_index=True)
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.QUEUED)
    background = models.BooleanField("后台执行", default=False)
    rows_total = models.PositiveIntegerField("总行数", default=0)
    rows_validated = models.PositiveIntegerField("已校验行数", default=0)
    rows_to_write = models.PositiveIntegerField("待写入行数", default=0)
    rows_written = models.PositiveIntegerField("已写入行数", default=0)
    longest_write_ms = models.PositiveIntegerField(
        "最长写入事务（毫秒）", default=0, help_text="每个写入事务持有写锁的最长时间"
    )
    report = models.JSONField("导入报告", null=True, blank=True)
    problem = models.TextField("中断原因", blank=True)
    created_at = created_at_field("提交时间")
    updated_at = models.DateTimeField("最近进展", auto_now=True)
    finished_at = models.DateTimeField("完成时间", null=True, blank=True)

    class Meta:
        verbose_name = "信用记录批量导入"
        verbose_name_plural = "信用记录批量导入"
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["key", "idempotency_key"],
                condition=~models.Q(idempotency_key=""),
                name="credit_import_key_idempotency",
            ),
            models.UniqueConstraint(
                fields=["user", "idempotency_key"],
                condition=~models.Q(idempotency_key=""),
                name="credit_import_user_idempotency",
            ),
        ]

    def __str__(self) -> str:
        return f"导入 {self.pk}（{self.get_status_display()}）"


class CreditImportBatch(models.Model):
    """What an import carries until it is written: its rows and its write plan, apart from
    its progress. SQLite rewrites a whole row on every UPDATE, overflow pages included: when
    the progress saved after each chunk shared a row with a 5,000-row batch, each save wrote
    megabytes inside the write transaction (up to 300 ms of the lock). Deleted when the
    import ends; the report keeps what became of each row."""

    credit_import = models.OneToOneField(
        CreditImport,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="batch",
        verbose_name="所属导入",
    )
    rows = models.TextField("原始行（JSON）", default="[]")
    plan = models.JSONField("写入计划", default=list, help_text="[[行号, created|updated|flagged]]")
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = "导入批次内容"
        verbose_name_plural = "导入批次内容"

    def __str__(self) -> str:
        return f"导入 {self.credit_import_id} 的批次"


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
    created_at = created_at_field()
    # The import that held the row: a resumed import finds the rows it already flagged.
    credit_import = models.ForeignKey(
        CreditImport,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="review_items",
        verbose_name="所属导入",
    )

    class Meta:
        verbose_name = "待复核数据"
        verbose_name_plural = "待复核数据"
        ordering = ["-created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["credit_import", "row_number"], name="review_item_once_per_import_row"
            )
        ]

    def __str__(self) -> str:
        return f"{self.department}·{self.decision_number or self.credit_code}"
