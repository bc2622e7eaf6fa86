"""Planners: processes, surveys, reach, themes and the strategy."""
from flask import Blueprint

bp = Blueprint("planning", __name__, url_prefix="/planning", template_folder="templates")

from . import routes, reach_views, privacy_views  # noqa: E402,F401
from . import multipliers  # noqa: E402,F401
from . import themes  # noqa: E402,F401
