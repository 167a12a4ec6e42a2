"""Tests of the pilot tracker: cohorts, measurements, analysis."""
