"""Step 4: pilots with early adopters: cohort, tracking, analysis and the decision."""
