"""Operators' commands: create users, load the demo, inspect jobs."""
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
