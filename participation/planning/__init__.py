"""Planners: processes, surveys, reach, themes and the strategy."""
from flask import Blueprint

bp = Blueprint("planning", __name__, url_prefix="/planning", template_folder="templates")

from . import builder_routes, process_routes, reach_views, routes, translations  # noqa: E402,F401
