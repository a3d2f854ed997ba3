"""The real front cache, started from deploy/varnish/, in front of a live server.

Varnish is Debian's package; ``.ci/run`` installs it, and this test installs it
itself when it is missing and it runs as root (idempotent: nothing to do when
varnishd is there).
"""

import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from newsroom import roles
from newsroom.pagecache import purge

from .conftest import login, staff_user
from .test_views import full_release

DEPLOY = Path(__file__).resolve().parent.parent / "deploy" / "varnish"
PORTS = range(8870, 8900)  # this project's share of the machine (8800-8899)


def varnishd():
    if not shutil.which("varnishd"):
        subprocess.run(["apt-get", "install", "-y", "-q", "varnish"], check=True, capture_output=True)
    return shutil.which("varnishd")


def free_port():
    for port in PORTS:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError("no free port for Varnish")


def wait_for(port, process):
    for _ in range(100):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        if process.poll() is not None:
            raise RuntimeError(process.stderr.read().decode())
        time.sleep(0.1)
    raise RuntimeError("Varnish did not start")


@pytest.fixture
def front_cache(live_server, tmp_path):
    """varnishd with the shipped newsroom.vcl; only backend.vcl points at the live server."""
    port = urllib.parse.urlsplit(live_server.url).port
    (tmp_path / "backend.vcl").write_text(f'backend default {{ .host = "127.0.0.1"; .port = "{port}"; }}\n')
    listen = free_port()
    process = subprocess.Popen(
        [varnishd(), "-F", "-j", "none", "-n", str(tmp_path / "work"), "-a", f"127.0.0.1:{listen}",
         "-T", "none", "-f", str(DEPLOY / "newsroom.vcl"), "-p", f"vcl_path={tmp_path}:{DEPLOY}",
         "-s", "malloc,32m"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    try:
        wait_for(listen, process)
        yield f"http://127.0.0.1:{listen}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def fetch(url, **headers):
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=10) as response:
        return response.headers, response.read().decode()


@pytest.mark.django_db(transaction=True)
def test_varnish_serves_public_pages_and_a_purge_empties_it(front_cache, settings, client):
    settings.NEWSROOM_PAGE_CACHE = True
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    settings.SITE_URL = front_cache  # the host the ban names
    settings.NEWSROOM_PURGE_BACKEND = "newsroom.pagecache.purge.VarnishBan"
    settings.NEWSROOM_PURGE_URLS = [front_cache]
    release = full_release()
    url = front_cache + release.get_absolute_url()

    first_headers, first = fetch(url)
    second_headers, second = fetch(url, Cookie="csrftoken=abc")
    assert first_headers["X-Cache"] == "MISS" and second_headers["X-Cache"] == "HIT"
    assert second == first and release.title in second
    assert "public" in second_headers["Cache-Control"] and "Set-Cookie" not in second_headers

    # Staff pass through to the application and never see or leave a cached copy.
    roles.ensure_staff_groups()  # a transactional test may start after another one flushed them
    session = login(client, staff_user("redakteurin", roles.EDITORS)).cookies[settings.SESSION_COOKIE_NAME].value
    staff_headers, _page = fetch(url, Cookie=f"sessionid={session}")
    assert staff_headers["X-Cache"] == "MISS" and "private" in staff_headers["Cache-Control"]
    assert fetch(url)[0]["X-Cache"] == "HIT"

    # An edit commits, the purge backend bans, the next visitor gets the new page.
    release.title = "Berichtigt über Varnish"
    release.save()
    headers, page = fetch(url)
    assert headers["X-Cache"] == "MISS"
    assert "Berichtigt über Varnish" in page


def test_the_purge_backend_is_off_by_default(settings):
    settings.NEWSROOM_PURGE_BACKEND = ""
    assert purge.backend() is None
    purge.purge_all()  # nothing to call, nothing raised
