"""The correspondent's commands: reports, enrolment and sync, and the text checks."""
