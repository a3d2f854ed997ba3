import logging

from django.core.files.storage import default_storage
from django.db import migrations, models

logger = logging.getLogger(__name__)


def record_file_sizes(apps, schema_editor):
    """Ask the storage once for photos stored before the size was kept; a file it cannot
    find keeps 0 (feeds then announce an unknown length, as RSS advises)."""
    Photo = apps.get_model("newsroom", "Photo")
    unknown = Photo.objects.filter(file_size=0).exclude(image="")
    for name in unknown.order_by().values_list("image", flat=True).distinct().iterator():
        try:
            size = default_storage.size(name)
        except OSError:
            pks = list(unknown.filter(image=name).values_list("pk", flat=True))
            logger.warning("Photo %s: its file %s is missing from the storage.", ", ".join(map(str, pks)), name)
            continue
        unknown.filter(image=name).update(file_size=size)


class Migration(migrations.Migration):

    dependencies = [
        ("newsroom", "0007_consent_date_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="photo",
            name="file_size",
            field=models.PositiveBigIntegerField(default=0, editable=False, verbose_name="file size"),
        ),
        migrations.RunPython(record_file_sizes, migrations.RunPython.noop, elidable=True),
    ]
