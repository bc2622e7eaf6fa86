"""Guides, multipliers and record builders for the interview tests."""
import uuid

import pytest

from participation.demo.loader import build_questionnaire
from participation.extensions import db
from participation.models import Guide

INTERVIEW_GUIDE = {
    "guide_type": "interview",
    "title": {"de": "Peer-Interview Nordstadt", "tr": "Akran görüşmesi Nordstadt"},
    "consent_text": {"de": "Die Antworten werden ohne Namen ausgewertet."},
    "sections": [
        {"title": {"de": "Unterstützung"}, "planned_minutes": 15, "questions": [
            {"code": "missing", "kind": "long_text", "required": True,
             "text": {"de": "Wo genau fehlt Ihnen Unterstützung?", "tr": "Size tam olarak nerede destek eksik?"},
             "followup": {"de": "Nach Beispielen aus dem Alltag fragen."}},
            {"code": "contact", "kind": "short_text",
             "text": {"de": "Für welches Anliegen wünschen Sie sich eine Ansprechperson?"}},
            {"code": "children", "kind": "yes_no", "text": {"de": "Leben Kinder in Ihrem Haushalt?"}},
            {"code": "satisfaction", "kind": "scale", "min_value": 1, "max_value": 5,
             "text": {"de": "Wie wohl fühlen Sie sich im Stadtteil?"}},
        ]},
    ],
}

FOCUS_GUIDE = {
    "guide_type": "focus_group",
    "title": {"de": "Gruppengespräch Eltern"},
    "sections": [
        {"title": {"de": "Einstieg"}, "planned_minutes": 20, "questions": [
            {"code": "everyday", "kind": "long_text", "text": {"de": "Was beschäftigt Sie im Alltag?"},
             "followup": {"de": "Konkrete Orte nennen lassen."}},
            {"code": "contribute", "kind": "long_text", "text": {"de": "Was könnten Sie selbst beitragen?"}},
        ]},
    ],
}

TURKISH_ANSWER = "Çocuklar için yeterli kreş yeri yok, bekleme listesi çok uzun ve doktor randevusu bulmak zor."
GERMAN_TRANSLATION = ("Es gibt nicht genug Kitaplätze für Kinder, die Warteliste ist sehr lang "
                      "und Arzttermine sind schwer.")


def client_id() -> str:
    return uuid.uuid4().hex


@pytest.fixture
def interview_guide(process):
    guide = build_questionnaire(Guide, process, INTERVIEW_GUIDE, status="open")
    db.session.commit()
    return guide


@pytest.fixture
def focus_guide(process):
    guide = build_questionnaire(Guide, process, FOCUS_GUIDE, status="open")
    db.session.commit()
    return guide


@pytest.fixture
def multiplier(make_user, process, interview_guide, focus_guide):
    user = make_user("multiplier", processes=[process], email="aylin@example.org")
    user.assigned_questionnaires = [interview_guide, focus_guide]
    db.session.commit()
    return user


@pytest.fixture
def other_multiplier(make_user, process, interview_guide, focus_guide):
    user = make_user("multiplier", processes=[process], email="olena@example.org")
    user.assigned_questionnaires = [interview_guide, focus_guide]
    db.session.commit()
    return user


@pytest.fixture
def planner(make_user, process):
    return make_user("planner", processes=[process], email="planung@example.org")


def interview_record(guide, **changes) -> dict:
    record = {"client_id": client_id(), "type": "interview", "questionnaire_id": guide.id, "language": "tr",
              "district": "Nordstadt", "target_group": "Familien mit Kindern", "consent": True,
              "answers": {"missing": TURKISH_ANSWER, "children": True, "satisfaction": 4},
              "translations_de": {"missing": GERMAN_TRANSLATION}}
    record.update(changes)
    return record


def session_record(guide, **changes) -> dict:
    record = {"client_id": client_id(), "type": "focus_group", "questionnaire_id": guide.id, "language": "de",
              "consent": True, "held_on": "2025-03-14", "place": "Familienzentrum Nordstadt",
              "moderator": "Quartiersmanagement", "participant_count": 8,
              "composition": {"target_group": {"Familien mit Kindern": 6}, "age_band": {"30-49": 5, "18-29": 3}},
              "items": [{"question": "everyday", "kind": "note", "text": "Viele Eltern finden keinen Kitaplatz."},
                        {"question": "everyday", "kind": "quote", "text": "Wir warten seit einem Jahr."},
                        {"question": "contribute", "kind": "note", "text": "Eltern bieten Hausaufgabenhilfe an."}]}
    record.update(changes)
    return record
