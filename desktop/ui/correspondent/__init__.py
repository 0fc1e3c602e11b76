"""The correspondent's windows: the report list, the report form, photos, follow-up
questions and delivery by hand."""
