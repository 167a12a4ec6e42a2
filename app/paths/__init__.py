"""Role paths: the module library, path planning rules, assignments and progress."""
