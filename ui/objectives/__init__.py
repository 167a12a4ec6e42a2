"""The Objectives area: business objectives, their success metrics and readings over time."""
