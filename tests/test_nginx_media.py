"""The README's nginx rules for /media/, run in a real nginx on a free local port."""

import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

README = Path(__file__).resolve().parent.parent / "README.md"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def nginx(tmp_path):
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    assert Path(binary).exists(), "nginx missing: apt-get install -y nginx (.ci/run does)"
    # Outside pytest's private tmp folder: nginx's workers drop root and must read the files.
    media = Path(tempfile.mkdtemp(prefix="newsroom-media-"))
    media.chmod(0o755)
    (media / "foto.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (media / "angriff.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')
    (media / "angriff.html").write_text("<script>alert(1)</script>")
    block = re.search(r"```nginx\n(.*?)```", README.read_text(), re.S).group(1)
    port = free_port()
    block = block.replace("/srv/newsroom/media/", f"{media}/")
    temp = " ".join(f"{name}_temp_path {tmp_path};" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (tmp_path / "nginx.conf").write_text(
        f"daemon off; worker_processes 1; pid {tmp_path}/nginx.pid; error_log {tmp_path}/error.log;\n"
        f"events {{}}\nhttp {{ access_log off; {temp}\nserver {{ listen 127.0.0.1:{port};\n{block}\n}} }}\n"
    )
    process = subprocess.Popen([binary, "-c", str(tmp_path / "nginx.conf"), "-p", str(tmp_path)])
    for _ in range(50):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            break
        except OSError:
            time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=10)
    shutil.rmtree(media)


def headers(url):
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.headers


def test_images_inline(nginx):
    got = headers(nginx + "/media/foto.jpg")
    assert got["Content-Type"] == "image/jpeg" and got["Content-Disposition"] is None
    assert got["X-Content-Type-Options"] == "nosniff" and "sandbox" in got["Content-Security-Policy"]


@pytest.mark.parametrize("name", ["angriff.svg", "angriff.html"])
def test_svg_and_html_are_downloads(nginx, name):
    got = headers(f"{nginx}/media/{name}")
    assert got["Content-Type"] == "application/octet-stream"
    assert got["Content-Disposition"] == "attachment"
    assert got["X-Content-Type-Options"] == "nosniff" and "sandbox" in got["Content-Security-Policy"]
