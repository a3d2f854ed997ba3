"""What must hold before a release may go public, beyond its state.

``publishing.publish()`` refuses a release while this returns anything. Each
message is German for staff (through gettext) and says what to fix.
"""

from .consent import consent_problems


def publication_problems(release, *, now):
    """Messages that block publishing ``release`` at ``now``; empty when it may go out."""
    problems = []
    problems += consent_problems(release, now=now)
    return problems
