"""The workforce's AI skills and readiness: skills catalogue, scale and attitude items."""
