"""JSON endpoints: health, job progress, offline sync. Errors carry a stable code."""
from flask import Blueprint

bp = Blueprint("api", __name__)

from . import routes, sync, themes
