"""The editor desk's windows: inbox, review pane, board, map, timeline, devices, exports
and the PDF briefing."""
