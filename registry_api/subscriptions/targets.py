"""Which receiver addresses the platform may POST to: public http(s) only, never its own
network (loopback, RFC 1918, link-local and cloud metadata, CGNAT …), checked when a
subscription names a URL and again, on the address actually connected to, at each delivery.

A subscription's URL is chosen by a partner, and the task worker sends to it from inside our
network; without this check a key could make the worker POST to 127.0.0.1, the database's
port or 169.254.169.254 (server-side request forgery). The name is resolved once per check
within `RESOLVE_TIMEOUT_SECONDS`, every address it resolves to must be public, and the
delivery connects to the address checked (sending.py), so a name re-pointed between the
check and the connection (DNS rebinding) reaches nothing new.

`settings.SUBSCRIPTION_ALLOW_PRIVATE_TARGETS` (False by default; True in the test settings,
whose receivers listen on 127.0.0.1) lets private addresses through; the rest still applies.
"""

from __future__ import annotations

import ipaddress
import socket
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings

# A resolver that does not answer costs a web request (or the worker) at most this; the
# lookup itself is left to finish in its pool thread, which is bounded below.
RESOLVE_TIMEOUT_SECONDS = 2.0
_resolver_pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="subscription-resolve")
DEFAULT_PORTS = {"http": 80, "https": 443}

_CARRIER_GRADE_NAT = ipaddress.ip_network("100.64.0.0/10")
_RFC1918_AND_ULA = [
    ipaddress.ip_network(net) for net in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16")
] + [ipaddress.ip_network("fc00::/7")]


class TargetRefused(Exception):
    """A receiver URL the platform will not send to; the message is the partner's to read."""


@dataclass(frozen=True)
class Target:
    """A checked receiver: the URL's host (for Host and SNI), port, and the address to use."""

    scheme: str
    host: str
    port: int
    address: str


def lookup(host: str, port: int) -> list[str]:
    """Every address `host` resolves to (the system resolver; tests replace this one)."""
    found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(sockaddr[0].split("%")[0] for *_, sockaddr in found))


def resolve(host: str, port: int) -> list[str]:
    """`lookup` within the time budget; TargetRefused if it fails or does not answer. An
    address written as such is its own answer."""
    try:
        return [str(ipaddress.ip_address(host))]
    except ValueError:
        pass
    future = _resolver_pool.submit(lookup, host, port)
    try:
        addresses = future.result(timeout=RESOLVE_TIMEOUT_SECONDS)
    except FutureTimeout:
        future.cancel()
        raise TargetRefused(
            f"解析接收地址的主机名 {host} 超时（{RESOLVE_TIMEOUT_SECONDS:g} 秒），"
            "请稍后重试或检查域名解析。"
        ) from None
    except (OSError, UnicodeError):
        raise TargetRefused(f"无法解析接收地址的主机名 {host}，请检查域名是否正确。") from None
    if not addresses:
        raise TargetRefused(f"无法解析接收地址的主机名 {host}，请检查域名是否正确。")
    return addresses


def address_problem(address: str) -> str | None:
    """Why `address` is not a public one we may send to (Chinese, for the partner), or None.

    An IPv6 address carrying an IPv4 one (IPv4-mapped ::ffff:a.b.c.d, 6to4 2002::/16) is
    judged by the IPv4 address it reaches."""
    ip = ipaddress.ip_address(address)
    if ip.version == 6:
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is not None:
            return address_problem(str(embedded))
    if ip.is_unspecified:
        kind = "未指定地址"
    elif ip.is_loopback:
        kind = "本机回环地址"
    elif ip.is_link_local:
        kind = "链路本地地址（含云服务器元数据地址 169.254.169.254）"
    elif ip.is_multicast:
        kind = "组播地址"
    elif ip in _CARRIER_GRADE_NAT:
        kind = "运营商级 NAT 地址（100.64.0.0/10）"
    elif any(ip in network for network in _RFC1918_AND_ULA):
        kind = "内网地址"
    elif ip.is_reserved:
        kind = "保留地址"
    elif ip.is_private or not ip.is_global:
        kind = "非公网地址"
    else:
        return None
    return f"接收地址指向{kind} {ip}，出于安全原因不予发送；请使用公网可访问的地址。"


def url_problem(url: str) -> str | None:
    """What is wrong with `url` as a receiver before any lookup: scheme, credentials, host."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError:
        return "请填写以 http:// 或 https:// 开头的有效网址。"
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        return "请填写以 http:// 或 https:// 开头的有效网址。"
    if parts.username is not None or parts.password is not None:
        return "接收地址不能包含用户名或密码（user:pass@），请改用签名校验来源。"
    return None


def target_problem(url: str) -> str | None:
    """Why a subscription may not name `url` (Chinese, for its `target_url` field), or None.
    With private targets allowed there is nothing to learn from a lookup, so none is made."""
    problem = url_problem(url)
    if problem is not None or settings.SUBSCRIPTION_ALLOW_PRIVATE_TARGETS:
        return problem
    try:
        target_check(url)
    except TargetRefused as refusal:
        return str(refusal)
    return None


def target_check(url: str) -> Target:
    """The checked target of `url`: resolved once, every address allowed; else TargetRefused.

    Connecting to `Target.address` (not resolving the name again) is what keeps the check
    true at sending time."""
    problem = url_problem(url)
    if problem is not None:
        raise TargetRefused(problem)
    parts = urlsplit(url)
    port = parts.port or DEFAULT_PORTS[parts.scheme]
    addresses = resolve(parts.hostname, port)
    if not settings.SUBSCRIPTION_ALLOW_PRIVATE_TARGETS:
        for address in addresses:
            problem = address_problem(address)
            if problem is not None:
                raise TargetRefused(problem)
    return Target(parts.scheme, parts.hostname, port, addresses[0])
