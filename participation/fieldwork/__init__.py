"""Peer interviews and focus-group sessions recorded by multipliers on behalf of residents.

`records` decides who may record what, checks a record (the same dict online and from the offline queue)
and stores it exactly once per client id; the `interviews` area holds only the views.
"""
