"""The processes a benchmark run starts: gunicorn, Varnish, nginx. Each stops when its block ends."""

import os
import shutil
import signal
import socket
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(os.environ.get("VIRTUAL_ENV", ROOT / ".venv")) / "bin"


def wait_for_port(port, process, name):
    for _ in range(300):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited with {process.returncode}")
        time.sleep(0.1)
    raise RuntimeError(f"{name} did not listen on port {port}")


@contextmanager
def running(command, port, name, **kwargs):
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, **kwargs)
    try:
        wait_for_port(port, process, name)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def gunicorn(port, env, app="config.wsgi"):
    """The site as deployed: gunicorn, two sync workers, production settings."""
    command = [str(VENV_BIN / "gunicorn"), app, "--workers", "2", "--bind", f"127.0.0.1:{port}",
               "--log-level", "warning"]
    return running(command, port, "gunicorn", env=env, cwd=ROOT)


def reference(port, workdir):
    """The yardstick (bench/reference): a plain five-query Django view on SQLite, as the site is served."""
    workdir.mkdir(parents=True, exist_ok=True)
    database = workdir / "reference.sqlite3"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.reference.settings", "REFERENCE_DATABASE": str(database)}
    if not database.exists():
        python = str(VENV_BIN / "python")
        subprocess.run([python, "-m", "django", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
        subprocess.run([python, "-c", "import django; django.setup(); from bench.reference.views import populate; "
                        "populate()"], cwd=ROOT, env=env, check=True)
    return gunicorn(port, env, app="bench.reference.wsgi")


def varnish(port, backend_port, workdir):
    """Varnish from the shipped deploy/varnish/newsroom.vcl, its backend pointed at ``backend_port``."""
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "backend.vcl").write_text(
        f'backend default {{ .host = "127.0.0.1"; .port = "{backend_port}"; }}\n'
    )
    deploy = ROOT / "deploy" / "varnish"
    command = [shutil.which("varnishd"), "-F", "-j", "none", "-n", str(workdir / "state"), "-T", "none",
               "-a", f"127.0.0.1:{port}", "-f", str(deploy / "newsroom.vcl"),
               "-p", f"vcl_path={workdir}:{deploy}", "-s", "malloc,256m"]
    return running(command, port, "varnishd")


def nginx_static(port, document_root, workdir):
    """nginx serving files from ``document_root``: the ceiling of what this machine can serve."""
    workdir.mkdir(parents=True, exist_ok=True)
    config = workdir / "nginx.conf"
    config.write_text(f"""
worker_processes 2;
daemon off;
pid {workdir}/nginx.pid;
error_log {workdir}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {workdir}/body;
    proxy_temp_path {workdir}/proxy;
    fastcgi_temp_path {workdir}/fastcgi;
    uwsgi_temp_path {workdir}/uwsgi;
    scgi_temp_path {workdir}/scgi;
    types {{ text/html html; }}
    server {{
        listen 127.0.0.1:{port};
        root {document_root};
    }}
}}
""")
    command = [shutil.which("nginx") or "/usr/sbin/nginx", "-p", str(workdir), "-c", str(config)]
    return running(command, port, "nginx")
