"""Multipliers: peer interviews and focus-group sessions recorded on behalf of residents."""
from flask import Blueprint

bp = Blueprint("interviews", __name__, url_prefix="/interviews", template_folder="templates")

from . import guides, routes, translations
