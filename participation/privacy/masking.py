"""Masking of personal data in free text before planners or exports see it.

Residents leave contact details, addresses and names in comments. Planners and exports get the text
with visible placeholders instead (in the reader's language inside a request, German in jobs); the
original stays in the database (for admins, and until the process's retention date anonymises it).
What counts as personal data is decided in one place, `analysis.privacy` (which the theme analysis uses
too, so no keyword or label holds what is masked here). No database access.
"""
from flask import has_request_context
from flask_babel import gettext

from ..analysis.privacy import find_personal_data, strip_personal_data
from ..analysis.privacy import mask_personal_data as _mask

__all__ = ["mask_personal_data", "strip_personal_data", "contains_personal_data", "placeholders"]


def _(message: str) -> str:
    """Translated inside a request; German (the source language) in background jobs."""
    return gettext(message) if has_request_context() else message


def placeholders() -> dict:
    return {"url": _("[Link entfernt]"), "email": _("[E-Mail entfernt]"), "iban": _("[IBAN entfernt]"),
            "phone": _("[Telefonnummer entfernt]"), "address": _("[Adresse entfernt]"),
            "handle": _("[Profilname entfernt]"), "name": _("[Name entfernt]")}


def mask_personal_data(text: str | None) -> str:
    """Replace e-mail addresses (also written as "name (at) example (dot) org"), links, IBANs, phone
    numbers, social-media handles, street addresses and names by visible placeholders."""
    return _mask(text, placeholders()) if text else ""


def contains_personal_data(text: str | None) -> bool:
    return bool(find_personal_data(text))
