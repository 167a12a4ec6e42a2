"""Printed PDF reports (reportlab) and the leadership workbook (openpyxl).

Import the modules of this package only where a report is written: they pull in reportlab
and openpyxl, which the app keeps out of its start-up path.
"""
