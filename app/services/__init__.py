"""Use cases. Each public method is one user action and owns one transaction."""
