"""The Qt edge: windows, widgets, and the controller that owns the tick."""
