#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""
import os
import sys

# Commands that only read or write source files (migrations, message catalogues) never sign
# anything, so they run in a bare checkout without SECRET_KEY. Everything else, the site
# included, still refuses to start without one (config/settings.py).
SOURCE_ONLY_COMMANDS = {"makemigrations", "makemessages", "compilemessages"}


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    if len(sys.argv) > 1 and sys.argv[1] in SOURCE_ONLY_COMMANDS:
        os.environ.setdefault("SECRET_KEY", "unused-by-source-only-commands")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
