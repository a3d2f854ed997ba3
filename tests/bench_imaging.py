"""How long an upload takes to check, clean and render, and how fast a bomb is refused.

Run: PYTHONPATH=. .venv/bin/python tests/bench_imaging.py
(not a test: pytest collects only test_*.py)
"""

import os
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("SECRET_KEY", "bench-only")

import django  # noqa: E402

django.setup()

from django.core.exceptions import ValidationError  # noqa: E402
from django.core.files.base import ContentFile  # noqa: E402

from newsroom.imaging import prepare_upload  # noqa: E402
from tests import images  # noqa: E402


def main():
    for width, height in [(1600, 1067), (6000, 4000)]:
        data = images.jpeg_rotated_with_gps(width, height)
        start = time.perf_counter()
        prepared = prepare_upload(ContentFile(data, name="x.jpg"))
        took = time.perf_counter() - start
        print(f"{width}x{height} JPEG ({len(data) // 1024} KiB): {took:.2f} s, "
              f"{len(prepared.renditions)} widths x 2 formats")
    bomb = images.png_bomb(30000)
    start = time.perf_counter()
    try:
        prepare_upload(ContentFile(bomb, name="x.png"))
    except ValidationError:
        print(f"900 MP PNG bomb ({len(bomb) // 1024} KiB) refused in {time.perf_counter() - start:.4f} s")


if __name__ == "__main__":
    main()
