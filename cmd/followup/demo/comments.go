package demo

// activityComments holds, for each activity of the demo plan in order, what
// departments write about it when it is done and while it is under way, so
// that different activities and departments read differently.
var activityComments = []struct{ done, underway []string }{
	{ // Riskanalys av kritisk information
		done:     []string{"Vi analyserade elevregistret, schemaläggningen och lärplattformen. Åtgärdslistan är beslutad i ledningsgruppen.", "Analysen omfattade journalsystemet och larmkedjan. Två risker bedömdes som höga och har fått ansvariga."},
		underway: []string{"Två av tre tillgångar är analyserade; bygglovsarkivet återstår och tas i januari.", "Vi har valt ut tillgångarna men väntar på att systemförvaltaren ska kunna delta i workshopen."},
	},
	{ // Klassning av ett verksamhetssystem
		done:     []string{"Ekonomisystemet är klassat tillsammans med nätverket. Resultatet ligger till grund för nya behörighetskrav.", "Hyresgästregistret är klassat; tillgängligheten bedömdes som mest kritisk."},
		underway: []string{"Klassningen av bokningssystemet är påbörjad men pausad under sommaren.", "Vi har gått igenom konfidentialitet och riktighet; tillgänglighet tar vi på nästa möte."},
	},
	{ // Kontinuitetsplan för en verksamhetskritisk tjänst
		done:     []string{"Planen för hemtjänstens planering vid IT-avbrott är klar och övad med två arbetslag.", "Vi har en plan för utryckning utan verksamhetssystemet, med papperskort i varje fordon."},
		underway: []string{"Ett utkast till plan för skolmåltiderna finns; det ska stämmas av med kostenheten.", "Vi har kartlagt beroendena men inte skrivit själva planen ännu."},
	},
	{ // Översyn av registerförteckningen
		done:     []string{"Förteckningen är genomgången med dataskyddssamordnaren; fyra behandlingar är nya och två borttagna.", "Vi har uppdaterat alla behandlingar och lagt in gallringsfrister som saknades."},
		underway: []string{"Ungefär hälften av behandlingarna är genomgångna. Resten väntar på att vi bytt ärendesystem.", "Vi har fått stöd av dataskyddssamordnarna och går igenom en enhet i taget."},
	},
	{ // Rutin för personuppgiftsincidenter
		done:     []string{"Rutinen är presenterad på arbetsplatsträffar och finns på intranätets startsida.", "Alla chefer har fått rutinen och vi har haft en övning med ett påhittat felskick av e-post."},
		underway: []string{"Rutinen är känd hos cheferna men ännu inte hos alla medarbetare.", "Vi håller på att anpassa rutinen till våra entreprenörer."},
	},
	{ // Information till ledningsgrupper
		done:     []string{"Samordnarna besökte ledningsgruppen i oktober; frågorna om molntjänster togs vidare.", "Genomgången är gjord och återkommer i vårt årshjul varje höst."},
		underway: []string{"Besöket är bokat till ledningsgruppens möte i december.", "En första genomgång är gjord; uppföljningen om styrdokumenten återstår."},
	},
	{ // Utbildning för nämnder och styrelser
		done:     []string{"Styrelsen fick utbildningen i samband med strategidagen.", "Nämnden har gått igenom sitt ansvar för informationssäkerhet på sammanträdet i september."},
		underway: []string{"Utbildningen är inplanerad till nämndens sammanträde i februari.", "Presidiet har fått materialet; hela nämnden tar det efter årsskiftet."},
	},
	{ // Grundutbildning för alla medarbetare
		done:     []string{"Alla tillsvidareanställda har gått utbildningen; nyanställda gör den under introduktionen.", "96 procent har genomfört utbildningen. Resten är långtidsfrånvarande."},
		underway: []string{"Ungefär sju av tio har gått utbildningen. Timvikarierna är svårast att nå.", "Vi påminner i samband med medarbetarsamtalen och räknar med att vara klara i mars."},
	},
	{ // Säkerhetskrav i upphandlingar
		done:     []string{"Kraven användes i upphandlingen av det nya bokningssystemet och påverkade valet av leverantör.", "Säkerhetskraven ingår nu i vår checklista för alla IT-upphandlingar."},
		underway: []string{"Vi har börjat använda kravmallen men behöver stöd att bedöma leverantörernas svar.", "Kraven finns med i pågående upphandling av ärendesystem; utvärderingen är inte klar."},
	},
	{ // Övning i att hantera ett längre IT-avbrott
		done:     []string{"Vi deltog i övningen i oktober. Det största problemet var att nå personal utan e-post.", "Övningen genomfördes med krisledningen och visade att vi behöver fler utskrivna kontaktlistor."},
		underway: []string{"Vi deltog i planeringen men bara delar av ledningen kunde vara med på övningsdagen.", "En egen uppföljande övning för enhetscheferna planeras till våren."},
	},
	{ // Tvåfaktorsautentisering för fjärråtkomst
		done:     []string{"Tvåfaktorsinloggning gäller nu för all fjärråtkomst, även för leverantörer."},
		underway: []string{"Lösningen är i drift för IT-avdelningen och en pilotgrupp på 40 personer."},
	},
	{ // Granskning av administratörsbehörigheter
		done:     []string{"Alla administratörskonton är granskade; 31 onödiga behörigheter är borttagna."},
		underway: []string{"Serverkontona är granskade, databaskontona återstår."},
	},
	{ // Redundant serverhall
		done:     []string{"Den andra serverhallen är i drift och de kritiska systemen speglas dit."},
		underway: []string{"Utrustningen är installerad; nätverket mellan hallarna testas i januari."},
	},
	{ // Behörighetsgranskning i verksamhetssystem
		done:     []string{"Behörigheterna i vårt största system är genomgångna och 18 konton avslutade.", "Granskningen är gjord tillsammans med systemförvaltaren och dokumenterad."},
		underway: []string{"Vi har fått ut listan över behörigheter men inte hunnit gå igenom den.", "Leverantören ska ta fram en rapport över inaktiva konton, därefter granskar vi."},
	},
	{ // Säkerhetskopiering och återläsningstest
		done:     []string{"Återläsning av driftövervakningen testades i november och tog fyra timmar.", "Testet av ekonomisystemet gick bra; vi dokumenterade hur lång tid varje steg tog."},
		underway: []string{"Testet är planerat men har skjutits upp två gånger på grund av driftstörningar.", "Vi har rutinen på plats; själva återläsningstestet görs i januari."},
	},
}

// statusComments holds, per status position of the default scale, what
// departments write when a status says it all whatever the activity: not
// started (0), moved to next year (4) and not applicable (5).
var statusComments = map[int][]string{
	0: {"Vi har inte kunnat börja på grund av vakanser; arbetet startar under våren.", "Inte påbörjat. Vi behöver stöd från samordnarna för att komma igång.", "Vi har prioriterat annat under hösten och börjar efter årsskiftet."},
	4: {"Vi avvaktar den gemensamma mallen och tar upp arbetet nästa år.", "Omorganisationen gör att vi flyttar arbetet till nästa år.", "Vi har inte haft resurser under året och flyttar aktiviteten till nästa års plan."},
	5: {"Inte aktuellt för oss: vi använder inte systemet.", "Gäller inte oss; förbundets huvudman ansvarar för detta.", "Aktiviteten hanteras av kommunens IT-avdelning för vår räkning."},
}

// commentFor picks what a department writes about an activity: activity is
// its position in the plan, department the department's position among
// the demo's departments.
func commentFor(activity, department, status int) string {
	if list, ok := statusComments[status]; ok {
		return list[(activity+department)%len(list)]
	}
	c := activityComments[activity%len(activityComments)]
	list := c.underway
	if status == 3 {
		list = c.done
	}
	return list[(activity+department)%len(list)]
}
