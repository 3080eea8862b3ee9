package localpath

import "testing"

// TestLocalPath keeps redirects on this site, whatever the browser would
// make of the text.
func TestLocalPath(t *testing.T) {
	for _, tc := range []struct {
		next, want string
	}{
		{"/kontor/omgangar/2", "/kontor/omgangar/2"},
		{"/kontor?lage=utkast#x", "/kontor?lage=utkast#x"},
		{"/r/abc", "/r/abc"},
		{"", "/fallback"},
		{"kontor", "/fallback"},
		{"//evil.example", "/fallback"},
		{"/\\evil.example", "/fallback"},
		{"/\t/evil.example", "/fallback"},
		{"/\n/evil.example", "/fallback"},
		{"/ /evil.example", "/fallback"},
		{"https://evil.example/", "/fallback"},
		{"/%2F/evil.example", "/fallback"}, // decodes to //evil.example
		{"///evil.example", "/fallback"},
	} {
		if got := Or(tc.next, "/fallback"); got != tc.want {
			t.Errorf("Or(%q) = %q, want %q", tc.next, got, tc.want)
		}
	}
}
