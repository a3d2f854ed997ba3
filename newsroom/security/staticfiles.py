"""Static files without the HTML pages and test fixtures bundled with CKEditor 4.

django-ckeditor ships CKEditor's plugin test pages and dialog pages (e.g.
``wsc/dialogs/ciframe.html``) that the trimmed editor never loads; served from
our domain they would be old, unreviewed HTML with inline script. This finder
neither lists them (``collectstatic``) nor finds them (``runserver``).
"""

from django.contrib.staticfiles import finders
from django.contrib.staticfiles.utils import matches_patterns

LEFT_OUT = ["ckeditor/*.html", "ckeditor/*/tests/*", "ckeditor/galleriffic/*"]


class AppDirectoriesFinder(finders.AppDirectoriesFinder):
    def list(self, ignore_patterns):
        return super().list([*(ignore_patterns or []), *LEFT_OUT])

    def find(self, path, find_all=False, **kwargs):
        if matches_patterns(path, LEFT_OUT):
            return []
        return super().find(path, find_all=find_all, **kwargs)
