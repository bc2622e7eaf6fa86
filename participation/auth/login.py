"""Checking a login without helping an attacker: throttled per client address and account, the same
answer and a similar time for unknown and existing accounts, and only same-site redirects afterwards.

No request state is stored in the database; the counters live in `privacy.throttle` (memory or Redis).
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from flask import current_app
from sqlalchemy import func
from werkzeug.security import check_password_hash, generate_password_hash

from ..extensions import db
from ..models import User
from ..privacy import throttle

_DUMMY_HASH: list[str] = []
# Browsers drop tabs and newlines anywhere in a URL and leading/trailing control characters and spaces,
# and read backslashes as slashes: "/\t/evil.example" and "/\\evil.example" both leave the site.
_DROPPED_BY_BROWSERS = re.compile(r"[\t\n\r]")


class LoginRefused(Exception):
    def __init__(self, throttled: bool = False):
        super().__init__("throttled" if throttled else "wrong credentials")
        self.throttled = throttled


def safe_next(target: str | None) -> str | None:
    """The path to go to after login, if it stays on this site as browsers will read it; else None."""
    if not target:
        return None
    normalised = _DROPPED_BY_BROWSERS.sub("", target).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e"
                                                             "\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19"
                                                             "\x1a\x1b\x1c\x1d\x1e\x1f ").replace("\\", "/")
    if any(ord(character) < 32 or ord(character) == 127 for character in normalised):
        return None
    parts = urlsplit(normalised)
    if not normalised.startswith("/") or normalised.startswith("//") or parts.scheme or parts.netloc:
        return None
    return normalised


def _window_seconds() -> int:
    return current_app.config["LOGIN_LOCK_MINUTES"] * 60


def _keys(email: str) -> tuple[str, str]:
    client = throttle.client_key()
    return (throttle.key("login-pair", client, throttle.pseudonym("email:" + email)),
            throttle.key("login-client", client))


def _throttled(pair_key: str, client_key: str) -> bool:
    store = throttle.counters()
    config = current_app.config
    return (store.count(pair_key) >= config["LOGIN_MAX_FAILURES"]
            or store.count(client_key) >= config["LOGIN_FAILURES_PER_CLIENT"])


def _password_matches(user: User | None, password: str) -> bool:
    """Always one hash check, also for unknown or password-less accounts, so the time does not tell."""
    if not _DUMMY_HASH:
        _DUMMY_HASH.append(generate_password_hash("not a password of anybody"))
    stored = user.password_hash if user is not None and user.password_hash else _DUMMY_HASH[0]
    return check_password_hash(stored, password) and user is not None and bool(user.password_hash)


def authenticate(email: str, password: str) -> User:
    """The active account with this e-mail and password, or LoginRefused.

    A stranger's failures count against their own address (per account, and in total), so the real
    person logging in from elsewhere is not locked out; unknown addresses count the same way.
    """
    email = email.strip().lower()
    pair_key, client_key = _keys(email)
    if _throttled(pair_key, client_key):
        raise LoginRefused(throttled=True)
    user = db.session.execute(db.select(User).where(func.lower(User.email) == email)).scalar_one_or_none()
    if _password_matches(user, password) and user.active:
        throttle.counters().clear(pair_key)
        return user
    store = throttle.counters()
    store.hit(pair_key, _window_seconds())
    store.hit(client_key, _window_seconds())
    raise LoginRefused()
