"""Display names of stored codes (channels, phases, languages), translated for the reader."""
from flask_babel import lazy_gettext as _l

from .i18n import LANGUAGES

CHANNEL_LABELS = {
    "online": _l("Online"),
    "peer_interview": _l("Peer-Interview"),
    "focus_group": _l("Fokusgruppe"),
    "paper": _l("Papier"),
}
PHASE_LABELS = {
    "bestandsaufnahme": _l("Bestandsaufnahme"),
    "leitlinien": _l("Leitlinien"),
    "handlungsempfehlungen": _l("Handlungsempfehlungen"),
}
FIELD_LABELS = {
    "channel": _l("Beteiligungskanal"),
    "language": _l("Sprache"),
    "district": _l("Stadtteil"),
    "target_group": _l("Zielgruppe"),
    "age_band": _l("Altersgruppe"),
}


def value_label(field: str, value) -> str:
    """How a breakdown value is shown: channel and language codes get names, the rest is as stored."""
    if value is None:
        return str(_l("keine Angabe"))
    if field == "channel":
        return str(CHANNEL_LABELS.get(value, value))
    if field == "language":
        language = LANGUAGES.get(value)
        return language.native_name if language else value
    return str(value)


def init_app(app) -> None:
    app.jinja_env.globals.update(value_label=value_label, FIELD_LABELS=FIELD_LABELS, PHASE_LABELS=PHASE_LABELS,
                                 CHANNEL_LABELS=CHANNEL_LABELS)
