"""Evidence in one step: a theme with one of its quotes; indicators rest on evidence too, on the strategy
page and in every export, in the same words."""
from flask_babel import force_locale

from participation import strategy
from participation.exports import collect
from participation.exports.report import write_docx
from participation.extensions import db
from participation.models import AuditEvent, EvidenceLink, Indicator, Process, Theme, ThemeAssignment
from participation.strategy.weight import evidence_weights
from tests.strategy.conftest import SECRET_EMAIL
from tests.strategy.conftest import strategy_base as _base


def _theme(process, label) -> Theme:
    return db.session.execute(db.select(Theme).filter_by(process_id=process.id, label=label)).scalar_one()


def _quote(theme, text_start) -> int:
    return next(a.answer_id for a in db.session.execute(db.select(ThemeAssignment).filter_by(
        theme_id=theme.id, quote=True)).scalars() if a.answer.text_value.startswith(text_start))


def _indicator(name) -> Indicator:
    return db.session.execute(db.select(Indicator).filter_by(name=name)).scalar_one()


def test_a_theme_and_one_of_its_quotes_are_linked_to_an_indicator_in_one_step(planner_client, strategy_process):
    bus = _theme(strategy_process, "Schlechte Busverbindungen")
    indicator = _indicator("Umsetzung Abendlinie Nordstadt")
    quote_id = _quote(bus, "Abends fährt")
    page = planner_client.get(_base(strategy_process)).get_data(as_text=True)
    assert f'value="indicator:{indicator.id}"' in page, "indicators can be chosen as the target"
    response = planner_client.post(f"{_base(strategy_process)}/evidence", data={
        "target": f"indicator:{indicator.id}", "theme_id": str(bus.id), "answer_id": str(quote_id)})
    assert response.status_code == 302
    link = db.session.execute(db.select(EvidenceLink).filter_by(indicator_id=indicator.id)).scalar_one()
    assert (link.theme_id, link.answer_id) == (bus.id, quote_id), "one link holds both"
    page = planner_client.get(_base(strategy_process)).get_data(as_text=True)
    shown = page.split(f'id="indicator-{indicator.id}"')[1].split("</li>\n  \n</ul>")[0]
    assert "Schlechte Busverbindungen" in shown and "„Abends fährt kein Bus mehr in die Nordstadt.“" in shown
    assert "7 Antworten" in shown, "the weight of the theme beside it"
    event = db.session.execute(db.select(AuditEvent).filter_by(action="strategy_evidence_linked")).scalar_one()
    assert event.object_title == f"Schlechte Busverbindungen (#{quote_id}) → Umsetzung Abendlinie Nordstadt"


def test_a_quote_of_another_theme_is_refused_with_the_choices_kept(planner_client, strategy_process):
    bus = _theme(strategy_process, "Schlechte Busverbindungen")
    kita = _theme(strategy_process, "Fehlende Kitaplätze")
    indicator = _indicator("Umsetzung Abendlinie Nordstadt")
    response = planner_client.post(f"{_base(strategy_process)}/evidence", data={
        "target": f"indicator:{indicator.id}", "theme_id": str(bus.id), "answer_id": str(_quote(kita, "Wir warten"))})
    assert response.status_code == 400
    assert "Dieses Zitat gehört nicht zum gewählten Thema." in response.get_data(as_text=True)
    assert db.session.execute(db.select(EvidenceLink).filter_by(indicator_id=indicator.id)).first() is None
    assert strategy.link_evidence(strategy_process, "indicator", indicator.id, theme_id=bus.id,
                                  answer_id=_quote(kita, "Wir warten")) is None


def test_indicators_of_another_process_cannot_be_targets(strategy_process):
    other = Process(title="Andere Stadt")
    db.session.add(other)
    db.session.flush()
    foreign = Indicator(process_id=other.id, name="Fremd")
    db.session.add(foreign)
    db.session.commit()
    bus = _theme(strategy_process, "Schlechte Busverbindungen")
    assert strategy.link_evidence(strategy_process, "indicator", foreign.id, theme_id=bus.id) is None


def test_deleting_an_indicator_takes_its_evidence_links_with_it(planner_client, strategy_process):
    indicator = _indicator("Umsetzung Abendlinie Nordstadt")
    bus = _theme(strategy_process, "Schlechte Busverbindungen")
    db.session.add(EvidenceLink(process_id=strategy_process.id, theme_id=bus.id, indicator_id=indicator.id))
    db.session.commit()
    assert planner_client.post(f"{_base(strategy_process)}/indicator/{indicator.id}/delete").status_code == 302
    assert db.session.execute(db.select(EvidenceLink).filter_by(theme_id=bus.id,
                                                                 measure_id=None)).first() is None


def test_exports_show_indicator_evidence_in_the_words_of_the_page(app, strategy_process, tmp_path):
    from docx import Document
    indicator = _indicator("Umsetzung Abendlinie Nordstadt")
    kita = _theme(strategy_process, "Fehlende Kitaplätze")
    secret_quote = next(a.answer_id for a in db.session.execute(db.select(ThemeAssignment).filter_by(
        theme_id=kita.id, quote=True)).scalars() if SECRET_EMAIL in a.answer.text_value)
    link = EvidenceLink(process_id=strategy_process.id, theme_id=kita.id, answer_id=secret_quote,
                        indicator_id=indicator.id)
    db.session.add(link)
    db.session.commit()
    with force_locale("de"):
        expected = strategy.evidence_item(link, evidence_weights(strategy_process)).text
        matrix = collect.strategy_matrix(strategy_process)
        blocks = collect.report_blocks(strategy_process)
    assert expected.startswith("Thema: Fehlende Kitaplätze (7 Antworten, ")
    assert "Zitat: „Bitte schreiben Sie mir: [E-Mail entfernt], Kita fehlt.“" in expected
    row = next(row for row in matrix if row.measure == "Abendlinie Nordstadt")
    assert row.indicators.splitlines()[1] == f"  Beleg: {expected}", "the indicator's evidence, under it"
    path = tmp_path / "report.docx"
    write_docx(blocks, path, "Bericht")
    cells = [cell.text for table in Document(str(path)).tables for r in table.rows for cell in r.cells]
    assert any(expected in cell for cell in cells)
    assert not any(SECRET_EMAIL in cell for cell in cells)


def test_measure_evidence_in_exports_carries_the_weight(app, strategy_process):
    with force_locale("de"):
        row = next(row for row in collect.strategy_matrix(strategy_process) if row.measure == "Abendlinie Nordstadt")
    assert row.evidence.startswith("Thema: Schlechte Busverbindungen (7 Antworten, ")
