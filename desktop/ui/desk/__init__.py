"""The editor desk's windows: inbox, review pane, board, map, timeline, devices, exports,
the PDF briefing and delivery by hand."""
