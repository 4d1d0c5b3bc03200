"""manage.py run_worker: the task worker of `run_platform`.

First takes up what a killed worker left RUNNING (cms/publishing/recovery.py), then runs
django-tasks' `db_worker`. Run only one per installation: a second one would take the first
one's running tasks for interrupted.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from cms.publishing.recovery import interrupted_work_resume


class Command(BaseCommand):
    help = "Resume interrupted tasks, then run the database task worker."

    def handle(self, *args, **options):
        recovered = interrupted_work_resume()
        if recovered.tasks or recovered.builds:
            self.stdout.write(
                f"已恢复 {recovered.tasks} 个中断的任务、{recovered.builds} 次中断的站点构建。"
            )
        # How often an idle worker looks for tasks: a publish waits half of it on average before
        # its search sync starts (one indexed SELECT each time; nothing for the database).
        call_command("db_worker", "--interval", "0.2", "--no-startup-delay", "--no-reload")
