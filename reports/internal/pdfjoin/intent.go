package pdfjoin

import (
	_ "embed"
	"fmt"
)

// srgbProfile is the sRGB profile of the International Color Consortium
// (icc/README.md gives its source and licence). Every colour the reports
// draw is DeviceRGB or DeviceGray, which PDF/A allows only with an output
// intent whose profile is RGB.
//
//go:embed icc/sRGB2014.icc
var srgbProfile []byte

// outputIntent writes the sRGB profile and returns the catalog's
// /OutputIntents entry for it.
func (j *Joiner) outputIntent() ([]byte, error) {
	n := j.alloc()
	if err := j.object(n, fmt.Appendf(nil, "<</N 3 /Alternate /DeviceRGB /Length %d>>", len(srgbProfile)), srgbProfile); err != nil {
		return nil, err
	}
	return fmt.Appendf(nil, "/OutputIntents [<</Type /OutputIntent /S /GTS_PDFA1 "+
		"/OutputConditionIdentifier (sRGB IEC61966-2.1) /RegistryName (http://www.color.org) "+
		"/Info (sRGB IEC61966-2.1) /DestOutputProfile %d 0 R>>]\n", n), nil
}
