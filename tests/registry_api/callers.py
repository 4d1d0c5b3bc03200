"""The caller the generic tests over every operation use: a superuser, except at the doors
only a partner key opens (a key's own webhooks), where a partner key calls instead. Either
way, permissions never stand before the check a test makes."""

from django.contrib.auth.models import User
from rest_framework.test import APIClient

from registry_api.credit.models import Department
from registry_api.credit.reference_data import load_credit_reference
from registry_api.partners import services as key_services
from tests.partners.conftest import key_client

# Paths a superuser is refused at: partner-key-only operations (registry_api/subscriptions).
PARTNER_ONLY = ("/api/v1/subscriptions/",)


class EveryDoorClient:
    """Dispatches each request to the superuser's or the partner key's client by its path."""

    def __init__(self) -> None:
        self.staff = APIClient()
        self.staff.force_authenticate(User.objects.create_superuser("root", password="x"))
        load_credit_reference()
        _, plain = key_services.key_issue(
            department=Department.objects.order_by("code").first(),
            name="通用测试接口",
            scopes=["read", "subscriptions"],
        )
        self.partner = key_client(plain)

    def client_for(self, path: str) -> APIClient:
        return self.partner if path.startswith(PARTNER_ONLY) else self.staff

    def get(self, path, *args, **kwargs):
        return self.client_for(path).get(path, *args, **kwargs)

    def post(self, path, *args, **kwargs):
        return self.client_for(path).post(path, *args, **kwargs)

    def put(self, path, *args, **kwargs):
        return self.client_for(path).put(path, *args, **kwargs)

    def patch(self, path, *args, **kwargs):
        return self.client_for(path).patch(path, *args, **kwargs)

    def generic(self, method, path, *args, **kwargs):
        return self.client_for(path).generic(method, path, *args, **kwargs)
