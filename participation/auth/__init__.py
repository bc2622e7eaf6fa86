"""Login, logout and invitation links for planners, admins and multipliers."""
from flask import Blueprint

bp = Blueprint("auth", __name__, template_folder="templates")

from . import routes
