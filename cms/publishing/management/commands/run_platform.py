"""manage.py run_platform: serve the whole platform on one port, supervised.

Four children, as on a production host: the front server (`front/server.py`: the static site
and static files from disk, everything else passed on), gunicorn (threaded workers on a Unix
socket), the django-tasks database worker and the warm site builder (`site/build.py --serve`,
which runs the worker's site builds: cms/publishing/builder.py). A child that dies is
restarted with back-off (cms/publishing/supervisor.py); Ctrl-C stops everything; if a child
keeps dying the command stops everything and exits non-zero. The static site is built once
the API answers.
"""

import logging
import os
import signal
import sys
import time
import urllib.request

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.publishing.builder import warm_process_command
from cms.publishing.local_admin import local_admin_ensure
from cms.publishing.services import scheduled_publishing_start, site_build_run
from cms.publishing.supervisor import Child, GaveUp, Supervisor

log = logging.getLogger("hongshan.supervisor")
# How long the API may take to answer its first request before the start is given up.
UP_WITHIN_SECONDS = 180


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2):
            return True
    except OSError:
        return False


class Command(BaseCommand):
    help = "Serve the platform at http://127.0.0.1:8000 with the background worker."

    def add_arguments(self, parser):
        parser.add_argument("--bind", default="127.0.0.1:8000")
        parser.add_argument("--workers", type=int, default=2, help="gunicorn processes")
        parser.add_argument("--threads", type=int, default=12, help="threads per process")

    def handle(self, *args, bind, workers, threads, **options):
        base = f"http://{bind}"
        if answers(f"{base}/api/v1/"):
            raise CommandError(f"{bind} is already in use: stop the other server first.")
        supervisor = Supervisor(self._children(bind, workers, threads))
        stop = {"now": False}

        def request_stop(signum, frame):
            stop["now"] = True

        signal.signal(signal.SIGINT, request_stop)
        signal.signal(signal.SIGTERM, request_stop)
        supervisor.start()
        try:
            self._wait_until_up(base, supervisor)
            scheduled_publishing_start()
            self._first_build(base)
            self._print_welcome(base)
            while not stop["now"]:
                supervisor.check()
                time.sleep(0.5)
        except GaveUp as exc:
            raise CommandError(str(exc)) from exc
        finally:
            supervisor.stop()
            self.stdout.write("已停止。")

    def _children(self, bind: str, workers: int, threads: int) -> list[Child]:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "cms.settings.dev"),
        }
        bin_dir = os.path.dirname(sys.executable)
        run_dir = settings.VAR_DIR / "run"
        run_dir.mkdir(parents=True, exist_ok=True)
        socket = run_dir / "gunicorn.sock"
        return [
            Child(
                "front",
                [
                    sys.executable,
                    "-m",
                    "front.server",
                    "--bind",
                    bind,
                    "--upstream",
                    str(socket),
                    "--site",
                    str(settings.SITE_OUTPUT_DIR),
                    "--static",
                    str(settings.STATIC_ROOT),
                ],
                env=env,
                cwd=str(settings.BASE_DIR),
            ),
            Child(
                "gunicorn",
                [
                    os.path.join(bin_dir, "gunicorn"),
                    "cms.wsgi:application",
                    "--bind",
                    f"unix:{socket}",
                    "--workers",
                    str(workers),
                    # Threads: a request waiting on the search engine holds one thread, not a
                    # whole worker (engine calls are bounded: search/client.py).
                    "--worker-class",
                    "gthread",
                    "--threads",
                    str(threads),
                    "--timeout",
                    "120",
                    "--log-level",
                    "warning",
                ],
                env=env,
                cwd=str(settings.BASE_DIR),
            ),
            Child(
                "worker",
                [sys.executable, "manage.py", "run_worker"],
                env=env,
                cwd=str(settings.BASE_DIR),
            ),
            Child(
                "builder",
                warm_process_command(settings.SITE_BUILDER_SOCKET),
                env=env,
                cwd=str(settings.BASE_DIR),
            ),
        ]

    def _wait_until_up(self, base: str, supervisor: Supervisor) -> None:
        # Generous: on a loaded 2-core machine two workers importing Django and Wagtail took
        # over a minute; a child that dies meanwhile is reported at once by check().
        deadline = time.monotonic() + UP_WITHIN_SECONDS
        while not answers(f"{base}/api/v1/"):
            supervisor.check()
            if time.monotonic() > deadline:
                raise CommandError(
                    f"the web server did not answer within {UP_WITHIN_SECONDS} s; see its output"
                )
            time.sleep(0.3)

    def _first_build(self, base: str) -> None:
        """Bring the site up to date; a failed build leaves the previous one served."""
        self.stdout.write("正在构建静态站点……")
        build = site_build_run(api_url=base)
        if build.status != build.Status.SUCCEEDED:
            self.stderr.write(build.log[-4000:])
            self.stderr.write("静态站点构建失败：继续提供上一次构建的站点，下次发布时重试。")
            return
        self.stdout.write(f"静态站点已构建（{build.seconds:.1f} 秒）")

    def _print_welcome(self, base):
        username, password = local_admin_ensure()
        self.stdout.write(
            self.style.SUCCESS(
                "\n红山区市场监督管理局 平台已启动\n"
                f"  公众网站     {base}/\n"
                f"  管理后台     {base}/admin/   账号 {username}  密码 {password}\n"
                f"               编辑 editor / 审核员 moderator，密码同上（体验审核流程）\n"
                f"  内容接口     {base}/api/cms/v2/pages/\n"
                f"  登记接口     {base}/api/v1/enterprises/\n"
                f"  接口文档     {base}/api/v1/docs/\n"
                f"  搜索接口     {base}/api/v1/search/?q=红山\n"
                "按 Ctrl-C 停止。\n"
            )
        )
