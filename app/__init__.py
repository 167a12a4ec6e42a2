"""The domain of Upskill Planner: services, scoring, import/export, reports, CLI. No Qt."""

__version__ = "0.1.0"
