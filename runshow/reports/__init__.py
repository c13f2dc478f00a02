"""Reports laid out on paper: the post-event report as a PDF, drawn with Qt's QPdfWriter/QPainter.

The numbers come from :mod:`runshow.present.report` (pure); this package only draws them.
"""
