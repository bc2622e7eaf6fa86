"""Absolute links (invitations, password resets, QR codes, flyers, printed links).

With PUBLIC_BASE_URL set (e.g. `https://beteiligung.stadt.de`) every absolute link starts with it, whatever
host or scheme the WSGI server sees; without it the request's own scheme and host are used, which behind a
proxy are right only with ProxyFix (PROXY_HOPS). Commands outside a request need PUBLIC_BASE_URL.
"""
from flask import current_app, has_request_context, request, url_for


class NoBaseURL(RuntimeError):
    """An absolute link was needed outside a request, but PUBLIC_BASE_URL is not configured."""


def absolute_url(endpoint: str, **values) -> str:
    base = (current_app.config.get("PUBLIC_BASE_URL") or "").rstrip("/")
    if has_request_context():
        if not base:
            return url_for(endpoint, _external=True, **values)
        return base + url_for(endpoint, **values).removeprefix(request.script_root)
    if not base:
        raise NoBaseURL("PUBLIC_BASE_URL is not set")
    with current_app.test_request_context("/"):
        return base + url_for(endpoint, **values)
