"""What residents see: the start page, surveys, results. No account needed."""
from flask import Blueprint

bp = Blueprint("public", __name__, template_folder="templates")

from . import deletion, material, outcomes, priorities, routes
