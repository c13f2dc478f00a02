"""Each row of issue 12's fault table, as a fast test: a few tries, no failure allowed.

``scripts/reliability.py`` runs the same trials with the issue's numbers of tries (and a real
tmpfs when it can mount one) and prints the table quoted in the README.
"""

from __future__ import annotations

import pytest

from tests.live.fault_trials import ROWS

FAST = {
    "bit-flips": 20,
    "duplicated": 4,
    "swapped": 4,
    "read-only": 2,
    "disk-full": 1,
    "clock-steps": 12,
    "edited": 7,
    "second-copy": 1,
}


@pytest.mark.parametrize("name", list(ROWS))
def test_fault_row(name: str) -> None:
    row = ROWS[name](FAST[name])
    assert row.tries == FAST[name]
    assert row.failures == 0, row


@pytest.mark.slow
@pytest.mark.parametrize("name", list(ROWS))
def test_fault_row_long(name: str) -> None:
    tries = {"bit-flips": 600, "duplicated": 130, "swapped": 120, "clock-steps": 300}.get(name, FAST[name])
    row = ROWS[name](tries)
    assert row.failures == 0, row
