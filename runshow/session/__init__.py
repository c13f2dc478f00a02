"""QtCore services below the widgets: the controller, the one timer helper, rehearsal mode,
alert arming on APScheduler. No widget is imported here."""
