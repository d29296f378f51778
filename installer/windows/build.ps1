# Build pdorganizer for Windows: the PyInstaller folder, a check of it, and the installer.
#
#   powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1
#
# Needs: 64-bit Python 3.11 from python.org (the "py" launcher), Inno Setup 6.3+ (iscc.exe,
# https://jrsoftware.org/isdl.php; default install path or on PATH). Run from anywhere;
# works in the repository root. Output: installer\dist\pdorganizer\ (the app) and
# installer\dist\pdorganizer-VERSION-windows-x64-setup.exe (the installer).
$ErrorActionPreference = "Stop"
$root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $root

$venv = "installer\build\venv-win"
if (-not (Test-Path "$venv\Scripts\python.exe")) { py -3.11 -m venv $venv }
$py = "$venv\Scripts\python.exe"
& $py -m pip install --disable-pip-version-check -q -e ".[build]"
if ($LASTEXITCODE) { throw "pip install failed" }
$version = & $py -c "import pdorganizer; print(pdorganizer.__version__)"

& $py installer\i18n.py release          # compiled .qm translations go in the bundle
if ($LASTEXITCODE) { throw "translations failed" }
& $py -m PyInstaller --noconfirm --clean --log-level WARN `
    --distpath installer\dist --workpath installer\build\pyinstaller installer\pdorganizer.spec
if ($LASTEXITCODE) { throw "PyInstaller failed" }

# The console twin prints; the windowed pdorganizer.exe would not.
$cli = "installer\dist\pdorganizer\pdorganizer-cli.exe"
$out = & $cli --version
if ($out -ne "pdorganizer $version") { throw "--version printed: $out" }
$out = & $cli --self-test
if ($LASTEXITCODE -or $out -ne "self-test passed") { throw "--self-test: $out" }
Write-Host "bundle OK: $out"

$iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $iscc "/DAppVersion=$version" installer\windows\pdorganizer.iss
if ($LASTEXITCODE) { throw "Inno Setup failed" }
Get-ChildItem installer\dist\*.exe | ForEach-Object { "{0}  {1:N0} MB" -f $_.Name, ($_.Length / 1MB) }
