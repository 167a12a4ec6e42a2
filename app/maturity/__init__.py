"""The organisation's AI maturity: framework content, assessments, answers and scores."""
