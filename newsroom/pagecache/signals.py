"""Invalidate on every write to models shown publicly, and again on commit.

The immediate bump makes the writing request (and tests inside one transaction)
see fresh pages; the bump on commit closes the race where another request read
the old rows before the commit and stored its page under the newer token. The
front cache is purged only on commit, once per transaction.
"""

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from . import generation, purge


def after_commit():
    generation.bump()
    purge.purge_all()


def is_public_model(sender):
    return sender._meta.app_label in settings.NEWSROOM_PAGE_CACHE_APPS


def content_changed(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    if not is_public_model(sender):
        return
    connection = transaction.get_connection(using)
    if not connection.in_atomic_block:
        after_commit()
        return
    generation.bump()
    # Once per transaction: a release saved with its sections and quotes is one change.
    if not any(entry[1] is after_commit for entry in connection.run_on_commit):
        transaction.on_commit(after_commit, using=using)


def connect():
    from . import checks  # noqa: F401  (registers the system check)

    for name, signal in (("save", post_save), ("delete", post_delete), ("m2m", m2m_changed)):
        signal.connect(content_changed, dispatch_uid=f"newsroom.pagecache.{name}")
