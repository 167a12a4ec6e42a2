"""Roster import: read an HR export (.xlsx or .csv), guess what each column means,
and check every row into a plan of people and problems before anything is written.

Pure Python, no database and no Qt. The step that writes a plan to the database
lives in :mod:`app.roster.applying`.
"""
