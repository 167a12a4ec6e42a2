"""The Assessment area: the maturity wizard, its results and the assessments over time."""
