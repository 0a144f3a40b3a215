"""Render the app icon (resources/icons/annotator.svg) to every size the installers use.

    python installer/icons.py            # (re)write resources/icons/annotator-N.png, .ico, .icns
    python installer/icons.py --check    # only verify that they exist, with the right sizes

The PNGs, the Windows .ico and the macOS .icns are committed, so building an installer needs no
SVG renderer; run this after editing the SVG. Rendering uses Qt's QSvgRenderer (PySide6 is a
dependency of the app anyway). The .ico and .icns containers are written here directly (PNG
images inside; the small .ico sizes as classic 32-bit DIBs for old shell versions and NSIS).
"""

from __future__ import annotations

import io
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "annotator.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)  # hicolor sizes shipped in the .deb
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element type -> pixel size (PNG payloads; ic11..ic14 are the @2x variants)
ICNS_TYPES = (("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256), ("ic09", 512),
              ("ic10", 1024), ("ic11", 32), ("ic12", 64), ("ic13", 256), ("ic14", 512))


def png_path(size: int) -> Path:
    return ICONS / f"annotator-{size}.png"


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) from a PNG's IHDR."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    return struct.unpack(">II", data[16:24])


# ---------------------------------------------------------------------------
# rendering (Qt)


def _qt():
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(["icons"])
    return app


def render(size: int):
    """The SVG rendered to a premultiplied ARGB QImage of size x size."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot render {SVG}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def to_png(image) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    buf.close()
    return bytes(data.data())


def to_dib(image) -> bytes:
    """A 32-bit BGRA DIB (BITMAPINFOHEADER, bottom-up rows, AND mask) as .ico wants it."""
    from PySide6.QtGui import QImage

    img = image.convertToFormat(QImage.Format.Format_ARGB32)  # straight alpha, BGRA in memory
    w, h = img.width(), img.height()
    rows = []
    mask_rows = []
    mask_stride = ((w + 31) // 32) * 4
    for y in range(h - 1, -1, -1):
        line = bytes(img.constScanLine(y))[: w * 4]
        rows.append(line)
        bits = bytearray(mask_stride)
        for x in range(w):
            if line[x * 4 + 3] == 0:
                bits[x // 8] |= 0x80 >> (x % 8)
        mask_rows.append(bytes(bits))
    header = struct.pack("<IiiHHIIiiII", 40, w, h * 2, 1, 32, 0, w * h * 4 + mask_stride * h, 0, 0, 0, 0)
    return header + b"".join(rows) + b"".join(mask_rows)


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """An .ico from {size: image data}: PNG for 256, DIB below."""
    sizes = sorted(images)
    out = io.BytesIO()
    out.write(struct.pack("<HHH", 0, 1, len(sizes)))
    offset = 6 + 16 * len(sizes)
    for size in sizes:
        data = images[size]
        dim = 0 if size >= 256 else size
        out.write(struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset))
        offset += len(data)
    for size in sizes:
        out.write(images[size])
    return out.getvalue()


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(kind.encode("ascii") + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
                    for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def generate() -> list[Path]:
    _qt()
    written = []
    pngs = {}
    for size in sorted(set(PNG_SIZES) | set(ICO_SIZES) | {s for _, s in ICNS_TYPES}):
        image = render(size)
        pngs[size] = to_png(image)
        if size in PNG_SIZES:
            png_path(size).write_bytes(pngs[size])
            written.append(png_path(size))
        if size in ICO_SIZES and size < 256:
            pngs[("dib", size)] = to_dib(image)
    ico = ico_bytes({s: (pngs[s] if s >= 256 else pngs[("dib", s)]) for s in ICO_SIZES})
    (ICONS / "annotator.ico").write_bytes(ico)
    (ICONS / "annotator.icns").write_bytes(icns_bytes(pngs))
    written += [ICONS / "annotator.ico", ICONS / "annotator.icns"]
    return written


# ---------------------------------------------------------------------------
# checking (no Qt)


def ico_sizes(data: bytes) -> list[int]:
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    if reserved != 0 or kind != 1:
        raise ValueError("not an .ico")
    sizes = []
    for i in range(count):
        w, h, _, _, _, _, length, offset = struct.unpack("<BBBBHHII", data[6 + 16 * i: 22 + 16 * i])
        if offset + length > len(data):
            raise ValueError("truncated .ico")
        sizes.append(w or 256)
    return sizes


def icns_types(data: bytes) -> list[str]:
    if data[:4] != b"icns" or struct.unpack(">I", data[4:8])[0] != len(data):
        raise ValueError("not an .icns")
    at, kinds = 8, []
    while at < len(data):
        kind, length = data[at:at + 4].decode("ascii"), struct.unpack(">I", data[at + 4:at + 8])[0]
        kinds.append(kind)
        at += length
    return kinds


def problems() -> list[str]:
    found = []
    if not SVG.is_file():
        return [f"missing {SVG}"]
    for size in PNG_SIZES:
        path = png_path(size)
        if not path.is_file():
            found.append(f"missing {path.relative_to(ROOT)}")
        elif png_size(path.read_bytes()) != (size, size):
            found.append(f"{path.relative_to(ROOT)} is not {size}x{size}")
    try:
        if sorted(ico_sizes((ICONS / "annotator.ico").read_bytes())) != sorted(ICO_SIZES):
            found.append("annotator.ico lacks sizes")
    except (OSError, ValueError) as exc:
        found.append(f"annotator.ico: {exc}")
    try:
        if icns_types((ICONS / "annotator.icns").read_bytes()) != [k for k, _ in ICNS_TYPES]:
            found.append("annotator.icns lacks sizes")
    except (OSError, ValueError) as exc:
        found.append(f"annotator.icns: {exc}")
    return found


def main(argv: list[str]) -> int:
    if "--check" not in argv:
        for path in generate():
            print(f"wrote {path.relative_to(ROOT)}")
    bad = problems()
    for p in bad:
        print(f"icons: {p}", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
