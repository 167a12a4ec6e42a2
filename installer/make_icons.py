"""Render the app icon (resources/icons/upskill-planner.svg) into PNG, ICO and ICNS.

The generated files are committed: they are inputs of the build, not built in CI. Rerun
this after changing the SVG, from the repository root:

    .venv/bin/python installer/make_icons.py

It needs PySide6 (QtSvg renders the SVG, each size separately so small sizes stay crisp)
and Pillow (packs the ICO and ICNS); both are in .venv (Pillow comes with reportlab).
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bundle_config import APP_NAME, ICON_DIR, ICON_ICNS, ICON_ICO, ICON_PNG, ICON_SVG

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
"""Written as icons/hicolor/<n>x<n>/upskill-planner.png (Linux themes pick one by size)."""
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512)


def render_png(size: int) -> bytes:
    """The SVG drawn at ``size`` x ``size`` pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(ICON_SVG))
    if not renderer.isValid():
        raise SystemExit(f"{ICON_SVG} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; str works
    buffer.close()
    return bytes(data.data())


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    application = QGuiApplication.instance() or QGuiApplication([])
    rendered = {size: render_png(size) for size in PNG_SIZES}
    ICON_PNG.write_bytes(rendered[256])
    for size, data in rendered.items():
        folder = ICON_DIR / "hicolor" / f"{size}x{size}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{APP_NAME}.png").write_bytes(data)
    images = {size: Image.open(io.BytesIO(rendered[size])).convert("RGBA") for size in PNG_SIZES}
    largest = images[256]
    largest.save(
        ICON_ICO,
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != 256],
    )
    images[512].save(
        ICON_ICNS,
        format="ICNS",
        append_images=[images[s] for s in ICNS_SIZES if s != 512],
    )
    del application
    root = ICON_DIR.parent.parent
    for path in (ICON_PNG, ICON_ICO, ICON_ICNS):
        print(f"wrote {path.relative_to(root)} ({path.stat().st_size:,} bytes)")
    print(f"wrote {len(PNG_SIZES)} sizes under {(ICON_DIR / 'hicolor').relative_to(root)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
