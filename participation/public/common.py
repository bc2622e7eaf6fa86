"""Helpers shared by the residents' pages: survey languages, friendly unavailable pages, the short link."""
from flask import g, render_template
from flask_babel import force_locale
from flask_babel import gettext as _

from ..languages import i18n
from ..languages.translation_files import published_incomplete, resident_languages
from ..links import absolute_url
from ..surveys.flow import Availability


def use_survey_languages(survey) -> str:
    """Offer only the languages residents can read the survey in and return the content language of the request.

    A resident who asked for a language the survey lacks is told so in that language (`g.language_notice`).
    """
    if survey is None:
        return i18n.offer_languages(None).code
    offered = resident_languages(survey)
    code = i18n.offer_languages(offered).code
    g.language_notice = missing_language_notice(offered, code)
    g.incomplete_language = published_incomplete(survey, code)
    return code


def missing_language_notice(offered: list[str], shown: str) -> dict | None:
    """What to tell a resident whose language the survey is not (yet) offered in, written in that language."""
    requested = i18n.requested_language()
    if requested is None or requested in offered or requested == shown:
        return None
    language = i18n.LANGUAGES[requested]
    with force_locale(language.ui_locale):
        return {"language": language, "offered": i18n.offered_languages(offered),
                "text": _("Diese Umfrage gibt es (noch) nicht in dieser Sprache: %(language)s.",
                          language=language.native_name),
                "choose": _("Sie können sie in diesen Sprachen lesen:")}


def unavailable_page(survey, state: Availability):
    """A closed, not yet opened or unknown survey gets a page that says so, never a bare error."""
    return render_template("public/unavailable.html", survey=survey, state=state.state,
                           lang=g.get("content_language") or i18n.DEFAULT_LANGUAGE), state.status_code


def short_url(survey) -> str:
    """The absolute short link printed on flyers and encoded in the QR code."""
    return absolute_url("public.survey_start", code=survey.short_code)
