"""A yardstick for the machine: a straightforward Django view with five queries on SQLite.

Issue #8 sets its cold-detail target (600 requests per second) beside what such a view
reached on the machine the issue was written on (about 450). Machines differ by a
factor of several; served in the same run, on the same cores, with the same gunicorn
and wrk, this view tells how fast the machine at hand is, and what the target means
on it. It is nothing the site serves.
"""
