; Windows installer of Annotator (NSIS 3, Modern UI 2). UTF-8 with BOM: keep it so.
;
;   makensis /DPAYLOAD=C:\path\to\dist\annotator /DVERSION=0.1.0 [/DVIVERSION=0.1.0.0]
;            [/DOUTFILE=annotator-0.1.0-setup.exe] annotator.nsi
;
; PAYLOAD is PyInstaller's one-folder output (annotator.exe, annotator-cli.exe, _internal\);
; give it as an absolute path (makensis runs from this script's folder). VERSION defaults to
; the package's version below (installer/identity.py check keeps it in sync; the build scripts
; pass the package's version anyway). Installer pages in Vietnamese and English; per-user
; (no admin rights, %LOCALAPPDATA%\Programs) or per-machine (Program Files) installation,
; chosen on a page or with /CurrentUser or /AllUsers; /S for silent. The uninstaller is
; registered in Add/Remove Programs. The reviewers' corpora (in their data folders) are never
; touched by install, upgrade or uninstall.

Unicode true
SetCompressor /SOLID lzma
ManifestDPIAware true

!define APP_ID "io.github.annotator.Annotator"
!define APP_NAME "Annotator"
!define APP_EXE "annotator.exe"
!define APP_CLI_EXE "annotator-cli.exe"
!define PUBLISHER "Annotator contributors"
!define HOMEPAGE "https://github.com/annotator/annotator"
!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!ifndef VIVERSION
  ; numeric X.X.X.X for the version resource (installer/identity.py get WIN_VERSION)
  !define VIVERSION "${VERSION}.0"
!endif
!ifndef PAYLOAD
  !error "Give the PyInstaller folder: makensis /DPAYLOAD=<dist\annotator> /DVERSION=<x.y.z> annotator.nsi"
!endif
!ifndef OUTFILE
  !define OUTFILE "annotator-${VERSION}-setup.exe"
!endif
!ifndef ICON
  !define ICON "..\..\resources\icons\annotator.ico"
!endif
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
!define APP_KEY "Software\${APP_ID}"

Name "${APP_NAME}"
OutFile "${OUTFILE}"
BrandingText "${APP_NAME} ${VERSION}"

; --- per-user or per-machine -----------------------------------------------------------------
!define MULTIUSER_EXECUTIONLEVEL Highest
!define MULTIUSER_MUI
!define MULTIUSER_INSTALLMODE_COMMANDLINE
!define MULTIUSER_USE_PROGRAMFILES64
!define MULTIUSER_INSTALLMODE_INSTDIR "${APP_NAME}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_KEY "${APP_KEY}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_VALUENAME "InstallDir"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_KEY "${APP_KEY}"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_VALUENAME "InstallMode"
!include "MultiUser.nsh"
!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"
!include "x64.nsh"

; --- look ----------------------------------------------------------------------------------
!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_ALLLANGUAGES
!define MUI_LANGDLL_REGISTRY_ROOT SHCTX
!define MUI_LANGDLL_REGISTRY_KEY "${APP_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_COMPONENTSPAGE_SMALLDESC
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_NOTCHECKED
!define MUI_FINISHPAGE_LINK "${HOMEPAGE}"
!define MUI_FINISHPAGE_LINK_LOCATION "${HOMEPAGE}"

; --- pages ---------------------------------------------------------------------------------
!insertmacro MUI_PAGE_WELCOME
!insertmacro MULTIUSER_PAGE_INSTALLMODE
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the default.
!insertmacro MUI_LANGUAGE "Vietnamese"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString SecAppName ${LANG_VIETNAMESE} "${APP_NAME} (bắt buộc)"
LangString SecAppName ${LANG_ENGLISH} "${APP_NAME} (required)"
LangString SecAppDesc ${LANG_VIETNAMESE} "Chương trình ${APP_NAME}, mô hình và dữ liệu mẫu đi kèm."
LangString SecAppDesc ${LANG_ENGLISH} "The ${APP_NAME} program with its shipped model and sample articles."
LangString SecStartName ${LANG_VIETNAMESE} "Lối tắt trong menu Start"
LangString SecStartName ${LANG_ENGLISH} "Start menu shortcut"
LangString SecStartDesc ${LANG_VIETNAMESE} "Thêm ${APP_NAME} vào menu Start."
LangString SecStartDesc ${LANG_ENGLISH} "Add ${APP_NAME} to the Start menu."
LangString SecDesktopName ${LANG_VIETNAMESE} "Lối tắt trên màn hình nền"
LangString SecDesktopName ${LANG_ENGLISH} "Desktop shortcut"
LangString SecDesktopDesc ${LANG_VIETNAMESE} "Đặt lối tắt ${APP_NAME} trên màn hình nền."
LangString SecDesktopDesc ${LANG_ENGLISH} "Put a ${APP_NAME} shortcut on the desktop."
LangString AppComment ${LANG_VIETNAMESE} "Gán nhãn bài báo tiếng Việt làm dữ liệu huấn luyện"
LangString AppComment ${LANG_ENGLISH} "Label Vietnamese news articles for training data"
LangString Need64Bit ${LANG_VIETNAMESE} "${APP_NAME} cần Windows 64-bit."
LangString Need64Bit ${LANG_ENGLISH} "${APP_NAME} needs 64-bit Windows."

; --- version resource of setup.exe ---------------------------------------------------------------
VIProductVersion "${VIVERSION}"
VIFileVersion "${VIVERSION}"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP_NAME} ${VERSION} Setup"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "Copyright (c) ${PUBLISHER}"

; --- install -----------------------------------------------------------------------------------
Section "!$(SecAppName)" SecApp
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; an upgrade replaces the whole runtime: no stale modules of the old version stay behind
  RMDir /r "$INSTDIR\_internal"
  File /r "${PAYLOAD}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  WriteRegStr SHCTX "${APP_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr SHCTX "${APP_KEY}" "InstallMode" "$MultiUser.InstallMode"
  WriteRegStr SHCTX "${APP_KEY}" "Version" "${VERSION}"

  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr SHCTX "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr SHCTX "${UNINST_KEY}" "URLInfoAbout" "${HOMEPAGE}"
  WriteRegStr SHCTX "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode'
  WriteRegStr SHCTX "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode /S'
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD SHCTX "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "$(SecStartName)" SecStart
  CreateShortCut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0 \
    SW_SHOWNORMAL "" "$(AppComment)"
SectionEnd

Section /o "$(SecDesktopName)" SecDesktop
  CreateShortCut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0 \
    SW_SHOWNORMAL "" "$(AppComment)"
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecApp} $(SecAppDesc)
  !insertmacro MUI_DESCRIPTION_TEXT ${SecStart} $(SecStartDesc)
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} $(SecDesktopDesc)
!insertmacro MUI_FUNCTION_DESCRIPTION_END

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "$(Need64Bit)" /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  !insertmacro MULTIUSER_INIT
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

; --- uninstall ---------------------------------------------------------------------------------
Section "Uninstall"
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\${APP_CLI_EXE}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey SHCTX "${UNINST_KEY}"
  DeleteRegKey SHCTX "${APP_KEY}"
  ; the corpora in the reviewers' data folders (%APPDATA%\annotator) are their work: kept
SectionEnd

Function un.onInit
  SetRegView 64
  !insertmacro MULTIUSER_UNINIT
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd
