"""Logs: structured JSON in production (app, RQ worker, gunicorn's error log), readable lines on a laptop.

Every record goes through the root logger's one handler, so libraries (RQ, Alembic, waitress, Werkzeug)
log in the same format. Timestamps are ISO 8601 with the UTC offset. No client IP address is logged:
the Werkzeug access line loses its address, gunicorn's access log is off (see gunicorn_conf.py), and
the app itself never logs one.
"""
import json
import logging
import re
from datetime import datetime

_INSTALLED = "_participation_handler"
# Werkzeug's access line: '<client address> - - [<date>] "GET / HTTP/1.1" 200 -'
_ACCESS_PREFIX = re.compile(r"^\S+ - - \[[^\]]*\] ")


def iso_time(record: logging.LogRecord) -> str:
    return datetime.fromtimestamp(record.created).astimezone().isoformat(timespec="milliseconds")


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (ISO 8601 with offset), level, logger, message[, exception]."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {"time": iso_time(record), "level": record.levelname, "logger": record.name,
                 "message": record.getMessage()}
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


class PlainFormatter(logging.Formatter):
    def formatTime(self, record, datefmt=None) -> str:  # noqa: N802  (logging's name)
        return iso_time(record)


class DropClientAddress(logging.Filter):
    """Removes the client address (and the duplicate date) from Werkzeug's access lines."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = _ACCESS_PREFIX.sub("", record.msg)
        return True


def make_handler(json_logs: bool) -> logging.Handler:
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter() if json_logs else
                         PlainFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    setattr(handler, _INSTALLED, True)
    return handler


def installed() -> bool:
    """Whether the app's handler is on the root logger (migrations then leave logging as it is)."""
    return any(getattr(handler, _INSTALLED, False) for handler in logging.getLogger().handlers)


def configure_logging(app) -> None:
    """Install the one handler on the root logger (replacing an earlier one of ours, keeping others)."""
    from flask.logging import default_handler

    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, _INSTALLED, False)]:
        root.removeHandler(handler)
    root.addHandler(make_handler(bool(app.config.get("LOG_JSON"))))
    root.setLevel(logging.INFO)
    participation = logging.getLogger("participation")
    participation.removeHandler(default_handler)
    participation.handlers = [h for h in participation.handlers if not getattr(h, _INSTALLED, False)]
    participation.propagate = True
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)  # a line per plugin, every start
    werkzeug = logging.getLogger("werkzeug")
    if not any(isinstance(f, DropClientAddress) for f in werkzeug.filters):
        werkzeug.addFilter(DropClientAddress())
