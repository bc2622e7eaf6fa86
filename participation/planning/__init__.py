"""Planners: processes, surveys, reach, themes and the strategy."""
from flask import Blueprint

bp = Blueprint("planning", __name__, url_prefix="/planning", template_folder="templates")

from . import routes, reach_views, builder_routes, process_routes, privacy_views  # noqa: E402,F401
from . import multipliers  # noqa: E402,F401
from . import strategy_views, export_views  # noqa: E402,F401
from . import themes  # noqa: E402,F401
