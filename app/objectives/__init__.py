"""Step 1 and step 5 of the programme: business objectives, their metrics and readings."""
