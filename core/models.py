"""Abstract models every registry shares."""

from django.db import models


class Timestamped(models.Model):
    """When a row was created and last changed. `updated_at` is indexed: the change feeds
    (`?updated_since=`), conditional GET and `search_check` all read it."""

    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True, db_index=True)

    class Meta:
        abstract = True
