"""The export dialog (key ``e``): save the comparison as SVG, HTML, Markdown, JSON or CSV.

The reader picks a format, what to export (the current view: the articles on
screen, or the whole story) and a file. The file is written atomically; an
existing file is replaced only after a second, explicit press of Export. The
app then says where the file went.

An SVG of the current view is the screen itself, so the dialog closes first
and the picture is taken once the screen beneath has been redrawn. An SVG of
the whole story is drawn by a headless copy of the app (``tui.snapshot``) in a
worker thread, tall enough for the longest article.

    self.app.push_screen(ExportScreen(report, compare_screen))
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from storydiff.core.export.files import ExistsError, ExportError, write_text
from storydiff.core.export.formats import FORMATS, render_text, suffix
from storydiff.core.export.view import narrow
from storydiff.core.model import Report
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

SCOPES = ("view", "story")


class ChoiceSet(RadioSet):
    """A radio set whose highlighted choice is the chosen one: ↑/↓ choose, no Space needed."""

    def action_next_button(self) -> None:
        super().action_next_button()
        self._choose()

    def action_previous_button(self) -> None:
        super().action_previous_button()
        self._choose()

    def _choose(self) -> None:
        if self._selected is not None:
            button = self._nodes[self._selected]
            if isinstance(button, RadioButton) and not button.value:
                button.value = True


class ExportScreen(ModalScreen[Path | None]):
    """Choose format, scope and file; write it; dismiss with the path written (or None)."""

    AUTO_FOCUS = "#format"

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "export", "Export"),
    ]

    DEFAULT_CSS = """
    ExportScreen { align: center middle; background: $background; }  /* opaque: no re-render of the panes beneath */
    ExportScreen #dialog { width: 72; max-width: 100%; height: auto; max-height: 100%;
        padding: 1 2; border: thick $primary; background: $surface; }
    ExportScreen .title { text-style: bold; width: 100%; margin-bottom: 1; }
    ExportScreen .field { color: $text-muted; margin-top: 1; }
    ExportScreen RadioSet { width: 100%; }
    ExportScreen #message { margin-top: 1; height: auto; }
    ExportScreen #message.error { color: $error; }
    ExportScreen #message.warning { color: $warning; }
    ExportScreen #buttons { height: auto; margin-top: 1; align-horizontal: right; }
    ExportScreen #buttons Button { margin-left: 2; }
    """

    def __init__(self, report: Report, screen: Screen | None = None, *,
                 screenshot: Callable[[], str] | None = None,
                 story_svg: Callable[[Report], str] | None = None,
                 folder: Path | None = None) -> None:
        """``screen`` is the view beneath (its ``shown`` article ids make the current
        view); ``screenshot`` and ``story_svg`` replace how SVGs are drawn (tests)."""
        super().__init__()
        self.report = report
        self.view_screen = screen
        self.screenshot = screenshot
        self.story_svg = story_svg
        self.folder = folder if folder is not None else Path.cwd()
        shown = getattr(screen, "shown", None)
        self.shown: list[str] = list(shown) if shown else [a.id for a in report.articles]
        self._confirmed: Path | None = None  # the existing file the reader agreed to replace
        self._busy = False

    # --- building ----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        total = len(self.report.articles)
        with Vertical(id="dialog"):
            yield Label("Export comparison", classes="title")
            yield Label("Format", classes="field")
            with ChoiceSet(id="format"):
                for n, (name, (words, ext)) in enumerate(FORMATS.items()):
                    yield RadioButton(Content(f"{words} ({ext})"), value=n == 0, name=name)
            yield Label("What", classes="field")
            with ChoiceSet(id="scope"):
                yield RadioButton(Content(f"Current view ({len(self.shown)} of {total} articles)"),
                                  value=True, name="view")
                yield RadioButton(Content(f"Whole story ({total} articles)"), name="story")
            yield Label("File", classes="field")
            yield Input(str(self._default_path(next(iter(FORMATS)))), id="path")
            yield Static("", id="message", markup=False)
            with Horizontal(id="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Export", id="export", variant="primary")

    def _default_path(self, fmt: str) -> Path:
        dates = [a.date for a in self.report.articles if a.date]
        day = min(dates) if dates else dt.date.today()
        return self.folder / f"storydiff-{day.isoformat()}{suffix(fmt)}"

    def on_screen_resume(self) -> None:
        """Shown again (the dialog is kept between presses of e): start from a clean form."""
        shown = getattr(self.view_screen, "shown", None)
        self.shown = list(shown) if shown else [a.id for a in self.report.articles]
        total = len(self.report.articles)
        for button in self.query(RadioButton):
            if button.name == "view":
                button.label = Content(f"Current view ({len(self.shown)} of {total} articles)")
        self._confirmed = None
        self._busy = False
        self.query_one("#export", Button).label = "Export"
        self._say("")

    # --- reading the form ------------------------------------------------------------

    @property
    def format(self) -> str:
        pressed = self.query_one("#format", RadioSet).pressed_button
        return pressed.name if pressed and pressed.name else next(iter(FORMATS))

    @property
    def scope(self) -> str:
        pressed = self.query_one("#scope", RadioSet).pressed_button
        return pressed.name if pressed and pressed.name else "view"

    @property
    def path(self) -> Path:
        return Path(self.query_one("#path", Input).value.strip()).expanduser()

    @on(RadioSet.Changed, "#format")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        """Follow the format with the file's suffix, if the suffix is one of ours."""
        field = self.query_one("#path", Input)
        current = Path(field.value.strip())
        known = {ext for _, ext in FORMATS.values()}
        if current.name and (current.suffix.lower() in known or not current.suffix):
            field.value = str(current.with_suffix(suffix(self.format)))
        self._say("")

    @on(Input.Changed, "#path")
    def _path_changed(self) -> None:
        """A different file has not been agreed to: ask again before replacing it."""
        if self._confirmed is not None and self.path != self._confirmed:
            self._confirmed = None
            self.query_one("#export", Button).label = "Export"
            self._say("")

    @on(Input.Submitted, "#path")
    def _path_submitted(self) -> None:
        self.action_export()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close without writing anything."""
        if not self._busy:
            self.dismiss(None)

    @on(Button.Pressed, "#export")
    def _export_pressed(self) -> None:
        self.action_export()

    # --- exporting ----------------------------------------------------------------

    def action_export(self) -> None:
        """Write the file, asking once before replacing an existing one."""
        if self._busy:
            return
        path = self.path
        if not str(path) or path.name in ("", ".", ".."):
            self._say("Give a file name.", "error")
            return
        if path.is_dir():
            self._say(f"{path} is a folder: give a file name.", "error")
            return
        force = self._confirmed == path
        if path.exists() and not force:
            self._confirmed = path
            self.query_one("#export", Button).label = "Overwrite"
            self._say(f"{path} already exists. Press Overwrite to replace it.", "warning")
            return
        fmt, scope = self.format, self.scope
        report = self.report if scope == "story" else narrow(self.report, self.shown)
        if fmt == "svg" and scope == "view":
            self._svg_of_screen(path, force)
            return
        self._busy = True
        self._say("Exporting…")
        self._write(report, fmt, path, force)

    @work(thread=True, exclusive=True, group="export")
    def _write(self, report: Report, fmt: str, path: Path, force: bool) -> None:
        """Render and write away from the UI thread: a big story takes a moment."""
        try:
            if fmt == "svg":
                draw = self.story_svg or self.app.story_svg  # type: ignore[attr-defined]
                text = draw(report)
            else:
                text = render_text(report, fmt)
            written = write_text(path, text, force=force)
        except ExistsError as exc:
            self.app.call_from_thread(self._failed, str(exc), "warning")
        except Exception as exc:  # noqa: BLE001 - any failure is shown, never a crash
            self.app.call_from_thread(self._failed, _one_line(exc), "error")
        else:
            self.app.call_from_thread(self._done, written, fmt)

    def _svg_of_screen(self, path: Path, force: bool) -> None:
        """Close the dialog, let the screen beneath redraw, then picture it."""
        app = self.app
        take = self.screenshot or app.export_screenshot

        def capture() -> None:
            try:
                written = write_text(path, take(), force=force)
            except ExportError as exc:
                app.notify(str(exc), title="Export failed", severity="error", markup=False)
            else:
                app.notify(_saved("svg", written), title="Exported", markup=False)

        self.dismiss(path)
        app.call_after_refresh(capture)

    def _done(self, path: Path, fmt: str) -> None:
        self._busy = False
        self.app.notify(_saved(fmt, path), title="Exported", markup=False)
        self.dismiss(path)

    def _failed(self, reason: str, severity: str) -> None:
        self._busy = False
        self._say(reason, severity)

    def _say(self, text: str, kind: str = "") -> None:
        message = self.query_one("#message", Static)
        message.set_classes(kind)
        message.update(Content(text))


def _saved(fmt: str, path: Path) -> str:
    """Where the file went, as a full path the reader can paste."""
    return f"{fmt.upper()} saved to {path.resolve()}"


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text or type(exc).__name__
