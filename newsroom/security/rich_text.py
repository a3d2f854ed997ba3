"""Clean rich text on raw saves too.

``Section.save()`` cleans its HTML, but raw saves skip ``save()``: restoring an
old revision (django-reversion), ``loaddata`` and any deserialized import go
through ``Model.save_base(raw=True)``. They still send ``pre_save``, so this
receiver (deliberately not skipping ``raw``) is the one place that sees every
write of a rich-text field. Only ``QuerySet.update()`` bypasses both; the
Content Security Policy is the last line there (tests/browser/test_csp.py).
"""

from ckeditor.fields import RichTextField, RichTextFormField
from ckeditor.widgets import CKEditorWidget
from django.db.models.signals import pre_save

from ..sanitizer import clean_html


def rich_text_fields(model):
    return [field.attname for field in model._meta.concrete_fields if isinstance(field, RichTextField)]


def clean_rich_text(sender, instance, raw=False, **kwargs):
    for name in rich_text_fields(sender):
        setattr(instance, name, clean_html(getattr(instance, name)))


def connect(app_config):
    for model in app_config.get_models():
        if rich_text_fields(model):
            pre_save.connect(clean_rich_text, sender=model, dispatch_uid=f"clean-rich-text-{model._meta.label}")


class CleanCKEditorWidget(CKEditorWidget):
    """CKEditor that is only ever handed cleaned HTML.

    A form that comes back with errors shows what was typed, unsaved and so
    uncleaned; CKEditor 4 would load it as live HTML into the editor. Cleaning
    on render keeps hostile markup out of the editor and shows staff what will
    be stored.
    """

    def format_value(self, value):
        return super().format_value(clean_html(value) if value else value)


class CleanRichTextFormField(RichTextFormField):
    widget = CleanCKEditorWidget
