package i18n

// apiTexts holds the texts of the office's JSON API: the field messages its
// errors give (see docs/api.md).
func apiTexts() map[string]text {
	return map[string]text{
		"api.error.malformed_json":      {"Innehållet är inte giltig JSON.", "The body is not valid JSON."},
		"api.error.empty_body":          {"Innehållet saknas; skicka ett JSON-objekt.", "The body is missing; send a JSON object."},
		"api.error.unknown_field":       {"Fältet finns inte i API:et.", "The field is not part of the API."},
		"api.error.wrong_type":          {"Fältet har ett värde av fel typ.", "The field has a value of the wrong type."},
		"api.error.unknown_plan":        {"Planen finns inte.", "The plan does not exist."},
		"api.error.unknown_department":  {"Minst en av verksamheterna finns inte.", "At least one of the departments does not exist."},
		"api.error.round_not_opened":    {"Omgången har aldrig öppnats och kan inte stängas.", "The round was never opened and cannot be closed."},
		"api.error.not_submitted":       {"Bara inlämnade svar kan återsändas för komplettering.", "Only submitted answers can be returned for completion."},
		"api.error.stale_consolidation": {"Sammanställningen har sparats av någon annan sedan du hämtade den. Hämta den igen och spara på nytt.", "Someone else has saved the consolidation since you fetched it. Fetch it again and save anew."},
		"api.error.stale_settings":      {"Rapportinställningarna har sparats av någon annan sedan du hämtade dem. Hämta dem igen och spara på nytt.", "Someone else has saved the report settings since you fetched them. Fetch them again and save anew."},
		"api.error.stale_text":          {"Texten har sparats av någon annan sedan du hämtade den. Hämta den igen och spara på nytt.", "Someone else has saved the text since you fetched it. Fetch it again and save anew."},
	}
}
