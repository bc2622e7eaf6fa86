"""Prioritising together: rounds of points over published themes and proposed measures.

`rounds` chooses and describes the items, `points` checks and stores points from every channel with
the same budget rules, `results` ranks the items with small groups hidden. Views stay thin.
"""
