"""Receivers the platform will not send to (server-side request forgery): refused at creation
with a Chinese field error, checked again at delivery on the address connected to; and the
`subscriptions` scope a key needs to use the API at all.

The suite's settings allow private targets (its receivers are on 127.0.0.1); these tests turn
the check back on. There is no DNS server here: where a name must resolve to a chosen
address, `targets.lookup` (the getaddrinfo call) is replaced; everything around it is real.
"""

import importlib
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.apps import apps

from registry_api.partners.models import PartnerKey, Scope
from registry_api.subscriptions import services, targets
from registry_api.subscriptions.models import Delivery, DeliveryAttempt, Subscription
from tests.subscriptions.conftest import partner_client, send_due

URL = "/api/v1/subscriptions/"
PUBLIC_IP = "93.184.215.14"
NAME = "hooks.bank.example"


@pytest.fixture
def checked(settings):
    """The production rule: private and loopback receivers refused."""
    settings.SUBSCRIPTION_ALLOW_PRIVATE_TARGETS = False


class Resolver:
    """What the name service answers now (`resolver.answers[name] = [addresses]`), and every
    name it was asked for (`resolver.asked`)."""

    def __init__(self):
        self.answers: dict[str, list[str]] = {}
        self.asked: list[str] = []

    def lookup(self, host: str, port: int) -> list[str]:
        self.asked.append(host)
        if host not in self.answers:
            raise OSError(f"unknown host {host}")
        return list(self.answers[host])


@pytest.fixture
def dns(monkeypatch) -> Resolver:
    resolver = Resolver()
    monkeypatch.setattr(targets, "lookup", resolver.lookup)
    return resolver


def subscribe_to(client, target_url):
    return client.post(
        URL,
        {"name": "授信客户", "target_url": target_url, "topics": ["enterprises"]},
        format="json",
    )


def field_error(answer) -> str:
    assert answer.status_code == 400, answer.content
    errors = answer.json()["error"]["fields"]
    assert list(errors) == ["target_url"]
    return " ".join(errors["target_url"])


@pytest.mark.parametrize(
    ("target_url", "reason"),
    [
        ("ftp://93.184.215.14/hook", "http:// 或 https://"),
        ("file:///etc/passwd", "http:// 或 https://"),
        ("http://user:secret@93.184.215.14/hook", "不能包含用户名或密码"),
        ("https://token@93.184.215.14/hook", "不能包含用户名或密码"),
        ("http://127.0.0.1:5432/", "本机回环地址 127.0.0.1"),
        ("http://127.8.9.10:6379/", "本机回环地址 127.8.9.10"),
        ("http://[::1]:8000/", "本机回环地址 ::1"),
        ("http://10.1.2.3/hook", "内网地址 10.1.2.3"),
        ("http://172.16.0.1/hook", "内网地址 172.16.0.1"),
        ("http://192.168.1.1/hook", "内网地址 192.168.1.1"),
        ("http://[fd12:3456::1]/hook", "内网地址 fd12:3456::1"),
        ("http://169.254.169.254/latest/meta-data/", "链路本地地址（含云服务器元数据地址"),
        ("http://[fe80::1]/hook", "链路本地地址"),
        ("http://224.0.0.1/hook", "组播地址 224.0.0.1"),
        ("http://[ff02::1]/hook", "组播地址 ff02::1"),
        ("http://240.0.0.1/hook", "保留地址 240.0.0.1"),
        ("http://0.0.0.0:6379/", "未指定地址 0.0.0.0"),
        ("http://[::]/", "未指定地址 ::"),
        ("http://100.64.0.1/hook", "运营商级 NAT 地址（100.64.0.0/10） 100.64.0.1"),
        ("http://[::ffff:127.0.0.1]/hook", "本机回环地址 127.0.0.1"),
        ("http://[::ffff:10.0.0.1]/hook", "内网地址 10.0.0.1"),
        ("http://[2002:a9fe:a9fe::]/hook", "链路本地地址"),  # 6to4 of 169.254.169.254
        ("http://192.0.2.10/hook", "非公网地址 192.0.2.10"),  # documentation range
    ],
)
def test_each_kind_of_address_is_refused_at_creation(checked, bank, target_url, reason):
    message = field_error(subscribe_to(bank, target_url))
    assert reason in message
    assert not Subscription.objects.exists()


def test_a_name_of_this_machine_is_refused(checked, bank):
    """`localhost` really resolved (from /etc/hosts), not a literal address."""
    assert "本机回环地址 127.0.0.1" in field_error(subscribe_to(bank, "http://localhost:8000/"))
    assert not Subscription.objects.exists()


def test_a_name_resolving_to_a_private_address_is_refused_even_beside_public_ones(
    checked, bank, dns
):
    dns.answers[NAME] = [PUBLIC_IP, "10.0.0.7"]  # every address is checked, not only the first
    assert "内网地址 10.0.0.7" in field_error(subscribe_to(bank, f"https://{NAME}/hooks"))
    dns.answers["metadata.bank.example"] = ["::ffff:169.254.169.254"]
    message = field_error(subscribe_to(bank, "https://metadata.bank.example/"))
    assert "链路本地地址" in message and "169.254.169.254" in message
    assert not Subscription.objects.exists()


def test_a_name_that_does_not_resolve_is_refused(checked, bank, dns):
    assert "无法解析接收地址的主机名 nowhere.bank.example" in field_error(
        subscribe_to(bank, "https://nowhere.bank.example/")
    )


def test_a_resolver_that_hangs_costs_the_request_at_most_the_budget(checked, bank, monkeypatch):
    released = threading.Event()

    def hanging_lookup(host, port):
        released.wait(10)
        return [PUBLIC_IP]

    monkeypatch.setattr(targets, "lookup", hanging_lookup)
    monkeypatch.setattr(targets, "RESOLVE_TIMEOUT_SECONDS", 0.3)
    started = time.monotonic()
    try:
        message = field_error(subscribe_to(bank, f"https://{NAME}/hooks"))
    finally:
        released.set()
    assert time.monotonic() - started < 2
    assert f"解析接收地址的主机名 {NAME} 超时（0.3 秒）" in message
    assert not Subscription.objects.exists()


def test_public_addresses_are_accepted(checked, bank, dns):
    """Creation only: nothing is sent (there is no network here to send it over)."""
    dns.answers[NAME] = [PUBLIC_IP, "2606:2800:21f:cb07:6820:80da:af6b:8b2c"]
    for target_url in (
        f"http://{PUBLIC_IP}/hooks/hongshan",
        "https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]:8443/hooks",
        f"https://{NAME}/hooks?bank=1",
    ):
        answer = subscribe_to(bank, target_url)
        assert answer.status_code == 201, answer.json()
        assert answer.json()["target_url"] == target_url
    assert Subscription.objects.count() == 3
    assert not Delivery.objects.exists()


def test_editing_resolves_only_a_changed_url(checked, bank, dns):
    dns.answers[NAME] = [PUBLIC_IP]
    created = subscribe_to(bank, f"https://{NAME}/hooks").json()
    detail = f"{URL}{created['id']}/"
    del dns.answers[NAME]  # the receiver's DNS is down: switching it off must still work
    assert bank.patch(detail, {"active": False}, format="json").status_code == 200
    assert len(dns.asked) == 1
    refused = bank.patch(detail, {"target_url": "http://10.0.0.8/hooks"}, format="json")
    assert "内网地址 10.0.0.8" in field_error(refused)
    assert Subscription.objects.get().target_url == f"https://{NAME}/hooks"


def test_a_name_rebound_to_loopback_after_creation_is_not_contacted(checked, bank, dns, receiver):
    """DNS rebinding: public when checked at creation, this machine when the worker sends.
    The receiver really listens on that address and port, and hears nothing."""
    port = receiver.url.split(":")[2].split("/")[0]
    dns.answers[NAME] = [PUBLIC_IP]
    created = subscribe_to(bank, f"http://{NAME}:{port}/hooks/hongshan")
    assert created.status_code == 201, created.json()
    dns.answers[NAME] = ["127.0.0.1"]
    ping = bank.post(f"{URL}{created.json()['id']}/ping/")
    assert ping.status_code == 202
    assert send_due() == [Delivery.State.FAILED]
    assert receiver.received == []
    delivery = Delivery.objects.get()
    assert delivery.attempts == 1 and delivery.last_status_code is None
    assert delivery.last_error.startswith("未发送：接收地址指向本机回环地址 127.0.0.1")
    [attempt] = DeliveryAttempt.objects.all()
    assert attempt.error == delivery.last_error and attempt.status_code is None


def test_the_worker_connects_to_the_address_it_checked_with_the_urls_host(bank, dns, receiver):
    """Private targets allowed (the test settings): one lookup per attempt, the POST to that
    address, the name in Host. The name exists nowhere else, so a second resolution by the
    HTTP client would have failed."""
    port = receiver.url.split(":")[2].split("/")[0]
    dns.answers[NAME] = ["127.0.0.1"]
    subscription, secret = services.subscription_create(
        key=bank.key, target_url=f"http://{NAME}:{port}/hooks/hongshan", topics=["enterprises"]
    )
    assert dns.asked == []  # with private targets allowed, creation looks nothing up
    services.subscription_ping(subscription=subscription)
    assert send_due() == [Delivery.State.DELIVERED]
    [received] = receiver.received
    assert received.headers["Host"] == f"{NAME}:{port}"
    assert received.signed_with(secret)
    assert dns.asked == [NAME]


class _Redirecting(BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers["Content-Length"]))
        self.server.hits += 1
        self.send_response(307)
        self.send_header("Location", self.server.location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format, *args):  # noqa: A002 - the standard library's name
        return


@pytest.fixture
def redirecting(receiver):
    """A receiver that answers 307 to the real receiver's URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Redirecting)
    server.hits, server.location = 0, receiver.url
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}).start()
    yield server
    server.shutdown()
    server.server_close()


def test_redirects_are_not_followed(bank, redirecting, receiver):
    subscription, _secret = services.subscription_create(
        key=bank.key,
        target_url=f"http://127.0.0.1:{redirecting.server_port}/hooks",
        topics=["enterprises"],
    )
    services.subscription_ping(subscription=subscription)
    assert send_due() == [Delivery.State.FAILED]
    assert redirecting.hits == 1 and receiver.received == []
    assert Delivery.objects.get().last_status_code == 307


def test_a_key_without_the_subscriptions_scope_is_refused_in_chinese(departments, receiver):
    reader = partner_client(departments["court"], "只读密钥", scopes=["read"])
    for answer in (
        subscribe_to(reader, receiver.url),
        reader.get(URL),
    ):
        assert answer.status_code == 403
        error = answer.json()["error"]
        assert error["code"] == "subscription_scope_missing"
        assert "没有变更订阅权限（subscriptions）" in error["message"]
    assert not Subscription.objects.exists()


def test_a_key_that_loses_the_scope_gets_no_more_events(bank, subscribe, companies, committed):
    subscription, _secret = subscribe(topics=["enterprises"])
    bank.key.scopes = ["read"]
    bank.key.save(update_fields=["scopes"])
    with committed():
        companies[0].name = "改名后的企业"
        companies[0].save()
    assert not subscription.deliveries.exists()


def test_the_migration_grants_the_scope_to_keys_that_already_subscribe(bank, other_bank, receiver):
    bank.key.scopes = ["read"]
    bank.key.save(update_fields=["scopes"])
    other_bank.key.scopes = ["read"]
    other_bank.key.save(update_fields=["scopes"])
    services.subscription_create(key=bank.key, target_url=receiver.url, topics=["enterprises"])
    migration = importlib.import_module(
        "registry_api.subscriptions.migrations.0002_grant_subscriptions_scope"
    )
    migration.grant_scope_to_subscribers(apps, None)
    assert PartnerKey.objects.get(pk=bank.key.pk).scopes == ["read", Scope.SUBSCRIPTIONS]
    assert PartnerKey.objects.get(pk=other_bank.key.pk).scopes == ["read"]
