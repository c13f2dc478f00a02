"""The report PDF: A4 landscape pages, Korean text in the bundled font, and a picture of page 1."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from runshow.live.scenario import load_scenario
from runshow.present.report import build_report

from .test_report import SCENARIO

pytestmark = pytest.mark.gui


def _render(qapp, plan, tmp_path, **kw):
    from runshow.reports.pdf import render_report_pdf

    report = build_report(plan, list(load_scenario(SCENARIO, plan).actions), **kw)
    return render_report_pdf(report, tmp_path / "report.pdf")


def test_the_bundled_font_is_found():
    from runshow.reports.pdf import font_dir

    found = font_dir()
    assert found is not None and (found / "Pretendard-Regular.otf").exists()


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils not installed")
def test_pdf_is_a4_landscape_with_korean_text(qapp, plan_2021, tmp_path):
    pdf = _render(qapp, plan_2021, tmp_path)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert pages >= 3  # the table, the charts, the totals and logs
    assert "842 x 595 pts (A4)" in info  # landscape, in points
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Pretendard" in fonts
    raw = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    # Qt's PDF gives Pretendard's ":", "+" and "−" no Unicode mapping, so text extraction reads them
    # as spaces (the page shows them; see the PNG in docs/). Compare with them blanked.
    text = " ".join(re.sub(r"[:+−\-]", " ", raw).split())
    assert "행사 결과 보고서" in text
    assert "패널토론 및 질의응답" in text and "▲ 5 00" in text  # the biggest overrun, marked in words
    assert "최종 지연 8 00" in text
    assert "이 기록에는 알림 기록이 없습니다" in text
    assert "리허설" not in text


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_a_rehearsal_report_says_so_on_every_page(qapp, plan_2021, tmp_path):
    pdf = _render(qapp, plan_2021, tmp_path, rehearsal=True)
    for page in (1, 2, 3):  # the banner is drawn on every page
        text = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "리허설 기록 · REHEARSAL" in text
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")], check=True)
    png = next(Path(tmp_path).glob("p-*.png"))
    assert png.stat().st_size > 5_000
