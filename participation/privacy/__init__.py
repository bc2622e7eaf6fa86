"""Privacy by default: personal data masked in free text, deletion on request, retention, flood limits.

Modules:
* `masking` — names, addresses and contact details in free text replaced by visible placeholders before
  planners or exports see it (the plain algorithm lives in `analysis.privacy`).
* `deletion` — a resident deletes their own response with a code shown once (only its hash is stored).
* `flooding` — per-survey submission and deletion limits counted in the database, with no IP addresses.
* `k_anonymity` — row data coarsened until every combination of language, district, target group, age
  band and month is shared by at least the minimum group size (the data export).
* `retention` — free text emptied after a process's retention date (the `privacy.apply_retention` job).
"""
