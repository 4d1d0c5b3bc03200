"""manage.py run_platform: serve the whole platform on one port with its task worker.

Starts gunicorn (sync workers) and the django-tasks database worker side by side, builds the
static site once the API answers, prints where to go, and stops both children on Ctrl-C.
"""

import os
import signal
import subprocess
import sys
import time
import urllib.request

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.publishing.local_admin import local_admin_ensure
from cms.publishing.services import scheduled_publishing_start, site_build_run


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
        parser.add_argument("--workers", type=int, default=3)

    def handle(self, *args, bind, workers, **options):
        base = f"http://{bind}"
        if answers(f"{base}/api/v1/"):
            raise CommandError(f"{bind} is already in use: stop the other server first.")
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "cms.settings.dev"),
        }
        bin_dir = os.path.dirname(sys.executable)
        children = [
            subprocess.Popen(
                [
                    os.path.join(bin_dir, "gunicorn"),
                    "cms.wsgi:application",
                    "--bind",
                    bind,
                    "--workers",
                    str(workers),
                    "--worker-class",
                    "sync",
                    "--timeout",
                    "120",
                    "--log-level",
                    "warning",
                ],
                env=env,
            ),
            subprocess.Popen(
                [
                    sys.executable,
                    "manage.py",
                    "db_worker",
                    "--interval",
                    "0.5",
                    "--no-startup-delay",
                    "--no-reload",
                ],
                env=env,
                cwd=settings.BASE_DIR,
            ),
        ]
        stop = {"now": False}

        def request_stop(signum, frame):
            stop["now"] = True

        signal.signal(signal.SIGINT, request_stop)
        signal.signal(signal.SIGTERM, request_stop)
        try:
            self._wait_until_up(base, children)
            scheduled_publishing_start()
            self.stdout.write("正在构建静态站点……")
            build = site_build_run(api_url=base)
            if build.status != build.Status.SUCCEEDED:
                self.stderr.write(build.log[-4000:])
                raise CommandError("static site build failed")
            self.stdout.write(f"静态站点已构建（{build.seconds:.1f} 秒）")
            self._print_welcome(base)
            while not stop["now"] and all(child.poll() is None for child in children):
                time.sleep(0.5)
        finally:
            for child in children:
                if child.poll() is None:
                    child.send_signal(signal.SIGTERM)
            for child in children:
                try:
                    child.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    child.kill()
        self.stdout.write("已停止。")

    def _wait_until_up(self, base, children):
        deadline = time.monotonic() + 60
        while not answers(f"{base}/api/v1/"):
            if any(child.poll() is not None for child in children) or time.monotonic() > deadline:
                raise CommandError("the web server did not start; see its output above")
            time.sleep(0.3)

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
