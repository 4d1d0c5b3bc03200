"""Keys that already own a subscription keep it working: they are granted the new
`subscriptions` scope, which the API now requires (new keys do not have it unless asked)."""

from django.db import migrations

SCOPE = "subscriptions"


def grant_scope_to_subscribers(apps, schema_editor):
    PartnerKey = apps.get_model("partners", "PartnerKey")
    subscribers = PartnerKey.objects.filter(subscriptions__isnull=False).distinct()
    for key in subscribers:
        if SCOPE not in key.scopes:
            key.scopes = [*key.scopes, SCOPE]
            key.save(update_fields=["scopes"])


class Migration(migrations.Migration):
    dependencies = [("subscriptions", "0001_initial")]

    # Undoing leaves the scope in place: a key may have been granted it on purpose since.
    operations = [migrations.RunPython(grant_scope_to_subscribers, migrations.RunPython.noop)]
