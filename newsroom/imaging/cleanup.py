"""Remove a photo's files when its record is deleted, once the deletion has committed."""

from .files import delete_after_commit, file_names


def delete_photo_files(sender, instance, **kwargs):
    # After commit: a rolled-back deletion keeps a record whose files still exist.
    delete_after_commit(file_names(instance))


def connect():
    from django.db.models.signals import post_delete

    post_delete.connect(delete_photo_files, sender="newsroom.Photo", dispatch_uid="newsroom_photo_files")
