"""docs/control.md cannot drift from the code: its action table is the route table's."""

from __future__ import annotations

from pathlib import Path

from runshow.remote.control import ACTIONS, actions_markdown

DOC = Path(__file__).resolve().parents[2] / "docs" / "control.md"


def test_the_reference_table_is_the_route_table() -> None:
    text = DOC.read_text(encoding="utf-8")
    start, end = text.index("<!-- actions:begin -->"), text.index("<!-- actions:end -->")
    assert text[start:end].split("\n", 1)[1].strip() == actions_markdown().strip(), (
        "regenerate the table from runshow.remote.control.actions_markdown()"
    )
    for spec in ACTIONS:
        assert spec.path in text and spec.osc in text
