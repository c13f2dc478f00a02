"""Schedule sources other than hand-written TOML: cue sheets (.xlsx/.csv) and Ontime project files.

Each source turns its file into schedule TOML text (with comments saying what was inferred)
plus located problems; the normal TOML loader then builds the :class:`~runshow.plan.Plan`.
"""
