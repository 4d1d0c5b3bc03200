"""Credit repair applications get the public-request base's reference code, old ones too.

Safe on a populated table: the code is added nullable and every stored application is given
one from its own submission date; 0003 then makes it unique and required (a migration of its
own, so that PostgreSQL alters the table in a transaction with no row updates pending).
"""

from django.db import migrations, models

from core.codes import dated_reference

REFERENCE_PREFIX = "XF"  # 信用修复; registry_api.credit.services.repair_reference_new


def references_fill(apps, schema_editor):
    application_model = apps.get_model("credit", "CreditRepairApplication")
    taken = set()
    for application in application_model.objects.filter(reference__isnull=True).iterator():
        code = dated_reference(REFERENCE_PREFIX, application.submitted_at)
        while code in taken:
            code = dated_reference(REFERENCE_PREFIX, application.submitted_at)
        taken.add(code)
        application.reference = code
        application.save(update_fields=["reference"])


class Migration(migrations.Migration):
    dependencies = [
        ("credit", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="creditrepairapplication",
            name="reference",
            field=models.CharField(
                editable=False, max_length=20, null=True, verbose_name="受理编号"
            ),
        ),
        migrations.RunPython(references_fill, migrations.RunPython.noop),
    ]
