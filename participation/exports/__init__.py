"""Exports for the strategy document and the council: workbook, report, data.

The writer modules (workbook, report, data, charts) take plain data and a path and know nothing of
Flask or the database; `collect` turns a process into that plain data, applying the minimum group
size and personal-data masking; `jobs` runs them in the background.
"""
