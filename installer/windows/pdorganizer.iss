; pdorganizer for Windows: a per-user installer for the PyInstaller folder
; (installer\dist\pdorganizer). Build it with installer\windows\build.ps1, which runs
;   iscc /DAppVersion=X.Y.Z installer\windows\pdorganizer.iss
; No administrator rights: installs to %LOCALAPPDATA%\Programs\pdorganizer with a
; Start-menu entry. The uninstaller removes exactly the files this installer wrote; it
; never deletes vaults (*.pdvault), exports or anything in the user's folders.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{49E01088-BFE8-461B-9621-C2907EEB852C}
AppName=pdorganizer
AppVersion={#AppVersion}
AppVerName=pdorganizer {#AppVersion}
AppPublisher=pdorganizer
AppComments=Offline, encrypted evidence organizer for prosecutorial discretion requests
DefaultDirName={localappdata}\Programs\pdorganizer
DisableDirPage=auto
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\dist
OutputBaseFilename=pdorganizer-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\resources\icons\pdorganizer.ico
UninstallDisplayIcon={app}\pdorganizer.exe
UninstallDisplayName=pdorganizer
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
CloseApplications=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "es"; MessagesFile: "compiler:Languages\Spanish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder app. Files a user might have put in {app} are not touched.
Source: "..\dist\pdorganizer\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\pdorganizer"; Filename: "{app}\pdorganizer.exe"; WorkingDir: "{userdocs}"; Comment: "Organize evidence for a prosecutorial discretion request"
Name: "{userdesktop}\pdorganizer"; Filename: "{app}\pdorganizer.exe"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Run]
Filename: "{app}\pdorganizer.exe"; Description: "{cm:LaunchProgram,pdorganizer}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only the install folder itself, and only when nothing of the user's is left in it.
Type: dirifempty; Name: "{app}"
