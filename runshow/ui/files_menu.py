"""The control room's File menu: open a schedule or a cue sheet, export the cue sheet, the report.

``install_files_menu(window, controller)`` adds the actions to any QMainWindow (the operator
window calls it once). Opening a .xlsx/.csv/.json imports it (problems shown, located, in the
operator's language), asks where to save the schedule TOML, and hands the saved path to
``on_open`` (the app reloads with it). Export and Report work on the show as it stands: the
live journal, or the rehearsal's scratch record, marked as a rehearsal. Dialogs go through
:class:`Ask` so tests can answer them.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox, QWidget

from runshow.live.rehearsal import ScratchRecord
from runshow.present.report import Report, Wording, build_report, read_records, report_csv


class Ask:
    """The dialogs, in one place a test can replace."""

    @staticmethod
    def open_path(parent: QWidget, title: str, filters: str) -> str:
        return QFileDialog.getOpenFileName(parent, title, "", filters)[0]

    @staticmethod
    def save_path(parent: QWidget, title: str, suggested: str, filters: str) -> str:
        return QFileDialog.getSaveFileName(parent, title, suggested, filters)[0]

    @staticmethod
    def confirm(parent: QWidget, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            parent,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,  # a stray Enter keeps the show that is on
        )
        return answer == QMessageBox.StandardButton.Yes

    @staticmethod
    def tell(parent: QWidget, title: str, text: str, problem: bool = False) -> None:
        box = QMessageBox.warning if problem else QMessageBox.information
        box(parent, title, text)


def lang() -> str:
    return "en" if os.environ.get("RUNSHOW_LANG", "ko").startswith("en") else "ko"


def current_report(controller: Any) -> Report:
    """The report of the show the controller holds now: live journal or rehearsal scratch record."""
    journal = controller.journal
    path = getattr(journal, "path", None)
    records = read_records(Path(path)) if path is not None else []
    return build_report(
        controller.plan,
        list(controller.show.actions),
        records=records,
        as_of=controller.clock.now(),
        rehearsal=isinstance(journal, ScratchRecord),
        source=str(path or ""),
    )


def install_files_menu(
    window: QMainWindow, controller: Any, on_open: Callable[[Path], None] | None = None, ask: type[Ask] = Ask
) -> QMenu:
    """Add File → Open…, Export cue sheet…, Report… to ``window``; returns the menu."""
    add_menu = getattr(window, "add_menu", None)
    menu: QMenu = (
        add_menu("files", QCoreApplication.translate("FilesMenu", "&File"))
        if callable(add_menu)
        else window.menuBar().addMenu(QCoreApplication.translate("FilesMenu", "&File"))
    )

    def open_it(path: Path) -> None:
        """Hand ``path`` over to open, once the operator agreed that the show on now closes."""
        assert on_open is not None
        if ask.confirm(
            window,
            QCoreApplication.translate("FilesMenu", "Open another schedule"),
            QCoreApplication.translate(
                "FilesMenu", "The show that is open now closes (its journal is kept) and %1 opens. Go on?"
            ).replace("%1", path.name),
        ):
            on_open(path)

    def do_open() -> None:
        path = ask.open_path(
            window,
            QCoreApplication.translate("FilesMenu", "Open a schedule or a cue sheet"),
            QCoreApplication.translate("FilesMenu", "Schedules and cue sheets (*.toml *.xlsx *.csv *.json)"),
        )
        if not path:
            return
        src = Path(path)
        if src.suffix.lower() == ".toml":
            if on_open is not None:
                open_it(src)
            return
        from runshow.plan.sources.ontime import import_ontime
        from runshow.plan.sources.sheet import SourceError, import_sheet

        today = controller.clock.now().date()
        try:
            if src.suffix.lower() == ".json":
                result: Any = import_ontime(src, event_date=today)
            else:
                result = import_sheet(src, default_date=today)
        except SourceError as exc:
            lines = [p.text(lang()) for p in exc.problems]
            ask.tell(
                window,
                QCoreApplication.translate("FilesMenu", "The file has problems"),
                "\n".join(lines[:30]),
                problem=True,
            )
            return
        target = ask.save_path(
            window,
            QCoreApplication.translate("FilesMenu", "Save the schedule as"),
            str(src.with_suffix(".toml")),
            QCoreApplication.translate("FilesMenu", "Schedule (*.toml)"),
        )
        if not target:
            return
        Path(target).write_text(result.toml, encoding="utf-8")
        if on_open is not None:
            open_it(Path(target))
        else:
            ask.tell(
                window,
                QCoreApplication.translate("FilesMenu", "Imported"),
                QCoreApplication.translate("FilesMenu", "Saved %1; open it to run the show.").replace("%1", target),
            )

    def do_export() -> None:
        target = ask.save_path(
            window,
            QCoreApplication.translate("FilesMenu", "Export the cue sheet"),
            "cue-sheet.xlsx",
            QCoreApplication.translate("FilesMenu", "Excel workbook (*.xlsx)"),
        )
        if not target:
            return
        from runshow.present.export import write_cue_sheet

        report = current_report(controller) if controller.show.actions else None
        write_cue_sheet(controller.plan, target, report, lang=lang())
        ask.tell(
            window,
            QCoreApplication.translate("FilesMenu", "Exported"),
            QCoreApplication.translate("FilesMenu", "Saved %1").replace("%1", target),
        )

    def do_report() -> None:
        target = ask.save_path(
            window,
            QCoreApplication.translate("FilesMenu", "Save the report"),
            "report.pdf",
            QCoreApplication.translate("FilesMenu", "PDF (*.pdf)"),
        )
        if not target:
            return
        from runshow.reports.pdf import render_report_pdf

        report = current_report(controller)
        words = Wording(lang())
        pdf = Path(target)
        render_report_pdf(report, pdf, words)
        pdf.with_suffix(".csv").write_text(report_csv(report, words), encoding="utf-8-sig", newline="")
        ask.tell(
            window,
            QCoreApplication.translate("FilesMenu", "Report saved"),
            QCoreApplication.translate("FilesMenu", "Saved %1 and its CSV").replace("%1", str(pdf)),
        )

    for text, shortcut, slot in (
        (
            QCoreApplication.translate("FilesMenu", "&Open schedule or cue sheet…"),
            QKeySequence.StandardKey.Open,
            do_open,
        ),
        (QCoreApplication.translate("FilesMenu", "&Export cue sheet…"), QKeySequence("Ctrl+E"), do_export),
        (QCoreApplication.translate("FilesMenu", "&Report…"), QKeySequence("Ctrl+R"), do_report),
    ):
        action = QAction(text, window)
        action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
    return menu
