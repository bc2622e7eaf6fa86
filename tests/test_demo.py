"""The demo gives every planner screen something to show."""
from sqlalchemy import func

from participation.extensions import db
from participation.models import Answer, Guide, Response, Survey, User


def test_demo_loads_a_realistic_multilingual_process(demo):
    survey = db.session.execute(db.select(Survey)).scalar_one()
    assert survey.is_open() and len(survey.questions) >= 12
    kinds = {q.kind for q in survey.questions}
    assert kinds >= {"single_choice", "multiple_choice", "scale", "short_text", "long_text", "number", "district",
                     "yes_no"}
    assert all(survey.translated("title", lang) != survey.title for lang in ("en", "tr", "ar"))
    guides = db.session.execute(db.select(Guide)).scalars().all()
    assert {g.guide_type for g in guides} == {"interview", "focus_group"}
    responses = db.session.execute(db.select(func.count(Response.id))).scalar_one()
    assert responses >= 200
    languages = set(db.session.execute(db.select(Answer.language).where(Answer.text_value.is_not(None))).scalars())
    assert {"de", "tr", "ar", "en"} <= languages
    channels = set(db.session.execute(db.select(Response.channel)).scalars())
    assert channels == {"online", "peer_interview", "paper", "focus_group"}
    with_group = db.session.execute(db.select(func.count(Response.id)).where(Response.target_group.is_not(None)))
    assert with_group.scalar_one() > 50
    assert db.session.execute(db.select(func.count(User.id))).scalar_one() == 4


def test_demo_loads_only_once(demo):
    from participation.demo.loader import load_demo_data
    assert load_demo_data() is False


def test_demo_logins_work(client, demo):
    from participation.demo.loader import DEMO_LOGINS
    for role, email, password in DEMO_LOGINS:
        response = client.post("/login", data={"email": email, "password": password})
        assert response.status_code == 302, role
        client.post("/logout")
