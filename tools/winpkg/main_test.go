package main

import (
	"bytes"
	"encoding/binary"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestTheVersionComesFromFyneAppTomlAndMSIRulesAreKept(t *testing.T) {
	info, err := readApp("../../FyneApp.toml")
	require.NoError(t, err)
	m, err := metaOf(info)
	require.NoError(t, err)
	require.Equal(t, info.Details.Version, m.Version)
	require.Equal(t, info.Details.Version+"."+strconv.Itoa(info.Details.Build), m.FileVersion)
	require.Equal(t, strings.ReplaceAll(m.FileVersion, ".", ","), m.FileVersionCommas)

	for _, bad := range []string{"1.0", "1.0.0.0", "256.0.0", "1.x.0", "01.0.0", "1.0.65536", ""} {
		info.Details.Version = bad
		_, err := metaOf(info)
		require.Error(t, err, "version %q", bad)
	}
	info.Details.Version = "255.255.65535"
	_, err = metaOf(info)
	require.NoError(t, err)
}

func TestTheIconHoldsEverySizeAsAPNG(t *testing.T) {
	b, err := makeICO("../../assets/icon.png")
	require.NoError(t, err)
	le := binary.LittleEndian
	require.Equal(t, uint16(0), le.Uint16(b[0:]))
	require.Equal(t, uint16(1), le.Uint16(b[2:]), "type icon")
	require.Equal(t, len(iconSizes), int(le.Uint16(b[4:])))
	end := 6 + 16*len(iconSizes)
	for i, s := range iconSizes {
		e := b[6+16*i:]
		size, off := le.Uint32(e[8:]), le.Uint32(e[12:])
		require.Equal(t, uint32(end), off, "images follow each other")
		img, err := png.Decode(bytes.NewReader(b[off : off+size]))
		require.NoError(t, err)
		require.Equal(t, s, img.Bounds().Dx())
		require.Equal(t, s, img.Bounds().Dy())
		want := byte(s)
		if s == 256 {
			want = 0
		}
		require.Equal(t, want, e[0])
		end += int(size)
	}
	require.Equal(t, len(b), end, "nothing after the last image")
}

func TestRunWritesTheResourceScriptAndTheMSISource(t *testing.T) {
	out := t.TempDir()
	require.NoError(t, run("../../FyneApp.toml", out, filepath.Join(out, "..", "inreach.exe"), ""))
	info, err := readApp("../../FyneApp.toml")
	require.NoError(t, err)
	m, err := metaOf(info)
	require.NoError(t, err)
	rc, err := os.ReadFile(filepath.Join(out, "inreach.rc"))
	require.NoError(t, err)
	require.Contains(t, string(rc), `1 ICON "inreach.ico"`)
	require.Contains(t, string(rc), "FILEVERSION "+m.FileVersionCommas)
	wxs, err := os.ReadFile(filepath.Join(out, "Inreach.wxs"))
	require.NoError(t, err)
	for _, want := range []string{`InstallScope="perUser"`, `UpgradeCode="` + UpgradeCode + `"`, `<MajorUpgrade`,
		`Version="` + m.Version + `"`, `Source="../inreach.exe"`, `Icon="InreachIcon"`, `SourceFile="inreach.ico"`, `ProgramMenuFolder`} {
		require.Contains(t, string(wxs), want)
	}
	require.NotContains(t, string(wxs), `Id="AppDataFolder"`, "the install folder is never where the vault lives (%AppData%)")
}

func TestANewerVersionCanBeAskedForAndIsChecked(t *testing.T) {
	out := t.TempDir()
	require.NoError(t, run("../../FyneApp.toml", out, filepath.Join(out, "inreach.exe"), "7.8.9"))
	wxs, err := os.ReadFile(filepath.Join(out, "Inreach.wxs"))
	require.NoError(t, err)
	require.Contains(t, string(wxs), `Version="7.8.9"`)
	require.Error(t, run("../../FyneApp.toml", out, filepath.Join(out, "inreach.exe"), "7.8"))
}
