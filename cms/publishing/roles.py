"""Editorial roles: the 编辑 (editors) and 审核员 (moderators) groups, their page permissions per
section, and the moderation workflow on news, laws and contracts.

Editors may create and edit pages everywhere and publish directly in unmoderated sections;
in moderated sections (政策资讯, 法律服务) they lack the publish permission, so their pages
go through the 审核发布 workflow, whose one task a moderator approves.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

EDITORS = "编辑"
MODERATORS = "审核员"
WORKFLOW_NAME = "审核发布"
TASK_NAME = "审核员审批"

EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")
MODERATOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
MEDIA_PERMISSIONS = (
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
)


def moderated_sections() -> list[Page]:
    """Sections whose pages need a moderator's approval: 政策资讯 and 法律服务."""
    from cms.pages.models import NewsIndexPage, PlatformPage

    return [
        *NewsIndexPage.objects.all(),
        *PlatformPage.objects.filter(code=PlatformPage.Code.LEGAL),
    ]


def _permission(codename: str) -> Permission:
    app_label, _, name = codename.rpartition(".")
    return Permission.objects.get(content_type__app_label=app_label or "wagtailcore", codename=name)


def _grant_pages(group: Group, page: Page, codenames: tuple[str, ...]) -> None:
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_permission(codename)
        )


@transaction.atomic
def editorial_roles_ensure(home: Page) -> tuple[Group, Group, Workflow]:
    """Create or complete the groups, permissions and workflow; safe to run again."""
    # Wagtail's initial data has English "Editors"/"Moderators" groups and a workflow on the
    # root page that would moderate every section: take the groups over under Chinese names
    # and moderate only the sections that need it.
    for english, chinese in (("Editors", EDITORS), ("Moderators", MODERATORS)):
        if not Group.objects.filter(name=chinese).exists():
            Group.objects.filter(name=english).update(name=chinese)
    WorkflowPage.objects.filter(page__depth=1).delete()
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    admin_access = _permission("wagtailadmin.access_admin")
    for group in (editors, moderators):
        group.permissions.add(admin_access)
        for codename in MEDIA_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=Collection.get_first_root_node(),
                permission=_permission(codename),
            )

    _grant_pages(moderators, home, MODERATOR_PAGE_PERMISSIONS)
    _grant_pages(editors, home, EDITOR_PAGE_PERMISSIONS)
    moderated = moderated_sections()
    moderated_paths = [section.path for section in moderated]
    # Editors publish directly in every other top-level section (permissions inherit down).
    for section in home.get_children():
        if not any(section.path.startswith(path) for path in moderated_paths):
            _grant_pages(editors, section, ("publish_page",))

    task, _ = GroupApprovalTask.objects.get_or_create(name=TASK_NAME)
    task.groups.add(moderators)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for section in moderated:
        WorkflowPage.objects.update_or_create(page=section, defaults={"workflow": workflow})
    return editors, moderators, workflow
