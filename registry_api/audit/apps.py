"""App config for the audit log of registry data (审计日志)."""

from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "registry_api.audit"
    label = "audit"
    verbose_name = "审计日志"

    def ready(self) -> None:
        from .signals import connect_audit_signals

        # Runs after every app is loaded, so the partners app is found if it is installed.
        connect_audit_signals()
