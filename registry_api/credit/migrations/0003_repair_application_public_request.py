"""Credit repair applications on the public-request base (core.public_requests): the
reference code unique and required, a change time, the phone rule and the base's ordering."""

import django.core.validators
import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("credit", "0002_repair_application_reference"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="creditrepairapplication",
            options={
                "ordering": ["-submitted_at", "-id"],
                "verbose_name": "信用修复申请",
                "verbose_name_plural": "信用修复申请",
            },
        ),
        migrations.AlterField(
            model_name="creditrepairapplication",
            name="reference",
            field=models.CharField(
                editable=False, max_length=20, unique=True, verbose_name="受理编号"
            ),
        ),
        migrations.AddField(
            model_name="creditrepairapplication",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, verbose_name="更新时间"),
        ),
        migrations.AlterField(
            model_name="creditrepairapplication",
            name="contact_phone",
            field=models.CharField(
                help_text="个人信息，不公开",
                max_length=20,
                validators=[
                    django.core.validators.RegexValidator(
                        "^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$",
                        "请填写有效的手机号码或固定电话。",
                        code="invalid_phone",
                    )
                ],
                verbose_name="联系电话",
            ),
        ),
        migrations.AlterField(
            model_name="creditrepairapplication",
            name="submitted_at",
            field=models.DateTimeField(
                db_index=True, default=django.utils.timezone.now, verbose_name="提交时间"
            ),
        ),
    ]
