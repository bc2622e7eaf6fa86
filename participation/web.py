"""Wiring of the web layer: extensions, blueprints, security headers, error pages, template helpers."""
import hmac

from flask import Flask, g, jsonify, render_template, request, session
from flask.json.provider import DefaultJSONProvider
from flask_babel import format_date, format_datetime, format_decimal
from flask_babel import gettext as _
from flask_babel import refresh as refresh_locale
from flask_wtf.csrf import CSRFError
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DataError, DBAPIError, PendingRollbackError
from werkzeug.routing import IntegerConverter

from .database import ping_idle_connections
from .extensions import babel, csrf, db, login_manager, migrate
from .languages import i18n, labels
from .models.core import MAX_INTEGER
from .surveys import display

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
MIGRATIONS_DIRECTORY = __import__("pathlib").Path(__file__).parent / "migrations"


class RowIdConverter(IntegerConverter):
    """`<int:…>` in URLs: numbers beyond the database's 32-bit integers are no row, so 404, not 500."""

    def __init__(self, url_map, *args, **kwargs):
        kwargs.setdefault("max", MAX_INTEGER)
        super().__init__(url_map, *args, **kwargs)


class BoundedJSONProvider(DefaultJSONProvider):
    """JSON nested deeper than Python's recursion limit is bad input (400), not a server error."""

    def loads(self, s, **kwargs):
        try:
            return super().loads(s, **kwargs)
        except RecursionError as error:
            raise ValueError("JSON nested too deeply") from error


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, _record):
    """SQLite needs foreign keys switched on, and WAL so readers don't block the writer."""
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=15000")
        cursor.close()


def init_app(app: Flask) -> None:
    from . import models

    app.url_map.converters["int"] = RowIdConverter
    app.json_provider_class = BoundedJSONProvider
    app.json = BoundedJSONProvider(app)

    db.init_app(app)
    with app.app_context():
        ping_idle_connections(db.engine, app.config["DB_PING_AFTER_IDLE_SECONDS"])
    migrate.init_app(app, db, directory=str(MIGRATIONS_DIRECTORY), render_as_batch=True,
                     compare_type=True)
    csrf.init_app(app)
    babel.init_app(app, locale_selector=i18n.select_ui_locale,
                   default_translation_directories=str(app.root_path + "/../translations"))
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = None
    login_manager.session_protection = "strong"

    @login_manager.user_loader
    def load_user(session_id: str):
        """The cookie names the account and its current session token: older cookies no longer work."""
        from .models import User
        user_id, _separator, token = session_id.partition(":")
        user = db.session.get(User, int(user_id)) if user_id.isdigit() and len(user_id) < 10 else None
        return user if user is not None and token and hmac.compare_digest(user.session_token, token) else None

    _trust_proxy_headers(app)
    _register_blueprints(app)
    _register_request_hooks(app)
    _register_error_handlers(app)
    _register_template_helpers(app)
    display.init_app(app)
    labels.init_app(app)
    _load_job_functions()


def _trust_proxy_headers(app: Flask) -> None:
    """Behind PROXY_HOPS trusted proxies, take scheme, host, port and prefix from their X-Forwarded-* headers.

    Only as many hops as configured are trusted, so a client cannot forge them past the proxy. The client
    address (X-Forwarded-For) is applied too but never logged or stored.
    """
    hops = int(app.config.get("PROXY_HOPS") or 0)
    if hops > 0:
        from werkzeug.middleware.proxy_fix import ProxyFix
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops, x_port=hops, x_prefix=hops)


def _register_blueprints(app: Flask) -> None:
    from .admin import bp as admin_bp
    from .api import bp as api_bp
    from .auth import bp as auth_bp
    from .interviews import bp as interviews_bp
    from .planning import bp as planning_bp
    from .public import bp as public_bp

    for blueprint in (public_bp, auth_bp, interviews_bp, planning_bp, admin_bp, api_bp):
        app.register_blueprint(blueprint)


def _load_job_functions() -> None:
    """Import the modules that register job functions, so every runner knows them."""
    from .jobs import registry  # noqa: F401  (job functions register themselves on import)


def _register_request_hooks(app: Flask) -> None:
    @app.before_request
    def remember_language_choice():
        # g (and Flask-Babel's cache in it) outlives a request when an app context is already pushed
        g.pop("content_language", None)
        g.pop("offered_languages", None)
        refresh_locale()
        chosen = request.args.get("lang")
        if chosen in i18n.LANGUAGES and session.get("lang") != chosen:  # unchanged: no new cookie
            session["lang"] = chosen

    @app.teardown_appcontext
    def release_database_session(_error):
        """Runs before Flask-SQLAlchemy's own teardown: a connection the database dropped after the answer
        was ready (restart, failover) is discarded instead of turning a finished request into an error."""
        try:
            db.session.remove()
        except DBAPIError as error:
            app.logger.warning("database connection lost after the request: %s", type(error.orig).__name__)
            db.session.registry.clear()

    @app.after_request
    def security_headers(response):
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        if app.config.get("HSTS_SECONDS"):
            response.headers.setdefault("Strict-Transport-Security", f"max-age={app.config['HSTS_SECONDS']}")
        if request.endpoint != "static":
            # Pages may hold personal data or codes: never kept in a shared device's browser cache.
            response.headers.setdefault("Cache-Control", "no-store")
        return response


def wants_json() -> bool:
    return request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json"


def json_error(status: int, code: str, message: str, **extra):
    response = jsonify({"error": {"code": code, "message": message, **extra}})
    response.status_code = status
    return response


def _register_error_handlers(app: Flask) -> None:
    def page(status: int, code: str, title: str, message: str):
        if wants_json():
            return json_error(status, code, message)
        return render_template("error.html", title=title, message=message, status=status), status

    @app.errorhandler(CSRFError)
    def csrf_failed(error):
        if app.config.get("SESSION_COOKIE_SECURE") and not request.is_secure:
            # The browser never sent the Secure session cookie over http, so the form could not be checked.
            return page(400, "insecure_connection", _("Verbindung nicht sicher"),
                        _("Diese Seite wurde über eine unverschlüsselte Verbindung (http://) geöffnet. Anmelden "
                          "und Formulare senden geht nur über https://. Bitte öffnen Sie die Adresse mit "
                          "https:// am Anfang. Wenn Sie diese Installation betreuen: leiten Sie http auf https "
                          "um und lassen Sie den Proxy X-Forwarded-Proto senden (PROXY_HOPS)."))
        return page(400, "csrf_failed", _("Formular abgelaufen"),
                    _("Das Formular war zu lange offen oder wurde doppelt gesendet. "
                      "Bitte gehen Sie zurück, laden Sie die Seite neu und senden Sie es noch einmal."))

    @app.errorhandler(400)
    def bad_request(error):
        return page(400, "bad_request", _("Ungültige Anfrage"),
                    _("Die Anfrage konnte nicht verarbeitet werden. Bitte versuchen Sie es noch einmal."))

    @app.errorhandler(403)
    def forbidden(error):
        return page(403, "forbidden", _("Kein Zugriff"),
                    _("Sie haben keine Berechtigung für diese Seite."))

    @app.errorhandler(404)
    def not_found(error):
        return page(404, "not_found", _("Seite nicht gefunden"),
                    _("Diese Seite gibt es nicht. Bitte prüfen Sie den Link."))

    @app.errorhandler(405)
    def method_not_allowed(error):
        return page(405, "method_not_allowed", _("Nicht erlaubt"),
                    _("Diese Aktion ist hier nicht möglich."))

    @app.errorhandler(413)
    def too_large(error):
        return page(413, "too_large", _("Zu groß"),
                    _("Die gesendeten Daten sind zu groß. Bitte kürzen Sie sie."))

    @app.errorhandler(429)
    def too_many(error):
        return page(429, "rate_limited", _("Zu viele Anfragen"),
                    _("Bitte warten Sie einen Moment und versuchen Sie es dann noch einmal."))

    @app.errorhandler(DataError)
    def value_out_of_range(error):
        """A value the database cannot hold (e.g. a number beyond 32 bits) that no check caught."""
        _rollback_quietly()
        return page(400, "value_out_of_range", _("Ungültige Anfrage"),
                    _("Ein Wert ist zu groß oder hat das falsche Format. Bitte prüfen Sie Ihre Eingabe."))

    @app.errorhandler(DBAPIError)
    @app.errorhandler(PendingRollbackError)
    def database_unavailable(error):
        """The database restarted or is unreachable: nothing was stored, the person can simply resend."""
        if isinstance(error, DBAPIError) and not error.connection_invalidated and not _is_connection_error(error):
            raise error
        _rollback_quietly()
        app.logger.warning("database unavailable: %s", type(getattr(error, "orig", None) or error).__name__)
        result = page(503, "database_unavailable", _("Kurz nicht erreichbar"),
                      _("Ihre Antworten wurden noch nicht gespeichert. Bitte gehen Sie im Browser zurück "
                        "und senden Sie sie in einer Minute noch einmal – es wird nichts doppelt gespeichert."))
        response = app.make_response(result)
        response.headers["Retry-After"] = "30"
        return response

    @app.errorhandler(500)
    def server_error(error):
        _rollback_quietly()
        return page(500, "server_error", _("Etwas ist schiefgegangen"),
                    _("Ihre Eingaben sind nicht verloren gegangen, wenn Sie im Browser zurückgehen. "
                      "Bitte versuchen Sie es in einem Moment noch einmal."))


def _rollback_quietly() -> None:
    """Roll back after a failure; a connection that died meanwhile must not turn the answer into a 500."""
    try:
        db.session.rollback()
    except Exception:
        db.session.remove()


def _is_connection_error(error: DBAPIError) -> bool:
    """Lost or refused connections (restart, failover), as opposed to errors in a statement."""
    from sqlalchemy.exc import OperationalError
    if isinstance(error, OperationalError):
        return True
    name = type(error.orig).__name__ if error.orig is not None else ""
    return name in ("AdminShutdown", "OperationalError", "InterfaceError", "ConnectionFailure",
                    "CannotConnectNow")


def _register_template_helpers(app: Flask) -> None:
    @app.context_processor
    def language_context():
        current = i18n.current_language()
        offered = getattr(g, "offered_languages", None)
        switch = i18n.offered_languages(offered) if offered else [
            i18n.LANGUAGES[code] for code in i18n.LANGUAGES if code != "de-easy"]
        return {"current_language": current, "language_switch": switch}

    app.jinja_env.install_gettext_callables(  # as Flask-Babel's, with the catalogue found once per request
        gettext=lambda s: i18n.request_translations().ugettext(s),
        ngettext=lambda s, p, n: i18n.request_translations().ungettext(s, p, n),
        pgettext=lambda c, s: i18n.request_translations().upgettext(c, s),
        npgettext=lambda c, s, p, n: i18n.request_translations().unpgettext(c, s, p, n),
        newstyle=True)
    from .jobs import queue_delayed
    app.jinja_env.globals["queue_delayed"] = queue_delayed
    app.jinja_env.add_extension("jinja2.ext.do")
    app.jinja_env.globals["form_error_items"] = form_error_items
    app.jinja_env.globals.update(format_date=format_date, format_datetime=format_datetime,
                                 format_decimal=format_decimal)


def form_error_items(form) -> list[tuple[str | None, str, str]]:
    """(field id, label, message) of every error of a WTForms form, for the error summary; hidden fields get
    no link (there is nothing to focus)."""
    return [(None if field.type in ("CSRFTokenField", "HiddenField") else field.id, field.label.text, message)
            for field in form if field.errors for message in field.errors]
