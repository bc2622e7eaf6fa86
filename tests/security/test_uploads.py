"""Every upload form (imports) refuses wrong file types and oversized files without changing anything.

Upload forms are found by rendering every page a planner/admin can open and looking for multipart forms,
so import forms added by other areas are covered automatically.
"""
import io
import re
from html import unescape

from participation.extensions import db
from tests.conftest import login
from tests.security.conftest import build_url, changed_tables, table_snapshot

FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.S | re.I)
FILE_INPUT = re.compile(r'<input\b[^>]*type="file"[^>]*>', re.I)
NAME = re.compile(r'name="([^"]+)"')
ACTION = re.compile(r'action="([^"]*)"')


def upload_forms(app, client, world) -> list[tuple[str, list[str]]]:
    found = {}
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint == "static" or rule.endpoint.startswith("api."):
            continue
        url = build_url(app, rule, world)
        response = client.get(url)
        db.session.rollback()
        if response.status_code != 200 or response.mimetype != "text/html":
            continue
        for attributes, body in FORM.findall(response.get_data(as_text=True)):
            if "multipart/form-data" not in attributes:
                continue
            action = ACTION.search(attributes)
            target = unescape(action.group(1)) if action and action.group(1) else url
            found[target] = [NAME.search(field).group(1) for field in FILE_INPUT.findall(body) if NAME.search(field)]
    return list(found.items())


def test_upload_forms_refuse_wrong_types_and_huge_files(app, client, make_user, secret_world):
    login(client, make_user("admin"))
    problems = []
    for action, file_fields in upload_forms(app, client, secret_world):
        for payload, filename in ((b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "bild.po"),
                                  (b"MZ\x90\x00" + b"\x00" * 2000, "programm.exe"),
                                  (b"\xff\xfe\x00\x00not text", "texte.csv")):
            before = table_snapshot(exclude=("audit_event",))
            data = {name: (io.BytesIO(payload), filename) for name in file_fields}
            response = client.post(action, data=data, content_type="multipart/form-data")
            after = table_snapshot(exclude=("audit_event",))
            if response.status_code >= 500:
                problems.append(f"{action} crashed on {filename}")
            if changed_tables(before, after):
                problems.append(f"{action} applied {filename}: {changed_tables(before, after)}")
        app.config["MAX_CONTENT_LENGTH"] = 10_000
        huge = {name: (io.BytesIO(b"msgid \"\"\n" * 5000), "gross.po") for name in file_fields}
        response = client.post(action, data=huge, content_type="multipart/form-data")
        app.config["MAX_CONTENT_LENGTH"] = 5 * 1024 * 1024
        if response.status_code != 413:
            problems.append(f"{action} took an oversized file ({response.status_code})")
    assert not problems, "\n".join(problems)
