"""Residents delete their own response with a code shown once on the thank-you page (only its hash is stored).
"""
from __future__ import annotations

import hashlib
import re
import secrets

from sqlalchemy import select

from .. import audit
from ..extensions import db
from ..models import (
    Response,
)

DELETION_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
DELETION_CODE_LENGTH = 16

def normalise_deletion_code(code: str) -> str:
    """Residents copy codes with spaces, dashes or in lower case; all of these count."""
    return re.sub(r"[^A-Z0-9]", "", (code or "").upper())


def hash_deletion_code(code: str) -> str:
    return hashlib.sha256(normalise_deletion_code(code).encode()).hexdigest()


def new_deletion_code() -> tuple[str, str]:
    """A new deletion code as shown to the resident, and the hash that is stored instead of it."""
    raw = "".join(secrets.choice(DELETION_CODE_ALPHABET) for _ in range(DELETION_CODE_LENGTH))
    return "-".join(raw[i:i + 4] for i in range(0, DELETION_CODE_LENGTH, 4)), hash_deletion_code(raw)


def issue_deletion_code(response: Response) -> str:
    """Give a response a new deletion code; only its hash is stored. The caller commits."""
    code, response.deletion_code_hash = new_deletion_code()
    return code


def deletion_code_for_new_response(response: Response) -> str | None:
    """A code for a response that has none yet (a resend of the same submission gets no second code)."""
    if response.deletion_code_hash is not None:
        return None
    code = issue_deletion_code(response)
    db.session.commit()
    return code


def delete_response_by_code(code: str) -> bool:
    """Delete the response (with all its answers) that the code belongs to; False if no response has it."""
    normalised = normalise_deletion_code(code)
    if len(normalised) != DELETION_CODE_LENGTH:
        return False
    response = db.session.execute(
        select(Response).filter_by(deletion_code_hash=hash_deletion_code(normalised))).scalar_one_or_none()
    if response is None:
        return False
    audit.record("response_deleted_on_request", process_id=response.process_id, user=False,
                 questionnaire_id=response.questionnaire_id)
    db.session.delete(response)
    db.session.commit()
    return True
