"""Who has been reached, and every count behind a breakdown, with small groups hidden.

Modules:
* `aggregates` — counts per group (district, language, target group, channel) with cells below the
  process's minimum group size marked hidden; every page and export counts through it.
* `dashboard` — responses over time and by group, compared with the quotas planners set.
* `charts` — horizontal bar charts drawn on the server: SVG for pages, PNG for office documents.
"""
