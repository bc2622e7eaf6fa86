"""Planners: processes, surveys, reach, themes and the strategy."""
from flask import Blueprint

bp = Blueprint("planning", __name__, url_prefix="/planning", template_folder="templates")

from . import (
    agreement_views,
    builder_routes,
    cooperation_check_views,
    cooperation_edit_views,
    cooperation_views,
    export_views,
    measure_views,
    monitoring_views,
    multipliers,
    outcome_views,
    phase_views,
    priorities,
    privacy_views,
    proposals,
    process_routes,
    reach_views,
    routes,
    strategy_views,
    theme_reruns,
    themes,
    translations,
    wave_views,
)
