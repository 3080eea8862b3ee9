// Package archtest holds the tests that keep the layout of the code as
// docs/architecture.md describes it: which package may depend on which,
// that errors reach people only through the web layer's shared core, and
// how long a file and a function may be. It has no code of its own.
package archtest
