"""Personal data in free text: planners never see e-mail addresses, phone numbers, URLs or IBANs."""
from .analysis.privacy import mask_personal_data, strip_personal_data

__all__ = ["mask_personal_data", "strip_personal_data"]
