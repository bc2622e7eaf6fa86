"""Every export a planner downloads is written to the audit log (routes found by walking url_map)."""
from participation.extensions import db
from participation.models import AuditEvent
from tests.conftest import login
from tests.security.conftest import build_url


def _is_download(response) -> bool:
    disposition = response.headers.get("Content-Disposition", "")
    return response.status_code == 200 and "attachment" in disposition


def test_every_download_for_planners_is_audited(app, client, make_user, secret_world):
    owner = make_user("planner", [secret_world.process])
    login(client, owner)
    missing = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or not rule.endpoint.startswith(("planning.", "api.", "admin.")):
            continue
        url = build_url(app, rule, secret_world)
        before = db.session.execute(db.select(db.func.count(AuditEvent.id))).scalar()
        response = client.get(url)
        db.session.rollback()
        if not _is_download(response):
            continue
        after = db.session.execute(db.select(db.func.count(AuditEvent.id))).scalar()
        if after <= before:
            missing.append(f"{url} ({rule.endpoint}) downloads without an audit event")
    assert not missing, "\n".join(missing)
