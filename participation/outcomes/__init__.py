"""What came of a process ("Was ist daraus geworden?"): residents see how far their say reaches and what
was decided about their themes, and why.

Modules:
* `labels` — the stages of participation with their meaning, decision and measure status labels.
* `record` — planners set the stage and rules, record decisions on published themes, publish them (audited).
* `view` — what the public page and the open-data JSON show; only published items, small groups hidden.
* `mail` — SMTP from environment variables (stdlib smtplib); without SMTP_HOST nothing is offered.
* `hearing` — residents' addresses for one mail when decisions are published (double opt-in, delete link),
  and the jobs that send those mails.
"""
