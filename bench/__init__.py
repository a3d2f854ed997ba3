"""``make bench``: load tests of the public pages at archive scale (README "Performance")."""
