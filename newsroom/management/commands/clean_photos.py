"""Re-check, clean and re-render stored photos.

For photos stored before the upload pipeline existed (their files may still carry
EXIF or GPS data and have no renditions), and after a change of
``NEWSROOM_PHOTO_WIDTHS``. Each photo gets new files in its own transaction; the
old ones are deleted once it has committed. A photo whose file fails the upload
checks is reported and left as it is.
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand
from django.db import transaction

from newsroom import imaging
from newsroom.models import Photo


class Command(BaseCommand):
    help = "Re-checks, cleans and re-renders stored photos (metadata stripped, renditions made)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--missing-only", action="store_true", help="Only photos that have no renditions yet."
        )

    def handle(self, *args, missing_only=False, **options):
        photos = Photo.objects.order_by("pk")
        if missing_only:
            photos = photos.filter(renditions=[])
        cleaned = refused = 0
        for photo in photos.iterator():
            try:
                with photo.image.open("rb") as stored:
                    prepared = imaging.prepare_upload(stored)
            except (ValidationError, OSError) as error:
                refused += 1
                reason = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
                self.stderr.write(f"Photo {photo.pk} ({photo.image.name}): {reason}")
                continue
            with transaction.atomic():
                imaging.save_photo(photo, prepared)
            cleaned += 1
        self.stdout.write(f"{cleaned} photos cleaned, {refused} refused.")
