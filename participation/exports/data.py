"""Raw and coded data for statisticians and other tools: a zip of CSV files, JSON and a codebook.

responses.csv   one row per response (person, interview or focus-group session), k-anonymous over
                language, district, target group, age band and period (see privacy.k_anonymity)
answers.csv     one row per answer, note or quote, with its theme
codebook.csv    every variable: file, variable, label, type, codes and their labels
data.json       the same data nested per response, with the codebook and a JSON Schema of the file

CSV files are UTF-8 with a byte order mark (so spreadsheet programs detect the encoding), comma-separated,
multiple choice codes joined by ";".
"""
from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

RESPONSE_COLUMNS = ("response_id", "questionnaire_id", "questionnaire", "channel", "language", "district",
                    "target_group", "age_band", "period", "consent", "participant_count")
ANSWER_COLUMNS = ("answer_id", "response_id", "questionnaire_id", "question_code", "item_kind", "value",
                  "language", "translation_de", "theme_id", "theme")
CODEBOOK_COLUMNS = ("file", "questionnaire_id", "variable", "label", "type", "codes")

_NULLABLE_STRING = {"type": ["string", "null"]}
_NULLABLE_INTEGER = {"type": ["integer", "null"]}
JSON_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Participation data export",
    "type": "object",
    "required": ["process", "codebook", "themes", "responses"],
    "properties": {
        "process": {"type": "object", "properties": {
            "id": {"type": "integer"}, "title": {"type": "string"}, "min_group_size": {"type": "integer"},
            "exported_at": {"type": "string", "format": "date-time"}}},
        "codebook": {"type": "array", "items": {"type": "object", "properties": {
            column: {"type": ["string", "integer", "null"]} for column in CODEBOOK_COLUMNS}}},
        "themes": {"type": "array", "items": {"type": "object", "required": ["id", "label"], "properties": {
            "id": {"type": "integer"}, "label": {"type": "string"}, "keywords": {"type": "array"},
            "answers": {"type": ["integer", "null"],
                        "description": "null when fewer than min_group_size answers (hidden)"}}}},
        "responses": {"type": "array", "items": {"type": "object", "required": ["response_id", "answers"],
                      "properties": {
            "response_id": {"type": "integer"}, "questionnaire_id": {"type": "integer"},
            "questionnaire": {"type": "string"}, "channel": {"type": "string"}, "language": _NULLABLE_STRING,
            "district": _NULLABLE_STRING, "target_group": _NULLABLE_STRING, "age_band": _NULLABLE_STRING,
            "period": {"type": ["string", "null"], "description": "YYYY-MM, YYYY-Qn or YYYY (k-anonymity)"},
            "consent": {"type": "boolean"}, "participant_count": _NULLABLE_INTEGER,
            "answers": {"type": "array", "items": {"type": "object", "required": ["answer_id", "question_code"],
                        "properties": {
                "answer_id": {"type": "integer"}, "question_code": {"type": "string"},
                "item_kind": {"enum": ["answer", "note", "quote"]},
                "value": {"type": ["string", "number", "boolean", "array", "null"]},
                "language": _NULLABLE_STRING, "translation_de": _NULLABLE_STRING, "theme_id": _NULLABLE_INTEGER}}},
        }}},
    },
}


def _csv_text(columns, rows) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({column: _csv_value(row.get(column)) for column in columns})
    return "\ufeff" + buffer.getvalue()


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(value: str) -> str:
    """Text a spreadsheet program would run as a formula, quoted so it stays text (residents' answers,
    titles someone typed)."""
    return "'" + value if value[:1] in FORMULA_STARTS else value


def _csv_value(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, list):
        return ";".join(str(item) for item in value)
    if isinstance(value, str):
        return formula_safe(value)
    return value


def _nested(dataset: dict) -> dict:
    """The data per response with its answers, the codebook and the themes (data.json)."""
    answers_by_response: dict = {}
    for answer in dataset["answers"]:
        answers_by_response.setdefault(answer["response_id"], []).append(
            {key: value for key, value in answer.items() if key not in ("response_id", "questionnaire_id", "theme")})
    return {
        "process": dataset["process"], "codebook": dataset["codebook"], "themes": dataset["themes"],
        "responses": [dict(response, answers=answers_by_response.get(response["response_id"], []))
                      for response in dataset["responses"]],
    }


def write_data_json(dataset: dict, path: Path) -> None:
    """data.json alone, for tools that read JSON (the command line's `--format json`)."""
    path.write_text(json.dumps(_nested(dataset), ensure_ascii=False, indent=1), encoding="utf-8")


def write_data_zip(dataset: dict, path: Path) -> None:
    """dataset: {"process": {...}, "responses": [...], "answers": [...], "codebook": [...], "themes": [...]}."""
    nested = _nested(dataset)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("responses.csv", _csv_text(RESPONSE_COLUMNS, dataset["responses"]))
        archive.writestr("answers.csv", _csv_text(ANSWER_COLUMNS, dataset["answers"]))
        archive.writestr("codebook.csv", _csv_text(CODEBOOK_COLUMNS, dataset["codebook"]))
        archive.writestr("data.json", json.dumps(nested, ensure_ascii=False, indent=1))
        archive.writestr("data.schema.json", json.dumps(JSON_SCHEMA, ensure_ascii=False, indent=1))
