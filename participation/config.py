"""Configuration from `instance/.env` and environment variables, with the embedded default when none are set.

Every entry point (gunicorn, `flask ...` from cron or systemd, `rq worker`) reads `instance/.env`, so no
variable has to be exported; an exported variable wins over the file.
"""
import os
import secrets
from pathlib import Path

ENV_FILE = ".env"


def read_env_file(path: Path) -> dict[str, str]:
    """KEY=VALUE lines; blank lines and # comments are skipped, surrounding quotes removed."""
    if not path.is_file():
        return {}
    values = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _sep, value = line.removeprefix("export ").partition("=")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        values[key.strip()] = value
    return values


def settings_for(instance_path: Path) -> dict[str, str]:
    return {**read_env_file(instance_path / ENV_FILE), **os.environ}


def _flag(settings: dict, name: str, default: bool) -> bool:
    value = settings.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


MIN_SECRET_KEY_LENGTH = 32


class WeakSecretKey(RuntimeError):
    """A production installation was configured with a SECRET_KEY anyone could guess or brute-force."""


def _secret_key(settings: dict, instance_path: Path, production: bool) -> str:
    """Use SECRET_KEY, or a key generated once and kept in instance/ so sessions survive restarts.

    In production a configured key shorter than 32 characters is refused: it signs sessions and keys the
    throttling hashes, so a guessable key would let anyone forge a login.
    """
    if settings.get("SECRET_KEY"):
        key = settings["SECRET_KEY"]
        if production and len(key) < MIN_SECRET_KEY_LENGTH:
            raise WeakSecretKey(
                f"SECRET_KEY is too weak ({len(key)} characters, at least {MIN_SECRET_KEY_LENGTH} needed). "
                "Generate one with: python3 -c 'import secrets; print(secrets.token_hex(32))'")
        return key
    key_file = instance_path / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_hex(32))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


def _database_url(settings: dict, instance_path: Path) -> str:
    url = settings.get("DATABASE_URL")
    if not url:
        return f"sqlite:///{instance_path / 'participation.sqlite'}"
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


def load_config(instance_path: Path) -> dict:
    """Settings for the app; production is recognised by a configured DATABASE_URL."""
    instance_path.mkdir(parents=True, exist_ok=True)
    settings = settings_for(instance_path)
    production = bool(settings.get("DATABASE_URL"))
    return {
        "SECRET_KEY": _secret_key(settings, instance_path, production),
        "SQLALCHEMY_DATABASE_URI": _database_url(settings, instance_path),
        "SQLALCHEMY_ENGINE_OPTIONS": {},
        "DB_PING_AFTER_IDLE_SECONDS": float(settings.get("DB_PING_AFTER_IDLE_SECONDS", 10)),
        "REDIS_URL": settings.get("REDIS_URL", ""),
        "RQ_QUEUE": settings.get("RQ_QUEUE", "participation"),
        "DATABASE_CONFIGURED": production,
        "LOAD_DEMO": _flag(settings, "LOAD_DEMO", not production),
        "AUTO_MIGRATE": _flag(settings, "AUTO_MIGRATE", not production),
        "SESSION_COOKIE_SECURE": _flag(settings, "COOKIE_SECURE", production),
        "REMEMBER_COOKIE_SECURE": _flag(settings, "COOKIE_SECURE", production),
        "HSTS_SECONDS": int(settings.get("HSTS_SECONDS", 31536000 if production else 0)),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_HTTPONLY": True,
        "WTF_CSRF_TIME_LIMIT": None,
        "MAX_CONTENT_LENGTH": int(settings.get("MAX_UPLOAD_BYTES", 5 * 1024 * 1024)),
        "MIN_GROUP_SIZE_DEFAULT": int(settings.get("MIN_GROUP_SIZE", 5)),
        "LOGIN_MAX_FAILURES": int(settings.get("LOGIN_MAX_FAILURES", 5)),
        "LOGIN_LOCK_MINUTES": int(settings.get("LOGIN_LOCK_MINUTES", 15)),
        "LOGIN_FAILURES_PER_CLIENT": int(settings.get("LOGIN_FAILURES_PER_CLIENT", 30)),
        "SUBMISSIONS_PER_HOUR": int(settings.get("SUBMISSIONS_PER_HOUR", 2000)),
        "SUBMISSIONS_PER_CLIENT_PER_HOUR": int(settings.get("SUBMISSIONS_PER_CLIENT_PER_HOUR", 60)),
        "DRAFTS_PER_CLIENT_PER_HOUR": int(settings.get("DRAFTS_PER_CLIENT_PER_HOUR", 120)),
        "DELETION_FAILURES_PER_HOUR": int(settings.get("DELETION_FAILURES_PER_HOUR", 20)),
        "BABEL_DEFAULT_LOCALE": "de",
        "BABEL_DEFAULT_TIMEZONE": settings.get("TIMEZONE", "Europe/Berlin"),
        "PUBLIC_BASE_URL": settings.get("PUBLIC_BASE_URL", ""),
        "PROXY_HOPS": int(settings.get("PROXY_HOPS", 1 if production else 0)),
        "EXPORT_STORAGE": settings.get("EXPORT_STORAGE", "files"),
        "EXPORT_LIFETIME_DAYS": float(settings.get("EXPORT_LIFETIME_DAYS", 7)),
        "JOB_QUEUED_ALERT_MINUTES": float(settings.get("JOB_QUEUED_ALERT_MINUTES", 15)),
        "LOG_JSON": _flag(settings, "LOG_JSON", production),
        "ANALYSIS_EMBED_ON_SUBMIT": _flag(settings, "ANALYSIS_EMBED_ON_SUBMIT", True),
        "ANALYSIS_EMBED_DELAY_SECONDS": float(settings.get("ANALYSIS_EMBED_DELAY_SECONDS", 10)),
        "SMTP_HOST": settings.get("SMTP_HOST", ""),
        "SMTP_PORT": int(settings.get("SMTP_PORT") or 0),
        "SMTP_SECURITY": settings.get("SMTP_SECURITY", "starttls"),
        "SMTP_USER": settings.get("SMTP_USER", ""),
        "SMTP_PASSWORD": settings.get("SMTP_PASSWORD", ""),
        "MAIL_FROM": settings.get("MAIL_FROM", ""),
        "SUBSCRIPTIONS_PER_CLIENT_PER_HOUR": int(settings.get("SUBSCRIPTIONS_PER_CLIENT_PER_HOUR", 10)),
        "OPEN_DATA_LICENSE": settings.get("OPEN_DATA_LICENSE", "dl-de/by-2-0"),
        "ANALYSIS_EMBEDDING_MODEL": settings.get("ANALYSIS_EMBEDDING_MODEL", ""),
    }
