"""`flask run-demo` (what `bash scripts/start.sh` runs) serves through waitress, prints the URL and the logins."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.conftest import free_port

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def embedded_default(tmp_path, backend):
    if backend != "sqlite":
        pytest.skip("the embedded default always runs on SQLite")
    port = free_port()
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("DATABASE_URL", "REDIS_URL", "LOAD_DEMO", "AUTO_MIGRATE")}
    environment.update(INSTANCE_PATH=str(tmp_path), PYTHONPATH=str(REPO), ANALYSIS_EMBED_ON_SUBMIT="0")
    output = open(tmp_path / "output.txt", "w+")
    process = subprocess.Popen([str(Path(sys.executable).parent / "flask"), "--app", "wsgi", "run-demo",
                                "--port", str(port)], cwd=REPO, env=environment, stdout=output,
                               stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and process.poll() is None:
            try:
                httpx.get(url + "/healthz", timeout=2)
                break
            except httpx.HTTPError:
                time.sleep(0.5)
        output.seek(0)
        yield url, lambda: (output.seek(0), output.read())[1]
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        output.close()


def test_start_command_serves_through_waitress_with_demo_and_logins(embedded_default):
    url, printed = embedded_default
    survey = httpx.get(url + "/s/auenstadt", timeout=30)
    assert survey.status_code == 200 and 'name="consent"' in survey.text
    assert survey.headers["server"] == "participation"
    text = printed()
    assert f"running at {url}/" in text
    assert "admin@beispielstadt.de / demo-admin" in text and "planung@beispielstadt.de / demo-planung" in text
    assert "development server" not in text

