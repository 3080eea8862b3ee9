package i18n

import (
	"fmt"

	"followup/forms"
)

func commonTexts() map[string]text {
	return map[string]text{
		"app.name":           {"Uppföljning", "Follow-up"},
		"app.tagline":        {"Uppföljning av handlingsplanen för informationssäkerhet och dataskydd", "Follow-up of the action plan for information security and data protection"},
		"nav.skip":           {"Hoppa till innehållet", "Skip to content"},
		"nav.language":       {"Språk", "Language"},
		"nav.lang.sv":        {"Svenska", "Svenska"},
		"nav.lang.en":        {"English", "English"},
		"nav.main":           {"Huvudmeny", "Main menu"},
		"lang.offer_text":    {"Tjänsten är på svenska. Den finns också på engelska.", "This service is in Swedish. It is also available in English."},
		"lang.offer_english": {"På engelska", "In English"},
		"lang.offer_swedish": {"Fortsätt på svenska", "Continue in Swedish"},
		// The counting rule in words (counting.go), and the words of an
		// answer without a status, as in the reports.
		"count.rule":            {"Bara inlämnade svar räknas. Utkast och återsända svar visas markerade men räknas inte förrän de skickas in.", "Only submitted answers count. Drafts and returned responses are shown marked but do not count until they are submitted."},
		"count.submitted":       {"%d av %d har lämnat in", "%d of %d have submitted"},
		"count.submitted_one":   {"%d av %d har lämnat in", "%d of %d has submitted"},
		"count.drafts":          {"%d utkast", "%d drafts"},
		"count.drafts_one":      {"%d utkast", "%d draft"},
		"count.returned":        {"%d återsända svar", "%d returned responses"},
		"count.returned_one":    {"%d återsänt svar", "%d returned response"},
		"count.and":             {" och ", " and "},
		"count.not_counted":     {"räknas inte", "do not count"},
		"count.not_counted_one": {"räknas inte", "does not count"},
		"count.not_started":     {"%d har inte börjat", "%d have not started"},
		"count.not_started_one": {"%d har inte börjat", "%d has not started"},
		"common.deadline":       {"Sista dag", "Deadline"},
		"common.yes":            {"Ja", "Yes"},
		"common.no":             {"Nej", "No"},
		"common.none":           {"–", "–"},
		"round.state.draft":     {"Utkast", "Draft"},
		"round.state.open":      {"Öppen", "Open"},
		"round.state.closed":    {"Stängd", "Closed"},
		"home.title":            {"Uppföljning", "Follow-up"},
		"home.lead":             {"Här följer kommunen upp sin handlingsplan för informationssäkerhet och dataskydd tillsammans med förvaltningar, bolag och förbund.", "Here the municipality follows up its action plan for information security and data protection with its departments, companies and federations."},
		"home.respondents":      {"Har du fått en länk till ett frågeformulär? Öppna länken från e-postmeddelandet; den leder direkt till er verksamhets formulär.", "Have you received a link to a questionnaire? Open the link from the e-mail; it leads straight to your organisation's form."},
		"home.office":           {"Samordnare och läsare loggar in för att se sammanställningar och rapporter.", "Coordinators and readers sign in to see summaries and reports."},
		"home.signin":           {"Logga in", "Sign in"},
	}
}

func errorTexts() map[string]text {
	return map[string]text{
		"error.page_title":            {"Något gick fel", "Something went wrong"},
		"error.request_id":            {"Ange gärna referensen %s om du kontaktar oss.", "Please quote reference %s if you contact us."},
		"error.back_home":             {"Till startsidan", "To the start page"},
		"error.code.invalid":          {"Uppgifterna kunde inte sparas. Rätta det som är markerat och försök igen.", "The information could not be saved. Correct what is marked and try again."},
		"error.code.not_found":        {"Sidan finns inte. Kontrollera att du har kopierat hela länken från e-postmeddelandet.", "The page does not exist. Check that you copied the whole link from the e-mail."},
		"error.code.conflict":         {"Någon annan ändrade samma uppgifter samtidigt. Inget har gått förlorat – se markeringarna och spara igen.", "Someone else changed the same information at the same time. Nothing is lost – see the marks and save again."},
		"error.code.forbidden":        {"Du har inte behörighet att göra detta.", "You are not allowed to do this."},
		"error.code.unauthorized":     {"Du behöver logga in för att se sidan.", "You need to sign in to see this page."},
		"error.code.closed":           {"Omgången är stängd eller sista dagen har passerat. Svaren kan läsas men inte ändras. Kontakta samordnaren om något behöver kompletteras.", "The round is closed or its deadline has passed. The answers can be read but not changed. Contact the coordinator if something needs to be completed."},
		"error.code.submitted":        {"Svaren är redan inlämnade. De kan läsas men inte ändras.", "The answers have already been submitted. They can be read but not changed."},
		"error.code.too_large":        {"Det som skickades var för stort. Korta texterna eller dela upp filen och försök igen.", "What was sent is too large. Shorten the texts or split the file and try again."},
		"error.code.busy":             {"Systemet är hårt belastat just nu. Vänta en stund och försök igen – inget av det du skrivit har gått förlorat.", "The system is very busy right now. Wait a moment and try again – nothing you wrote is lost."},
		"error.code.rate_limited":     {"För många försök på kort tid. Vänta en minut och försök igen.", "Too many attempts in a short time. Wait a minute and try again."},
		"error.code.internal":         {"Ett oväntat fel inträffade. Försök igen om en stund.", "An unexpected error occurred. Try again in a moment."},
		"error.required":              {"Fyll i fältet.", "Fill in this field."},
		"error.text_encoding":         {"Texten innehåller ogiltiga tecken.", "The text contains invalid characters."},
		"error.text_control":          {"Texten innehåller otillåtna styrtecken.", "The text contains control characters that are not allowed."},
		"error.text_bidi":             {"Texten innehåller osynliga tecken som vänder skrivriktningen (till exempel U+202E). Skriv texten utan dem.", "The text contains invisible characters that reverse the writing direction (such as U+202E). Write it without them."},
		"error.text_too_long_max":     {"Texten är för lång (högst %s tecken).", "The text is too long (at most %s characters)."},
		"error.text_too_long":         {"Texten är för lång (högst 10 000 tecken).", "The text is too long (at most 10,000 characters)."},
		"error.unknown_status":        {"Välj en status från listan.", "Choose a status from the list."},
		"error.unknown_activity":      {"Aktiviteten ingår inte i ert formulär.", "The activity is not part of your form."},
		"error.status_required":       {"Välj en status.", "Choose a status."},
		"error.comment_required":      {"Den valda statusen kräver en kommentar.", "The chosen status requires a comment."},
		"error.filled_in_by_required": {"Skriv ditt namn.", "Write your name."},
		"error.too_many_areas":        {fmt.Sprintf("En plan kan ha högst %d områden.", forms.MaxAreas), fmt.Sprintf("A plan can have at most %d areas.", forms.MaxAreas)},
		"error.too_many_activities":   {fmt.Sprintf("En plan kan ha högst %d aktiviteter.", forms.MaxActivities), fmt.Sprintf("A plan can have at most %d activities.", forms.MaxActivities)},
		"error.too_many_departments":  {fmt.Sprintf("Registret kan ha högst %s verksamheter, aktiva och inaktiva.", thousands(forms.MaxDepartments, "\u00a0")), fmt.Sprintf("The register can hold at most %s organisations, active or not.", thousands(forms.MaxDepartments, ","))},
		"error.placeholder":           {"Texten har en platshållare som inte finns. Använd bara platshållarna i listan.", "The text has a placeholder that does not exist. Use only the placeholders in the list."},
		"error.schedule":              {fmt.Sprintf("Skriv dagar före eller efter sista dagen, som -7, -2, +1: från %d till +%d, inte 0.", forms.EarliestReminderDay, forms.LatestReminderDay), fmt.Sprintf("Write days before or after the deadline, such as -7, -2, +1: from %d to +%d, not 0.", forms.EarliestReminderDay, forms.LatestReminderDay)},
		"error.schedule_too_many":     {fmt.Sprintf("Högst %d påminnelser.", forms.MaxReminders), fmt.Sprintf("At most %d reminders.", forms.MaxReminders)},
		"error.too_many_contacts":     {fmt.Sprintf("Högst %d e-postadresser per verksamhet.", forms.MaxContacts), fmt.Sprintf("At most %d e-mail addresses per organisation.", forms.MaxContacts)},
		"error.paper":                 {"Välj ett pappersformat i listan.", "Choose a paper format from the list."},
		"error.department_kind":       {"Välj förvaltning, bolag eller förbund.", "Choose department, company or federation."},
		"error.email":                 {"Skriv en giltig e-postadress.", "Write a valid e-mail address."},
		"error.date":                  {"Skriv datumet som ÅÅÅÅ-MM-DD.", "Write the date as YYYY-MM-DD."},
		"error.round_kind":            {"Välj delårsrapport eller årsredovisning.", "Choose interim or annual report."},
		"error.duplicate":             {"Namnet finns redan.", "The name is already taken."},
		"error.color":                 {"Ange en färg som #1e8449.", "Give a colour such as #1e8449."},
		"error.status_flags":          {"En status som räknas som genomförd kan inte också flyttas eller vara ej aktuell.", "A done status cannot also carry over or be not applicable."},
		"error.scale_empty":           {"Skalan behöver minst en status.", "The scale needs at least one status."},
		"error.scale_no_done":         {"Minst en status ska räknas som genomförd.", "At least one status must count as done."},
	}
}
