"""The scenes of the window (menu, map, event pop-up, summary, timeline, debrief, overlays)."""
