// Command winpkg writes what the Windows build needs beside the Go code,
// all derived from FyneApp.toml and assets/icon.png, so that the version and
// the icon have one source:
//
//	inreach.ico       the icon, 16 to 256 pixels (PNG images inside an ICO)
//	inreach.manifest  the application manifest (runs as the user, DPI aware)
//	inreach.rc        the resource script for windres: icon, version, manifest
//	Inreach.wxs       the WiX source of the per-user MSI, for wixl
//
// Usage: go run ./tools/winpkg -out DIR [-exe PATH] [-version X.Y.Z]; then, in DIR,
// windres -i inreach.rc and wixl Inreach.wxs.
package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/template"

	"github.com/BurntSushi/toml"
	"golang.org/x/image/draw"
)

// UpgradeCode identifies Inreach across versions: every MSI carries it, so a
// newer one replaces an older one (MajorUpgrade). Never change it.
const UpgradeCode = "6A1C52E4-3F0B-4C8E-9D27-51B0C6A8E913"

// iconSizes are the sizes in the ICO: what Explorer, the Start menu, the
// taskbar and Settings > Apps pick from at 100% to 200% scaling.
var iconSizes = []int{16, 20, 24, 32, 40, 48, 64, 256}

type appInfo struct {
	Website string
	Details struct {
		Icon    string
		Name    string
		ID      string
		Version string
		Build   int
	}
	LinuxAndBSD struct {
		Comment string
	}
}

// meta is what the templates need.
type meta struct {
	Name, Comment, Website, UpgradeCode string
	Version                             string // x.y.z, as MSI compares it
	FileVersion                         string // x.y.z.build
	FileVersionCommas                   string // x,y,z,build for VERSIONINFO
	Exe, Icon, Manifest                 string
}

func main() {
	out := flag.String("out", "dist/windows/build", "folder to write into")
	toml := flag.String("app", "FyneApp.toml", "the app's metadata")
	exe := flag.String("exe", "dist/windows/inreach.exe", "the program the MSI installs")
	version := flag.String("version", "", "use this version instead of FyneApp.toml's (the smoke test makes a \"newer\" MSI with it)")
	flag.Parse()
	if err := run(*toml, *out, *exe, *version); err != nil {
		fmt.Fprintln(os.Stderr, "winpkg:", err)
		os.Exit(1)
	}
}

func run(appToml, out, exe, version string) error {
	info, err := readApp(appToml)
	if err != nil {
		return err
	}
	if version != "" {
		info.Details.Version = version
	}
	m, err := metaOf(info)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	iconSrc := filepath.Join(filepath.Dir(appToml), info.Details.Icon)
	ico, err := makeICO(iconSrc)
	if err != nil {
		return err
	}
	// windres and wixl run in out and take paths relative to it (wixl
	// refuses absolute ones).
	m.Icon, m.Manifest = "inreach.ico", "inreach.manifest"
	if m.Exe, err = relTo(out, exe); err != nil {
		return err
	}
	files := map[string][]byte{"inreach.ico": ico}
	for name, tmpl := range map[string]*template.Template{"inreach.manifest": manifestT, "inreach.rc": rcT, "Inreach.wxs": wxsT} {
		var b bytes.Buffer
		if err := tmpl.Execute(&b, m); err != nil {
			return err
		}
		files[name] = b.Bytes()
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(out, name), b, 0o644); err != nil {
			return err
		}
	}
	fmt.Printf("winpkg: Inreach %s (file version %s) into %s\n", m.Version, m.FileVersion, out)
	return nil
}

// relTo is path relative to dir, with forward slashes.
func relTo(dir, path string) (string, error) {
	ad, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	ap, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	r, err := filepath.Rel(ad, ap)
	return filepath.ToSlash(r), err
}

func readApp(path string) (appInfo, error) {
	var info appInfo
	if _, err := toml.DecodeFile(path, &info); err != nil {
		return info, fmt.Errorf("reading %s: %w", path, err)
	}
	return info, nil
}

// metaOf checks the version (three numbers, as MSI wants: major and minor up
// to 255, patch up to 65535) and derives the rest.
func metaOf(info appInfo) (meta, error) {
	v := info.Details.Version
	parts := strings.Split(v, ".")
	if len(parts) != 3 {
		return meta{}, fmt.Errorf("FyneApp.toml Version %q: want three numbers, like 1.2.3", v)
	}
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		limit := 255
		if i == 2 {
			limit = 65535
		}
		if err != nil || n < 0 || n > limit || strconv.Itoa(n) != p {
			return meta{}, fmt.Errorf("FyneApp.toml Version %q: %q is not a number from 0 to %d", v, p, limit)
		}
	}
	if info.Details.Build < 0 || info.Details.Build > 65535 {
		return meta{}, fmt.Errorf("FyneApp.toml Build %d: want 0 to 65535", info.Details.Build)
	}
	if info.Details.Name == "" {
		return meta{}, errors.New("FyneApp.toml has no Name")
	}
	fv := v + "." + strconv.Itoa(info.Details.Build)
	return meta{
		Name:              info.Details.Name,
		Comment:           info.LinuxAndBSD.Comment,
		Website:           info.Website,
		UpgradeCode:       UpgradeCode,
		Version:           v,
		FileVersion:       fv,
		FileVersionCommas: strings.ReplaceAll(fv, ".", ","),
	}, nil
}

// makeICO scales the PNG at src to every size in iconSizes and packs them,
// PNG-compressed, into an ICO (which Windows Vista and later read).
func makeICO(src string) ([]byte, error) {
	f, err := os.Open(src)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		return nil, fmt.Errorf("reading the icon %s: %w", src, err)
	}
	var images [][]byte
	for _, s := range iconSizes {
		dst := image.NewNRGBA(image.Rect(0, 0, s, s))
		draw.CatmullRom.Scale(dst, dst.Bounds(), img, img.Bounds(), draw.Src, nil)
		var b bytes.Buffer
		if err := png.Encode(&b, dst); err != nil {
			return nil, err
		}
		images = append(images, b.Bytes())
	}
	var out bytes.Buffer
	le := binary.LittleEndian
	binary.Write(&out, le, [3]uint16{0, 1, uint16(len(images))}) // reserved, type icon, count
	offset := 6 + 16*len(images)
	for i, b := range images {
		dim := byte(iconSizes[i])
		if iconSizes[i] >= 256 {
			dim = 0 // 0 means 256
		}
		out.Write([]byte{dim, dim, 0, 0})
		binary.Write(&out, le, [2]uint16{1, 32}) // planes, bits per pixel
		binary.Write(&out, le, [2]uint32{uint32(len(b)), uint32(offset)})
		offset += len(b)
	}
	for _, b := range images {
		out.Write(b)
	}
	return out.Bytes(), nil
}

var manifestT = template.Must(template.New("manifest").Parse(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<assembly xmlns="urn:schemas-microsoft-com:asm.v1" manifestVersion="1.0">
  <assemblyIdentity type="win32" name="org.example.inreach" version="{{.FileVersion}}" processorArchitecture="amd64"/>
  <description>{{.Name}}</description>
  <trustInfo xmlns="urn:schemas-microsoft-com:asm.v3">
    <security><requestedPrivileges><requestedExecutionLevel level="asInvoker" uiAccess="false"/></requestedPrivileges></security>
  </trustInfo>
  <compatibility xmlns="urn:schemas-microsoft-com:compatibility.v1">
    <application><supportedOS Id="{8e0f7a12-bfb3-4fe8-b9a5-48fd50a15a9a}"/></application>
  </compatibility>
  <application xmlns="urn:schemas-microsoft-com:asm.v3">
    <windowsSettings>
      <dpiAware xmlns="http://schemas.microsoft.com/SMI/2005/WindowsSettings">true/pm</dpiAware>
      <dpiAwareness xmlns="http://schemas.microsoft.com/SMI/2016/WindowsSettings">PerMonitorV2, PerMonitor</dpiAwareness>
      <longPathAware xmlns="http://schemas.microsoft.com/SMI/2016/WindowsSettings">true</longPathAware>
    </windowsSettings>
  </application>
</assembly>
`))

var rcT = template.Must(template.New("rc").Parse(`// Made by tools/winpkg from FyneApp.toml; do not edit.
#include <winver.h>
1 ICON "{{.Icon}}"
1 24 "{{.Manifest}}"
1 VERSIONINFO
FILEVERSION {{.FileVersionCommas}}
PRODUCTVERSION {{.FileVersionCommas}}
FILEFLAGSMASK 0x3fL
FILEFLAGS 0x0L
FILEOS VOS_NT_WINDOWS32
FILETYPE VFT_APP
FILESUBTYPE 0x0L
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "080904b0"
    BEGIN
      VALUE "CompanyName", "{{.Name}}"
      VALUE "FileDescription", "{{.Name}}"
      VALUE "FileVersion", "{{.FileVersion}}"
      VALUE "InternalName", "inreach"
      VALUE "OriginalFilename", "inreach.exe"
      VALUE "ProductName", "{{.Name}}"
      VALUE "ProductVersion", "{{.Version}}"
      VALUE "Comments", "{{.Comment}}"
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x809, 1200
  END
END
`))

// The MSI: per-user (no administrator needed; Intune and Group Policy can
// assign it to users), into %LocalAppData%\Programs\Inreach, with a
// Start-menu shortcut, the icon in Settings > Apps, and MajorUpgrade so a
// newer MSI replaces an older one. The vault is never in the install
// folder (it lives in %AppData%\Inreach), so uninstalling leaves it alone.
var wxsT = template.Must(template.New("wxs").Parse(`<?xml version="1.0" encoding="utf-8"?>
<!-- Made by tools/winpkg from FyneApp.toml; do not edit. -->
<Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
  <Product Id="*" Name="{{.Name}}" Language="2057" Codepage="1252" Version="{{.Version}}"
           Manufacturer="{{.Name}}" UpgradeCode="{{.UpgradeCode}}">
    <Package InstallerVersion="500" Compressed="yes" InstallScope="perUser"
             Description="{{.Name}} {{.Version}}" Comments="{{.Comment}}"/>
    <MajorUpgrade
                  DowngradeErrorMessage="A newer version of {{.Name}} is already installed. Uninstall it first from Settings, Apps."/>
    <Media Id="1" Cabinet="inreach.cab" EmbedCab="yes"/>
    <Icon Id="InreachIcon" SourceFile="{{.Icon}}"/>
    <Property Id="ARPPRODUCTICON" Value="InreachIcon"/>
    <Property Id="ARPURLINFOABOUT" Value="{{.Website}}"/>
    <Property Id="ARPNOMODIFY" Value="1"/>
    <Directory Id="TARGETDIR" Name="SourceDir">
      <Directory Id="LocalAppDataFolder">
        <Directory Id="ProgramsFolder" Name="Programs">
          <Directory Id="INSTALLDIR" Name="Inreach">
            <Component Id="Program" Guid="B6E0F3C2-2D1A-4E55-8C3B-7F4A9D21E0A1">
              <File Id="InreachExe" Name="inreach.exe" Source="{{.Exe}}"/>
              <RegistryValue Root="HKCU" Key="Software\Inreach" Name="Program" Type="integer" Value="1" KeyPath="yes"/>
              <RemoveFolder Id="RemoveINSTALLDIR" On="uninstall"/>
            </Component>
          </Directory>
        </Directory>
      </Directory>
      <Directory Id="ProgramMenuFolder">
        <Component Id="StartMenuShortcut" Guid="4F8D2A61-93C7-4B0E-A5D2-C1E7B3F96A24">
          <Shortcut Id="InreachShortcut" Name="{{.Name}}" Description="{{.Comment}}"
                    Target="[INSTALLDIR]inreach.exe" WorkingDirectory="INSTALLDIR" Icon="InreachIcon"/>
          <RegistryValue Root="HKCU" Key="Software\Inreach" Name="StartMenuShortcut" Type="integer" Value="1" KeyPath="yes"/>
        </Component>
      </Directory>
    </Directory>
    <Feature Id="Inreach" Title="{{.Name}}" Level="1">
      <ComponentRef Id="Program"/>
      <ComponentRef Id="StartMenuShortcut"/>
    </Feature>
  </Product>
</Wix>
`))
