# Build Annotator's Windows installer (PowerShell 5+, Python 3.11-3.13 from python.org, NSIS 3):
#
#   powershell -ExecutionPolicy Bypass -File installer\windows\build-windows.ps1
#
# Makes build\windows\venv (the project and PyInstaller), builds the one-folder bundle with
# installer\annotator.spec (annotator.exe windowed, annotator-cli.exe console), checks it
# (--version, --bundle-check, --smoke-test offscreen), then compiles installer\windows\annotator.nsi
# with the bundle as payload: build\windows\annotator-<version>-setup.exe.
# Set $env:PYTHON to choose the interpreter, $env:MAKENSIS if makensis.exe is not on PATH.
$ErrorActionPreference = "Stop"
$root = (Resolve-Path "$PSScriptRoot\..\..").Path
Set-Location $root
$out = Join-Path $root "build\windows"
New-Item -ItemType Directory -Force $out | Out-Null

function Run([string]$exe, [string[]]$argv) {
    & $exe @argv
    if ($LASTEXITCODE -ne 0) { throw "$exe $($argv -join ' ') failed with exit code $LASTEXITCODE" }
}

$python = if ($env:PYTHON) { $env:PYTHON } else { "py" }
$pyArgs = if ($env:PYTHON) { @() } else { @("-3") }
$venv = Join-Path $out "venv"
$vpy = Join-Path $venv "Scripts\python.exe"
if (-not (Test-Path $vpy)) { Run $python ($pyArgs + @("-m", "venv", $venv)) }
Run $vpy @("-m", "pip", "install", "--quiet", "-e", ".[installer]")

$version = (& $vpy installer\identity.py get VERSION).Trim()
$winVersion = (& $vpy installer\identity.py get WIN_VERSION).Trim()
$package = (& $vpy installer\identity.py get PACKAGE).Trim()
Run $vpy @("installer\identity.py", "check")
Run $vpy @("installer\icons.py", "--check")

Run (Join-Path $venv "Scripts\pyinstaller.exe") @("--noconfirm", "--log-level", "WARN",
    "--distpath", "$out\dist", "--workpath", "$out\work", "installer\annotator.spec")
$bundle = Join-Path $out "dist\$package"
$cli = Join-Path $bundle "$package-cli.exe"
$got = (& $cli --version).Trim()
if ($got -ne "$package $version") { throw "bundle --version says '$got'" }
$resources = (Get-ChildItem -Directory resources | ForEach-Object { $_.Name } | Sort-Object) -join ","
$env:QT_QPA_PLATFORM = "offscreen"
Run $cli @("--bundle-check", "--expect-resources", $resources)
$env:ANNOTATOR_DATA_DIR = Join-Path ([System.IO.Path]::GetTempPath()) ("annotator-" + [guid]::NewGuid())
Run $cli @("--smoke-test")
Remove-Item -Recurse -Force $env:ANNOTATOR_DATA_DIR -ErrorAction SilentlyContinue
Remove-Item Env:\ANNOTATOR_DATA_DIR, Env:\QT_QPA_PLATFORM

$makensis = if ($env:MAKENSIS) { $env:MAKENSIS } else { "makensis" }
$setup = Join-Path $out "$package-$version-setup.exe"
Run $makensis @("/V2", "/WX", "/DPAYLOAD=$bundle", "/DVERSION=$version", "/DVIVERSION=$winVersion",
    "/DOUTFILE=$setup", "installer\windows\annotator.nsi")
Write-Host "build-windows: OK: $setup"
