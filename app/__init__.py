"""The domain of Upskill Planner: services, scoring, import/export, reports and the CLI. No Qt here."""

__version__ = "0.1.0"
