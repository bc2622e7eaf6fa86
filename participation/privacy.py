"""Masking of personal data in free text before planners or exports see it.

One implementation serves the analysis and the web app: participation.analysis.privacy.
"""
from .analysis.privacy import mask_personal_data as _mask


def mask_personal_data(text: str | None) -> str:
    """Replace e-mail addresses, links, IBANs and phone numbers with neutral placeholders."""
    return _mask(text) if text else (text or "")
