"""Security hardening that spans the site: second factor for staff, CSP, media, lock-out.

The pieces are wired in ``config/settings.py`` and ``config/urls.py``; SECURITY.md
says what they promise.
"""
