"""The correspondent's use cases: capturing a report, and the checks its text goes through
(personal details, Zawgyi)."""
