"""The editorial workflow in the admin: transition buttons, preview, share links, revisions.

Split by concern: ``transitions`` (the steps and who may edit what), ``options``
(the mixins the release admin and its inlines use), ``views`` (the workflow's pages).
"""

from .options import ReleasePartInlineMixin, WorkflowAdminMixin

__all__ = ["ReleasePartInlineMixin", "WorkflowAdminMixin"]
