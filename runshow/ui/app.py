"""The app shell: one QApplication, one controller, the stage and the control room.

``python main.py [SCHEDULE.toml]`` lands in :func:`run_app`. Building the
windows is split out as :func:`build_app` so tests can inspect a fully wired
app without entering the event loop.

Two hidden switches exist for screenshots and demos, both read only here at
start-up and turned into a clock or actions, so the engine still has one source
of "now":

- ``RUNSHOW_FAKE_NOW=2021-10-15T14:12:00+09:00`` freezes show time at that
  instant (a :class:`ManualClock`) instead of the system clock;
- ``RUNSHOW_SCENARIO=path.toml`` applies that scenario's actions up to now.
"""

from __future__ import annotations

import gc
import logging
import os
import signal
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from runshow.live.actions import Action
from runshow.live.clock import Clock, ManualClock, TimelineClock
from runshow.live.recovery import today_of
from runshow.plan.cache import load_cached
from runshow.plan.errors import Problem, ScheduleError
from runshow.plan.model import Plan
from runshow.remote.options import server_options
from runshow.resources import bundled_schedule, i18n_dir
from runshow.session.alert_armer import AlertArmer
from runshow.session.controller import ActionSink, ShowController
from runshow.session.rehearsal import RehearsalMode
from runshow.ui.alert_wiring import AlertPresenter, StageNotices, install_alerts
from runshow.ui.chime import Chime
from runshow.ui.clock_step import ClockStepBar, install_clock_step
from runshow.ui.commands import DOUBLE_TAP_S
from runshow.ui.fonts import load_fonts, use_bundled_font
from runshow.ui.journal_fault import JournalFaultBar, install_journal_fault, remembered_journals
from runshow.ui.operator import OperatorWindow
from runshow.ui.recovery import open_live_journal, show_pending
from runshow.ui.rehearsal_panel import RehearsalPanel, install_rehearsal
from runshow.ui.screens import default_settings
from runshow.ui.stage import StageView, StageWindow
from runshow.ui.startup import TRACE, AfterFlip, FirstPaint

if TYPE_CHECKING:
    from runshow.remote.stack import RemoteStack

log = logging.getLogger(__name__)

I18N_DIR = i18n_dir()
DEFAULT_SCHEDULE = bundled_schedule()  # a copy of schedules/2021-…toml shipped in the package
EXIT_BAD_SCHEDULE = 2
FRESH_FLAG = "--fresh"  # archive this schedule's journal and start clean (runshow.ui.recovery)


@dataclass
class AppWindows:
    """Everything :func:`build_app` wired together, kept alive by the caller."""

    controller: ShowController
    stage: StageWindow
    operator: OperatorWindow | None
    armer: AlertArmer | None = None
    rehearsal: RehearsalMode | None = None
    rehearsal_panel: RehearsalPanel | None = None
    journal: ActionSink | None = None
    journal_fault: JournalFaultBar | None = None
    clock_step: ClockStepBar | None = None

    def close(self) -> None:
        """Stop every timer this app owns (the tick, the alert scheduler)."""
        self.controller.stop_ticking()
        if self.armer is not None:
            self.armer.stop()
        close = getattr(self.journal, "close", None)
        if callable(close):
            close()


# ── language ─────────────────────────────────────────────────────────────
def split_language(qt_args: Sequence[str], environ: dict[str, str] | None = None) -> tuple[str, list[str]]:
    """Korean unless ``--lang en`` (or ``--lang=en``, or ``RUNSHOW_LANG=en``); the rest goes to Qt."""
    env = os.environ if environ is None else environ
    lang = env.get("RUNSHOW_LANG", "ko") or "ko"
    rest: list[str] = []
    args = list(qt_args)
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--lang" and i + 1 < len(args):
            lang, i = args[i + 1], i + 2
            continue
        if arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
        else:
            rest.append(arg)
        i += 1
    return lang.lower(), rest


def install_translators(app: QCoreApplication, lang: str, directory: Path = I18N_DIR) -> list[QTranslator]:
    """Load every ``*_ko.qm`` for Korean (the default); English is the source text."""
    if lang != "ko":
        QLocale.setDefault(QLocale(QLocale.Language.English))
        return []
    QLocale.setDefault(QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea))
    loaded: list[QTranslator] = []
    for qm in sorted(directory.glob(f"*_{lang}.qm")):
        translator = QTranslator(app)
        if translator.load(str(qm)):
            app.installTranslator(translator)
            loaded.append(translator)
        else:
            log.warning("could not load translation %s", qm)
    return loaded


# ── clock and actions ────────────────────────────────────────────────────
def make_clock(environ: dict[str, str] | None = None) -> Clock:
    """The live timeline clock, or a frozen one at ``RUNSHOW_FAKE_NOW`` for screenshots."""
    env = os.environ if environ is None else environ
    fake = env.get("RUNSHOW_FAKE_NOW")
    if fake:
        instant = datetime.fromisoformat(fake)
        if instant.tzinfo is None:
            raise ValueError("RUNSHOW_FAKE_NOW needs a time zone, e.g. 2021-10-15T14:12:00+09:00")
        return ManualClock(instant)
    return TimelineClock()  # show time on a monotonic timeline: a wall-clock step is reported, not used


def scripted_actions(plan: Plan, clock: Clock, environ: dict[str, str] | None = None) -> list[Action]:
    """The ``RUNSHOW_SCENARIO`` actions already due at the clock's now (none without it)."""
    env = os.environ if environ is None else environ
    path = env.get("RUNSHOW_SCENARIO")
    if not path:
        return []
    from runshow.live.scenario import load_scenario  # (here: its pydantic models are not needed to paint)

    now = clock.now()
    return [a for a in load_scenario(path, plan).actions if a.at <= now]


def open_journal(
    plan: Plan,
    clock: Clock,
    *,
    fresh: bool = False,
    environ: dict[str, str] | None = None,
    elsewhere: Sequence[Path] = (),
) -> tuple[ActionSink | None, list[Action] | None]:
    """The live journal to append to and the actions to replay from it.

    A demo at a made-up time (``RUNSHOW_FAKE_NOW`` / ``RUNSHOW_SCENARIO``) must
    never touch the real show's journal, so it gets none.
    """
    env = os.environ if environ is None else environ
    if env.get("RUNSHOW_FAKE_NOW") or env.get("RUNSHOW_SCENARIO"):
        return None, None
    journal, actions = open_live_journal(plan, clock, None, fresh=fresh, elsewhere=elsewhere)
    return journal, actions


# ── building ─────────────────────────────────────────────────────────────
def build_app(
    plan: Plan,
    clock: Clock,
    *,
    actions: list[Action] | None = None,
    journal: ActionSink | None = None,
    settings: QSettings | None = None,
    with_operator: bool = True,
    chime: Chime | None = None,
    journal_settings: QSettings | None = None,
    defer_alerts: bool = False,
) -> AppWindows:
    """Wire controller, stage and control room; nothing is shown and no loop runs.

    ``journal_settings``: where the control room remembers a journal continued in another folder
    (the app's own settings; None in tests unless they give one). ``defer_alerts``: the armer's
    first plan waits for :func:`arm_alerts` (the app calls it right after the first paint).
    """
    load_fonts()
    controller = ShowController(plan, clock, journal=journal, actions=actions)
    stage = StageWindow(controller, settings=settings)
    windows = AppWindows(controller, stage, None, journal=journal)
    controller.journalReplaced.connect(lambda new: setattr(windows, "journal", new))  # closed at the end
    # The alerts belong to the session, not to a window: armed even without the control room.
    # A first start (nothing replayed) has missed nothing: the app was never running.
    since = None if actions else clock.now()
    armer = windows.armer = AlertArmer(controller, since=since)
    if defer_alerts:
        armer.defer_first_plan()
    if with_operator:
        operator = windows.operator = OperatorWindow(controller, stage_window=stage)
        armer.setParent(operator)
        # Closing the control room quits runshow; closing the stage alone does not.
        stage.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        _share_keys(stage, operator)
        _add_screen_menu(stage, operator)
        views = _stage_views(operator, stage)
        install_alerts(controller, operator, views, chime=chime, settings=settings, armer=armer)
        operator.commands.double_tap_s = double_tap_seconds(settings)
        windows.rehearsal, windows.rehearsal_panel = install_rehearsal(controller, operator, views)
        windows.journal_fault = install_journal_fault(controller, operator, settings=journal_settings)
        windows.clock_step = install_clock_step(controller, operator)
    else:
        armer.start()
    return windows


def _share_keys(stage: StageWindow, operator: OperatorWindow) -> None:
    """The operator's keys work while the stage window has focus too (a stray click must not
    leave Space dead mid-show): the same QActions, so one key still means one action."""
    stage.addActions(list(operator.commands.all_actions))


def _add_screen_menu(stage: StageWindow, operator: OperatorWindow) -> None:
    """The operator chooses the stage's display from their own Stage menu."""
    stage_menu = operator.menus.get("stage")
    if stage_menu is not None:
        stage_menu.addSeparator()
        stage_menu.addMenu(stage.screen_menu)


def _stage_views(operator: OperatorWindow, stage: StageWindow) -> list[StageView]:
    """The stage window's view and the operator's miniature: both show notices and the banner."""
    return [stage.view, operator.miniature]


def show_windows(windows: AppWindows) -> None:
    """Operator window first (it gets focus), then the stage on its display."""
    if windows.operator is not None:
        windows.operator.showMaximized()  # the control room's own display, all of it
    windows.stage.placement.place()
    if windows.operator is not None:
        windows.operator.raise_()
        windows.operator.activateWindow()
    windows.controller.start_ticking()


def arm_alerts(windows: AppWindows) -> None:
    """Make the alert plan the app put off until its first paint, and say what was missed."""
    armer = windows.armer
    if armer is None or not armer.arm_owed():
        return
    TRACE.mark("alerts armed")
    for attachment in armer.attachments:
        if isinstance(attachment, AlertPresenter):
            attachment.summarise_missed()  # (its summary at start-up had nothing to count yet)


def settle_collector() -> None:
    """The start-up's objects out of the collector's way for good, then the collector back on.

    The plan, its cues and the windows live as long as the show: freezing them keeps the
    collector's full passes from walking them again and again, which showed as 10–25 ms pauses
    in a re-plan on a 1,000-segment schedule (runshow bench). (What start-up left as cyclic
    garbage is frozen with them: ~1,300 objects measured with 5,000 segments.)
    """
    gc.freeze()
    gc.enable()


def after_first_paint(windows: AppWindows, then: Sequence[Callable[[], object]]) -> FirstPaint:
    """Run ``then`` once the stage and the control room have both painted their first frame."""
    watched: list[QWidget] = [windows.stage.view]
    if windows.operator is not None:
        watched.append(windows.operator)
    return FirstPaint(watched, then, windows.controller)


def rehearse_unless_event_day(windows: AppWindows, plan: Plan, clock: Clock, *, resumed: bool) -> bool:
    """Opened on another day with nothing to resume: start in rehearsal, and say so.

    A live view of an event on another day is years of "drift" and alerts that
    can never apply; what a crew opening the app early wants is the rehearsal.
    Leaving rehearsal still reaches the live show.
    """
    today = today_of(plan, clock.now())
    last_day = plan.event.last_date or plan.event.date
    if resumed or windows.rehearsal is None or plan.event.date <= today <= last_day:
        return False  # any day of a several-day event is an event day
    windows.rehearsal.enter()
    if windows.operator is not None:
        text = QCoreApplication.translate(
            "App", "Today is not the event day (%1): opened in rehearsal. Leave rehearsal for the live show."
        ).replace("%1", plan.event.date.isoformat())
        windows.operator.statusBar().showMessage(text)
        if windows.rehearsal_panel is not None:
            windows.rehearsal_panel.status.setText(text)
    return True


# ── errors ───────────────────────────────────────────────────────────────
class ErrorReport:
    """How a bad schedule is reported; tests replace :meth:`show` to stay non-modal."""

    @staticmethod
    def show(title: str, text: str) -> None:
        QMessageBox.critical(None, title, text)


def report_problems(problems: Sequence[Problem], source: str, lang: str = "ko") -> None:
    """Every located problem, on stderr and in one dialog: fix them all in one pass, in the
    operator's language (Korean unless ``--lang en``)."""
    lines = [p.worded(lang) for p in problems]
    for line in lines:
        print(line, file=sys.stderr)
    title = QCoreApplication.translate("App", "runshow — cannot open the schedule")
    intro = QCoreApplication.translate("App", "%1 has %2 problem(s):").replace("%1", source)
    ErrorReport.show(title, intro.replace("%2", str(len(lines))) + "\n\n" + "\n".join(lines))


# ── the entry point ──────────────────────────────────────────────────────
def split_room(args: Sequence[str]) -> tuple[str | None, list[str]]:
    """``--room NAME`` (or ``--room=NAME``) out of the arguments; the rest goes on."""
    room: str | None = None
    rest: list[str] = []
    items = list(args)
    i = 0
    while i < len(items):
        arg = items[i]
        if arg == "--room" and i + 1 < len(items):
            room, i = items[i + 1], i + 2
            continue
        if arg.startswith("--room="):
            room = arg.split("=", 1)[1]
        else:
            rest.append(arg)
        i += 1
    return room, rest


def choose_room(plan: Plan, room: str | None, source: str) -> Plan:
    """The plan running ``room``'s track (the first room when none is named); a located problem
    when the schedule has no such room."""
    if not room:
        return plan
    if room not in plan.rooms:
        known = ", ".join(plan.rooms) or "-"
        raise ScheduleError([Problem(source, None, "--room", f"no room {room!r} in the schedule (rooms: {known})")])
    return plan.for_room(room)


def _title_room(windows: AppWindows, plan: Plan) -> None:
    """The control room's title says which room it runs when the schedule has several."""
    if windows.operator is None or not plan.room:
        return
    text = QCoreApplication.translate("App", "%1 — room: %2")
    windows.operator.setWindowTitle(text.replace("%1", windows.operator.windowTitle()).replace("%2", plan.room))


OSC_VALUE_FLAGS = ("--osc-port", "--osc-allow", "--osc-target")
OSC_SWITCHES = ("--osc-lan", "--no-osc")


def strip_osc_options(args: Sequence[str]) -> list[str]:
    """``args`` without the OSC switches, as :func:`runshow.remote.osc.osc_options` leaves them.

    Read here rather than there: importing ``runshow.remote.osc`` imports the LAN server
    (aiohttp, 0.13 s) before the first paint. The remote stack reads the switches themselves
    when it starts; a test checks both leave the same arguments to Qt.
    """
    rest: list[str] = []
    items = list(args)
    i = 0
    while i < len(items):
        arg = items[i]
        name, eq, _ = arg.partition("=")
        if name in OSC_VALUE_FLAGS:
            i += 1 if eq else 2
            continue
        if arg not in OSC_SWITCHES:
            rest.append(arg)
        i += 1
    return rest


def run_app(schedule: str | None, qt_args: list[str], *, room: str | None = None) -> int:
    """Open runshow on ``schedule``; 0 on a normal quit, 2 if the schedule is bad."""
    # No collector passes while the show opens: building the plan, its cues and the windows
    # allocates ~10^6 objects and the collector walked them over and over (~0.12 s of a 5,000-
    # segment launch). They live as long as the show; right after the first paint they are
    # frozen out of the collector's way and it is switched back on (see settle_collector).
    gc.disable()
    arg_room, qt_args = split_room(qt_args)
    room = room or arg_room
    lang, rest = split_language([a for a in qt_args if a != FRESH_FLAG])
    _, rest = server_options(rest, {})  # --port N, --lan, --no-web are runshow's, not Qt's
    rest = strip_osc_options(rest)  # so are --osc-port N, --osc-lan, --osc-allow, --osc-target, --no-osc
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0], *rest])
    app.setApplicationName("runshow")
    app.setOrganizationName("runshow")
    previous_locale = QLocale()
    translators = install_translators(app, lang)
    try:
        return _open_and_run(app, schedule, fresh=FRESH_FLAG in qt_args, web_args=qt_args, room=room, lang=lang)
    finally:
        gc.enable()  # (already on after a normal start-up; here for a schedule that would not open)
        # Leave the QApplication as we found it (tests and embedders share it).
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(previous_locale)


def double_tap_seconds(settings: QSettings | None, environ: dict[str, str] | None = None) -> float:
    """The double-tap guard's window: ``RUNSHOW_DOUBLE_TAP_S``, else the setting ``guard/double_tap_s``,
    else 0.8 s; a value that is not a number from 0 to 5 seconds is ignored (0 turns the guard off)."""
    env = os.environ if environ is None else environ
    for raw in (env.get("RUNSHOW_DOUBLE_TAP_S"), settings.value("guard/double_tap_s") if settings else None):
        if raw is None or raw == "":
            continue
        try:
            value = float(str(raw))
        except ValueError:
            log.warning("double-tap window %r is not a number of seconds; ignored", raw)
            continue
        if 0 <= value <= 5:
            return value
        log.warning("double-tap window %s s is outside 0–5 s; ignored", value)
    return DOUBLE_TAP_S


def share_notices(windows: AppWindows, web: StageNotices) -> None:
    """The browser views' stage shows the alert notices the stage window shows (one presenter)."""
    if windows.armer is None:
        return
    for attachment in windows.armer.attachments:
        if isinstance(attachment, AlertPresenter):
            attachment.stages.append(web)
            if attachment.notice is not None:
                web.show_notice(attachment.notice)


def _open_and_run(
    app: QApplication,
    schedule: str | None,
    *,
    fresh: bool = False,
    web_args: Sequence[str] = (),
    room: str | None = None,
    lang: str = "ko",
) -> int:
    load_fonts()
    use_bundled_font(app)
    TRACE.mark("fonts loaded")
    if schedule is None:
        schedule = str(DEFAULT_SCHEDULE)
    try:
        loaded = load_cached(schedule)  # the validated plan of these very bytes, if one was kept
        TRACE.mark("plan loaded" if not loaded.hit else "plan loaded (cached)")
        plan = choose_room(loaded.plan, room, schedule)
        clock = make_clock()
        remember = default_settings()  # where a journal continued in another folder is remembered
        journal, replayed = open_journal(plan, clock, fresh=fresh, elsewhere=remembered_journals(remember, plan))
        actions = replayed if replayed is not None else scripted_actions(plan, clock)
        TRACE.mark("journal opened")
    except ScheduleError as exc:
        report_problems(exc.problems, schedule, lang)
        return EXIT_BAD_SCHEDULE
    except Exception as exc:  # whatever a file does to opening the show: a dialog, never a traceback
        report_problems([Problem(schedule, None, "(start-up)", f"{type(exc).__name__}: {exc}"[:500])], schedule, lang)
        return EXIT_BAD_SCHEDULE
    # The alerts are armed right after the first paint (arm_alerts): with 5,000 segments planning
    # them took ~25 ms, twice when the app opens in rehearsal (once for the live show, once again).
    windows = build_app(plan, clock, actions=actions, journal=journal, journal_settings=remember, defer_alerts=True)
    TRACE.mark("windows built")
    reopen: list[Path] = []  # File → Open: the schedule to open once this show has closed
    if windows.operator is not None:
        from runshow.ui.files_menu import install_files_menu

        def open_other(path: Path) -> None:
            reopen.append(path)
            app.exit(0)

        install_files_menu(windows.operator, windows.controller, on_open=open_other)
    _title_room(windows, plan)
    show_windows(windows)
    if windows.operator is not None:
        show_pending(windows.operator)  # the journal's boxes were shown before the windows: in front now
    # The browser views, the control API, OSC and the schedule's automations (runshow/remote),
    # started once both windows have painted their first frame. (A zero-delay timer was not
    # enough: it fired before the first paint, and with 5,000 segments the stack's first
    # snapshot and the automations' second read of the file held the paint back by 0.7 s.)
    remotes: list[RemoteStack] = []

    def start_remote() -> None:
        from runshow.remote.stack import start_remote_stack  # aiohttp, python-osc: not before the first paint
        from runshow.ui.remote_panel import install_remote_panel

        armer_fired = windows.armer.alertFired if windows.armer is not None else None
        remote = start_remote_stack(windows.controller, web_args, schedule=schedule, alert_fired=armer_fired)
        remotes.append(remote)
        if windows.operator is not None and remote.control is not None:
            install_remote_panel(windows.operator, remote.control, remote.osc, remote.automations)
        if remote.control is not None:
            share_notices(windows, remote.control.session)
        if windows.operator is not None and remote.problems:
            windows.operator.show_fault("\n".join(str(p) for p in remote.problems))
        TRACE.mark("remote started")

    # Right after the first paint: the alerts. Right after the next flip (so the countdown does not
    # stall on it): the remote stack, the plan cache's entry, the collector. Then "settled".
    rest = [start_remote, loaded.save, settle_collector, lambda: TRACE.mark("settled")]
    after_first_paint(
        windows,
        [lambda: arm_alerts(windows), lambda: AfterFlip(windows.controller.flip_timer.fired, rest, windows.controller)],
    )
    rehearse_unless_event_day(windows, plan, clock, resumed=bool(actions))
    TRACE.mark("windows shown")
    # Ctrl+C in the terminal quits at once; every accepted action is already durable.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    code = app.exec()
    for remote in remotes:
        remote.stop()
    windows.close()
    if reopen:  # the journal is closed (its lock released): open the other schedule in this app
        for window in (windows.operator, windows.stage):
            if window is not None:
                window.close()
                window.deleteLater()
        gc.unfreeze()
        gc.disable()  # the next show opens as the first did (settle_collector after its first paint)
        return _open_and_run(app, str(reopen[-1]), web_args=web_args)
    return int(code)
