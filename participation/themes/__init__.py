"""Theme analysis of a process's free text as background jobs, and the planners' review of its themes.

Modules: `embedding` (texts and their vectors), `runs` (start, run and apply an analysis; new answers join
themes), `review` (planner changes and undo), `overview` (summaries and quotes for pages and exports),
`crosstabs` (themes by group, small groups hidden), `recovery` (runs of dead workers), `cli` (`flask themes`).
The algorithms themselves are in `participation.analysis` (no Flask, no database).

What other areas can rely on:

* A process has one *current theme set*: its `Theme` rows with `archived == False`. They come from the
  latest finished `AnalysisRun` of the process (`current_run`), whose scope is the whole process
  (`questionnaire_id` None) or one survey or guide.
* `ThemeAssignment`: at most one per answer. `theme_id` None means "analysed, but no theme fits"
  (shown as "ohne Thema"). Only answers in the current run's scope that are not flagged
  (`Answer.review_flag`) have one: flagging an answer deletes its assignment, so every count over
  assignments already leaves flagged answers out. `source` is "analysis" (clustering), "incremental"
  (a new answer joined the nearest theme after the run) or "planner" (moved or split off by hand).
  `quote` marks a quote a planner picked for the report; `representative` one of the theme's most
  typical answers at the last run.
* Archived themes are kept, so links to them stay valid: `merged_into_id` names the theme a planner
  merged them into (their strategy links moved there); `dissolved_run_id` names the rerun that did not find
  them again ("aufgelöst"), and `archive` keeps the answers and quotes they held and where those went.
* A rerun (`rerun`) never scrambles planners' work: a new theme inherits an old one (id, name, notes,
  published flag, links) only when they share most of each other's answers; answers a planner placed stay;
  quote marks move with their answers. Started on the page, a rerun waits as a preview (`AnalysisRun.status`
  "preview") until a planner applies or discards it; an applied rerun is undone as a whole.
* Each question's answers form their own themes (`Theme.question_id`; None = questions analysed together).
* `Theme.version` grows with every change: forms carry it, a stale save raises `review.StaleTheme`.
* Every planner change is one audit event (`theme.*`) whose details hold a snapshot of what it
  changed; `undo_last_change` restores the latest one not undone since the last analysis.
"""
