# dmgbuild settings for Annotator's disk image (https://dmgbuild.readthedocs.io):
#
#   dmgbuild -s installer/macos/dmg_settings.py -D app=build/macos/dist/Annotator.app -D root=. \
#            "Annotator 0.1.0" build/macos/Annotator-0.1.0.dmg
#
# dmgbuild runs this file with its settings as globals and the -D values in `defines`.
# `app` is the .app PyInstaller built (installer/annotator.spec, BUNDLE), `root` the repository.
# The image shows the app next to a link to /Applications, with the app icon as volume icon.
import os.path
import sys

_root = os.path.abspath(defines.get("root", "."))  # noqa: F821 (given by dmgbuild)
sys.path.insert(0, os.path.join(_root, "installer"))
import identity  # noqa: E402

_app = os.path.abspath(defines.get(  # noqa: F821
    "app", os.path.join(_root, "build", "macos", "dist", identity.DISPLAY_NAME + ".app")))
_app_name = os.path.basename(_app)

volume_name = defines.get("volume_name", f"{identity.DISPLAY_NAME} {identity.VERSION}")  # noqa: F821
format = "ULFO"  # lzfse-compressed, read-only (macOS 10.11+; the app needs 11+)
filesystem = "HFS+"
size = None  # computed from the contents

files = [_app]
symlinks = {"Applications": "/Applications"}
hide_extensions = [_app_name]
icon = os.path.join(_root, "resources", "icons", "annotator.icns")

# Finder window: app on the left, Applications on the right
show_status_bar = False
show_tab_view = False
show_toolbar = False
show_pathbar = False
show_sidebar = False
window_rect = ((200, 120), (600, 340))
default_view = "icon-view"
arrange_by = None
icon_size = 128
text_size = 13
label_pos = "bottom"
icon_locations = {
    _app_name: (150, 150),
    "Applications": (450, 150),
}
