"""Every export opens in the library that reads its format and says what the planners need —
and never shows a hidden small group or a resident's contact data."""
import csv
import io
import json
import zipfile
from collections import Counter

import pytest
from flask_babel import force_locale

from participation.exports import collect
from participation.exports.data import write_data_zip
from participation.exports.report import write_docx, write_odt
from participation.exports.workbook import write_ods, write_xlsx
from participation.extensions import db
from participation.models import Answer
from tests.strategy.conftest import HIDDEN_DISTRICT, SECRET_EMAIL

FLAGGED_TEXT = "Das ist ein beleidigender Text über die Nachbarn."


@pytest.fixture
def german(app):
    with force_locale("de"):
        yield


@pytest.fixture
def flagged_answer(strategy_process):
    """An answer a planner hid as abusive: it must not reach any export."""
    answer = db.session.execute(db.select(Answer).where(Answer.text_value.like("Abends fährt%(2)"))).scalar_one()
    answer.text_value = FLAGGED_TEXT
    answer.review_flag = "abusive"
    db.session.commit()
    return answer


def _assert_private(text: str) -> None:
    assert SECRET_EMAIL not in text and "mehmet" not in text
    assert HIDDEN_DISTRICT not in text
    assert FLAGGED_TEXT not in text


def _xlsx_text(path) -> dict[str, list[list]]:
    from openpyxl import load_workbook
    workbook = load_workbook(path)
    return {sheet.title: [[cell.value for cell in row] for row in sheet.iter_rows()] for sheet in workbook}


def _ods_text(path) -> dict[str, list[list[str]]]:
    from odf import teletype
    from odf.opendocument import load
    from odf.table import Table, TableCell, TableRow
    document = load(str(path))
    sheets = {}
    for table in document.spreadsheet.getElementsByType(Table):
        sheets[table.getAttribute("name")] = [
            [teletype.extractText(cell) for cell in row.getElementsByType(TableCell)]
            for row in table.getElementsByType(TableRow)]
    return sheets


@pytest.mark.parametrize("file_format", ["xlsx", "ods"])
def test_workbook_has_matrix_themes_reach_and_coded_answers(strategy_process, flagged_answer, german, tmp_path,
                                                             file_format):
    path = tmp_path / f"strategy.{file_format}"
    sheets = collect.workbook_sheets(strategy_process)
    (write_xlsx if file_format == "xlsx" else write_ods)(sheets, path)
    content = _xlsx_text(path) if file_format == "xlsx" else _ods_text(path)
    assert list(content) == ["Strategie-Matrix", "Themen", "Reichweite", "Codierte Antworten", "Maßnahmen",
                             "Förderübersicht", "Indikatorwerte"]

    matrix = content["Strategie-Matrix"]
    assert matrix[0][:5] == ["Handlungsfeld", "Zielebene", "Ziel", "Maßnahme", "Zuständigkeit"]
    assert len(matrix) == 1 + 10
    bus_row = next(row for row in matrix if row[3] == "Abendlinie Nordstadt")
    assert bus_row[0] == "Mobilität im Quartier" and bus_row[2] == "Alle Stadtteile sind abends erreichbar"
    assert bus_row[4] == "Stadtplanung" and "Schlechte Busverbindungen" in bus_row[11]
    assert "Umsetzung Abendlinie Nordstadt" in bus_row[10] and "Stadtplanung" in bus_row[10]

    themes = {row[0]: row for row in content["Themen"][1:]}
    assert str(themes["Fehlende Kitaplätze"][1]) == "7"
    assert "Wir warten seit einem Jahr auf einen Kitaplatz." in themes["Fehlende Kitaplätze"][4]
    assert "[E-Mail entfernt]" in themes["Fehlende Kitaplätze"][4]
    assert "Maßnahme: Kita-Ausbau Nordstadt" in themes["Fehlende Kitaplätze"][3]

    reach = content["Reichweite"]
    districts = {row[1]: row for row in reach if row[0] == "Stadtteil"}
    assert str(districts["Nordstadt"][2]) == "12" and districts["Nordstadt"][4] in (0.5, "50 %")
    hidden = [row for row in districts.values() if row[2] == "nicht ausgewiesen"]
    assert len(hidden) == 2, "the small district and the one that would give it away (26 − 12 − 12 = 2)"

    coded = content["Codierte Antworten"]
    assert any(row[7] == "Einsamkeit im Alter" and row[8].startswith("Seit mein Mann") for row in coded[1:])
    assert any(row[9] == "Abends gibt es keinen Bus." for row in coded[1:])
    _assert_private(json.dumps(content, ensure_ascii=False, default=str))


def _docx_text(path) -> tuple[str, list, int]:
    from docx import Document
    document = Document(str(path))
    paragraphs = [p.text for p in document.paragraphs]
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(paragraphs + cells), headings, len(document.inline_shapes)


def _odt_text(path) -> tuple[str, list, int]:
    from odf import draw, teletype, text
    from odf.opendocument import load
    document = load(str(path))
    paragraphs = [teletype.extractText(p) for p in document.getElementsByType(text.P)]
    headings = [teletype.extractText(h) for h in document.getElementsByType(text.H)]
    images = [image for image in document.getElementsByType(draw.Image)]
    assert all(image.getAttribute("href") in document.Pictures for image in images)
    return "\n".join(headings + paragraphs), headings, len(images)


@pytest.mark.parametrize("file_format", ["docx", "odt"])
def test_report_has_method_charts_quotes_and_strategy(strategy_process, flagged_answer, german, tmp_path,
                                                      file_format):
    path = tmp_path / f"report.{file_format}"
    blocks = collect.report_blocks(strategy_process)
    writer = write_docx if file_format == "docx" else write_odt
    writer(blocks, path, collect.report_title(strategy_process))
    text, headings, images = (_docx_text if file_format == "docx" else _odt_text)(path)
    assert headings[:2] == ["Beteiligungsbericht: Gesund aufwachsen in der Nordstadt", "Vorgehen und Reichweite"]
    for heading in ("Themen aus den Antworten", "Handlungsfelder, Ziele und Maßnahmen",
                    "Handlungsfeld: Gemeinsam älter werden"):
        assert heading in headings
    assert images >= 3   # channels, districts (with quota markers), themes
    assert "Insgesamt liegen 26 Antworten vor." in text
    assert "„Seit mein Mann tot ist, bin ich viel allein.“" in text
    assert "Übersetzung: Abends gibt es keinen Bus." in text
    assert "[E-Mail entfernt]" in text
    assert "Bewegungstreff im Park" in text and "Sportverein TSV Nordstadt" in text
    assert "Leitziel: Niemand ist im Alter allein" in text
    _assert_private(text)


def test_report_lists_themes_no_measure_addresses_yet(strategy_process, german, tmp_path):
    from participation.models import Theme
    db.session.add(Theme(process_id=strategy_process.id, label="Hitze im Sommer"))
    db.session.commit()
    path = tmp_path / "report.docx"
    write_docx(collect.report_blocks(strategy_process), path, "Bericht")
    text, headings, _images = _docx_text(path)
    assert "Noch offene Themen" in headings
    assert "Hitze im Sommer" in text.split("Noch offene Themen")[1]


def _csv_rows(archive, name) -> list[dict]:
    raw = archive.read(name).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(raw)))


def test_data_export_has_csv_json_and_codebook(strategy_process, flagged_answer, german, tmp_path):
    path = tmp_path / "data.zip"
    write_data_zip(collect.dataset(strategy_process), path)
    with zipfile.ZipFile(path) as archive:
        assert set(archive.namelist()) == {"responses.csv", "answers.csv", "codebook.csv", "data.json",
                                           "data.schema.json"}
        responses = _csv_rows(archive, "responses.csv")
        answers = _csv_rows(archive, "answers.csv")
        codebook = _csv_rows(archive, "codebook.csv")
        data = json.loads(archive.read("data.json"))
        schema = json.loads(archive.read("data.schema.json"))
    assert len(responses) == 26
    combinations = Counter((row["language"], row["district"], row["target_group"], row["age_band"], row["period"])
                           for row in responses)
    assert all(size >= 5 for combination, size in combinations.items() if any(combination)), combinations
    assert {row["district"] for row in responses} == {"Nordstadt", "Lindenhof", ""}
    assert {row["language"] for row in responses} == {"de", ""}
    assert all(len(row["period"]) == 7 for row in responses if row["period"]), "months, never days"
    district_answers = {row["value"] for row in answers if row["question_code"] == "district"}
    assert district_answers == {"Nordstadt", "Lindenhof", ""}
    texts = [row for row in answers if row["question_code"] == "missing"]
    assert len(texts) == 25   # one flagged answer left out
    assert any("[E-Mail entfernt]" in row["value"] for row in texts)
    lonely = next(row for row in texts if row["value"].startswith("Seit mein Mann"))
    assert lonely["theme"] == "Einsamkeit im Alter" and lonely["theme_id"]
    topics = next(row for row in answers if row["question_code"] == "topics")
    assert topics["value"] == "bus"
    variables = {(row["file"], row["variable"]): row for row in codebook}
    assert "k-Anonymität" in variables[("responses.csv", "k_anonymity")]["label"]
    assert "Bei 2 Zeilen wurden diese Angaben ganz geleert" in variables[("responses.csv", "k_anonymity")]["label"]
    assert variables[("answers.csv", "topics")]["codes"] == "bus=Bus; doctors=Ärzte; playgrounds=Spielplätze"
    assert variables[("answers.csv", "topics")]["type"] == "multiple_choice"
    assert "Einsamkeit im Alter" in variables[("answers.csv", "theme_id")]["codes"]
    assert {"file", "questionnaire_id", "variable", "label", "type", "codes"} == set(codebook[0])
    assert len(data["responses"]) == 26 and data["responses"][0]["answers"]
    assert data["process"]["min_group_size"] == 5
    assert set(schema["required"]) == set(data)
    rows_text = json.dumps([responses, answers, data["responses"]], ensure_ascii=False)
    _assert_private(rows_text)


def test_residents_text_is_never_a_spreadsheet_formula(strategy_process, german, tmp_path):
    answer = db.session.execute(db.select(Answer).where(Answer.text_value.like("Seit mein Mann%(1)"))).scalar_one()
    answer.text_value = "=HYPERLINK(\"http://evil.example\")"
    db.session.commit()
    path = tmp_path / "strategy.xlsx"
    write_xlsx(collect.workbook_sheets(strategy_process), path)
    from openpyxl import load_workbook
    sheet = load_workbook(path)["Codierte Antworten"]
    cells = [cell for row in sheet.iter_rows() for cell in row if str(cell.value).startswith("=")]
    assert cells and all(cell.data_type == "s" for cell in cells)


def test_reach_sheet_has_language_quotas_and_the_dashboards_shares(strategy_process, german):
    strategy_process.quotas = {"language": {"de": 0.8, "ar": 0.2}}
    db.session.commit()
    rows = {(row.field, row.label): row for row in collect.reach_rows(strategy_process)}
    assert rows[("Sprache", "Deutsch")].quota == 0.8
    arabic = rows[("Sprache", "العربية")]
    assert arabic.quota == 0.2 and arabic.count == "nicht ausgewiesen", "a quota names its group, never its count"
