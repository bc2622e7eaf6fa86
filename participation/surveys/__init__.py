"""Surveys and interview guides: building them, answering them on every channel, and their public results.

Modules:
* `builder` — processes, questionnaires and sections (create, settings, copy, open/close); `structure` —
  questions, options, conditions and order. Both keep stored answers intact and raise `BuilderError`.
* `answering` — parsing, validating and storing answers: the same rules for online, paper, interview and
  offline sync (`store_response` stores a submission exactly once).
* `flow` — availability of a survey and resident drafts; `progress.SurveyInProgress` — one resident's
  way through the pages, with the draft parsed once per request.
* `snapshot` — the survey structure residents' pages use, loaded once per `structure_version` and shared by
  a web process's requests; every ORM edit of a questionnaire, section, question, option or process gives
  the questionnaire a new version. The cached objects are read-only and belong to no session.
* `display` — choices in the reader's language for templates; `results` — the public results page data.

What others may rely on: `store_response` is idempotent per submission id; a draft never outlives its
submission (it is deleted in the transaction that stores the response); results never show a count below
the process's minimum group size.
"""
