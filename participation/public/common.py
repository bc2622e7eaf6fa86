"""Helpers shared by the residents' pages: survey languages, friendly unavailable pages, the short link."""
from flask import g, render_template

from ..languages import i18n
from ..links import absolute_url
from ..surveys.flow import Availability


def use_survey_languages(survey) -> str:
    """Offer only the survey's languages (switch, selection) and return the content language of the request."""
    return i18n.offer_languages(survey.languages or [i18n.DEFAULT_LANGUAGE] if survey is not None else None).code


def unavailable_page(survey, state: Availability):
    """A closed, not yet opened or unknown survey gets a page that says so, never a bare error."""
    return render_template("public/unavailable.html", survey=survey, state=state.state,
                           lang=g.get("content_language") or i18n.DEFAULT_LANGUAGE), state.status_code


def short_url(survey) -> str:
    """The absolute short link printed on flyers and encoded in the QR code."""
    return absolute_url("public.survey_start", code=survey.short_code)
