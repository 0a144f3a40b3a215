"""Vietnamese for Qt's own texts that a reviewer sees.

Qt ships no Vietnamese translation of its dialogs and menus, so without this a Vietnamese UI
would still show "Cancel", "Undo %1", "Look in:" and a line edit's "Copy"/"Paste" menu in
English. The table below is written to ``resources/i18n/qt_vi.ts`` and compiled into
``qt_vi.qm`` by ``scripts/build-translations``; :mod:`annotator.gui.i18n` installs it with the
app's own catalogue. :class:`TableTranslator` serves the same table when the .qm is missing.

Contexts and source strings are Qt 6's (checked against Qt 6.11 by logging every lookup a
QDialogButtonBox, QMessageBox, non-native QFileDialog, QInputDialog, QLineEdit/QTextEdit context
menu, QUndoStack/QUndoView, QColorDialog and QSpinBox make, and against the contexts in the
``qtbase_*.qm`` files of the PySide6 wheel). A few older spellings ("Look in:") are kept so
that other Qt 6 releases are covered too. Key names in shortcuts ("Alt+Left") are left
alone: QKeySequence parses them.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTranslator

# (context, source, comment, Vietnamese)
_BUTTONS = [
    ("OK", "OK"),
    ("Save", "Lưu"),
    ("Save All", "Lưu tất cả"),
    ("Open", "Mở"),
    ("&Yes", "&Có"),
    ("Yes to &All", "Có với &tất cả"),
    ("&No", "&Không"),
    ("N&o to All", "Không &với tất cả"),
    ("Abort", "Hủy bỏ"),
    ("Retry", "Thử lại"),
    ("Ignore", "Bỏ qua"),
    ("Close", "Đóng"),
    ("Cancel", "Hủy"),
    ("Discard", "Không lưu"),
    ("Help", "Trợ giúp"),
    ("Apply", "Áp dụng"),
    ("Reset", "Đặt lại"),
    ("Restore Defaults", "Khôi phục mặc định"),
]

_EDIT_MENU = [
    ("&Undo", "&Hoàn tác"),
    ("&Redo", "&Làm lại"),
    ("Cu&t", "Cắ&t"),
    ("&Copy", "&Sao chép"),
    ("&Paste", "&Dán"),
    ("Delete", "Xóa"),
    ("Select All", "Chọn tất cả"),
]

_UNDO = [
    ("Undo", "Default text for undo action", "Hoàn tác"),
    ("Redo", "Default text for redo action", "Làm lại"),
    ("Undo %1", "", "Hoàn tác %1"),
    ("Redo %1", "", "Làm lại %1"),
]

_FILE_DIALOG = [
    ("&Look in:", "&Tìm trong:"),
    ("Look in:", "Tìm trong:"),
    ("File &name:", "Tên &tệp:"),
    ("File name:", "Tên tệp:"),
    ("Files of &type:", "&Kiểu tệp:"),
    ("Files of type:", "Kiểu tệp:"),
    ("&Open", "&Mở"),
    ("&Save", "&Lưu"),
    ("&Choose", "&Chọn"),
    ("Open", "Mở"),
    ("Save As", "Lưu thành"),
    ("Find Directory", "Chọn thư mục"),
    ("&New Folder", "Thư mục &mới"),
    ("New Folder", "Thư mục mới"),
    ("&Delete", "&Xóa"),
    ("Delete", "Xóa"),
    ("&Rename", "Đổi &tên"),
    ("Remove", "Gỡ bỏ"),
    ("All Files (*)", "Tất cả tệp (*)"),
    ("All files (*)", "Tất cả tệp (*)"),
    ("Alt+Left", "Alt+Left"),
    ("Alt+Right", "Alt+Right"),
    ("Alt+Up", "Alt+Up"),
    ("Back", "Lùi lại"),
    ("Forward", "Tiến tới"),
    ("Parent Directory", "Thư mục cha"),
    ("Go back", "Quay lại"),
    ("Go forward", "Đi tiếp"),
    ("Go to the parent directory", "Lên thư mục cha"),
    ("Create New Folder", "Tạo thư mục mới"),
    ("Create a New Folder", "Tạo một thư mục mới"),
    ("List View", "Xem dạng danh sách"),
    ("Detail View", "Xem chi tiết"),
    ("Change to list view mode", "Chuyển sang xem dạng danh sách"),
    ("Change to detail view mode", "Chuyển sang xem chi tiết"),
    ("Directories", "Thư mục"),
    ("Directory:", "Thư mục:"),
    ("Files", "Tệp"),
    ("File", "Tệp"),
    ("File Folder", "Thư mục tệp"),
    ("Folder", "Thư mục"),
    ("Drive", "Ổ đĩa"),
    ("Alias", "Bí danh"),
    ("Shortcut", "Lối tắt"),
    ("Unknown", "Không rõ"),
    ("%1 File", "Tệp %1"),
    ("List of places and bookmarks", "Danh sách vị trí và dấu trang"),
    ("Sidebar", "Thanh bên"),
    ("Show ", "Hiện "),
    ("Show &hidden files", "Hiện tệp ẩ&n"),
    ("Recent Places", "Vị trí gần đây"),
    ("My Computer", "Máy tính của tôi"),
    ("%1 already exists.\nDo you want to replace it?", "%1 đã tồn tại.\nBạn có muốn thay thế không?"),
    ("%1\nFile not found.\nPlease verify the correct file name was given.",
     "%1\nKhông tìm thấy tệp.\nHãy kiểm tra lại tên tệp đã nhập."),
    ("%1\nDirectory not found.\nPlease verify the correct directory name was given.",
     "%1\nKhông tìm thấy thư mục.\nHãy kiểm tra lại tên thư mục đã nhập."),
    ("'%1' is write protected.\nDo you want to delete it anyway?",
     "'%1' đang được bảo vệ chống ghi.\nBạn vẫn muốn xóa?"),
    ("Are you sure you want to delete '%1'?", "Bạn có chắc muốn xóa '%1' không?"),
    ("Could not delete directory.", "Không xóa được thư mục."),
]

_FILE_MODEL = [
    ("Name", "Tên"),
    ("Size", "Kích thước"),
    ("Type", "Kiểu"),
    ("Kind", "Loại"),
    ("Date Modified", "Ngày sửa đổi"),
    ("Computer", "Máy tính"),
    ("My Computer", "Máy tính của tôi"),
    ("Invalid filename", "Tên tệp không hợp lệ"),
    ('<b>The name "%1" cannot be used.</b><p>Try using another name, with fewer characters or no punctuation marks.',
     '<b>Không dùng được tên "%1".</b><p>Hãy thử một tên khác, ngắn hơn hoặc không có dấu câu.'),
]

_ICON_PROVIDER = [
    ("Drive", "Ổ đĩa"),
    ("Folder", "Thư mục"),
    ("File Folder", "Thư mục tệp"),
    ("File", "Tệp"),
    ("Alias", "Bí danh"),
    ("Shortcut", "Lối tắt"),
    ("Unknown", "Không rõ"),
]

_SCROLL_BAR = [
    ("Scroll here", "Cuộn tới đây"),
    ("Left edge", "Mép trái"),
    ("Top", "Trên cùng"),
    ("Right edge", "Mép phải"),
    ("Bottom", "Dưới cùng"),
    ("Page left", "Trang trước"),
    ("Page up", "Trang trên"),
    ("Page right", "Trang sau"),
    ("Page down", "Trang dưới"),
    ("Scroll left", "Cuộn sang trái"),
    ("Scroll up", "Cuộn lên"),
    ("Scroll right", "Cuộn sang phải"),
    ("Scroll down", "Cuộn xuống"),
]

_COLOR_DIALOG = [
    ("Select Color", "Chọn màu"),
    ("&Basic colors", "Màu &cơ bản"),
    ("&Custom colors", "Màu &tự chọn"),
    ("&Add to Custom Colors", "Thêm vào màu tự &chọn"),
    ("&Pick Screen Color", "&Lấy màu trên màn hình"),
    ("Hu&e:", "Sắc &độ:"),
    ("&Sat:", "Độ &bão hòa:"),
    ("&Val:", "Độ &sáng:"),
    ("&Red:", "Đỏ (&R):"),
    ("&Green:", "Lục (&G):"),
    ("Bl&ue:", "Lam (&U):"),
    ("A&lpha channel:", "Kênh &alpha:"),
    ("&HTML:", "&HTML:"),
    ("Cursor at %1, %2\nPress ESC to cancel", "Con trỏ tại %1, %2\nNhấn ESC để hủy"),
]

_MESSAGE_BOX = [
    ("Show Details...", "Hiện chi tiết…"),
    ("Hide Details...", "Ẩn chi tiết…"),
    ("About Qt", "Giới thiệu Qt"),
    ("<h3>About Qt</h3><p>This program uses Qt version %1.</p>",
     "<h3>Giới thiệu Qt</h3><p>Chương trình này dùng Qt phiên bản %1.</p>"),
]

_ERROR_MESSAGE = [
    ("&OK", "&OK"),
    ("&Show this message again", "&Hiện lại thông báo này"),
    ("Debug Message:", "Thông báo gỡ lỗi:"),
    ("Warning:", "Cảnh báo:"),
    ("Critical Error:", "Lỗi nghiêm trọng:"),
    ("Fatal Error:", "Lỗi không thể tiếp tục:"),
    ("Information:", "Thông tin:"),
]

_GNOME_BUTTONS = [
    ("&OK", "&OK"),
    ("&Cancel", "&Hủy"),
    ("&Save", "&Lưu"),
    ("&Close", "Đó&ng"),
    ("Close without Saving", "Đóng không lưu"),
]

_UNICODE_MENU = [
    ("Insert Unicode control character", "Chèn ký tự điều khiển Unicode"),
]


def entries() -> list[tuple[str, str, str, str]]:
    """Every (context, source, comment, Vietnamese) of the Qt catalogue, without duplicates."""
    rows: list[tuple[str, str, str, str]] = []
    rows += [("QPlatformTheme", src, "", vi) for src, vi in _BUTTONS]
    rows += [("QDialogButtonBox", "OK", "", "OK")]
    rows += [("QGnomeTheme", src, "", vi) for src, vi in _GNOME_BUTTONS]
    rows += [("QMessageBox", src, "", vi) for src, vi in _MESSAGE_BOX]
    rows += [("QErrorMessage", src, "", vi) for src, vi in _ERROR_MESSAGE]
    rows += [("QProgressDialog", "Cancel", "", "Hủy")]
    rows += [("QInputDialog", "Enter a value:", "", "Nhập giá trị:")]
    for context in ("QUndoStack", "QUndoGroup"):
        rows += [(context, src, comment, vi) for src, comment, vi in _UNDO]
    rows += [("QUndoModel", "<empty>", "", "<trống>")]
    for context in ("QLineEdit", "QWidgetTextControl"):
        rows += [(context, src, "", vi) for src, vi in _EDIT_MENU]
    rows += [("QWidgetTextControl", "Copy &Link Location", "", "Sao chép địa chỉ &liên kết")]
    rows += [("QAbstractSpinBox", src, "", vi) for src, vi in
             [("&Select All", "&Chọn tất cả"), ("&Step up", "&Tăng"), ("Step &down", "&Giảm")]]
    rows += [("QUnicodeControlCharacterMenu", src, "", vi) for src, vi in _UNICODE_MENU]
    rows += [("QFileDialog", src, "", vi) for src, vi in _FILE_DIALOG]
    rows += [("QFileSystemModel", src, "", vi) for src, vi in _FILE_MODEL]
    rows += [("QAbstractFileIconProvider", src, "", vi) for src, vi in _ICON_PROVIDER]
    rows += [("QScrollBar", src, "", vi) for src, vi in _SCROLL_BAR]
    rows += [("QTabBar", "Scroll Left", "", "Cuộn sang trái"), ("QTabBar", "Scroll Right", "", "Cuộn sang phải"),
             ("CloseButton", "Close Tab", "", "Đóng thẻ")]
    rows += [("QDockWidget", src, "", vi) for src, vi in [("Close", "Đóng"), ("Float", "Tách rời")]]
    rows += [("QColorDialog", src, "", vi) for src, vi in _COLOR_DIALOG]
    rows += [("QGuiApplication", "QT_LAYOUT_DIRECTION",
              "Translate this string to the string 'LTR' in left-to-right languages or to 'RTL' in right-to-left"
              " languages (such as Hebrew and Arabic) to get proper widget layout.", "LTR")]
    seen: set[tuple[str, str, str]] = set()
    out = []
    for row in rows:
        if row[:3] not in seen:
            seen.add(row[:3])
            out.append(row)
    return out


def table() -> dict[tuple[str, str, str], str]:
    return {(c, s, m): vi for c, s, m, vi in entries()}


class TableTranslator(QTranslator):
    """Serves the table directly: the stand-in for ``qt_vi.qm`` when that file is missing."""

    def __init__(self, lang: str = "vi", parent: QObject | None = None):
        super().__init__(parent)
        self._table = table() if lang == "vi" else {}

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D401 - Qt override
        text = self._table.get((context, source, disambiguation or ""))
        if text is None and disambiguation:
            text = self._table.get((context, source, ""))
        return text or ""

    def isEmpty(self) -> bool:
        return not self._table

    def language(self) -> str:
        return "vi"
