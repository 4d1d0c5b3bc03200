"""The audit log of registry data: one row per create, update or delete, with who and when."""

from django.apps import apps
from django.db import models

from core.model_fields import optional_user


class AuditEntry(models.Model):
    """One change of one registry row: the actor, the action and the row before and after.

    The actor is kept twice: a nullable link to the user (for filtering while the account
    exists) and a label that survives the user's or the key's deletion. `before` and `after`
    are JSON-safe snapshots of the row's concrete fields (secrets left out); they hold personal
    data, so they are shown only in the admin to auditors and never leave through the API.
    """

    # Nothing links to audit entries; without this, every audited save queued one Wagtail
    # reference-index task (5,000 of them after a 5,000-row import, ahead of site builds).
    wagtail_reference_index_ignore = True

    class ActorType(models.TextChoices):
        USER = "user", "用户"
        API_KEY = "api_key", "API 密钥"
        ANONYMOUS = "anonymous", "公众（未登录）"
        SYSTEM = "system", "系统"

    class Action(models.TextChoices):
        CREATE = "create", "新增"
        UPDATE = "update", "修改"
        DELETE = "delete", "删除"

    at = models.DateTimeField("时间", db_index=True)
    actor_type = models.CharField("操作者类型", max_length=16, choices=ActorType.choices)
    actor_user = optional_user("操作用户")
    actor_label = models.CharField("操作者", max_length=200, db_index=True)
    action = models.CharField("操作", max_length=16, choices=Action.choices)
    app_label = models.CharField("应用", max_length=100)
    model_name = models.CharField("数据类型", max_length=100)
    object_pk = models.CharField("主键", max_length=64)
    object_key = models.CharField(
        "公开标识",
        max_length=64,
        help_text="公开接口使用的标识：企业为统一社会信用代码，其余为主键",
    )
    object_repr = models.CharField("对象", max_length=255)
    before = models.JSONField("修改前", null=True, blank=True)
    after = models.JSONField("修改后", null=True, blank=True)
    changed_fields = models.JSONField("变更字段", default=list, blank=True)
    request_id = models.CharField("请求编号", max_length=64, blank=True)
    path = models.CharField("请求路径", max_length=255, blank=True)

    class Meta:
        verbose_name = "审计日志"
        verbose_name_plural = "审计日志"
        ordering = ["-at", "-id"]
        # Entries are written by the signal handlers only: no add/change/delete permissions.
        default_permissions = ("view",)
        indexes = [
            models.Index(fields=["app_label", "model_name", "object_pk"]),
            models.Index(fields=["action", "app_label", "model_name", "at"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.object_repr}"

    @property
    def model_label(self) -> str:
        return f"{self.app_label}.{self.model_name}"

    def model_verbose_name(self) -> str:
        try:
            return str(apps.get_model(self.app_label, self.model_name)._meta.verbose_name)
        except LookupError:
            return self.model_label

    model_verbose_name.short_description = "数据类型"
