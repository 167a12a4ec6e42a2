"""The Pilots area: pilot list, pilot detail tabs and the charts of its results."""
