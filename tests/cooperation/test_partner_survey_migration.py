"""Migration 0023 adds the link of a process to the surveys and guides made from cooperation templates, on
top of existing data, and removes it again on downgrade."""
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text

from participation.extensions import db
from tests.test_migrations import migrated_to

SCHEMA = "partner_survey_migration_check"


def test_partner_survey_link_table_up_and_down(backend, postgres_url, tmp_path):
    with migrated_to("0021_process_phases", backend, postgres_url, tmp_path, SCHEMA):
        with db.engine.begin() as connection:
            connection.execute(text(
                "INSERT INTO process (title, description, phase, districts, target_groups, languages, i18n, "
                "min_group_size, quotas) VALUES ('Nordstadt', '', 'bestandsaufnahme', '[]', '[]', '[\"de\"]', "
                "'{}', 5, '{}')"))
            process_id = connection.execute(text("SELECT id FROM process")).scalar_one()
            connection.execute(text(
                "INSERT INTO questionnaire (kind, process_id, title, intro, consent_text, thanks_text, i18n, "
                "languages, incomplete_languages_published, short_code, status, results_published, "
                "structure_version, wave_number) VALUES ('survey', :p, 'Partner', '', '', '', '{}', "
                "'[\"de\"]', '[]', 'partner', 'draft', false, 'x', 1)"), {"p": process_id})
            survey_id = connection.execute(text("SELECT id FROM questionnaire")).scalar_one()
        upgrade(revision="0023_partner_survey")
        with db.engine.begin() as connection:
            connection.execute(text(
                "INSERT INTO coop_questionnaire (questionnaire_id, process_id, purpose) "
                "VALUES (:q, :p, 'partner_survey')"), {"q": survey_id, "p": process_id})
            linked = connection.execute(text("SELECT purpose FROM coop_questionnaire")).scalars().all()
        downgrade(revision="0021_process_phases")
        with db.engine.connect() as connection:
            tables = inspect(connection).get_table_names()
    assert linked == ["partner_survey"]
    assert "coop_questionnaire" not in tables and "questionnaire" in tables
