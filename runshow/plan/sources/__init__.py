"""Sources of a schedule: each turns its input into a :class:`runshow.plan.tree.LocatedTree`.

``toml`` reads the schedule file. Spreadsheet and Ontime sources (``sheet``, ``ontime``) may give
TOML text to :func:`runshow.plan.sources.toml.read_toml`, or build a located tree directly with
cell locations (:class:`runshow.plan.tree.LocatedTree` with a locator that returns
``Location(sheet=…, cell=…)``); either way the one validator builds the plan.
"""
