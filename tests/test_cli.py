"""Operators' commands: create users, load the demo, inspect jobs."""
import pytest

from participation.extensions import db
from participation.models import Process, User


def test_create_user_command_creates_hashed_account_with_process(app, process):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["create-user", "Chefin@Stadt.de", "--role", "planner", "--name", "Chefin",
                                 "--process", str(process.id)], input="geheimes passwort\ngeheimes passwort\n")
    assert result.exit_code == 0, result.output
    user = db.session.execute(db.select(User).filter_by(email="chefin@stadt.de")).scalar_one()
    assert user.role == "planner" and user.check_password("geheimes passwort")
    assert user.processes == [process]


def test_load_demo_command_prints_logins_and_is_idempotent(app):
    runner = app.test_cli_runner()
    first = runner.invoke(args=["load-demo"])
    assert first.exit_code == 0 and "demo loaded" in first.output and "planung@beispielstadt.de" in first.output
    second = runner.invoke(args=["load-demo"])
    assert "already loaded" in second.output
    assert db.session.execute(db.select(db.func.count(Process.id))).scalar_one() == 1


def test_worker_command_explains_missing_redis(app):
    result = app.test_cli_runner().invoke(args=["worker", "--burst"])
    assert result.exit_code != 0 and "REDIS_URL" in result.output


def _create(app, *args, password="ein langes passwort"):
    return app.test_cli_runner().invoke(args=["create-user", *args], input=f"{password}\n{password}\n")


def test_create_user_refuses_a_password_shorter_than_the_web_allows(app):
    result = _create(app, "admin@stadt.de", "--role", "admin", password="x")
    assert result.exit_code != 0 and "at least 10 characters" in result.output
    assert db.session.execute(db.select(User)).first() is None


def test_duplicate_email_gets_a_clear_message_without_hash_or_traceback(app):
    assert _create(app, "chefin@stadt.de", "--role", "admin").exit_code == 0
    result = _create(app, "Chefin@Stadt.de", "--role", "planner")
    assert result.exit_code == 1
    assert "exists already" in result.output and "reset-password" in result.output
    for leak in ("Traceback", "IntegrityError", "scrypt", "pbkdf2", "$"):
        assert leak not in result.output


def test_create_user_refuses_bad_email_and_unknown_process(app):
    assert "not a valid e-mail" in _create(app, "kein-at-zeichen", "--role", "planner").output
    result = _create(app, "p@stadt.de", "--role", "planner", "--process", "999")
    assert result.exit_code == 1 and "no process with id 999" in result.output


def test_reset_password_prints_a_one_time_link_that_works(app, client, make_user):
    user = make_user("admin", email="admin@stadt.de")
    app.config["PUBLIC_BASE_URL"] = "https://beteiligung.stadt.de"
    result = app.test_cli_runner().invoke(args=["reset-password", "Admin@Stadt.de"])
    assert result.exit_code == 0, result.output
    link = result.output.strip().splitlines()[-1]
    assert link.startswith("https://beteiligung.stadt.de/")
    path = link.removeprefix("https://beteiligung.stadt.de")
    assert client.get(path).status_code == 200
    response = client.post(path, data={"password": "ganz neues passwort", "confirm": "ganz neues passwort"})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(User, user.id).check_password("ganz neues passwort")
    assert client.get(path).status_code != 200  # used once


def test_reset_password_explains_unknown_account_and_missing_base_url(app, make_user):
    make_user("admin", email="admin@stadt.de")
    runner = app.test_cli_runner()
    assert "no account" in runner.invoke(args=["reset-password", "wer@stadt.de"]).output
    result = runner.invoke(args=["reset-password", "admin@stadt.de"])
    assert result.exit_code == 1 and "PUBLIC_BASE_URL" in result.output


def test_commands_refuse_a_database_that_is_empty(tmp_path):
    from participation import create_app
    empty = tmp_path / "empty.sqlite"
    empty.touch()
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{empty}", "SECRET_KEY": "t",
                      "LOAD_DEMO": False, "AUTO_MIGRATE": False}, run_startup_tasks=False)
    result = app.test_cli_runner().invoke(args=["privacy", "apply-retention"])
    assert result.exit_code == 1 and "is empty" in result.output and "init-db" in result.output


def _flask(instance, *args, extra_env=None):
    """`flask --app wsgi ...` as cron runs it: no variables but the instance folder's location."""
    import os
    import subprocess
    import sys
    from tests.conftest import REPO
    environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "INSTANCE_PATH": str(instance),
                   **(extra_env or {})}
    return subprocess.run([sys.executable, "-m", "flask", "--app", "wsgi", *args], cwd=REPO, env=environment,
                          capture_output=True, text=True, timeout=300)


def test_cron_without_configuration_stops_and_creates_no_database(tmp_path):
    instance = tmp_path / "instance"
    instance.mkdir()
    result = _flask(instance, "privacy", "apply-retention")
    assert result.returncode != 0
    assert "No database" in result.stderr and "init-db" in result.stderr
    assert not (instance / "participation.sqlite").exists()


def test_cron_reads_the_instance_env_file(app, database_url, tmp_path):
    instance = tmp_path / "cron-instance"
    instance.mkdir()
    (instance / ".env").write_text(f"# written by the operator\nDATABASE_URL='{database_url}'\n"
                                   "SECRET_KEY=a-long-secret-for-this-test-only\nLOG_JSON=0\n")
    result = _flask(instance, "privacy", "apply-retention")
    assert result.returncode == 0, result.stderr
    assert "retention applied to 0 process(es)" in result.stdout
    assert not (instance / "participation.sqlite").exists()
    assert db.session.execute(db.select(User)).first() is None  # no demo logins loaded


def test_production_refuses_a_weak_secret_key_and_accepts_a_strong_one(tmp_path, monkeypatch):
    from participation.config import WeakSecretKey, load_config

    monkeypatch.setenv("DATABASE_URL", "postgresql://db-host/participation")
    monkeypatch.setenv("SECRET_KEY", "changeme")
    with pytest.raises(WeakSecretKey, match="at least 32"):
        load_config(tmp_path)
    strong = "k" * 32
    monkeypatch.setenv("SECRET_KEY", strong)
    assert load_config(tmp_path)["SECRET_KEY"] == strong


def test_the_embedded_default_keeps_any_key_it_is_given(tmp_path, monkeypatch):
    from participation.config import load_config

    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("SECRET_KEY", "short")
    assert load_config(tmp_path)["SECRET_KEY"] == "short"


def test_commands_still_run_after_many_apps_were_created(app, process):
    """The command objects are shared by every app: guarding them again per app nested them until recursion."""
    from participation import create_app

    for _ in range(400):
        create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
                    "SECRET_KEY": "x", "LOAD_DEMO": False, "AUTO_MIGRATE": False}, run_startup_tasks=False)
    result = app.test_cli_runner().invoke(args=["jobs", "list"])
    assert result.exit_code == 0, result.output
