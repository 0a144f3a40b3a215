"""Static checks of the installer files (no build): identity, desktop entry, AppStream metainfo,
NSIS script, macOS Info.plist and dmg settings, PyInstaller spec, icons.

The full build and install run is installer/build-linux; these only keep the committed files
consistent with the package (id, name, version) and with each other.
"""

from __future__ import annotations

import configparser
import importlib.util
import plistlib
import re
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import annotator

ROOT = Path(__file__).resolve().parents[1]
INSTALLER = ROOT / "installer"
ICONS = ROOT / "resources" / "icons"
APP_ID = "io.github.annotator.Annotator"
NAME = "Annotator"
VERSION = annotator.__version__
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def identity():
    return _load("annotator_installer_identity", INSTALLER / "identity.py")


@pytest.fixture(scope="module")
def desktop():
    path = INSTALLER / "linux" / f"{APP_ID}.desktop"
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case sensitive
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


@pytest.fixture(scope="module")
def metainfo():
    return ET.parse(INSTALLER / "linux" / f"{APP_ID}.metainfo.xml").getroot()


@pytest.fixture(scope="module")
def nsis():
    raw = (INSTALLER / "windows" / "annotator.nsi").read_bytes()
    return raw


@pytest.fixture(scope="module")
def plist():
    with (INSTALLER / "macos" / "Info.plist").open("rb") as f:
        return plistlib.load(f)


# --- identity -------------------------------------------------------------------------------


def test_package_identity():
    assert annotator.APP_ID == APP_ID
    assert re.fullmatch(r"\d+\.\d+\.\d+([a-z0-9.+-]*)", VERSION)


def test_identity_reads_the_package(identity):
    assert identity.VERSION == VERSION
    assert identity.APP_ID == APP_ID
    assert identity.DISPLAY_NAME == NAME
    assert identity.PACKAGE == annotator.APP_NAME == "annotator"


def test_identity_check_finds_no_problem(identity):
    assert identity.problems() == []


def test_version_conversions(identity):
    assert identity.debian_version("0.1.0") == "0.1.0"
    assert identity.debian_version("1.2.0rc1") == "1.2.0~rc1"
    assert identity.debian_version("1.2.0.dev3") == "1.2.0~dev3"
    assert identity.debian_version("1.2.0.post1") == "1.2.0+post1"
    assert identity.numeric_version("1.2.0rc1") == (1, 2, 0, 0)
    assert identity.numeric_version("2.5", parts=3) == (2, 5, 0)
    assert identity.values()["WIN_VERSION"].count(".") == 3


def test_windows_version_resource_is_valid_python(identity):
    text = identity.windows_version_info()
    compile(text, "version_info.txt", "exec")  # PyInstaller evaluates it
    assert f"StringStruct('ProductVersion', {VERSION!r})" in text
    assert f"filevers={identity.numeric_version()}" in text


# --- Linux ------------------------------------------------------------------------------------


def test_desktop_entry(desktop):
    assert desktop["Type"] == "Application"
    assert desktop["Name"] == NAME
    assert desktop["Icon"] == APP_ID
    assert desktop["Exec"].split()[0] == annotator.APP_NAME
    assert desktop["TryExec"] == annotator.APP_NAME
    assert desktop["StartupWMClass"] == annotator.APP_NAME  # Qt's WM_CLASS: the executable name
    assert desktop["Terminal"] == "false"
    assert desktop["Categories"].endswith(";")
    assert desktop["Comment[vi]"] and desktop["GenericName[vi]"]


def test_metainfo(metainfo):
    assert metainfo.tag == "component" and metainfo.get("type") == "desktop-application"
    assert metainfo.findtext("id") == APP_ID
    assert [n.text for n in metainfo.findall("name") if not n.get(XML_LANG)] == [NAME]
    assert metainfo.find("launchable").text == f"{APP_ID}.desktop"
    assert [b.text for b in metainfo.findall("provides/binary")] == [annotator.APP_NAME]
    assert {s.get(XML_LANG) for s in metainfo.findall("summary")} == {None, "vi"}
    assert metainfo.findtext("metadata_license") and metainfo.findtext("project_license") == "MIT"
    releases = metainfo.findall("releases/release")
    assert releases and releases[0].get("version") == VERSION, "newest <release> must be __version__"
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", releases[0].get("date"))


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_desktop_entry_validates():
    subprocess.run(["desktop-file-validate", str(INSTALLER / "linux" / f"{APP_ID}.desktop")], check=True)


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream not installed")
def test_metainfo_validates():
    subprocess.run(["appstreamcli", "validate", "--no-net", "--no-color",
                    str(INSTALLER / "linux" / f"{APP_ID}.metainfo.xml")], check=True, capture_output=True)


def test_deb_script_installs_everything():
    text = (INSTALLER / "linux" / "build-deb").read_text(encoding="utf-8")
    for needle in ("/opt/$PACKAGE", "usr/bin/$PACKAGE", "usr/share/applications/$APP_ID.desktop",
                   "usr/share/metainfo/$APP_ID.metainfo.xml", "usr/share/icons/hicolor",
                   "dpkg-shlibdeps", "dpkg-deb", "libxcb-cursor0"):
        assert needle in text, needle


@pytest.mark.parametrize("script", ["build-linux", "linux/build-deb", "linux/first-run-check", "macos/build-macos"])
def test_shell_scripts_are_executable_bash(script):
    path = INSTALLER / script
    assert path.stat().st_mode & 0o111, f"{script} is not executable"
    assert path.read_text(encoding="utf-8").startswith("#!/usr/bin/env bash\n")
    if shutil.which("bash"):
        subprocess.run(["bash", "-n", str(path)], check=True)


# --- Windows ------------------------------------------------------------------------------------


def test_nsis_script(nsis):
    assert nsis.startswith(b"\xef\xbb\xbf"), "keep the UTF-8 BOM: makensis reads the Vietnamese strings as UTF-8"
    text = nsis.decode("utf-8-sig")
    defines = dict(re.findall(r'^\s*!define\s+(\w+)\s+"([^"]*)"', text, flags=re.M))
    assert defines["APP_ID"] == APP_ID
    assert defines["APP_NAME"] == NAME
    assert defines["VERSION"] == VERSION
    assert defines["APP_EXE"] == "annotator.exe"
    assert "Unicode true" in text
    assert '!include "MUI2.nsh"' in text and '!include "MultiUser.nsh"' in text
    languages = re.findall(r'!insertmacro MUI_LANGUAGE "(\w+)"', text)
    assert languages == ["Vietnamese", "English"]
    assert r'File /r "${PAYLOAD}\*.*"' in text
    assert r"CurrentVersion\Uninstall\${APP_ID}" in text
    assert "WriteUninstaller" in text and 'Section "Uninstall"' in text
    assert '$SMPROGRAMS\\${APP_NAME}.lnk' in text and 'Section /o "$(SecDesktopName)"' in text
    # every LangString has both languages
    names = re.findall(r"^LangString (\w+) \$\{LANG_(\w+)\}", text, flags=re.M)
    by_name: dict[str, set[str]] = {}
    for name, lang in names:
        by_name.setdefault(name, set()).add(lang)
    assert by_name and all(langs == {"VIETNAMESE", "ENGLISH"} for langs in by_name.values()), by_name
    icon = re.search(r'!define ICON "([^"]+)"', text).group(1).replace("\\", "/")
    assert (INSTALLER / "windows" / icon).resolve() == ICONS / "annotator.ico"


# --- macOS ----------------------------------------------------------------------------------------


def test_info_plist(plist, identity):
    assert plist["CFBundleIdentifier"] == APP_ID
    assert plist["CFBundleName"] == NAME
    assert plist["CFBundleExecutable"] == annotator.APP_NAME
    assert plist["CFBundleShortVersionString"] == ".".join(map(str, identity.numeric_version(parts=3)))
    assert plist["CFBundleVersion"] == VERSION
    assert plist["NSHighResolutionCapable"] is True
    assert plist["LSMinimumSystemVersion"] == identity.MACOS_MIN
    assert plist["CFBundlePackageType"] == "APPL"
    assert (ICONS / plist["CFBundleIconFile"]).is_file()
    assert set(plist["CFBundleLocalizations"]) >= {"vi", "en"}
    assert identity.info_plist()["CFBundleIdentifier"] == APP_ID


def test_dmg_settings():
    settings = {"defines": {"app": "/tmp/dist/Annotator.app", "root": str(ROOT)}}
    code = (INSTALLER / "macos" / "dmg_settings.py").read_text(encoding="utf-8")
    exec(compile(code, "dmg_settings.py", "exec"), settings, settings)  # as dmgbuild does
    assert settings["files"] == ["/tmp/dist/Annotator.app"]
    assert settings["symlinks"] == {"Applications": "/Applications"}
    assert set(settings["icon_locations"]) == {"Annotator.app", "Applications"}
    assert Path(settings["icon"]).is_file()
    assert settings["volume_name"] == f"{NAME} {VERSION}"


# --- PyInstaller spec ---------------------------------------------------------------------------------


def test_spec_bundles_resources_and_underthesea_data():
    text = (INSTALLER / "annotator.spec").read_text(encoding="utf-8")
    assert 'RESOURCES = ROOT / "resources"' in text
    assert '(str(RESOURCES), "annotator/resources")' in text
    assert 'collect_data_files(\n    "underthesea"' in text
    assert "launcher.py" in text and "BUNDLE(" in text and "info_plist=identity.info_plist()" in text
    for excluded in ('"torch"', '"transformers"', '"tkinter"', '"QtWebEngineCore"'):
        assert excluded in text, excluded
    compile(text, "annotator.spec", "exec")


def test_spec_resources_match_paths_module():
    # annotator.paths looks for <package>/resources when bundled
    from annotator import paths

    assert (Path(paths.__file__).parent / "resources").name == "resources"
    assert "annotator/resources" in (INSTALLER / "annotator.spec").read_text(encoding="utf-8")


def test_launcher_calls_cli_main():
    text = (INSTALLER / "launcher.py").read_text(encoding="utf-8")
    assert "from annotator.cli import main" in text
    assert "multiprocessing.freeze_support()" in text
    compile(text, "launcher.py", "exec")


# --- icons ----------------------------------------------------------------------------------------


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", path
    return struct.unpack(">II", data[16:24])


def test_svg_icon():
    root = ET.parse(ICONS / "annotator.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 128 128"


@pytest.mark.parametrize("size", PNG_SIZES)
def test_png_icon_sizes(size):
    assert _png_size(ICONS / f"annotator-{size}.png") == (size, size)


def test_ico_and_icns(identity):
    icons = _load("annotator_installer_icons", INSTALLER / "icons.py")
    assert icons.PNG_SIZES == PNG_SIZES
    assert icons.problems() == []
    assert sorted(icons.ico_sizes((ICONS / "annotator.ico").read_bytes())) == [16, 24, 32, 48, 64, 128, 256]
    assert "ic10" in icons.icns_types((ICONS / "annotator.icns").read_bytes())
