// Package archtest holds the tests that keep the layout of the code as
// docs/architecture.md describes it: which package may depend on which.
// It has no code of its own.
package archtest
