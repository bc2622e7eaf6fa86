"""Flask extensions, created unbound so blueprints and models can import them."""
from flask import session
from flask_babel import Babel
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class StaffLoginManager(LoginManager):
    """Session protection for logged-in staff only.

    In "strong" mode Flask-Login treats every non-empty session without its identifier as stolen, so each
    resident page (whose session holds only the CSRF token and draft ids) was "protected" anew: the cookie
    was re-signed and a remember-cookie deletion sent on every request. Without a login there is nothing
    to protect; with one, the check works as before.
    """

    def _session_protection_failed(self) -> bool:
        if "_user_id" not in session:
            return False
        return super()._session_protection_failed()


db = SQLAlchemy(model_class=Base)
migrate = Migrate()
login_manager = StaffLoginManager()
csrf = CSRFProtect()
babel = Babel()
