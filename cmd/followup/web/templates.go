package web

import "followup/forms"

var notFound = &forms.Error{Code: forms.ENOTFOUND, Message: "not found"}
