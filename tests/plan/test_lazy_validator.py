"""The validator (pydantic models, 0.05 s to import) is imported when a schedule is validated, not before.

A plan from the cache needs the model only; ``runshow validate`` and every loader entry point
still validate exactly as before.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT, SCHEDULE_2021


def run(code: str) -> str:
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


def test_importing_the_plan_package_does_not_import_the_validator() -> None:
    out = run(
        "import sys, runshow.plan, runshow.plan.model, runshow.plan.loader, runshow.plan.cache\n"
        "print('runshow.plan.validate' in sys.modules)"
    )
    assert out == "False"


def test_loading_validates_and_the_loader_still_names_the_validator() -> None:
    out = run(
        "import sys\n"
        "from runshow.plan import load_plan\n"
        f"plan = load_plan({str(SCHEDULE_2021)!r})\n"
        "import runshow.plan.loader as loader\n"
        "from runshow.plan.loader import validate\n"
        "from runshow.plan.validate import validate as real\n"
        "print(len(plan.segments), 'runshow.plan.validate' in sys.modules, loader.validate is real, validate is real)"
    )
    assert out == "12 True True True"


def test_an_unknown_loader_attribute_is_still_an_attribute_error() -> None:
    import runshow.plan.loader as loader

    with pytest.raises(AttributeError, match="no_such_thing"):
        loader.no_such_thing  # noqa: B018
