; Inno Setup 6 script for Upskill Planner: installs for the current user only, so no
; administrator rights are needed. Build on Windows, from the repository root:
;
;   py tasks.py build                                    (PyInstaller: dist\upskill-planner\)
;   iscc /DAppVersion=0.1.0 installer\windows\upskill-planner.iss
;
; Output: dist\upskill-planner-<version>-windows-x64-setup.exe. Without /DAppVersion the
; version below is used; installer\build.py prints the exact iscc line for the version it
; built. Paths are relative to this file. See installer\windows\README.md.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Upskill Planner"
#define AppExeName "upskill-planner.exe"
#define AppPublisher "Upskill Planner"
#define ProgId "UpskillPlanner.DataFile"
#define DataExtension ".upskill"

[Setup]
; The AppId identifies the app for upgrades and uninstall: never change it.
AppId={{19C87515-2A1F-4FA9-BF5D-61A6EAAFEA8B}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
; Per user: %LOCALAPPDATA%\Programs\Upskill Planner, the user's Start menu and registry.
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\{#AppName}
DisableDirPage=auto
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsedUserAreasWarning=no
; 64-bit only (the PyInstaller build is 64-bit).
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
; The .upskill file type is registered below: tell Explorer to refresh its icons.
ChangesAssociations=yes
; Close a running copy before files are replaced (the data file is never touched).
CloseApplications=yes
SetupIconFile=..\..\resources\icons\upskill-planner.ico
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
InfoBeforeFile=before-install.txt
OutputDir=..\..\dist
OutputBaseFilename=upskill-planner-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The PyInstaller one-folder output: upskill-planner.exe and _internal\ (Python, Qt,
; resources, migrations, licences\ with every third-party licence, CHANGELOG.md).
Source: "..\..\dist\upskill-planner\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "before-install.txt"; DestDir: "{app}"; DestName: "README.txt"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Comment: "Plan, run and prove an AI upskilling programme"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Tasks: desktopicon

[Registry]
; The .upskill data file opens with the app (HKCU\Software\Classes: no admin needed).
; The uninsdelete flags remove every key and value written here on uninstall.
Root: HKCU; Subkey: "Software\Classes\{#DataExtension}"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKCU; Subkey: "Software\Classes\{#DataExtension}\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKCU; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{#AppName} data file"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExeName},0"
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExeName}"" --db ""%1"""
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExeName}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExeName}\SupportedTypes"; ValueType: string; ValueName: "{#DataExtension}"; ValueData: ""

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
