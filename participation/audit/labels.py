"""Action names for people: the log stores stable codes, the admin reads them in their language."""
from flask_babel import lazy_gettext as _l

ACTION_LABELS = {
    "login": _l("Anmeldung"),
    "invitation_accepted": _l("Einladung angenommen"),
    "user_invited": _l("Person eingeladen"),
    "password_reset_issued": _l("Link zum Zurücksetzen des Passworts erstellt"),
    "process_created": _l("Prozess angelegt"),
    "process_updated": _l("Prozess geändert"),
    "process_phase_changed": _l("Phase des Prozesses geändert"),
    "process_member_added": _l("Person zum Prozess hinzugefügt"),
    "quotas_changed": _l("Quoten geändert"),
    "retention_changed": _l("Aufbewahrungsfrist geändert"),
    "retention_applied": _l("Freitexte nach Ablauf der Frist gelöscht"),
    "response_deleted_on_request": _l("Antwort auf Wunsch gelöscht"),
    "multiplier_invited": _l("Multiplikator*in eingeladen"),
    "multiplier_assigned": _l("Multiplikator*in zugeordnet"),
    "user_created": _l("Konto angelegt"),
    "multiplier_activated": _l("Multiplikator*in freigeschaltet"),
    "multiplier_deactivated": _l("Multiplikator*in gesperrt"),
    "multiplier_removed": _l("Multiplikator*in aus dem Prozess genommen"),
    "multiplier_invitation_withdrawn": _l("Einladung für Multiplikator*in zurückgezogen"),
    "multiplier_link_issued": _l("Anmeldelink für Multiplikator*in erstellt"),
    "questionnaire_created": _l("Umfrage oder Leitfaden angelegt"),
    "questionnaire_updated": _l("Umfrage oder Leitfaden geändert"),
    "questionnaire_copied": _l("Umfrage oder Leitfaden kopiert"),
    "questionnaire_deleted": _l("Umfrage oder Leitfaden gelöscht"),
    "questionnaire_opened": _l("Umfrage geöffnet"),
    "questionnaire_closed": _l("Umfrage geschlossen"),
    "section_added": _l("Abschnitt hinzugefügt"),
    "section_updated": _l("Abschnitt geändert"),
    "section_removed": _l("Abschnitt entfernt"),
    "question_added": _l("Frage hinzugefügt"),
    "question_updated": _l("Frage geändert"),
    "question_removed": _l("Frage entfernt"),
    "question_archived": _l("Frage archiviert"),
    "question_restored": _l("Frage wiederhergestellt"),
    "question_condition_set": _l("Bedingung einer Frage gesetzt"),
    "question_moved_to_section": _l("Frage verschoben"),
    "item_moved": _l("Reihenfolge geändert"),
    "option_added": _l("Antwortmöglichkeit hinzugefügt"),
    "option_updated": _l("Antwortmöglichkeit geändert"),
    "option_removed": _l("Antwortmöglichkeit entfernt"),
    "option_archived": _l("Antwortmöglichkeit archiviert"),
    "option_restored": _l("Antwortmöglichkeit wiederhergestellt"),
    "translation_imported": _l("Übersetzung eingelesen"),
    "translation_published_incomplete": _l("Unvollständige Übersetzung freigegeben"),
    "translation_unpublished_incomplete": _l("Freigabe der unvollständigen Übersetzung zurückgenommen"),
    "guide_proposal_made": _l("Vorschlag zum Leitfaden gemacht"),
    "guide_proposal_accepted": _l("Vorschlag zum Leitfaden übernommen"),
    "guide_proposal_changed": _l("Vorschlag zum Leitfaden geändert übernommen"),
    "guide_proposal_declined": _l("Vorschlag zum Leitfaden abgelehnt"),
    "answer_translation_saved": _l("Übersetzung einer Antwort gespeichert"),
    "paper_response_entered": _l("Papierfragebogen erfasst"),
    "export_requested": _l("Export angefordert"),
    "export_created": _l("Export erstellt"),
    "export_downloaded": _l("Export heruntergeladen"),
    "themes.analysis_started": _l("Themenanalyse gestartet"),
    "themes.analysis_applied": _l("Ergebnis der Themenanalyse übernommen"),
    "themes.analysis_discarded": _l("Ergebnis der Themenanalyse verworfen"),
    "themes.run_analysis": _l("Themenanalyse ausgeführt"),
    "themes.embed_pending": _l("Neue Antworten für die Themenanalyse vorbereitet"),
    "theme.rename": _l("Thema umbenannt"),
    "theme.merge": _l("Themen zusammengeführt"),
    "theme.split": _l("Thema geteilt"),
    "theme.move_answers": _l("Antworten verschoben"),
    "theme.notes": _l("Notiz zum Thema geändert"),
    "theme.quote": _l("Zitat markiert"),
    "theme.flag": _l("Antwort ausgeblendet"),
    "theme.unflag": _l("Antwort wieder eingeblendet"),
    "theme.publish": _l("Thema veröffentlicht"),
    "theme.unpublish": _l("Veröffentlichung eines Themas zurückgenommen"),
    "theme.undo": _l("Änderung an Themen rückgängig gemacht"),
    "theme.recluster": _l("Thema neu gegliedert"),
    "strategy_evidence_linked": _l("Beleg verknüpft"),
    "strategy_evidence_unlinked": _l("Beleg gelöst"),
    "strategy_measure_resources_updated": _l("Ressourcen und Bewertung einer Maßnahme geändert"),
    "strategy_lists_updated": _l("Ämter, Akteure oder Lebensphasen geändert"),
    "coop_actor_updated": _l("Profil eines Akteurs geändert"),
    "coop_contact_added": _l("Kontaktrolle eines Akteurs hinzugefügt"),
    "coop_network_exported": _l("Netzwerk exportiert (GraphML)"),
    "coop_committee_added": _l("Gremium angelegt"),
    "coop_committee_updated": _l("Gremium geändert"),
    "coop_membership_added": _l("Mitgliedschaft in einem Gremium eingetragen"),
    "coop_meeting_added": _l("Sitzung eines Gremiums eingetragen"),
    "coop_decision_added": _l("Beschluss einer Sitzung eingetragen"),
    "coop_task_added": _l("Aufgabe aus einer Sitzung eingetragen"),
    "coop_task_done": _l("Aufgabe aus einer Sitzung erledigt"),
    "audit_log_exported": _l("Protokoll exportiert"),
    "outcome.rules_saved": _l("Spielregeln der Beteiligung geändert"),
    "outcome.decision_saved": _l("Entscheidung zu einem Thema gespeichert"),
    "outcome.decisions_published": _l("Entscheidungen veröffentlicht"),
    "outcome.decision_withdrawn": _l("Entscheidung zurückgezogen"),
    "priority_round_created": _l("Priorisierungsrunde angelegt"),
    "priority_round_updated": _l("Priorisierungsrunde geändert"),
    "priority_items_changed": _l("Einträge einer Priorisierungsrunde geändert"),
    "priority_item_updated": _l("Eintrag einer Priorisierungsrunde geändert"),
    "priority_conference_entered": _l("Konferenzpunkte erfasst"),
}

STRATEGY_KINDS = {"field": _l("Handlungsfeld"), "goal": _l("Ziel"), "measure": _l("Maßnahme"),
                  "indicator": _l("Indikator")}
STRATEGY_VERBS = {"created": _l("%(kind)s angelegt"), "updated": _l("%(kind)s geändert"),
                  "deleted": _l("%(kind)s gelöscht")}


OBJECT_LABELS = {
    "Process": _l("Prozess"), "User": _l("Person"), "Questionnaire": _l("Umfrage oder Leitfaden"),
    "Survey": _l("Umfrage"), "Section": _l("Abschnitt"), "Question": _l("Frage"), "Option": _l("Antwortmöglichkeit"),
    "Response": _l("Antwort"), "Answer": _l("Antwort"), "Theme": _l("Thema"), "AnalysisRun": _l("Themenanalyse"),
    "StrategyField": _l("Handlungsfeld"), "Goal": _l("Ziel"), "Measure": _l("Maßnahme"), "Indicator": _l("Indikator"),
    "EvidenceLink": _l("Beleg"), "Job": _l("Export"), "Invitation": _l("Einladung"),
    "ThemeDecision": _l("Entscheidung"),
    "MembershipInvitation": _l("Einladung"), "GuideProposal": _l("Vorschlag zum Leitfaden"),
    "PriorityRound": _l("Priorisierungsrunde"), "PriorityItem": _l("Eintrag einer Priorisierungsrunde"),
}


def object_label(object_type: str) -> str:
    """The kind of object in the reader's language (the class name when unknown)."""
    return str(OBJECT_LABELS[object_type]) if object_type in OBJECT_LABELS else object_type


def action_label(code: str) -> str:
    """The translated name of an action; unknown codes are shown as they are, never hidden."""
    if code in ACTION_LABELS:
        return str(ACTION_LABELS[code])
    parts = code.split("_")
    if len(parts) == 3 and parts[0] == "strategy" and parts[1] in STRATEGY_KINDS and parts[2] in STRATEGY_VERBS:
        return str(STRATEGY_VERBS[parts[2]]) % {"kind": str(STRATEGY_KINDS[parts[1]])}
    return code
