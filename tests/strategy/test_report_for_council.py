"""The council gets it all in the report: which measures run for whom where with whose money until when,
what to check in the funding, and what changed between the two survey waves."""
import pytest
from flask_babel import force_locale

from participation.exports import collect
from participation.exports.report import write_docx, write_odt
from participation.strategy import funding, measures_of
from tests.strategy.test_monitoring import _docx, _odt


@pytest.mark.parametrize("file_format", ["docx", "odt"])
def test_report_answers_the_councils_questions_on_the_demo(app, demo_outcomes, tmp_path, file_format):
    path = tmp_path / f"bericht.{file_format}"
    with app.test_request_context("/"), force_locale("de"):
        blocks = collect.report_blocks(demo_outcomes)
        (write_docx if file_format == "docx" else write_odt)(blocks, path, collect.report_title(demo_outcomes))
        all_measures = measures_of(demo_outcomes)
        double = [funding.double_funding_text(case) for case in funding.double_fundings(all_measures)]
        gaps = [funding.gap_text(gap) for gap in funding.funding_gaps(all_measures)]
    text, headings, _images = (_docx if file_format == "docx" else _odt)(path)

    assert "Stand der Maßnahmen" in headings and "Förderübersicht" in headings
    assert "Schulamt / Gesundheitsamt" in text                     # the tandem leading the school breakfast
    assert "Schule" in text and "GKV" in text                      # life stage and funder with its period
    assert double and all(case in text for case in double)          # double funding named in words
    assert gaps and all(gap in text for gap in gaps)                # a gap after the funding period
    assert "Was sich zwischen den Befragungswellen verändert hat" in headings
    assert "Welle 1" in text and "Welle 2" in text
    for status in ("neu", "gewachsen", "nicht mehr genannt"):
        assert f"\n{status}\n" in f"\n{text}\n"                     # themes that are new, grew, disappeared
    assert "Veränderung (Prozentpunkte)" in text
