"""A planner exports a survey's texts, a translator fills them in, the import applies all or nothing."""
import csv
import io

import pytest
from babel.messages.pofile import read_po, write_po

from participation.extensions import db
from participation.languages.translation_files import (
    export_file,
    import_translations,
    text_units,
    translation_completeness,
)
from tests.i18n.survey_texts import SURVEY_TEXTS

TURKISH = SURVEY_TEXTS["tr"]


@pytest.fixture
def turkish_survey(survey):
    survey.languages = ["de", "en", "tr", "de-easy"]
    db.session.commit()
    return survey


def fill(file_format: str, data: bytes, translations: dict, language_header: str | None = None) -> bytes:
    """What a translator's tool does: write a target for every id."""
    if file_format == "po":
        catalog = read_po(io.BytesIO(data))
        for message in catalog:
            if message.id:
                message.string = translations.get(message.context, "")
        if language_header:
            catalog._locale_identifier = language_header
        out = io.BytesIO()
        write_po(out, catalog)
        return out.getvalue()
    if file_format == "xliff":
        from lxml import etree
        root = etree.fromstring(data)
        namespace = "{urn:oasis:names:tc:xliff:document:1.2}"
        for unit in root.iter(f"{namespace}trans-unit"):
            unit.find(f"{namespace}target").text = translations.get(unit.get("id"), "")
        if language_header:
            root.find(f"{namespace}file").set("target-language", language_header)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    if language_header:
        rows[0][2] = language_header
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")  # spreadsheet programs in Germany save with semicolons
    writer.writerow(rows[0])
    for row in rows[1:]:
        writer.writerow([row[0], row[1], translations.get(row[0], "")])
    return out.getvalue().encode("utf-8")


SUFFIX = {"po": "po", "xliff": "xlf", "csv": "csv"}


def test_ids_are_stable_and_cover_every_text(turkish_survey):
    ids = [unit.id for unit in text_units(turkish_survey, "tr")]
    assert set(ids) == set(TURKISH)
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("file_format", ["po", "xliff", "csv"])
def test_exported_file_filled_by_a_translator_makes_the_turkish_survey_complete(turkish_survey, file_format):
    assert translation_completeness(turkish_survey)["tr"] == (0, len(TURKISH))
    exported = export_file(turkish_survey, "tr", file_format)
    report = import_translations(turkish_survey, "tr", f"anket.{SUFFIX[file_format]}",
                                 fill(file_format, exported, TURKISH))
    db.session.commit()
    assert report.ok and report.applied == len(TURKISH), report.problems
    assert translation_completeness(turkish_survey)["tr"] == (len(TURKISH), len(TURKISH))
    question = turkish_survey.question_by_code("childcare")
    assert question.text_with_fallback("text", "tr") == ("Kreş yeriniz var mı?", False)
    assert question.options[1].text_with_fallback("label", "tr") == ("Bekleme listesinde", False)


def test_export_carries_existing_translations_and_german_sources(turkish_survey):
    po = read_po(io.BytesIO(export_file(turkish_survey, "en", "po")))
    assert str(po.locale) == "en"
    title = next(m for m in po if m.context == "survey.title")
    assert (title.id, title.string) == ("Kurze Umfrage", "Short survey")


@pytest.mark.parametrize("file_format", ["po", "xliff", "csv"])
def test_wrong_language_is_refused_and_nothing_applied(turkish_survey, file_format):
    exported = export_file(turkish_survey, "tr", file_format)
    report = import_translations(turkish_survey, "tr", f"x.{SUFFIX[file_format]}",
                                 fill(file_format, exported, TURKISH, language_header="ar"))
    assert [p.code for p in report.errors] == ["wrong_language"]
    assert report.applied == 0
    assert translation_completeness(turkish_survey)["tr"][0] == 0


def test_unknown_ids_and_missing_placeholders_are_reported_without_half_applying(turkish_survey):
    turkish_survey.question_by_code("years").help_text = "Zum Beispiel %(example)s oder {count} Jahre"
    db.session.commit()
    exported = export_file(turkish_survey, "tr", "csv").decode("utf-8-sig")
    exported += "q.gibtsnicht.text,Gibt es nicht,Yok\n"
    translations = dict(TURKISH, **{"q.years.help_text": "Örneğin {count} yıl"})
    report = import_translations(turkish_survey, "tr", "anket.csv", fill("csv", exported.encode(), translations))
    assert sorted((p.code, p.unit_id) for p in report.errors) == [
        ("missing_placeholder", "q.years.help_text"), ("unknown_id", "q.gibtsnicht.text")]
    assert "%(example)s" in report.errors[0].detail or "%(example)s" in report.errors[1].detail
    db.session.commit()
    db.session.expire_all()
    assert translation_completeness(turkish_survey)["tr"][0] == 0


@pytest.mark.parametrize("filename, data, code", [
    ("anket.docx", b"PK\x03\x04", "unsupported_type"),
    ("anket.xlf", b"<xliff><file", "unreadable"),
    ("anket.po", b'msgid "x"\nmsgstr "y"\n', "unreadable"),
    ("anket.csv", b"foo,bar\n1,2\n", "unreadable"),
    ("anket.csv", "id,de,tr\nsurvey.title,Kurze Umfrage,Kısa anket\n".encode("cp1254"), "not_utf8"),
    ("anket.xlf", b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><xliff version="1.2" '
                  b'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file target-language="tr"><body>'
                  b'<trans-unit id="survey.title"><source>Kurze Umfrage</source><target>&e;</target></trans-unit>'
                  b'</body></file></xliff>', "unreadable"),
])
def test_bad_files_are_refused_with_a_reason(turkish_survey, filename, data, code):
    report = import_translations(turkish_survey, "tr", filename, data)
    assert [p.code for p in report.errors] == [code]
    assert turkish_survey.text_with_fallback("title", "tr") == ("Kurze Umfrage", True)


def test_xliff_2_is_imported(turkish_survey):
    data = ('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="de" trgLang="tr">'
            '<file id="f"><unit id="survey.title"><segment><source>Kurze Umfrage</source>'
            '<target>Kısa anket</target></segment></unit></file></xliff>').encode()
    report = import_translations(turkish_survey, "tr", "anket.xlf", data)
    assert report.ok and report.applied == 1
    assert turkish_survey.translated("title", "tr") == "Kısa anket"


def test_changed_german_source_is_a_warning_not_an_error(turkish_survey):
    exported = export_file(turkish_survey, "tr", "po")
    turkish_survey.title = "Kurze Umfrage 2027"
    report = import_translations(turkish_survey, "tr", "anket.po", fill("po", exported, TURKISH))
    assert report.ok and [(p.code, p.unit_id) for p in report.warnings] == [("source_changed", "survey.title")]


def test_too_long_translation_is_an_error(turkish_survey):
    exported = export_file(turkish_survey, "tr", "po")
    report = import_translations(turkish_survey, "tr", "anket.po",
                                 fill("po", exported, dict(TURKISH, **{"survey.title": "x" * 301})))
    assert [(p.code, p.unit_id) for p in report.errors] == [("too_long", "survey.title")]


def test_easy_language_has_its_own_texts_and_falls_back_to_german(turkish_survey):
    assert translation_completeness(turkish_survey)["de-easy"] == (0, len(TURKISH))
    exported = export_file(turkish_survey, "de-easy", "po")
    report = import_translations(turkish_survey, "de-easy", "leicht.po",
                                 fill("po", exported, {"survey.title": "Eine kurze Umfrage"}))
    assert report.ok and report.applied == 1
    assert turkish_survey.text_with_fallback("title", "de-easy") == ("Eine kurze Umfrage", False)
    assert turkish_survey.text_with_fallback("intro", "de-easy") == ("Danke, dass Sie mitmachen.", True)
    assert turkish_survey.text_with_fallback("title", "de") == ("Kurze Umfrage", False)
    wrong = import_translations(turkish_survey, "de-easy", "x.po",
                                fill("po", exported, {"survey.title": "x"}, language_header="de"))
    assert [p.code for p in wrong.errors] == ["wrong_language"]


def test_the_hand_translations_cover_every_text_of_the_test_survey(survey):
    """Keeps tests.i18n.survey_texts in step with SMALL_SURVEY (the answering-flow tests rely on it)."""
    survey.languages = ["de"] + list(SURVEY_TEXTS)
    ids = {unit.id for unit in text_units(survey, "tr")}
    assert all(set(texts) == ids for texts in SURVEY_TEXTS.values())
