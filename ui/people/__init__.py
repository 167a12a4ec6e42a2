"""The People page: the organisation's roster, its structure and the roster import."""
