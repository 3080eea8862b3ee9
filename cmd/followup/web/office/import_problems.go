package office

import (
	"regexp"

	"followup/cmd/followup/web/i18n"
)

// The domain refuses an import file with one English line per problem
// ("line 4: kind must be förvaltning, bolag or förbund"). For a Swedish page
// the known lines are put into Swedish through the catalog; a line that
// matches no rule is shown as it is, so nothing is ever hidden.

type dpProblemRule struct {
	re  *regexp.Regexp
	key string
}

// dpProblemPlaces are the places a problem line starts with.
var dpProblemPlaces = []dpProblemRule{
	{regexp.MustCompile(`^line (\d+), column (\d+): `), "departments.problem.at_line_column"},
	{regexp.MustCompile(`^line (\d+): `), "departments.problem.at_line"},
	{regexp.MustCompile(`^sheet (\S+), row (\d+): `), "departments.problem.at_sheet_row"},
	{regexp.MustCompile(`^sheet (\S+): `), "departments.problem.at_sheet"},
	{regexp.MustCompile(`^((?:areas\[\d+\](?:\.activities\[\d+\])?\.\w+)|statuses\[\d+\]\.\w+|organisation|title|year|areas|statuses): `), "departments.problem.at_path"},
	{regexp.MustCompile(`^(Område|Aktivitet|Beskrivning|Svarande|Organisation|Titel|År): `), "departments.problem.at_column"},
}

// dpProblemTexts are the problems themselves.
var dpProblemTexts = []dpProblemRule{
	{regexp.MustCompile(`^name is empty$`), "departments.problem.name_empty"},
	{regexp.MustCompile(`^kind must be förvaltning, bolag or förbund$`), "departments.problem.kind"},
	{regexp.MustCompile(`^email (?:".*" )?is not an e-mail address$`), "departments.problem.email"},
	{regexp.MustCompile(`^(?:name|kind|email) is too long$`), "departments.problem.too_long"},
	{regexp.MustCompile(`^(?:name|kind|email|) ?holds control characters$`), "departments.problem.control"},
	{regexp.MustCompile(`^(?:name|kind|email|) ?is not valid UTF-8$`), "departments.problem.encoding"},
	{regexp.MustCompile(`^"(.*)" already appears on line (\d+)$`), "departments.problem.duplicate"},
	{regexp.MustCompile(`^the header must name the columns name,kind,email; "(\w+)" is missing$`), "departments.problem.header"},
	{regexp.MustCompile(`^the file is empty$`), "departments.problem.empty"},
	{regexp.MustCompile(`^the file is not valid CSV: (.*)$`), "departments.problem.csv"},
	{regexp.MustCompile(`^the file is an old Excel file \(\.xls\); save it as \.xlsx or CSV$`), "departments.problem.xls"},
	{regexp.MustCompile(`^the file is not a readable Excel workbook \(\.xlsx\)$`), "departments.problem.xlsx"},
	{regexp.MustCompile(`^the sheet "(.*)" cannot be read$`), "departments.problem.sheet"},
	{regexp.MustCompile(`^is empty$`), "departments.problem.is_empty"},
	{regexp.MustCompile(`^(Område|Aktivitet) is empty$`), "departments.problem.column_empty"},
	{regexp.MustCompile(`^is too long$`), "departments.problem.too_long"},
	{regexp.MustCompile(`^must be a year such as (\d+), not (-?\d+)$`), "departments.problem.year"},
	{regexp.MustCompile(`^År must be a year such as (\d+), not "(.*)"$`), "departments.problem.year_text"},
	{regexp.MustCompile(`^the plan has no areas$`), "departments.problem.no_areas"},
	{regexp.MustCompile(`^the area "(.*)" appears twice$`), "departments.problem.area_twice"},
	{regexp.MustCompile(`^the activity "(.*)" appears twice in area "(.*)"$`), "departments.problem.activity_twice"},
	{regexp.MustCompile(`^must be "all" or name at least one department$`), "departments.problem.respondents"},
	{regexp.MustCompile(`^unknown department "(.*)"$`), "departments.problem.unknown_department"},
	{regexp.MustCompile(`^write either alla or department names, not both$`), "departments.problem.all_and_names"},
	{regexp.MustCompile(`^no row names the columns Område, Aktivitet, Beskrivning and Svarande$`), "departments.problem.plan_header"},
	{regexp.MustCompile(`^the column Svarande is missing$`), "departments.problem.no_respondents_column"},
	{regexp.MustCompile(`^the workbook has no sheet "(.*)"$`), "departments.problem.no_sheet"},
	{regexp.MustCompile(`^malformed JSON: (.*)$`), "departments.problem.json"},
	{regexp.MustCompile(`^field "(.*)" must be (.*)$`), "departments.problem.json_type"},
	{regexp.MustCompile(`^unknown field "(.*)"$`), "departments.problem.json_field"},
	{regexp.MustCompile(`^the file ends before the plan is complete$`), "departments.problem.json_end"},
	{regexp.MustCompile(`^unexpected data after the plan$`), "departments.problem.json_after"},
	{regexp.MustCompile(`^names a status twice$`), "departments.problem.status_twice"},
	{regexp.MustCompile(`^must be a colour such as "(.*)"$`), "departments.problem.colour"},
	{regexp.MustCompile(`^a done status cannot also carry over or be not applicable$`), "departments.problem.status_flags"},
	{regexp.MustCompile(`^no status counts as done$`), "departments.problem.no_done"},
	{regexp.MustCompile(`^the scale is empty$`), "departments.problem.scale_empty"},
}

// dpTranslateProblems puts the problem lines of a refused file into the
// page's language.
func dpTranslateProblems(l *i18n.Localizer, lines []string) []string {
	if l.Lang != i18n.Swedish {
		return lines
	}
	out := make([]string, len(lines))
	for i, line := range lines {
		out[i] = dpTranslateProblem(l, line)
	}
	return out
}

func dpTranslateProblem(l *i18n.Localizer, line string) string {
	place := ""
	rest := line
	for progress := true; progress; {
		progress = false
		for _, r := range dpProblemPlaces {
			if m := r.re.FindStringSubmatch(rest); m != nil {
				place += l.T(r.key, dpArgs(m[1:])...)
				rest = rest[len(m[0]):]
				progress = true
				break
			}
		}
	}
	for _, r := range dpProblemTexts {
		if m := r.re.FindStringSubmatch(rest); m != nil {
			return place + l.T(r.key, dpArgs(m[1:])...)
		}
	}
	return place + rest
}

func dpArgs(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}
