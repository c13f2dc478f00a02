"""The post-event report as an A4 landscape PDF, in the bundled Korean font, readable in greyscale.

Drawn with QtGui only (QPdfWriter + QPainter): no plotting library, no widgets, so it runs under
``QGuiApplication`` on the offscreen platform from the command line. Greyscale-safe: planned
bars are hatched outlines, actual bars solid dark grey, overruns bold with a ▲ and a dotted
fill, and every chart is labelled in words, not colour.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
)

from runshow.present.report import (
    Report,
    Row,
    Wording,
    fmt_delta,
    fmt_length,
    fmt_time,
    row_cells,
)

FAMILY = "Pretendard"
RESOLUTION = 300  # dots per inch of the PDF's device coordinates
_loaded: list[str] | None = None


def font_dir() -> Path | None:
    """Where the bundled font lives: ``runshow/resources/fonts``, shipped inside the package."""
    from runshow.resources import resource_path

    candidate = resource_path("fonts")
    return candidate if any(candidate.glob(f"{FAMILY}-*.otf")) else None


def load_report_fonts() -> list[str]:
    """Register the bundled Pretendard with Qt (needs a QGuiApplication); the families found."""
    global _loaded
    if _loaded is not None:
        return _loaded
    families: list[str] = []
    directory = font_dir()
    if directory is not None:
        for path in sorted(directory.glob(f"{FAMILY}-*.otf")):
            fid = QFontDatabase.addApplicationFont(str(path))
            for fam in QFontDatabase.applicationFontFamilies(fid) if fid >= 0 else []:
                if fam not in families:
                    families.append(fam)
    _loaded = families
    return families


def ensure_gui_app() -> QGuiApplication:
    """The running QGuiApplication, or a new one (the caller sets ``QT_QPA_PLATFORM=offscreen``)."""
    app = QGuiApplication.instance()
    if app is None:
        app = QGuiApplication(["runshow-report"])
    assert isinstance(app, QGuiApplication)
    return app


class _Pdf:
    def __init__(self, path: Path, report: Report, words: Wording) -> None:
        self.report = report
        self.w = words
        self.writer = QPdfWriter(str(path))
        self.writer.setResolution(RESOLUTION)
        self.writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Landscape,
                QMarginsF(12, 10, 12, 10),
                QPageLayout.Unit.Millimeter,
            )
        )
        self.writer.setTitle(f"{report.plan.event.title} — {words('report')}")
        self.writer.setCreator("runshow")
        self.p = QPainter(self.writer)
        rect = self.writer.pageLayout().paintRectPixels(RESOLUTION)
        self.W = float(rect.width())
        self.H = float(rect.height())
        self.page = 1
        self.y = 0.0

    # units and fonts
    def mm(self, v: float) -> float:
        return v * RESOLUTION / 25.4

    def font(self, pt: float, bold: bool = False) -> QFont:
        f = QFont(FAMILY)
        f.setPointSizeF(pt)
        f.setBold(bold)
        # Pretendard's contextual alternates (a raised colon between digits, tabular figures) have no
        # Unicode mapping in the PDF: text extraction, search and copy would lose "13:30". Plain glyphs.
        for tag in ("calt", "tnum", "ss01"):
            f.setFeature(QFont.Tag(tag), 0)
        return f

    def text(
        self,
        rect: QRectF,
        s: str,
        pt: float = 8.5,
        bold: bool = False,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    ) -> None:
        self.p.setFont(self.font(pt, bold))
        self.p.setPen(QPen(QColor(0, 0, 0)))
        fm = QFontMetricsF(self.p.font())
        shown = fm.elidedText(s, Qt.TextElideMode.ElideRight, rect.width())
        self.p.drawText(rect, int(align | Qt.AlignmentFlag.AlignVCenter), shown)

    def footer(self) -> None:
        ev = self.report.plan.event
        r = QRectF(0, self.H - self.mm(5), self.W, self.mm(5))
        mark = self.w("rehearsal") if self.report.rehearsal else self.w("live")
        self.text(r, f"{ev.title} · {self.w('report')} · {mark}", 7)
        self.text(r, f"{self.page}", 7, align=Qt.AlignmentFlag.AlignRight)

    def new_page(self) -> None:
        self.footer()
        self.writer.newPage()
        self.page += 1
        self.y = 0.0
        if self.report.rehearsal:
            self.banner(small=True)

    def need(self, height: float) -> None:
        if self.y + height > self.H - self.mm(8):
            self.new_page()

    def banner(self, small: bool = False) -> None:
        """REHEARSAL across the top, hatched so it reads on any printer."""
        h = self.mm(6 if small else 9)
        r = QRectF(0, self.y, self.W, h)
        self.p.fillRect(r, QBrush(QColor(120, 120, 120), Qt.BrushStyle.BDiagPattern))
        self.p.setPen(QPen(QColor(0, 0, 0), self.mm(0.4)))
        self.p.drawRect(r)
        inner = QRectF(self.W / 2 - self.mm(45), self.y + self.mm(0.8), self.mm(90), h - self.mm(1.6))
        self.p.fillRect(inner, QColor(255, 255, 255))
        self.text(inner, f"{self.w('rehearsal')} · REHEARSAL", 9 if small else 12, True, Qt.AlignmentFlag.AlignCenter)
        self.y += h + self.mm(2)

    def heading(self, s: str) -> None:
        self.need(self.mm(12))
        self.y += self.mm(2)
        self.text(QRectF(0, self.y, self.W, self.mm(7)), s, 12, True)
        self.y += self.mm(7)
        self.p.setPen(QPen(QColor(0, 0, 0), self.mm(0.3)))
        self.p.drawLine(QPointF(0, self.y), QPointF(self.W, self.y))
        self.y += self.mm(1.5)

    # tables
    def table(
        self,
        headers: Sequence[str],
        widths: Sequence[float],
        rows: Sequence[Sequence[str]],
        styles: Sequence[str] = (),
        right: Sequence[int] = (),
    ) -> None:
        total = sum(widths)
        xs = [0.0]
        for wv in widths:
            xs.append(xs[-1] + wv / total * self.W)
        rh = self.mm(5.2)

        def head() -> None:
            r = QRectF(0, self.y, self.W, rh)
            self.p.fillRect(r, QColor(215, 215, 215))
            for i, h in enumerate(headers):
                self.text(
                    QRectF(xs[i] + self.mm(1), self.y, xs[i + 1] - xs[i] - self.mm(2), rh),
                    h,
                    7.5,
                    True,
                    Qt.AlignmentFlag.AlignRight if i in right else Qt.AlignmentFlag.AlignLeft,
                )
            self.y += rh

        self.need(rh * 2)
        head()
        for n, cells in enumerate(rows):
            style = styles[n] if n < len(styles) else ""
            if self.y + rh > self.H - self.mm(8):
                self.new_page()
                head()
            r = QRectF(0, self.y, self.W, rh)
            if "over" in style:
                self.p.fillRect(r, QBrush(QColor(150, 150, 150), Qt.BrushStyle.Dense6Pattern))
            elif n % 2:
                self.p.fillRect(r, QColor(245, 245, 245))
            bold = "bold" in style or "over" in style
            for i, c in enumerate(cells):
                pad = self.mm(4) if (i == 2 and "speaker" in style) else self.mm(1)
                self.text(
                    QRectF(xs[i] + pad, self.y, xs[i + 1] - xs[i] - pad - self.mm(1), rh),
                    c,
                    7.5,
                    bold,
                    Qt.AlignmentFlag.AlignRight if i in right else Qt.AlignmentFlag.AlignLeft,
                )
            self.p.setPen(QPen(QColor(170, 170, 170), self.mm(0.1)))
            self.p.drawLine(QPointF(0, self.y + rh), QPointF(self.W, self.y + rh))
            self.y += rh
        self.y += self.mm(2)

    # the pages
    def cover(self) -> None:
        rep, w = self.report, self.w
        plan = rep.plan
        ev = plan.event
        if rep.rehearsal:
            self.banner()
        self.text(QRectF(0, self.y, self.W, self.mm(10)), f"{ev.title} — {w('report')}", 17, True)
        self.y += self.mm(10)
        weekday = "월화수목금토일"[ev.date.weekday()]
        line = f"{ev.date:%Y-%m-%d}({weekday})  {ev.venue}"
        self.text(QRectF(0, self.y, self.W, self.mm(6)), line, 9.5)
        self.y += self.mm(6)
        start = fmt_time(rep.actual_start, plan) or w("not_started")
        end = fmt_time(rep.actual_end, plan) or w("running")
        summary = (
            f"{w('planned')} {fmt_time(plan.start, plan)}–{fmt_time(plan.end, plan)}   ·   "
            f"{w('actual')} {start}–{end}   ·   {w('final_drift')} {fmt_delta(rep.final_drift) or '0:00'}   ·   "
            f"{w('as_of')} {fmt_time(rep.as_of, plan)}"
        )
        self.text(QRectF(0, self.y, self.W, self.mm(6)), summary, 10, True)
        self.y += self.mm(6)
        if rep.source:
            self.text(QRectF(0, self.y, self.W, self.mm(5)), f"{w('source')}: {rep.source}", 7)
            self.y += self.mm(5)
        self.y += self.mm(1)
        rows = [row_cells(rep, r, w) for r in rep.rows]
        styles = [_style(r) for r in rep.rows]
        for cells, r in zip(rows, rep.rows, strict=True):
            ov = r.overrun
            if ov is not None and ov > timedelta(0):
                cells[-1] = "▲ " + cells[-1]
            if r.level == "speaker":
                cells[0] = cells[1] = ""
        headers = [
            w(k)
            for k in (
                "part",
                "segment",
                "speaker",
                "planned_start",
                "actual_start",
                "start_delta",
                "planned_end",
                "actual_end",
                "end_delta",
                "planned_length",
                "actual_length",
                "length_delta",
            )
        ]
        self.table(headers, (15, 30, 11, 7, 7, 6, 7, 7, 6, 6, 6, 7), rows, styles, right=range(3, 12))

    def summary_page(self) -> None:
        rep, w = self.report, self.w
        plan = rep.plan
        self.heading(w("totals"))
        rows = []
        for p in rep.parts:
            rows.append(
                [
                    p.part,
                    fmt_time(p.planned_start, plan),
                    fmt_time(p.actual_start, plan),
                    fmt_time(p.planned_end, plan),
                    fmt_time(p.actual_end, plan),
                    fmt_delta(p.end_delta),
                    fmt_length(p.declared),
                    fmt_length(p.actual_length),
                    fmt_delta(p.length_delta),
                ]
            )
        self.table(
            [
                w("part"),
                w("planned_start"),
                w("actual_start"),
                w("planned_end"),
                w("actual_end"),
                w("end_delta"),
                w("planned_length"),
                w("actual_length"),
                w("length_delta"),
            ],
            (34, 8, 8, 8, 8, 7, 7, 7, 7),
            rows,
            right=range(1, 9),
        )
        self.heading(w("overruns"))
        rows = [
            [
                f"{i + 1}",
                r.segment,
                r.speaker,
                fmt_length(r.planned_length),
                fmt_length(r.actual_length),
                "▲ " + fmt_delta(r.overrun),
            ]
            for i, r in enumerate(rep.overruns)
        ]
        self.table(
            ["#", w("segment"), w("speaker"), w("planned_length"), w("actual_length"), w("length_delta")],
            (3, 45, 14, 9, 9, 9),
            rows or [["", "—", "", "", "", ""]],
            right=range(3, 6),
        )
        self.heading(w("alerts"))
        if not rep.has_alert_records:
            self.text(QRectF(0, self.y, self.W, self.mm(6)), w("no_alerts"), 9)
            self.y += self.mm(7)
        else:
            counts = "   ".join(
                f"{w(k)} {rep.alert_counts.get(k, 0)}" for k in ("fired", "missed", "dropped", "acknowledged")
            )
            self.text(QRectF(0, self.y, self.W, self.mm(6)), counts, 9.5, True)
            self.y += self.mm(7)
            rows = [[fmt_time(a.at, plan), w(a.status), a.rule, fmt_time(a.planned, plan), a.text] for a in rep.alerts]
            self.table([w("time"), w("status"), "rule", w("planned"), w("text")], (8, 9, 14, 8, 61), rows)
        self.heading(w("messages"))
        if not rep.messages:
            self.text(QRectF(0, self.y, self.W, self.mm(6)), w("no_messages"), 9)
            self.y += self.mm(7)
        else:
            rows = [[fmt_time(m.at, plan), fmt_time(m.cleared_at, plan), m.text] for m in rep.messages]
            self.table([w("time"), w("cleared"), w("text")], (8, 8, 84), rows)
        self.heading(w("actions"))
        rows, styles = [], []
        for a in rep.actions:
            status = w("undone") if a.undone else ("" if a.applied else w("rejected"))
            kind = w(a.kind) if a.kind in ("undo", "redo") or a.kind in _ACTION_KINDS else a.kind
            rows.append([fmt_time(a.at, plan), ("↶ " if a.is_undo else "") + kind, a.detail, status])
            styles.append("bold" if a.undone or a.is_undo else "")
        self.table([w("time"), w("what"), w("detail"), w("status")], (9, 16, 55, 20), rows, styles)
        if rep.problems:
            self.heading(w("problems"))
            self.table(["#", w("detail")], (4, 96), [[str(i + 1), s] for i, s in enumerate(rep.problems)])

    def charts_page(self) -> None:
        self.new_page()
        top = self.y
        h1 = (self.H - self.mm(10) - top) * 0.42
        self.drift_chart(QRectF(0, top, self.W, h1))
        self.timeline_chart(QRectF(0, top + h1 + self.mm(4), self.W, self.H - self.mm(10) - top - h1 - self.mm(4)))

    def _axis_times(self) -> tuple[datetime, datetime]:
        rep = self.report
        plan = rep.plan
        times = [plan.start, plan.end, *(d.at for d in rep.drift)]
        times += [t for r in rep.rows for t in (r.actual_start, r.actual_end) if t is not None]
        lo = min(times).astimezone(plan.event.timezone)
        hi = max(times).astimezone(plan.event.timezone)
        lo = lo.replace(minute=(lo.minute // 15) * 15, second=0, microsecond=0)
        return lo, hi

    def _time_axis(self, area: QRectF, lo: datetime, hi: datetime) -> None:
        span = max((hi - lo).total_seconds(), 60.0)
        t = lo
        step = timedelta(minutes=15 if span <= 4 * 3600 else 30)
        while t <= hi:
            x = area.left() + (t - lo).total_seconds() / span * area.width()
            self.p.setPen(QPen(QColor(200, 200, 200), self.mm(0.1), Qt.PenStyle.DotLine))
            self.p.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()))
            self.text(
                QRectF(x - self.mm(8), area.bottom() + self.mm(0.5), self.mm(16), self.mm(4)),
                f"{t:%H:%M}",
                7,
                align=Qt.AlignmentFlag.AlignCenter,
            )
            t += step

    def drift_chart(self, box: QRectF) -> None:
        rep, w = self.report, self.w
        self.text(QRectF(box.left(), box.top(), box.width(), self.mm(6)), w("drift_chart"), 11, True)
        area = QRectF(
            box.left() + self.mm(14), box.top() + self.mm(8), box.width() - self.mm(18), box.height() - self.mm(14)
        )
        lo, hi = self._axis_times()
        span = max((hi - lo).total_seconds(), 60.0)
        vals = [d.drift.total_seconds() / 60 for d in rep.drift] or [0.0]
        vmax = max(1.0, max(vals))
        vmin = min(0.0, min(vals))
        vmin, vmax = vmin - 0.5 if vmin < 0 else vmin, vmax + 0.5

        def xof(t: datetime) -> float:
            return area.left() + (t - lo).total_seconds() / span * area.width()

        def yof(v: float) -> float:
            return area.bottom() - (v - vmin) / (vmax - vmin) * area.height()

        self._time_axis(area, lo, hi)
        step = next(s for s in (1, 2, 5, 10, 15, 30, 60) if (vmax - vmin) / s <= 8)
        v = float(int(vmin // step) * step)
        while v <= vmax:
            self.p.setPen(QPen(QColor(200, 200, 200), self.mm(0.1)))
            self.p.drawLine(QPointF(area.left(), yof(v)), QPointF(area.right(), yof(v)))
            self.text(
                QRectF(box.left(), yof(v) - self.mm(2), self.mm(12), self.mm(4)),
                f"{v:+.0f}" if v else "0",
                7,
                align=Qt.AlignmentFlag.AlignRight,
            )
            v += step
        self.p.setPen(QPen(QColor(0, 0, 0), self.mm(0.35), Qt.PenStyle.DashLine))
        self.p.drawLine(QPointF(area.left(), yof(0)), QPointF(area.right(), yof(0)))
        # part boundaries, named
        plan = rep.plan
        for part in plan.parts:
            x = xof(plan.segment(part.segment_ids[0]).start.astimezone(plan.event.timezone))
            self.p.setPen(QPen(QColor(90, 90, 90), self.mm(0.2), Qt.PenStyle.DashDotLine))
            self.p.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()))
            self.text(QRectF(x + self.mm(1), area.top(), self.mm(60), self.mm(4)), part.title, 6.5)
        if rep.drift:
            path = QPainterPath()
            fill = QPainterPath()
            first = rep.drift[0]
            path.moveTo(xof(first.at), yof(first.drift.total_seconds() / 60))
            fill.moveTo(xof(first.at), yof(0))
            for d in rep.drift:
                pt = QPointF(xof(d.at), yof(d.drift.total_seconds() / 60))
                path.lineTo(pt)
                fill.lineTo(pt)
            fill.lineTo(xof(rep.drift[-1].at), yof(0))
            fill.closeSubpath()
            self.p.fillPath(fill, QBrush(QColor(110, 110, 110), Qt.BrushStyle.Dense5Pattern))
            self.p.setPen(QPen(QColor(0, 0, 0), self.mm(0.6)))
            self.p.drawPath(path)
            peak = max(rep.drift, key=lambda d: d.drift)
            if peak.drift > timedelta(0) and peak.drift != rep.drift[-1].drift:  # the final one is labelled below
                x, y = xof(peak.at), yof(peak.drift.total_seconds() / 60)
                self.p.setBrush(QColor(0, 0, 0))
                self.p.drawEllipse(QPointF(x, y), self.mm(0.9), self.mm(0.9))
                left = x > area.right() - self.mm(50)  # near the right edge: the label goes to the left
                self.text(
                    QRectF(x - self.mm(51.5) if left else x + self.mm(1.5), y - self.mm(5), self.mm(50), self.mm(4)),
                    f"최대 {fmt_delta(peak.drift)} ({fmt_time(peak.at, plan)})"
                    if self.w.lang == "ko"
                    else f"peak {fmt_delta(peak.drift)} ({fmt_time(peak.at, plan)})",
                    8,
                    True,
                    Qt.AlignmentFlag.AlignRight if left else Qt.AlignmentFlag.AlignLeft,
                )
            last = rep.drift[-1]
            self.text(
                QRectF(
                    xof(last.at) - self.mm(30),
                    yof(last.drift.total_seconds() / 60) + self.mm(1),
                    self.mm(29),
                    self.mm(4),
                ),
                f"{w('final_drift')} {fmt_delta(last.drift) or '0:00'}",
                8,
                True,
                Qt.AlignmentFlag.AlignRight,
            )
        self.p.setPen(QPen(QColor(0, 0, 0), self.mm(0.25)))
        self.p.setBrush(Qt.BrushStyle.NoBrush)
        self.p.drawRect(area)

    def timeline_chart(self, box: QRectF) -> None:
        rep, w = self.report, self.w
        self.text(QRectF(box.left(), box.top(), box.width(), self.mm(6)), w("timeline_chart"), 11, True)
        label_w = self.mm(62)
        area = QRectF(
            box.left() + label_w,
            box.top() + self.mm(8),
            box.width() - label_w - self.mm(16),
            box.height() - self.mm(14),
        )
        lo, hi = self._axis_times()
        span = max((hi - lo).total_seconds(), 60.0)

        def xof(t: datetime) -> float:
            return area.left() + (t - lo).total_seconds() / span * area.width()

        self._time_axis(area, lo, hi)
        segs = rep.segment_rows
        rh = area.height() / max(1, len(segs))
        for i, r in enumerate(segs):
            y = area.top() + i * rh
            self.text(QRectF(box.left(), y, label_w - self.mm(2), rh), r.segment, 7, align=Qt.AlignmentFlag.AlignRight)
            pr = QRectF(xof(r.planned_start), y + rh * 0.12, xof(r.planned_end) - xof(r.planned_start), rh * 0.38)
            self.p.setPen(QPen(QColor(0, 0, 0), self.mm(0.2)))
            self.p.setBrush(QBrush(QColor(60, 60, 60), Qt.BrushStyle.BDiagPattern))
            self.p.drawRect(pr)
            if r.actual_start is not None:
                end = r.actual_end or rep.as_of
                ar = QRectF(
                    xof(r.actual_start), y + rh * 0.52, max(self.mm(0.4), xof(end) - xof(r.actual_start)), rh * 0.38
                )
                self.p.fillRect(ar, QColor(70, 70, 70))
                ov = r.overrun
                if ov is not None and ov != timedelta(0):
                    mark = ("▲ " if ov > timedelta(0) else "▼ ") + fmt_delta(ov)
                    self.text(
                        QRectF(
                            ar.right() + self.mm(1), ar.top() - self.mm(0.6), self.mm(16), ar.height() + self.mm(1.2)
                        ),
                        mark,
                        6.5,
                        ov > timedelta(0),
                    )
        self.p.setPen(QPen(QColor(0, 0, 0), self.mm(0.25)))
        self.p.setBrush(Qt.BrushStyle.NoBrush)
        self.p.drawRect(area)

    def finish(self) -> None:
        self.footer()
        self.p.end()


_ACTION_KINDS = {
    "start",
    "next",
    "previous",
    "goto",
    "pause",
    "resume",
    "adjust",
    "mode",
    "message",
    "clear_message",
    "blackout",
}


def _style(r: Row) -> str:
    ov = r.overrun
    s = "speaker" if r.level == "speaker" else "bold"
    if ov is not None and ov > timedelta(0):
        s += " over"
    return s


def render_report_pdf(report: Report, path: str | Path, words: Wording | None = None) -> Path:
    """Write ``report`` as a PDF to ``path`` (A4 landscape); needs a QGuiApplication."""
    ensure_gui_app()
    load_report_fonts()
    out = Path(path)
    pdf = _Pdf(out, report, words or Wording())
    pdf.cover()
    pdf.charts_page()
    pdf.new_page()
    pdf.summary_page()
    pdf.finish()
    return out
