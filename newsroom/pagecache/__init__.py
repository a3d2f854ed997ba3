"""The application cache tier: whole public pages kept in Django's cache.

``generation`` holds the site-wide version every stored page is checked against,
``signals`` bumps it when anything public changes (and purges the front cache on
commit through ``purge``), ``middleware`` serves and stores the pages.
"""
