"""Connection handling for many short resident requests: as few round trips to the database as is safe.

A resident's page needs one or two statements. Pinging every pooled connection before use and wrapping
a single SELECT in BEGIN … ROLLBACK tripled the round trips per page, and round trips, not SQL, were the
cost under load (benchmarks/profile_pages.py).
"""
import time

from sqlalchemy import event, exc
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, scoped_session

DEFAULT_PING_AFTER_IDLE_SECONDS = 10.0


def ping_idle_connections(engine: Engine, idle_seconds: float = DEFAULT_PING_AFTER_IDLE_SECONDS) -> None:
    """Check a pooled connection before use only when it lay unused for `idle_seconds`.

    A database restart or a dropped idle connection is noticed before a request uses the connection (the
    pool then opens a fresh one), as with `pool_pre_ping`, without a round trip for every busy request. A
    connection that dies while in steady use fails that one request with the "please resend" page, and
    SQLAlchemy then replaces every connection of the pool.
    """

    @event.listens_for(engine, "checkin")
    def remember_when_returned(_dbapi_connection, record):
        record.info["returned_at"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def ping_after_idle(dbapi_connection, record, _proxy):
        returned_at = record.info.get("returned_at")
        if returned_at is None or time.monotonic() - returned_at < idle_seconds:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except Exception as error:
            raise exc.DisconnectionError(f"connection failed its ping after idling: {error}") from error


def statements_without_transaction(session: Session | scoped_session) -> None:
    """Run this request's statements outside a transaction, each one committed on its own.

    For views that read (each statement sees committed data) or write in single statements that stand alone
    (a draft's one UPDATE or INSERT … ON CONFLICT): no BEGIN and COMMIT/ROLLBACK round trips. Writes that
    belong together must call `transaction_from_here` first. Call before the first query; a view that
    already used the session keeps its transaction.
    """
    if not session().in_transaction():
        session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})


def transaction_from_here(session: Session | scoped_session) -> None:
    """The next statements run in one transaction again (e.g. a response, its answers and the dropped draft).

    Ends the session's current transaction, which on an autocommit connection sends nothing to the
    database; the next statement checks out a connection with the normal isolation level.
    """
    if session().in_transaction():
        session.commit()
