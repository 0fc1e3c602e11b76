"""The editor desk's tables: newsroom keys, pulled envelopes and reports, review events,
marks, attention, device decisions and envelope chains. SQL only."""
