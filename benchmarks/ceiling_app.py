"""The framework ceiling: a bare Flask + SQLAlchemy app whose one endpoint inserts one row.

Served by the same gunicorn settings as the platform in benchmarks/load.py, it shows how many
requests per second this machine, gunicorn, Flask, SQLAlchemy and PostgreSQL manage at best.
"""
import os

from flask import Flask, request
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, insert

metadata = MetaData()
ceiling_row = Table("bench_ceiling_row", metadata, Column("id", Integer, primary_key=True),
                    Column("marker", String(80), unique=True))

engine = create_engine(os.environ["DATABASE_URL"], pool_pre_ping=True)
app = Flask(__name__)


@app.post("/insert")
def insert_row():
    with engine.begin() as connection:
        connection.execute(insert(ceiling_row).values(marker=request.form["marker"]))
    return "ok"


@app.get("/healthz")
def healthz():
    return "ok"
