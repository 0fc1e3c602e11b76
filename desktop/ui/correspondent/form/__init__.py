"""The report form's parts: sections over a typed draft, the binder that joins them, the
foldable frame of the optional sections, saving jobs and the words for problems.
desktop/ui/correspondent/report_form.py puts them together."""
