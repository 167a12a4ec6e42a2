"""The Skills survey area: campaigns, rating entry, results."""
