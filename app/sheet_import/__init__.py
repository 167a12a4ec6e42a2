"""What the spreadsheet imports of measurements share (completions from an LMS, metric readings,
pilot measurements): read the file with the roster reader, guess the columns, check every row
with its row number, show the plan, then save the good rows in one transaction, or nothing.

Each import supplies only what differs: its fields, how a row becomes a record, and its save.
"""
