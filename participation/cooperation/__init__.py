"""Cooperation of a process: actors, committees, meetings and the network between them (issue #23)."""
