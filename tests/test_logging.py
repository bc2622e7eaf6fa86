"""Logs in production: JSON lines with an ISO 8601 time and offset, never a client address."""
import json
import logging
import logging.config
import re

from participation.logging_setup import DropClientAddress, JsonFormatter

ISO_WITH_OFFSET = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$")


def _record(name="participation.test", message="hello %s", args=("world",), level=logging.WARNING):
    return logging.LogRecord(name, level, __file__, 1, message, args, None)


def test_json_line_has_iso_time_with_offset():
    entry = json.loads(JsonFormatter().format(_record()))
    assert entry["message"] == "hello world" and entry["level"] == "WARNING"
    assert ISO_WITH_OFFSET.match(entry["time"]), entry["time"]


def test_werkzeug_access_line_loses_the_client_address():
    record = _record("werkzeug", '203.0.113.9 - - [30/Nov/2026 12:00:00] "%s" %s %s',
                     ("GET /s/kurz HTTP/1.1", "200", "-"), logging.INFO)
    DropClientAddress().filter(record)
    assert "203.0.113.9" not in record.getMessage()
    assert record.getMessage().startswith('"GET /s/kurz HTTP/1.1" 200')


def test_app_logs_go_through_one_json_handler(app, capsys):
    from participation.logging_setup import configure_logging
    app.config["LOG_JSON"] = True
    configure_logging(app)
    try:
        logging.getLogger("participation.jobs").warning("job %s stopped", "abc")
        logging.getLogger("rq.worker").info("Job OK (abc)")
        lines = [json.loads(line) for line in capsys.readouterr().err.strip().splitlines()]
    finally:
        app.config["LOG_JSON"] = False
        configure_logging(app)
    assert [entry["logger"] for entry in lines] == ["participation.jobs", "rq.worker"]


def test_gunicorn_error_log_is_json_and_access_log_is_off(capsys):
    from participation import gunicorn_conf
    assert gunicorn_conf.accesslog is None and gunicorn_conf.bind.startswith("127.0.0.1")
    logging.config.dictConfig(gunicorn_conf.logconfig_dict)
    logging.getLogger("gunicorn.error").info("Booting worker with pid: %s", 42)
    logging.getLogger("gunicorn.access").info('203.0.113.9 "GET / HTTP/1.1" 200')
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and json.loads(err[0])["message"] == "Booting worker with pid: 42"
    assert "203.0.113.9" not in "".join(err)


def test_a_migration_inside_the_app_keeps_its_logging(tmp_path, capsys):
    """init-db and the embedded server's first start migrate in-process: the app's loggers must keep working."""
    from flask_migrate import upgrade

    from participation import create_app
    from participation.extensions import db
    from participation.logging_setup import configure_logging
    from tests.conftest import _test_config

    logging.getLogger("participation.jobs")  # exists before the migration, as in a running server
    app = create_app(_test_config(f"sqlite:///{tmp_path / 'migrated.sqlite'}", tmp_path, LOG_JSON=True),
                     run_startup_tasks=False)
    try:
        with app.app_context():
            upgrade()
            db.engine.dispose()
        capsys.readouterr()
        logging.getLogger("participation.jobs").warning("job %s stopped", "abc")
        lines = [json.loads(line) for line in capsys.readouterr().err.strip().splitlines()]
    finally:
        app.config["LOG_JSON"] = False
        configure_logging(app)
    assert [(entry["logger"], entry["message"]) for entry in lines] == [("participation.jobs", "job abc stopped")]
