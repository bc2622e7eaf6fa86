"""Configuration from environment variables, with the embedded default when none are set."""
import os
import secrets
from pathlib import Path


def _flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _secret_key(instance_path: Path) -> str:
    """Use SECRET_KEY, or a key generated once and kept in instance/ so sessions survive restarts."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    key_file = instance_path / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_hex(32))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


def _database_url(instance_path: Path) -> str:
    url = os.environ.get("DATABASE_URL")
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
    production = bool(os.environ.get("DATABASE_URL"))
    return {
        "SECRET_KEY": _secret_key(instance_path),
        "SQLALCHEMY_DATABASE_URI": _database_url(instance_path),
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "REDIS_URL": os.environ.get("REDIS_URL", ""),
        "RQ_QUEUE": os.environ.get("RQ_QUEUE", "participation"),
        "LOAD_DEMO": _flag("LOAD_DEMO", not production),
        "AUTO_MIGRATE": _flag("AUTO_MIGRATE", not production),
        "SESSION_COOKIE_SECURE": _flag("COOKIE_SECURE", production),
        "REMEMBER_COOKIE_SECURE": _flag("COOKIE_SECURE", production),
        "HSTS_SECONDS": int(os.environ.get("HSTS_SECONDS", 31536000 if production else 0)),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_HTTPONLY": True,
        "WTF_CSRF_TIME_LIMIT": None,
        "MAX_CONTENT_LENGTH": int(os.environ.get("MAX_UPLOAD_BYTES", 5 * 1024 * 1024)),
        "MIN_GROUP_SIZE_DEFAULT": int(os.environ.get("MIN_GROUP_SIZE", 5)),
        "LOGIN_MAX_FAILURES": int(os.environ.get("LOGIN_MAX_FAILURES", 5)),
        "LOGIN_LOCK_MINUTES": int(os.environ.get("LOGIN_LOCK_MINUTES", 15)),
        "LOGIN_FAILURES_PER_CLIENT": int(os.environ.get("LOGIN_FAILURES_PER_CLIENT", 30)),
        "SUBMISSIONS_PER_HOUR": int(os.environ.get("SUBMISSIONS_PER_HOUR", 2000)),
        "SUBMISSIONS_PER_CLIENT_PER_HOUR": int(os.environ.get("SUBMISSIONS_PER_CLIENT_PER_HOUR", 60)),
        "DRAFTS_PER_CLIENT_PER_HOUR": int(os.environ.get("DRAFTS_PER_CLIENT_PER_HOUR", 120)),
        "DELETION_FAILURES_PER_HOUR": int(os.environ.get("DELETION_FAILURES_PER_HOUR", 20)),
        "BABEL_DEFAULT_LOCALE": "de",
        "BABEL_DEFAULT_TIMEZONE": os.environ.get("TIMEZONE", "Europe/Berlin"),
        "PUBLIC_BASE_URL": os.environ.get("PUBLIC_BASE_URL", ""),
        "LOG_JSON": _flag("LOG_JSON", production),
        "ANALYSIS_EMBED_ON_SUBMIT": _flag("ANALYSIS_EMBED_ON_SUBMIT", True),
    }
