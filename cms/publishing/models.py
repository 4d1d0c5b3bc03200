"""A record of each static-site build, so builds can be coalesced and inspected."""

from django.db import models


class SiteBuild(models.Model):
    class Status(models.TextChoices):
        RUNNING = "running", "进行中"
        SUCCEEDED = "succeeded", "成功"
        FAILED = "failed", "失败"

    started_at = models.DateTimeField("开始时间", db_index=True)
    finished_at = models.DateTimeField("结束时间", null=True, blank=True)
    status = models.CharField("状态", max_length=16, choices=Status.choices)
    output = models.CharField("输出目录", max_length=255, blank=True)
    log = models.TextField("日志", blank=True)
    # The process that runs it (the worker, or run_platform for its first build): a worker
    # starting up closes the RUNNING builds of dead processes only (recovery.py).
    runner_pid = models.PositiveIntegerField("构建进程号", null=True, blank=True)

    class Meta:
        verbose_name = "静态站点构建"
        verbose_name_plural = "静态站点构建"
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.started_at:%Y-%m-%d %H:%M:%S} {self.get_status_display()}"

    @property
    def seconds(self) -> float | None:
        if self.finished_at is None:
            return None
        return (self.finished_at - self.started_at).total_seconds()
