"""gunicorn settings for production: `gunicorn -c python:participation.gunicorn_conf wsgi:app`.

Binds to 127.0.0.1 behind the TLS proxy, trusts X-Forwarded-* only from it, writes its error log as JSON
(the same format as the app) and keeps no access log, so no client address is written anywhere.
Command-line options (`-w 3`, `-b ...`) override these values.
"""
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
timeout = 120
forwarded_allow_ips = "127.0.0.1"
accesslog = None
errorlog = "-"

logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "participation.logging_setup.JsonFormatter"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}},
    "root": {"level": "INFO", "handlers": []},  # the app installs its own JSON handler (logging_setup)
    "loggers": {
        "gunicorn.error": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        "gunicorn.access": {"handlers": [], "level": "CRITICAL", "propagate": False},
    },
}
