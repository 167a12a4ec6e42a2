"""The PySide6 desktop face of Upskill Planner. The only layer that imports Qt."""
