"""Migrations build the schema from nothing, and the models have no change without a migration."""
from contextlib import contextmanager

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import upgrade
from sqlalchemy import inspect, text

from participation import create_app
from participation.extensions import db
from tests.conftest import _test_config


def test_upgrade_empty_database_to_head_matches_models(backend, postgres_url, tmp_path):
    if backend == "postgresql":
        url = postgres_url
    else:
        url = f"sqlite:///{tmp_path / 'migrated.sqlite'}"
    app = create_app(_test_config(url, tmp_path), run_startup_tasks=False)
    with app.app_context():
        if backend == "postgresql":
            with db.engine.begin() as connection:
                connection.execute(text("DROP SCHEMA IF EXISTS migration_check CASCADE"))
                connection.execute(text("CREATE SCHEMA migration_check"))
            db.engine.dispose()
            app.config["SQLALCHEMY_DATABASE_URI"] = url
        try:
            if backend == "postgresql":
                _upgrade_in_schema(app, "migration_check")
            else:
                upgrade()
            with db.engine.connect() as connection:
                if backend == "postgresql":
                    connection.execute(text("SET search_path TO migration_check"))
                context = MigrationContext.configure(connection, opts={"compare_type": True})
                diff = compare_metadata(context, db.metadata)
                tables = set(inspect(connection).get_table_names())
            assert {"process", "questionnaire", "response", "answer", "user_account", "job", "audit_event"} <= tables
            assert diff == [], f"models differ from migrations: {diff}"
        finally:
            if backend == "postgresql":
                with db.engine.begin() as connection:
                    connection.execute(text("DROP SCHEMA IF EXISTS migration_check CASCADE"))
            db.engine.dispose()


def use_schema(schema: str) -> None:
    """Every new PostgreSQL connection works in `schema`, so the suite's own tables stay untouched."""
    from sqlalchemy import event

    @event.listens_for(db.engine, "connect")
    def set_search_path(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        cursor.execute(f"SET search_path TO {schema}")
        cursor.close()
        dbapi_connection.commit()

    db.engine.dispose()


@contextmanager
def migrated_to(revision: str, backend: str, postgres_url: str, tmp_path, schema: str):
    """An app context on a database migrated to `revision`: a fresh SQLite file, or on PostgreSQL the
    schema `schema` (dropped again afterwards), so the suite's own tables stay untouched."""
    url = postgres_url if backend == "postgresql" else f"sqlite:///{tmp_path / (schema + '.sqlite')}"
    app = create_app(_test_config(url, tmp_path), run_startup_tasks=False)
    with app.app_context():
        if backend == "postgresql":
            with db.engine.begin() as connection:
                connection.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
                connection.execute(text(f"CREATE SCHEMA {schema}"))
            use_schema(schema)
        try:
            upgrade(revision=revision)
            yield app
        finally:
            if backend == "postgresql":
                with db.engine.begin() as connection:
                    connection.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
            db.engine.dispose()


def _upgrade_in_schema(app, schema: str, revision: str = "head") -> None:
    """Run the migrations with search_path set, so the suite's own tables stay untouched."""
    use_schema(schema)
    upgrade(revision=revision)
