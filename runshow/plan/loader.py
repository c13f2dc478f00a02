"""Read a schedule file into a :class:`Plan`, reporting every problem at once.

The pipeline: a source gives a located tree (:mod:`runshow.plan.sources.toml` for a TOML file;
a spreadsheet source may give TOML text or a tree with cell locations), and the one validator
(:mod:`runshow.plan.validate`) builds the plan. These two functions are the TOML entry points;
they never raise anything but :class:`ScheduleError`.
"""

from __future__ import annotations

from pathlib import Path as FsPath
from typing import TYPE_CHECKING, Any

from runshow.plan.errors import Problem, ScheduleError
from runshow.plan.model import Plan
from runshow.plan.rules import SETTABLE
from runshow.plan.sources.toml import TomlFile, parse_toml, read_toml
from runshow.plan.tree import LocatedTree

if TYPE_CHECKING:
    from runshow.plan.validate import validate

# The settable alert rules, by name (from the one registry, runshow.plan.rules).
RULES = tuple(rule.value for rule in SETTABLE)

__all__ = ["RULES", "LocatedTree", "Problem", "ScheduleError", "load_plan", "parse_plan", "parse_toml", "validate"]


def load_plan(path: str | FsPath) -> Plan:
    """Load and validate a schedule file; raise :class:`ScheduleError` with every problem."""
    from runshow.plan.validate import validate  # (here: a cached plan needs none of the validator)

    return validate(TomlFile(path).read())


def parse_plan(raw: bytes, source: str = "<schedule>") -> Plan:
    """Validate a schedule's TOML bytes (``source`` names it in every problem)."""
    from runshow.plan.validate import validate

    return validate(read_toml(raw, source))


def __getattr__(name: str) -> Any:
    """``runshow.plan.loader.validate`` still names the validator, imported when first asked for."""
    if name == "validate":
        from runshow.plan.validate import validate

        return validate
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
