/* Test harness only: wine 8.0 has no ProcessPrng in bcryptprimitives.dll,
 * which Go 1.26 programs need to start. This DLL exports it through
 * RtlGenRandom (SystemFunction036). Real Windows (10 and later) has its own
 * bcryptprimitives.dll; this file is never shipped. */
#include <windows.h>
#include <ntsecapi.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
		if (!RtlGenRandom(data, n))
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
