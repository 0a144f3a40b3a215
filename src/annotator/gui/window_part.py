"""A part of the review window that handles one group of its commands (keys, navigation, layout)."""

from __future__ import annotations


class WindowPart:
    """Holds the window; ``session`` and ``view`` are its review session and article view."""

    def __init__(self, window):
        self.window = window

    @property
    def session(self):
        return self.window.session

    @property
    def view(self):
        return self.window.view
