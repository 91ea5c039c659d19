; Inno Setup script for Trede on Windows: a per-user install (no administrator rights) of the
; one-dir bundle that `installer/build` makes on Windows (installer\dist\trede).
; Build with: iscc installer\trede.iss   (Inno Setup 6)
; The uninstaller removes the program; the caseworker's encrypted store and settings stay
; unless they tick the box that asks for their removal.

#define AppName "Trede"
#define AppVersion GetVersionNumbersString("dist\trede\trede.exe")

[Setup]
AppId={{6E3C1F4B-2D8A-4C55-9B1E-7A0F3D2C8E51}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Trede
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=dist
OutputBaseFilename=Trede-{#AppVersion}-setup
SetupIconFile=..\resources\images\trede.ico
UninstallDisplayIcon={app}\trede.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
DisableProgramGroupPage=yes
ShowLanguageDialog=no

[Languages]
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "dist\trede\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\{#AppName}"; Filename: "{app}\trede.exe"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\trede.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\trede.exe"; Parameters: "--self-test"; Flags: runhidden waituntilterminated; StatusMsg: "Trede controleert de installatie..."
Filename: "{app}\trede.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
var
  RemoveData: Boolean;

function InitializeUninstall(): Boolean;
begin
  RemoveData := MsgBox(
    'Wilt u ook uw versleutelde Trede-database en instellingen van deze computer verwijderen?' + #13#10 +
    'Kies Nee om ze te bewaren (aanbevolen als u Trede opnieuw installeert).',
    mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES;
  Result := True;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and RemoveData then
  begin
    DelTree(ExpandConstant('{localappdata}\Trede'), True, True, True);
    DelTree(ExpandConstant('{userappdata}\Trede'), True, True, True);
    RegDeleteKeyIncludingSubkeys(HKEY_CURRENT_USER, 'Software\Trede');
  end;
end;
