"""Monitoring: indicator values over time (by hand and CSV import), charts, toward-target words, council
decisions and the strategy's name, the quality self-check, the report chapter, the workbook sheet, the CLI."""
import json
import re
import shutil
import subprocess
import zipfile
from datetime import date

import pytest
from flask_babel import force_locale

from participation.extensions import db
from participation.forms.monitoring import is_web_link
from participation.models import AuditEvent, CouncilDecision, Indicator, IndicatorValue, Process, QualityRating
from participation.strategy.monitoring import (
    AWAY,
    REACHED,
    TOWARD,
    UNCHANGED,
    UNKNOWN,
    Series,
    chart_png,
    chart_svg,
    direction,
    parse_date,
    parse_number,
    series_of,
)
from participation.strategy.value_import import parse_values
from tests.conftest import login
from tests.strategy.conftest import strategy_base


@pytest.fixture
def german(app):
    with force_locale("de"):
        yield


def _indicator(process, name="Umsetzung Abendlinie Nordstadt") -> Indicator:
    return db.session.execute(db.select(Indicator).filter_by(process_id=process.id, name=name)).scalar_one()


def _add_values(indicator, *points):
    for day, value in points:
        indicator.values.append(IndicatorValue(process_id=indicator.process_id, measured_on=day, value=value,
                                               source="Sozialbericht"))
    db.session.commit()


def _stored_values(process) -> int:
    return db.session.execute(db.select(db.func.count(IndicatorValue.id))
                              .filter_by(process_id=process.id)).scalar_one()


# --- plain functions ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, number", [
    ("12,5 %", 12.5), ("12.5", 12.5), ("1.234,5", 1234.5), ("1,234.5", 1234.5), ("3.000", 3000.0),
    ("ca. 300 Kinder", 300.0), ("< 10", 10.0), ("-2,5", -2.5), ("−4", -4.0), ("1 250", 1250.0), ("0", 0.0),
    ("", None), ("keine Angabe", None), (None, None), (7, 7.0),
])
def test_parse_number_reads_german_and_english_numbers(text, number):
    assert parse_number(text) == number


def test_parse_date_reads_german_and_iso_dates():
    assert parse_date("31.12.2025") == date(2025, 12, 31) == parse_date("2025-12-31") == parse_date("31.12.25")
    assert parse_date("12/31/2025") is None and parse_date("31.02.2025") is None and parse_date("") is None


@pytest.mark.parametrize("baseline, target, latest, expected", [
    (20, 10, 15, TOWARD),       # falling target, falling value
    (20, 10, 25, AWAY),
    (20, 10, 9, REACHED),
    (50, 80, 60, TOWARD),       # rising target
    (50, 80, 40, AWAY),
    (50, 80, 80, REACHED),
    (50, 80, 50, UNCHANGED),
    (None, 80, 60, UNKNOWN), (50, None, 60, UNKNOWN), (50, 80, None, UNKNOWN), (50, 50, 60, UNKNOWN),
])
def test_direction_compares_latest_value_with_baseline_and_target(baseline, target, latest, expected):
    assert direction(baseline, target, latest) == expected


def test_chart_svg_draws_values_baseline_and_target_without_inline_styles(german):
    series = Series("Übergewicht <Einschulung>", "%", 14.0, 10.0,
                    [(date(2024, 8, 31), 13.5), (date(2025, 8, 31), 12.0), (date(2026, 8, 31), 11.2)])
    svg = chart_svg(series)
    assert "style=" not in svg and "<script" not in svg
    assert "&lt;Einschulung&gt;" in svg and "<Einschulung>" not in svg
    points = re.search(r'<polyline class="chart-values" points="([^"]+)"', svg).group(1).split()
    assert len(points) == 3 and svg.count("<circle") == 3
    xs = [float(point.split(",")[0]) for point in points]
    ys = [float(point.split(",")[1]) for point in points]
    assert xs == sorted(xs) and ys == sorted(ys), "later dates to the right, falling values lower down"
    assert 'class="chart-baseline"' in svg and 'class="chart-target"' in svg
    assert "Entwickelt sich in Richtung Zielwert" in svg    # the description screen readers get


def test_chart_labels_read_right_to_left_in_arabic_with_plain_axis_dates(app):
    series = Series("x", "%", 1.0, 5.0, [(date(2024, 11, 30), 2.0), (date(2026, 10, 31), 3.0)])
    with force_locale("ar"):
        svg = chart_svg(series)
    assert 'text-anchor="start" direction="rtl"' in svg and "\u200f" not in svg
    with force_locale("de"):
        german_svg = chart_svg(series)
    assert 'direction="rtl"' not in german_svg and ">30.11.24<" in german_svg


def test_chart_without_values_or_numbers_draws_no_line(german):
    svg = chart_svg(Series("Neu", "", None, None, []))
    assert "<polyline" not in svg and "chart-target" not in svg and "Noch keine Messwerte." in svg


def test_chart_png_is_a_png(german):
    png = chart_png(Series("X", "", 1.0, 3.0, [(date(2025, 1, 1), 1.5), (date(2025, 6, 1), 2.0)]))
    assert png.startswith(b"\x89PNG")


def test_web_links_only_http_and_https():
    assert is_web_link("https://rat.stadt.de/vo0050.asp?__kvonr=123") and is_web_link("http://ris.de/x")
    for bad in ("javascript:alert(1)", "data:text/html,hi", "file:///etc/passwd", "ftp://x.de", "https://",
                "www.stadt.de", "https://stadt.de/a b"):
        assert not is_web_link(bad), bad


# --- CSV import -----------------------------------------------------------------------------------

GOOD_CSV = ("Indikator;Datum;Wert;Quelle;Notiz\n"
            "Umsetzung Abendlinie Nordstadt;31.08.2024;12,5;Sozialbericht 2024;Nordstadt\n"
            "umsetzung abendlinie nordstadt;2025-08-31;40;Sozialbericht 2025;\n")


def test_csv_import_reads_names_ids_german_and_iso_dates(strategy_process, german):
    indicator = _indicator(strategy_process)
    text = GOOD_CSV + f"{indicator.id};01.03.2026;1.234,5;;\n"
    result = parse_values(strategy_process, text.encode("utf-8-sig"))
    assert result.ok, result.errors
    assert [(v.indicator_id, v.measured_on, v.value) for v in result.values] == [
        (indicator.id, date(2024, 8, 31), 12.5), (indicator.id, date(2025, 8, 31), 40.0),
        (indicator.id, date(2026, 3, 1), 1234.5)]
    assert result.values[0].source == "Sozialbericht 2024" and result.values[0].note == "Nordstadt"


def test_csv_import_with_bad_rows_stores_nothing_and_names_each_row(planner_client, strategy_process, make_user):
    other = Process(title="Andere Stadt")
    db.session.add(other)
    db.session.flush()
    foreign = Indicator(process_id=other.id, name="Fremder Indikator")
    db.session.add(foreign)
    db.session.commit()
    csv_text = (GOOD_CSV + "Gibt es nicht;01.01.2025;3;;\n"
                "Umsetzung Abendlinie Nordstadt;31.02.2025;3;;\n"
                "Umsetzung Abendlinie Nordstadt;01.01.2025;viel;;\n"
                f"{foreign.id};01.01.2025;3;;\n")
    response = planner_client.post(f"{strategy_base(strategy_process)}/values/import", data={
        "file": (__import__("io").BytesIO(csv_text.encode("cp1252")), "werte.csv")},
        content_type="multipart/form-data")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    errors = page.split('id="import-errors"')[1].split("</ul>")[0]
    assert "Zeile 4" in errors and "„Gibt es nicht“ gibt es in diesem Prozess nicht" in errors
    assert "Zeile 5" in errors and "Das Datum „31.02.2025“ ist ungültig" in errors
    assert "Zeile 6" in errors and "Der Wert „viel“ ist keine Zahl" in errors
    assert "Zeile 7" in errors, "another process's indicator is not found by its number"
    assert "Zeile 2" not in errors and "Zeile 3" not in errors
    assert "Nichts übernommen: 4 Zeilen enthalten Fehler" in page
    assert _stored_values(strategy_process) == 0 and _stored_values(other) == 0


def test_csv_import_without_required_columns_says_which(strategy_process, german):
    result = parse_values(strategy_process, b"Name,Wert\nA,1\n")
    assert not result.ok and result.errors[0][0] == 1 and "Indikator, Datum" in result.errors[0][1]


def test_csv_import_stores_all_rows_and_records_it(planner_client, strategy_process):
    import io
    response = planner_client.post(f"{strategy_base(strategy_process)}/values/import", data={
        "file": (io.BytesIO(GOOD_CSV.encode()), "werte.csv")}, content_type="multipart/form-data")
    assert response.status_code == 302
    assert _stored_values(strategy_process) == 2
    assert db.session.execute(db.select(AuditEvent).filter_by(
        process_id=strategy_process.id, action="indicator_values_imported")).scalar_one().details["count"] == 2


def test_csv_import_refuses_too_large_and_wrong_files(planner_client, strategy_process):
    import io
    url = f"{strategy_base(strategy_process)}/values/import"
    big = planner_client.post(url, data={"file": (io.BytesIO(b"Indikator;Datum;Wert\n" + b"x" * (1024 * 1024)),
                                                  "gross.csv")}, content_type="multipart/form-data")
    assert big.status_code == 400 and "größer als 1 MB" in big.get_data(as_text=True)
    wrong = planner_client.post(url, data={"file": (io.BytesIO(b"PK"), "werte.xlsx")},
                                content_type="multipart/form-data")
    assert wrong.status_code == 400 and "csv-Datei" in wrong.get_data(as_text=True)
    assert _stored_values(strategy_process) == 0


# --- pages ----------------------------------------------------------------------------------------

def test_planner_adds_edits_and_deletes_values_and_sees_chart_and_words(planner_client, strategy_process):
    indicator = _indicator(strategy_process)     # baseline "0", target "100" %
    url = f"{strategy_base(strategy_process)}/indicators/{indicator.id}"
    bad = planner_client.post(url, data={"measured_on": "2025-08-31", "value": "viel", "source": "Zählung"})
    assert bad.status_code == 400
    page = bad.get_data(as_text=True)
    assert "Bitte geben Sie eine Zahl ein" in page and 'value="viel"' in page and 'value="Zählung"' in page
    for day, value in (("2025-08-31", "20,5"), ("2026-08-31", "35"), ("2024-08-31", "10")):
        assert planner_client.post(url, data={"measured_on": day, "value": value}).status_code == 302
    assert [v.value for v in indicator.values] == [10.0, 20.5, 35.0], "ordered by date"
    page = planner_client.get(url).get_data(as_text=True)
    assert "<svg" in page and 'class="chart-values"' in page and 'id="indicator-values"' in page
    assert "Entwickelt sich in Richtung Zielwert: von 0 % auf zuletzt 35 % (Zielwert 100 %)." in page
    latest = indicator.values[-1]
    edit = f"{strategy_base(strategy_process)}/values/{latest.id}/edit"
    assert 'value="35"' in planner_client.get(edit).get_data(as_text=True)
    planner_client.post(edit, data={"measured_on": "2026-08-31", "value": "100"})
    assert "Zielwert erreicht" in planner_client.get(strategy_base(strategy_process)).get_data(as_text=True)
    planner_client.post(f"{strategy_base(strategy_process)}/values/{latest.id}/delete")
    assert [v.value for v in indicator.values] == [10.0, 20.5]
    actions = set(db.session.execute(db.select(AuditEvent.action).filter_by(
        process_id=strategy_process.id)).scalars())
    assert {"indicator_value_added", "indicator_value_updated", "indicator_value_deleted"} <= actions


def test_council_decision_accepts_only_web_links_and_keeps_the_typed_values(planner_client, strategy_process):
    url = f"{strategy_base(strategy_process)}/council"
    bad = planner_client.post(url, data={"decided_on": "2026-03-12", "body": "Stadtrat",
                                         "document_number": "DS 2026/017", "url": "javascript:alert(1)"})
    assert bad.status_code == 400
    page = bad.get_data(as_text=True)
    assert "mit http:// oder https://" in page and 'value="DS 2026/017"' in page
    assert db.session.execute(db.select(CouncilDecision)).first() is None
    good = planner_client.post(url, data={"decided_on": "2026-03-12", "body": "Stadtrat",
                                          "document_number": "DS 2026/017",
                                          "url": "https://ratsinfo.auenstadt.de/vo0050.asp?__kvonr=17"})
    assert good.status_code == 302
    page = planner_client.get(url).get_data(as_text=True)
    assert "DS 2026/017" in page and 'href="https://ratsinfo.auenstadt.de/vo0050.asp?__kvonr=17"' in page


def test_strategy_name_is_used_on_planner_pages_public_page_and_exports(planner_client, strategy_process, german):
    from participation.exports import collect
    planner_client.post(f"{strategy_base(strategy_process)}/name", data={"strategy_name": "Präventionskette"})
    db.session.add(CouncilDecision(process_id=strategy_process.id, decided_on=date(2026, 3, 12), body="Stadtrat",
                                   document_number="DS 2026/017", url="https://ris.example.org/17"))
    db.session.commit()
    assert "<h1>Präventionskette</h1>" in planner_client.get(strategy_base(strategy_process)).get_data(as_text=True)
    assert collect.report_title(strategy_process).endswith("– Präventionskette")
    assert collect.workbook_sheets(strategy_process)[0].title == "Präventionskette – Matrix"
    for page in ("was-daraus-wurde", "was-daraus-wurde/druck"):
        public = planner_client.get(f"/prozess/{strategy_process.id}/{page}")
        assert public.status_code == 200, page
        text = public.get_data(as_text=True)
        assert "Die Strategie: Präventionskette" in text and "Drucksache DS 2026/017" in text
        assert 'href="https://ris.example.org/17"' in text


def test_quality_self_check_stores_ratings_and_notes(planner_client, strategy_process):
    measure = strategy_process_measure(strategy_process)
    url = f"{strategy_base(strategy_process)}/measures/{measure.id}/quality"
    page = planner_client.get(url).get_data(as_text=True)
    assert page.count("<fieldset") == 12 and "Belege für Wirkungen und Kosten" in page
    assert planner_client.post(url, data={"rating_concept": "met", "note_concept": "Konzept liegt vor",
                                          "rating_participation": "partly"}).status_code == 302
    ratings = {r.criterion: (r.rating, r.note) for r in db.session.execute(
        db.select(QualityRating).filter_by(measure_id=measure.id)).scalars()}
    assert ratings == {"concept": ("met", "Konzept liegt vor"), "participation": ("partly", "")}
    assert "1 von 12 Kriterien erfüllt, 1 teilweise" in planner_client.get(
        strategy_base(strategy_process)).get_data(as_text=True)
    assert planner_client.post(url, data={"rating_concept": "bestens"}).status_code == 400


def strategy_process_measure(process):
    from participation.models import Measure
    return db.session.execute(db.select(Measure).filter_by(process_id=process.id, title="Abendlinie Nordstadt")
                              ).scalar_one()


def test_planner_of_another_process_gets_404_for_these_objects(client, make_user, strategy_process):
    other = Process(title="Andere Stadt")
    db.session.add(other)
    db.session.commit()
    indicator = _indicator(strategy_process)
    _add_values(indicator, (date(2025, 1, 1), 3.0))
    decision = CouncilDecision(process_id=strategy_process.id, decided_on=date(2026, 1, 1), body="Stadtrat")
    db.session.add(decision)
    db.session.commit()
    measure = strategy_process_measure(strategy_process)
    login(client, make_user("planner", email="andere@stadt.de", processes=[other]))
    own = f"/planning/processes/{other.id}/strategy"
    value_id = indicator.values[0].id
    for method, url in (("get", f"{own}/indicators/{indicator.id}"), ("get", f"{own}/values/{value_id}/edit"),
                        ("post", f"{own}/values/{value_id}/delete"), ("get", f"{own}/measures/{measure.id}/quality"),
                        ("post", f"{own}/council/{decision.id}/delete")):
        assert getattr(client, method)(url).status_code == 404, url
    assert client.get(f"{strategy_base(strategy_process)}/indicators/{indicator.id}").status_code == 403
    assert client.get(f"{strategy_base(strategy_process)}/council").status_code == 403
    assert len(indicator.values) == 1 and db.session.get(CouncilDecision, decision.id) is not None


def test_deleting_an_indicator_or_measure_takes_its_values_and_ratings(planner_client, monitored):
    indicator = _indicator(monitored)
    measure = strategy_process_measure(monitored)
    planner_client.post(f"{strategy_base(monitored)}/indicator/{indicator.id}/delete")
    planner_client.post(f"{strategy_base(monitored)}/measure/{measure.id}/delete")
    db.session.expire_all()
    assert db.session.execute(db.select(IndicatorValue).filter_by(indicator_id=indicator.id)).first() is None
    assert db.session.execute(db.select(QualityRating).filter_by(measure_id=measure.id)).first() is None
    assert _stored_values(monitored) == 3, "the other indicator keeps its values"


# --- exports --------------------------------------------------------------------------------------

@pytest.fixture
def monitored(strategy_process):
    """Values for two indicators (one toward, one away from target), a decision, a quality check."""
    _add_values(_indicator(strategy_process), (date(2024, 9, 1), 10.0), (date(2025, 9, 1), 30.0),
                (date(2026, 9, 1), 45.5))
    _add_values(_indicator(strategy_process, "Umsetzung Rufbus am Wochenende"), (date(2024, 9, 1), 20.0),
                (date(2025, 9, 1), 5.0), (date(2026, 9, 1), 2.0))
    db.session.add(CouncilDecision(process_id=strategy_process.id, decided_on=date(2026, 3, 12), body="Stadtrat",
                                   document_number="DS 2026/017", url="https://ris.example.org/17"))
    measure = strategy_process_measure(strategy_process)
    db.session.add(QualityRating(process_id=strategy_process.id, measure_id=measure.id, criterion="empowerment",
                                 rating="partly", note="Elternbeirat fährt mit"))
    db.session.commit()
    return strategy_process


def _docx(path):
    from docx import Document
    document = Document(str(path))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    text = "\n".join([p.text for p in document.paragraphs] +
                     [c.text for t in document.tables for r in t.rows for c in r.cells])
    return text, headings, len(document.inline_shapes)


def _odt(path):
    from odf import draw, teletype, text
    from odf.opendocument import load
    document = load(str(path))
    headings = [teletype.extractText(h) for h in document.getElementsByType(text.H)]
    body = "\n".join(headings + [teletype.extractText(p) for p in document.getElementsByType(text.P)])
    return body, headings, len(document.getElementsByType(draw.Image))


def _check_monitoring_chapter(text, headings, images, baseline_images):
    assert "Monitoring" in headings
    for heading in ("Ratsbeschlüsse", "Stand der Maßnahmen", "Indikatoren im Verlauf",
                    "Qualitäts-Selbstcheck der Maßnahmen"):
        assert heading in headings
    assert images == baseline_images + 2, "one chart per indicator with values"
    assert "DS 2026/017" in text and "Stadtrat" in text
    assert "Entwickelt sich in Richtung Zielwert: von 0 % auf zuletzt 45,5 % (Zielwert 100 %)." in text
    assert "Entwickelt sich vom Zielwert weg: von 0 % auf zuletzt 2 % (Zielwert 100 %)." not in text
    assert "Entwickelt sich in Richtung Zielwert: von 0 % auf zuletzt 2 % (Zielwert 100 %)." in text
    assert "Elternbeirat fährt mit" in text and "teilweise erfüllt" in text and "Empowerment" in text
    assert "geplant: 10" in text


@pytest.mark.parametrize("file_format", ["docx", "odt"])
def test_report_has_monitoring_chapter(monitored, german, tmp_path, file_format):
    from participation.exports import collect
    from participation.exports.report import Image, write_docx, write_odt
    path = tmp_path / f"report.{file_format}"
    blocks = collect.report_blocks(monitored)
    (write_docx if file_format == "docx" else write_odt)(blocks, path, collect.report_title(monitored))
    text, headings, images = (_docx if file_format == "docx" else _odt)(path)
    charts_before = sum(1 for b in blocks[:blocks.index(next(b for b in blocks if getattr(b, "text", "") ==
                                                                "Monitoring"))] if isinstance(b, Image))
    _check_monitoring_chapter(text, headings, images, charts_before)


def test_an_indicator_moving_away_is_named_so(monitored, german):
    from participation.exports.monitoring import monitoring_blocks
    indicator = _indicator(monitored, "Umsetzung Rufbus am Wochenende")
    indicator.baseline, indicator.target = "25", "50"
    db.session.commit()
    assert "Entwickelt sich vom Zielwert weg: von 25 % auf zuletzt 2 % (Zielwert 50 %)." in [
        getattr(b, "text", "") for b in monitoring_blocks(monitored)]
    assert series_of(indicator).direction == AWAY


def test_workbook_has_indicator_values_sheet(monitored, german, tmp_path):
    from openpyxl import load_workbook

    from participation.exports import collect
    from participation.exports.workbook import write_xlsx
    path = tmp_path / "book.xlsx"
    write_xlsx(collect.workbook_sheets(monitored), path)
    sheet = load_workbook(path)["Indikatorwerte"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Indikator", "Datum", "Wert", "Quelle")
    assert ("Umsetzung Abendlinie Nordstadt", 45.5, "Sozialbericht") in [(r[0], r[2], r[3]) for r in rows[1:]]
    assert len(rows) == 7


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
@pytest.mark.slow
def test_libreoffice_opens_the_report_with_the_monitoring_chapter(app, monitored, tmp_path):
    out = tmp_path / "bericht.odt"
    result = app.test_cli_runner().invoke(args=["export", "report", str(monitored.id), str(out)])
    assert result.exit_code == 0, result.output
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless", "--convert-to",
                    "txt:Text", "--outdir", str(tmp_path / "txt"), str(out)], check=True, capture_output=True,
                   timeout=180)
    text = (tmp_path / "txt" / "bericht.txt").read_text(encoding="utf-8-sig")
    assert "Indikatoren im Verlauf" in text and "DS 2026/017" in text and "Elternbeirat fährt mit" in text


# --- the command line -----------------------------------------------------------------------------

def test_cli_writes_workbook_report_and_data(app, monitored, tmp_path):
    from docx import Document
    from openpyxl import load_workbook
    from odf.opendocument import load
    runner = app.test_cli_runner()
    for args, path in ((["workbook"], tmp_path / "a.xlsx"), (["workbook", "--format", "ods"], tmp_path / "a.out"),
                       (["report"], tmp_path / "b.docx"), (["report", "--format", "odt"], tmp_path / "b.odt"),
                       (["data", "--format", "json"], tmp_path / "c.json"), (["data"], tmp_path / "c.zip")):
        result = runner.invoke(args=["export", args[0], str(monitored.id), str(path), *args[1:]])
        assert result.exit_code == 0, result.output
        assert str(path) in result.output
    assert "Indikatorwerte" in load_workbook(tmp_path / "a.xlsx").sheetnames
    assert load(str(tmp_path / "a.out")).spreadsheet is not None
    assert any(p.text == "Monitoring" for p in Document(str(tmp_path / "b.docx")).paragraphs)
    assert load(str(tmp_path / "b.odt")).text is not None
    assert "responses" in json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    assert {"responses.csv", "answers.csv", "codebook.csv"} <= set(zipfile.ZipFile(tmp_path / "c.zip").namelist())
    assert db.session.execute(db.select(db.func.count(AuditEvent.id)).filter_by(
        process_id=monitored.id, action="export_created")).scalar_one() == 6


def test_cli_explains_unknown_process_and_wrong_format(app, strategy_process, tmp_path):
    runner = app.test_cli_runner()
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    missing = runner.invoke(args=["export", "report", "999999", str(tmp_path / "x.docx")])
    assert missing.exit_code != 0 and "there is no process 999999" in missing.output
    wrong = runner.invoke(args=["export", "report", str(strategy_process.id), str(tmp_path / "x.docx"),
                                "--format", "xlsx"])
    assert wrong.exit_code != 0 and "report cannot be written as xlsx" in wrong.output
    by_suffix = runner.invoke(args=["export", "workbook", str(strategy_process.id), str(tmp_path / "x.pdf")])
    assert by_suffix.exit_code != 0 and "workbook cannot be written as pdf" in by_suffix.output
    assert not list(tmp_path.iterdir())


# --- the demo -------------------------------------------------------------------------------------

def test_demo_has_named_strategy_decision_indicator_values_and_a_quality_check(app, german):
    from participation.demo.loader import load_demo_data
    from participation.strategy.council import decisions_of, strategy_name
    assert load_demo_data()
    process = db.session.execute(db.select(Process)).scalar_one()
    assert strategy_name(process) == "Präventionskette"
    assert [d.document_number for d in decisions_of(process)] == ["DS 2026/0142"]
    indicators = db.session.execute(db.select(Indicator).filter_by(process_id=process.id)).scalars().all()
    assert len(indicators) >= 3 and all(len(i.values) >= 3 for i in indicators)
    directions = [series_of(i).direction for i in indicators]
    assert directions.count(TOWARD) >= 2 and directions.count(AWAY) == 1
    assert db.session.execute(db.select(db.func.count(QualityRating.id))).scalar_one() >= 5


# --- in a real browser ----------------------------------------------------------------------------

@pytest.mark.browser
def test_indicator_and_import_pages_fit_a_phone_and_pass_the_audit(live_server, page, make_user, monitored):
    from tests.browser import assert_accessible
    planner = make_user("planner", processes=[monitored])
    page.goto(live_server + "/login")
    page.fill("input[name=email]", planner.email)
    page.fill("input[name=password]", "correct horse battery")
    page.click("button[type=submit], input[type=submit]")
    page.set_viewport_size({"width": 390, "height": 844})
    base = f"{live_server}/planning/processes/{monitored.id}/strategy"
    page.goto(f"{base}/indicators/{_indicator(monitored).id}")
    assert page.locator("svg.indicator-chart").is_visible()
    assert page.locator("#indicator-state").inner_text().startswith("Entwickelt sich in Richtung Zielwert")
    indicator_url = f"{base}/indicators/{_indicator(monitored).id}"
    for url in (indicator_url, f"{base}/values/import", f"{indicator_url}?lang=ar", f"{base}/council?lang=ar"):
        page.goto(url)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), url
        assert_accessible(page)
