"""Privacy by default: personal data masked in free text, deletion on request, retention, flood limits.

Modules:
* `masking` — names, addresses and contact details in free text replaced by visible placeholders before
  planners or exports see it (the plain algorithm lives in `analysis.privacy`).
* `deletion` — a resident deletes their own response with a code shown once (only its hash is stored).
* `flooding` — per-survey submission and deletion limits counted in the database, with no IP addresses.
* `retention` — free text emptied after a process's retention date (the `privacy.apply_retention` job).
"""
