package demo

import (
	"fmt"
	"strings"
	"unicode"
)

// systems names each department's most important system, in the order of
// departments, so that what a department writes is about its own work.
var systems = []string{
	"lärplattformen",
	"verksamhetssystemet för hemtjänsten",
	"bygglovssystemet",
	"bokningssystemet för lokaler",
	"driftövervakningen",
	"hyresgästregistret",
	"styrsystemet i vattenverket",
	"larmkedjan",
}

// activityComments holds, for each activity of the demo plan in order, what
// departments write about it when it is done and while it is under way; %s
// stands for the department's own system.
var activityComments = []struct{ done, underway []string }{
	{ // Riskanalys av kritisk information
		done:     []string{"Vi analyserade %s och två andra tillgångar. Åtgärdslistan är beslutad i ledningsgruppen.", "Analysen av %s visade två höga risker; båda har fått en ansvarig och ett datum."},
		underway: []string{"Två av tre tillgångar är analyserade; %s återstår och tas i januari.", "Vi har valt ut %s men väntar på att systemförvaltaren ska kunna vara med på workshopen."},
	},
	{ // Klassning av ett verksamhetssystem
		done:     []string{"%s är klassat tillsammans med nätverket. Resultatet ger nya krav på behörigheter.", "Klassningen av %s är klar; tillgängligheten bedömdes som mest kritisk."},
		underway: []string{"Klassningen av %s är påbörjad men pausades under sommaren.", "Vi har bedömt konfidentialitet och riktighet för %s; tillgängligheten tar vi på nästa möte."},
	},
	{ // Kontinuitetsplan för en verksamhetskritisk tjänst
		done:     []string{"Planen för hur vi arbetar utan %s är klar och övad med två arbetslag.", "Vi har en plan för ett längre avbrott i %s, med utskrivna rutiner på varje enhet."},
		underway: []string{"Ett utkast till plan för avbrott i %s finns och ska stämmas av med cheferna.", "Vi har kartlagt vad som hänger på %s men inte skrivit själva planen ännu."},
	},
	{ // Översyn av registerförteckningen
		done:     []string{"Förteckningen är genomgången med dataskyddssamordnaren; behandlingarna i %s är nu beskrivna för första gången.", "Vi har uppdaterat alla behandlingar och lagt in gallringsfrister som saknades."},
		underway: []string{"Ungefär hälften av behandlingarna är genomgångna; de i %s väntar på leverantörens underlag.", "Dataskyddssamordnarna stöttar oss och vi går igenom en enhet i taget."},
	},
	{ // Rutin för personuppgiftsincidenter
		done:     []string{"Rutinen är presenterad på alla arbetsplatsträffar och finns på intranätets startsida.", "Alla chefer har fått rutinen, och vi övade den med ett påhittat fel i %s."},
		underway: []string{"Rutinen är känd av cheferna men ännu inte av alla medarbetare.", "Vi anpassar rutinen så att den också gäller de entreprenörer som arbetar i %s."},
	},
	{ // Information till ledningsgrupper
		done:     []string{"Samordnarna besökte ledningsgruppen i oktober; frågan om %s i molnet togs vidare.", "Genomgången är gjord och ligger i vårt årshjul varje höst."},
		underway: []string{"Besöket är bokat till ledningsgruppens möte i december.", "En första genomgång är gjord; styrdokumenten tar vi vid nästa besök."},
	},
	{ // Utbildning för nämnder och styrelser
		done:     []string{"Ledamöterna fick utbildningen på strategidagen i september.", "Vi gick igenom ansvaret för informationssäkerhet på sammanträdet i oktober, med %s som exempel."},
		underway: []string{"Utbildningen är inplanerad till sammanträdet i februari.", "Presidiet har fått materialet; alla ledamöter får det efter årsskiftet."},
	},
	{ // Grundutbildning för alla medarbetare
		done:     []string{"Alla tillsvidareanställda har gått utbildningen; nyanställda gör den under introduktionen.", "96 procent har gått utbildningen, och de som arbetar i %s har fått ett extra pass om behörigheter."},
		underway: []string{"Ungefär sju av tio har gått utbildningen. Timvikarierna är svårast att nå.", "Vi påminner vid medarbetarsamtalen och räknar med att vara klara i mars."},
	},
	{ // Säkerhetskrav i upphandlingar
		done:     []string{"Kraven användes när vi upphandlade support för %s och avgjorde valet av leverantör.", "Säkerhetskraven finns nu i vår checklista för alla upphandlingar av IT-stöd."},
		underway: []string{"Vi använder kravmallen men behöver stöd att bedöma leverantörernas svar.", "Kraven finns med i den pågående upphandlingen av %s; utvärderingen är inte klar."},
	},
	{ // Övning i att hantera ett längre IT-avbrott
		done:     []string{"Vi deltog i övningen i oktober. Det svåraste var att nå personal utan e-post.", "Övningen visade att vi behöver utskrivna kontaktlistor och en reservrutin för %s."},
		underway: []string{"Bara en del av ledningen kunde vara med på övningsdagen; resten övar i vår.", "En egen övning för enhetscheferna om avbrott i %s planeras till våren."},
	},
	{ // Tvåfaktorsautentisering för fjärråtkomst
		done:     []string{"Tvåfaktorsinloggning gäller nu för all fjärråtkomst, även för leverantörer."},
		underway: []string{"Lösningen används av IT-avdelningen och en pilotgrupp på 40 personer."},
	},
	{ // Granskning av administratörsbehörigheter
		done:     []string{"Alla administratörskonton är granskade och 31 onödiga behörigheter borttagna."},
		underway: []string{"Serverkontona är granskade; databaskontona återstår."},
	},
	{ // Redundant serverhall
		done:     []string{"Den andra serverhallen är i drift och de kritiska systemen speglas dit."},
		underway: []string{"Utrustningen är installerad; förbindelsen mellan hallarna testas i januari."},
	},
	{ // Behörighetsgranskning i verksamhetssystem
		done:     []string{"Behörigheterna i %s är genomgångna och 18 konton avslutade.", "Vi granskade %s tillsammans med systemförvaltaren och dokumenterade resultatet."},
		underway: []string{"Vi har fått ut listan över behörigheter i %s men inte hunnit gå igenom den.", "Leverantören tar fram en rapport över inaktiva konton i %s; sedan granskar vi."},
	},
	{ // Säkerhetskopiering och återläsningstest
		done:     []string{"Återläsning av %s testades i november och tog fyra timmar.", "Testet gick som väntat; vi skrev ner hur lång tid varje steg tog."},
		underway: []string{"Testet av %s har skjutits upp två gånger på grund av driftstörningar.", "Rutinen finns; själva återläsningstestet av %s görs i januari."},
	},
}

// statusComments holds, per status position of the default scale, what
// departments write when the status says it all whatever the activity: not
// started (0), moved to next year (4) and not applicable (5).
var statusComments = map[int][]string{
	0: {"Vi har inte kunnat börja på grund av vakanser; arbetet startar under våren.", "Inte påbörjat. Vi behöver stöd från samordnarna för att komma igång.", "Vi har prioriterat bytet av %s under hösten och börjar efter årsskiftet."},
	4: {"Vi avvaktar den gemensamma mallen och tar upp arbetet nästa år.", "Omorganisationen gör att vi flyttar arbetet till nästa år.", "Bytet av %s tar våra resurser i år; aktiviteten flyttas till nästa års plan."},
	5: {"Inte aktuellt för oss: vi använder inte systemet.", "Gäller inte oss; förbundets huvudman ansvarar för detta.", "Aktiviteten hanteras av kommunens IT-avdelning för vår räkning."},
}

// commentFor picks what a department writes about an activity: activity is
// its position in the plan, department the department's position among
// the demo's departments.
func commentFor(activity, department, status int) string {
	list, ok := statusComments[status]
	if !ok {
		c := activityComments[activity%len(activityComments)]
		list = c.underway
		if status == 3 {
			list = c.done
		}
	}
	text := list[(activity+department)%len(list)]
	if !strings.HasPrefix(text, "%s") {
		return strings.ReplaceAll(text, "%s", systems[department%len(systems)])
	}
	// A sentence that starts with the system starts with a capital letter.
	system := []rune(systems[department%len(systems)])
	system[0] = unicode.ToUpper(system[0])
	return fmt.Sprintf(text, string(system))
}
