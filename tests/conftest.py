"""Fixtures shared by the whole suite.

The suite runs on SQLite by default and on PostgreSQL with `--db=postgresql` (or TEST_DB=postgresql);
TEST_DATABASE_URL points at the PostgreSQL database (default: the `test` database on 127.0.0.1).
"""
import os
import socket
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import text
from werkzeug.serving import make_server

from participation import create_app
from participation.extensions import db

REPO = Path(__file__).resolve().parent.parent
DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def pytest_addoption(parser):
    parser.addoption("--db", choices=("sqlite", "postgresql"), default=os.environ.get("TEST_DB", "sqlite"),
                     help="database backend the suite runs against")


def pytest_report_header(config):
    return f"database backend: {config.getoption('--db')}"


@pytest.fixture(scope="session")
def backend(request) -> str:
    return request.config.getoption("--db")


@pytest.fixture(scope="session")
def postgres_url(backend):
    url = os.environ.get("TEST_DATABASE_URL", DEFAULT_POSTGRES_URL)
    return url


@pytest.fixture(scope="session")
def _postgres_schema(backend, postgres_url, tmp_path_factory):
    """Create the PostgreSQL schema once per run (from the models; migrations have their own test)."""
    if backend != "postgresql":
        return None
    app = create_app(_test_config(postgres_url, tmp_path_factory.mktemp("instance")), run_startup_tasks=False)
    with app.app_context():
        with db.engine.begin() as connection:
            connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
        db.create_all()
        db.engine.dispose()
    return postgres_url


def _test_config(database_url: str, instance_path, **extra) -> dict:
    return {
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": database_url,
        "WTF_CSRF_ENABLED": False,
        "LOAD_DEMO": False,
        "AUTO_MIGRATE": False,
        "REDIS_URL": "",
        "SECRET_KEY": "test-secret",
        "SERVER_NAME": None,
        "ANALYSIS_EMBED_ON_SUBMIT": False,
        "ANALYSIS_EMBED_DELAY_SECONDS": 0,
        # The fast fallback where the embedder is not under test; tests/analysis and tests/themes exercise
        # the default model (multilingual-e5-small) for real.
        "ANALYSIS_EMBEDDING_MODEL": "use-multilingual-v3",
        **extra,
    }


def database_url_for(backend: str, postgres_url: str, tmp_path) -> str:
    if backend == "postgresql":
        return postgres_url
    return f"sqlite:///{tmp_path / 'test.sqlite'}"


@pytest.fixture
def database_url(backend, _postgres_schema, postgres_url, tmp_path) -> str:
    return database_url_for(backend, postgres_url, tmp_path)


@pytest.fixture
def app_config(request, tmp_path, database_url) -> dict:
    """Overrides for this test's app; the `csrf` marker switches CSRF protection on."""
    config = _test_config(database_url, tmp_path)
    if request.node.get_closest_marker("csrf"):
        config["WTF_CSRF_ENABLED"] = True
    return config


@pytest.fixture
def app(app_config, backend):
    os.environ.setdefault("INSTANCE_PATH", str(REPO / "instance"))
    application = create_app(app_config, run_startup_tasks=False)
    with application.app_context():
        if backend == "sqlite":
            db.create_all()
        else:
            _empty_all_tables()
        yield application
        db.session.remove()
        pool = application.extensions.get("job_threads")
        if pool is not None:
            pool.shutdown(wait=True)
        if backend == "postgresql":
            _empty_all_tables()
        db.engine.dispose()


def _empty_all_tables() -> None:
    tables = ", ".join(f'"{table.name}"' for table in db.metadata.sorted_tables)
    with db.engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def make_user(app):
    from participation.models import User

    def factory(role="planner", processes=(), email=None, password="correct horse battery", active=True):
        user = User(email=email or f"{role}-{uuid.uuid4().hex[:8]}@example.org", name=role.title(), role=role,
                    active=active)
        user.set_password(password)
        user.processes = list(processes)
        db.session.add(user)
        db.session.commit()
        return user
    return factory


def login(client, user, password="correct horse battery"):
    response = client.post("/login", data={"email": user.email, "password": password})
    assert response.status_code == 302, response.get_data(as_text=True)
    return response


@pytest.fixture
def demo(app):
    """The demo process with its answers, before any theme analysis (the steps tests build on)."""
    from participation.demo.loader import load_demo_data
    from participation.models import Process
    load_demo_data(outcomes=False)
    return db.session.execute(db.select(Process)).scalar_one()


@pytest.fixture
def demo_outcomes(app):
    """The whole demo as `flask load-demo` leaves it: themes published, strategy, rules and decisions."""
    from participation.demo.loader import load_demo_data
    from participation.models import Process
    load_demo_data()
    return db.session.execute(db.select(Process)).scalar_one()


SMALL_SURVEY = {
    "short_code": "kurz",
    "published_incomplete": ["en", "ar"],  # a planner confirmed offering them before every text is translated
    "title": {"de": "Kurze Umfrage", "en": "Short survey", "ar": "استطلاع قصير"},
    "intro": {"de": "Danke, dass Sie mitmachen.", "en": "Thank you for taking part."},
    "consent_text": {"de": "Ich bin einverstanden.", "en": "I agree."},
    "thanks_text": {"de": "Vielen Dank!", "en": "Thank you!"},
    "sections": [
        {"title": {"de": "Über Sie", "en": "About you"}, "questions": [
            {"code": "district", "kind": "district", "required": True, "profile_field": "district",
             "text": {"de": "In welchem Stadtteil wohnen Sie?", "en": "Which district do you live in?"}},
            {"code": "children", "kind": "yes_no", "required": True,
             "text": {"de": "Leben Kinder in Ihrem Haushalt?", "en": "Do children live in your household?"}},
            {"code": "childcare", "kind": "single_choice", "condition": {"question": "children", "option": "yes"},
             "text": {"de": "Haben Sie einen Kitaplatz?", "en": "Do you have a childcare place?"},
             "options": [{"code": "yes", "label": {"de": "Ja", "en": "Yes"}},
                         {"code": "waiting", "label": {"de": "Auf der Warteliste", "en": "On the waiting list"}}]},
            {"code": "years", "kind": "number", "min_value": 0, "max_value": 100,
             "text": {"de": "Wie viele Jahre wohnen Sie schon hier?", "en": "How many years have you lived here?"}},
        ]},
        {"title": {"de": "Ihre Meinung", "en": "Your opinion"}, "questions": [
            {"code": "satisfaction", "kind": "scale", "min_value": 1, "max_value": 5,
             "text": {"de": "Wie wohl fühlen Sie sich?", "en": "How good do you feel?"}},
            {"code": "topics", "kind": "multiple_choice",
             "text": {"de": "Was ist Ihnen wichtig?", "en": "What matters to you?"},
             "options": [{"code": "bus", "label": {"de": "Bus", "en": "Bus"}},
                         {"code": "doctors", "label": {"de": "Ärzte", "en": "Doctors"}},
                         {"code": "playgrounds", "label": {"de": "Spielplätze", "en": "Playgrounds"}}]},
            {"code": "missing", "kind": "long_text",
             "text": {"de": "Wo genau fehlt Ihnen Unterstützung?", "en": "Where exactly is support missing for you?"}},
            {"code": "name_short", "kind": "short_text",
             "text": {"de": "Ein Wort zu Ihrem Viertel", "en": "One word about your area"}},
        ]},
    ],
}


@pytest.fixture
def process(app):
    from participation.models import Process
    record = Process(title="Gesund aufwachsen in der Nordstadt", districts=["Nordstadt", "Hafen", "Lindenhof"],
                     target_groups=["Familien mit Kindern", "Ältere Menschen"], languages=["de", "en", "ar"],
                     i18n={"en": {"title": "Growing up healthy in Nordstadt"}})
    db.session.add(record)
    db.session.commit()
    return record


@pytest.fixture
def survey(process):
    from participation.demo.loader import build_questionnaire
    from participation.models import Survey
    record = build_questionnaire(Survey, process, SMALL_SURVEY, status="open")
    db.session.commit()
    return record


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def live_server(app):
    """The app served over real HTTP on a loopback port, for browsers and worker tests."""
    port = free_port()
    server = make_server("127.0.0.1", port, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture
def redis_queue_name():
    """A queue of this test's own, so parallel runs never take each other's jobs."""
    return f"test-{uuid.uuid4().hex[:10]}"


@pytest.fixture
def rq_worker(database_url, redis_queue_name, tmp_path):
    """Start a real `flask worker` process (RQ) for this test's database and queue."""
    processes = []

    def start(burst: bool = False) -> subprocess.Popen:
        environment = dict(os.environ, DATABASE_URL=database_url, REDIS_URL=REDIS_URL, RQ_QUEUE=redis_queue_name,
                           LOAD_DEMO="0", AUTO_MIGRATE="0", SECRET_KEY="test-secret-of-the-worker-subprocess-0001",
                           INSTANCE_PATH=str(tmp_path / "worker-instance"))
        command = [sys.executable, "-m", "flask", "--app", "wsgi", "worker"] + (["--burst"] if burst else [])
        worker = subprocess.Popen(command, cwd=REPO, env=environment, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT, text=True)
        processes.append(worker)
        return worker

    yield start
    for worker in processes:
        if worker.poll() is None:
            worker.terminate()
            try:
                worker.wait(timeout=10)
            except subprocess.TimeoutExpired:
                worker.kill()


def wait_for(predicate, timeout: float = 30.0, interval: float = 0.1):
    """Poll until predicate() is truthy; return its value or fail after timeout."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"condition not met within {timeout} s")


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the run (Debian's package, driven by Playwright)."""
    from playwright.sync_api import sync_playwright

    from tests.browser import launch_browser
    with sync_playwright() as playwright:
        instance = launch_browser(playwright)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    from tests.browser import PHONE
    context = browser.new_context(viewport=PHONE, locale="de-DE")
    tab = context.new_page()
    yield tab
    context.close()
