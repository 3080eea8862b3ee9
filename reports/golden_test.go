package reports

import "flag"

// update rewrites the golden files in testdata instead of comparing with
// them: go test ./reports/ -update, then read the diff before committing.
var update = flag.Bool("update", false, "rewrite the golden files in testdata")
