"""Store a prepared photo through Django's storage API, all or nothing.

Files go through ``default_storage`` (the ``STORAGES["default"]`` setting), so
object storage such as django-storages' S3 backend replaces the local disk by
configuration. Names are generated from a random id: nothing the uploader chose
becomes part of a path, and a new upload never overwrites another photo's file.
"""

import logging
import uuid
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Rendition:
    width: int
    height: int
    jpeg: str
    webp: str

    @property
    def jpeg_url(self):
        return default_storage.url(self.jpeg)

    @property
    def webp_url(self):
        return default_storage.url(self.webp)


def write(name, content, written):
    stored = default_storage.save(name, ContentFile(content))
    written.append(stored)
    return stored


def store_prepared(photo, prepared, *, written):
    """Write the original and renditions of ``prepared`` for ``photo`` and point it at them.

    Every name written is appended to ``written`` at once, so a caller can remove
    them again if anything later fails. The record itself is not saved here.
    """
    stem = f"photos/{uuid.uuid4().hex}"
    photo.width, photo.height = prepared.width, prepared.height
    photo.file_size = len(prepared.original)
    # Assigning a name (not a file) marks it as stored: ``save()`` writes nothing more.
    photo.image = write(f"{stem}.{prepared.extension}", prepared.original, written)
    photo.renditions = [
        {
            "width": encoded.width,
            "height": encoded.height,
            "jpeg": write(f"{stem}-{encoded.width}w.jpg", encoded.jpeg, written),
            "webp": write(f"{stem}-{encoded.width}w.webp", encoded.webp, written),
        }
        for encoded in prepared.renditions
    ]
    photo.__dict__.pop("rendition_list", None)  # the cached view of the old renditions


def delete_files(names):
    for name in names:
        try:
            default_storage.delete(name)
        except OSError:
            # The record is gone either way; a leftover file must not break the request.
            logger.exception("Could not delete photo file %s", name)


def delete_after_commit(names):
    """Remove files once the transaction that stopped using them has committed."""
    names = [name for name in names if name]
    if names:
        transaction.on_commit(lambda: delete_files(names))


def file_names(photo):
    names = [photo.image.name] if photo.image else []
    for rendition in photo.renditions or []:
        names += [rendition["jpeg"], rendition["webp"]]
    return names


def save_photo(photo, prepared, *, written=None):
    """Store ``prepared`` as ``photo``'s files and save the record; nothing stays on failure.

    Files a replaced image had are deleted after the transaction commits. Pass a
    list as ``written`` to learn the new names (to clean up after an outer rollback).
    """
    written = [] if written is None else written
    # From the database: a form may already have put the new upload on ``photo``.
    stored = type(photo).objects.filter(pk=photo.pk).first() if photo.pk else None
    old_names = file_names(stored) if stored else []
    start = len(written)
    try:
        store_prepared(photo, prepared, written=written)
        photo.save()
    except BaseException:
        delete_files(written[start:])
        raise
    delete_after_commit(old_names)
    return photo
