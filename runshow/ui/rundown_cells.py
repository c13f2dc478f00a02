"""The rundown's cells, painted from images of what the style painted for them.

Qt's item delegate paints a cell through the style: the model asked for the cell's roles, the
text laid out, elided and drawn, ~35–100 µs a cell on a show PC. The rundown repaints the same
looks again and again: every later row's delta after an adjust, the deltas running over time
(the same ``+5:12`` on every row below the cue on now), whole screens of titles after a scroll.
So a plain cell (not selected, not the focus, not under the mouse, not being edited) is painted
once by the style into an image, and later paints of the same look copy that image: the same
pixels, since the image is made exactly as the view would paint the cell (the row's panel, then
the style's item) over the view's own background.

What a look is, the model says (:meth:`RundownModel.paint_key`: the cell's text and what its
colours and font depend on); the delegate adds what the view says of the cell (its size, state,
features). The view's font, palette, style and scale are the same for every image: when one
changes, :meth:`CellImageDelegate.forget` drops them all (``RundownView.changeEvent``). A look
is kept from its second paint (most looks painted once are never painted again: a cue's actual
start to the second), for the latest :data:`KEPT` looks.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QPoint
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

KEPT = 400  # looks kept: a full screen of nine columns and the ones a tick adds (an image is ~5–15 KB)

AnyIndex = QModelIndex | QPersistentModelIndex

# States whose paint the style makes differently each time, or with more than the cell's look
_SPECIAL = (
    QStyle.StateFlag.State_Selected
    | QStyle.StateFlag.State_HasFocus
    | QStyle.StateFlag.State_MouseOver
    | QStyle.StateFlag.State_Editing
).value  # (as an int: an operation on a PySide6 flag is a Python call, twice a cell)


class CellImageDelegate(QStyledItemDelegate):
    """Paints a plain cell of a model with ``paint_key`` from the image of its look."""

    def __init__(self, view: QAbstractItemView, parent: QObject | None = None) -> None:
        super().__init__(parent if parent is not None else view)
        self._view = view
        self._images: OrderedDict[Hashable, QImage] = OrderedDict()
        self._seen: OrderedDict[Hashable, None] = OrderedDict()  # looks painted once, not yet kept
        self._ratio: float | None = None  # the view's device pixel ratio, while it stays
        self._model: object = None
        self._paint_key: Callable[[AnyIndex], Hashable | None] | None = None
        self.reused = 0  # paints that copied an image (read by the tests)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        state = option.state.value
        model = index.model()
        if model is not self._model:
            self._model = model
            self._paint_key = getattr(model, "paint_key", None)
        look = None if self._paint_key is None or state & _SPECIAL else self._paint_key(index)
        ratio = self._ratio
        if ratio is None:
            ratio = self._ratio = self._view.devicePixelRatioF()
        if look is None or ratio != int(ratio):  # (a fractional scale would resample the copy)
            super().paint(painter, option, index)
            return
        rect = option.rect
        # the view's font, palette and scale are the same for every image: forget() drops them all
        key = (look, rect.width(), rect.height(), state, option.features.value)
        images = self._images
        image = images.get(key)
        if image is not None:
            images.move_to_end(key)
            self.reused += 1
            painter.drawImage(rect.topLeft(), image)
            return
        seen = self._seen
        if key not in seen:  # a look seen once (a cue's actual start) is painted as Qt paints it
            seen[key] = None
            if len(seen) > KEPT:
                seen.popitem(last=False)
            super().paint(painter, option, index)
            return
        del seen[key]
        image = images[key] = self._render(option, index, ratio)
        if len(images) > KEPT:
            images.popitem(last=False)
        painter.drawImage(rect.topLeft(), image)

    def _render(self, option: QStyleOptionViewItem, index: AnyIndex, ratio: float) -> QImage:
        """The cell as the view paints it: its background, the row's panel, the style's item."""
        view = self._view
        rect = option.rect
        image = QImage(rect.size() * ratio, QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(ratio)
        image.fill(view.viewport().palette().color(view.viewport().backgroundRole()))
        painter = QPainter(image)
        painter.translate(-QPoint(rect.topLeft()))
        style = view.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewRow, option, painter, view)
        super().paint(painter, option, index)
        painter.end()
        return image

    def forget(self) -> None:
        """Drop every image: the view's font, palette, style or scale changed (its ``changeEvent``)."""
        self._images.clear()
        self._seen.clear()
        self._ratio = None
        self._model = self._paint_key = None
