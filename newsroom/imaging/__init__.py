"""The press-photo pipeline: check an upload by content, clean it, store it with renditions.

``prepare_upload(file)`` raises ``ValidationError`` with a German message or returns
a ``PreparedPhoto`` in memory; ``save_photo(photo, prepared)`` stores it, all or nothing.

Pillow directly rather than a thumbnail package: renditions are made once, at
upload, inside the same all-or-nothing step as the checks and the metadata
stripping, and their names are kept on the record, so pages need neither a
storage lookup nor a database query per rendition (easy-thumbnails and
sorl-thumbnail look each one up on first use per request or cache key).
"""

from .files import Rendition, delete_after_commit, delete_files, file_names, save_photo
from .processing import PreparedPhoto, prepare
from .upload import ACCEPTED_FORMATS, load_upload


def prepare_upload(upload):
    """Check ``upload`` by content and return the cleaned photo and renditions, unsaved."""
    return prepare(load_upload(upload))


__all__ = [
    "ACCEPTED_FORMATS",
    "PreparedPhoto",
    "Rendition",
    "delete_after_commit",
    "delete_files",
    "file_names",
    "prepare_upload",
    "save_photo",
]
