package demo

import (
	"fmt"

	"followup/forms"
)

type department struct {
	name         string
	kind         forms.DepartmentKind
	email        string
	interim      []int // status positions, see answersFor
	annual       []int // nil: not started
	submitAnnual bool
}

// The demo municipality's organisations. Status positions refer to the
// default scale: 0 Ej påbörjat, 1 Påbörjat, 2 Pågår, 3 Genomfört,
// 4 Flyttas till nästa år, 5 Ej aktuellt.
var departments = []department{
	{"Barn- och utbildningsförvaltningen", forms.KindAdministration, "bou@exempelby.se", []int{1, 2, 2, 1, 3}, []int{3, 3, 2, 3, 3}, true},
	{"Socialförvaltningen", forms.KindAdministration, "soc@exempelby.se", []int{2, 1, 1, 2, 2}, []int{3, 2, -1, 3, 2}, false},
	{"Samhällsbyggnadsförvaltningen", forms.KindAdministration, "sbf@exempelby.se", []int{1, 1, 2, 3, 1}, []int{3, 2, 3, 3, 4}, true},
	{"Kultur- och fritidsförvaltningen", forms.KindAdministration, "kof@exempelby.se", []int{0, 1, 1, 2, 5}, []int{2, 2, 3, -1, 5}, false},
	{"Kommunledningskontoret, IT-avdelningen", forms.KindAdministration, "it@exempelby.se", []int{2, 2, 3, 2, 1}, nil, false},
	{"Exempelby Bostäder AB", forms.KindCompany, "bostader@exempelby.se", []int{1, 2, 0, 1, 2}, []int{3, 3, 3, 2, 3}, true},
	{"Exempelby Energi och Vatten AB", forms.KindCompany, "energi@exempelby.se", []int{2, 2, 1, 2, 3}, nil, false},
	{"Räddningstjänsten Västra Dalen", forms.KindFederation, "rtj@vastradalen.se", []int{2, 3, 2, 1, 2}, []int{3, 3, 4, 3, 3}, true},
}

var names = []string{"Karin Lindqvist", "Mehmet Aydin", "Sara Nilsson", "Johan Berg", "Aino Mäkelä", "Per-Olof Ström", "Lina Haddad", "Ulf Sandberg"}

// generalComments are what the departments write about their year as a
// whole, one each in the order of departments.
var generalComments = []string{
	"Skolornas IT-samordnare har varit drivande i år. Vi vill gärna ha stöd med klassningen av lärplattformen.",
	"Året har präglats av bytet av verksamhetssystem, vilket tagit mycket tid från säkerhetsarbetet.",
	"Vi har fått bra hjälp av nätverket och hunnit det vi planerade.",
	"Vi är en liten förvaltning med många uppdrag; säkerhetsarbetet görs mellan annat.",
	"IT-avdelningen stöttar de andra verksamheterna och redovisar här bara sina egna aktiviteter.",
	"Bolagets styrelse följer arbetet och vill få en sammanfattning två gånger per år.",
	"Driften av vattenverket har gått före, men de kritiska systemen är genomgångna.",
	"Förbundet samordnar med båda medlemskommunerna, vilket ibland gör att beslut tar längre tid.",
}

func planDocument(year int) *forms.PlanDocument {
	all := forms.Respondents{All: true}
	it := forms.Respondents{Names: []string{"Kommunledningskontoret, IT-avdelningen"}}
	return &forms.PlanDocument{
		Organisation: "Exempelby kommun",
		Year:         year,
		Title:        fmt.Sprintf("Handlingsplan för informationssäkerhet och dataskydd %d", year),
		Areas: []forms.AreaDocument{
			{Title: "Verksamhetens informationshantering", Activities: []forms.ActivityDocument{
				{Title: "Riskanalys av kritisk information", Description: "Varje verksamhet väljer ut sina mest kritiska informationstillgångar och analyserar hot, sårbarheter och rimliga åtgärder. Arbetet stöds av nätverket för informationssäkerhet.", Respondents: all},
				{Title: "Klassning av ett verksamhetssystem", Description: "Minst ett system eller en manuell informationsmängd klassas utifrån konfidentialitet, riktighet och tillgänglighet.", Respondents: all},
				{Title: "Kontinuitetsplan för en verksamhetskritisk tjänst", Description: "En plan tas fram för hur verksamheten håller igång en kritisk tjänst vid längre avbrott i IT-stödet.", Respondents: all},
				{Title: "Översyn av registerförteckningen", Description: "Förteckningen över behandlingar av personuppgifter gås igenom och uppdateras med stöd av dataskyddssamordnarna.", Respondents: all},
				{Title: "Rutin för personuppgiftsincidenter", Description: "Verksamheten säkerställer att medarbetare vet hur en incident rapporteras och vem som bedömer den.", Respondents: all},
			}},
			{Title: "Ledning och samordning", Activities: []forms.ActivityDocument{
				{Title: "Information till ledningsgrupper", Description: "Samordnarna besöker ledningsgrupperna och går igenom läget, styrdokumenten och årets prioriteringar.", Respondents: all},
				{Title: "Utbildning för nämnder och styrelser", Description: "Förtroendevalda får en kort introduktion till sitt ansvar för informationssäkerhet och dataskydd.", Respondents: all},
				{Title: "Grundutbildning för alla medarbetare", Description: "Den webbaserade grundutbildningen genomförs av alla nyanställda och repeteras vartannat år av övriga.", Respondents: all},
				{Title: "Säkerhetskrav i upphandlingar", Description: "Krav på informationssäkerhet och dataskydd ställs i upphandlingar av IT-stöd, med stöd av upphandlingsenheten.", Respondents: all},
				{Title: "Övning i att hantera ett längre IT-avbrott", Description: "Verksamheten deltar i en övning där hela IT-miljön antas vara otillgänglig under flera veckor.", Respondents: all},
			}},
			{Title: "IT-säkerhet", Activities: []forms.ActivityDocument{
				{Title: "Tvåfaktorsautentisering för fjärråtkomst", Description: "Inloggning utifrån kräver en andra faktor utöver lösenordet.", Respondents: it},
				{Title: "Granskning av administratörsbehörigheter", Description: "Konton med höga behörigheter inventeras och onödiga behörigheter tas bort.", Respondents: it},
				{Title: "Redundant serverhall", Description: "En geografiskt åtskild driftmiljö byggs upp så att kritiska system kan flyttas vid en störning.", Respondents: it},
				{Title: "Behörighetsgranskning i verksamhetssystem", Description: "Verksamheten går igenom vem som har åtkomst till sitt viktigaste system och tar bort det som inte behövs.", Respondents: all},
				{Title: "Säkerhetskopiering och återläsningstest", Description: "Återläsning av säkerhetskopior testas för minst ett verksamhetskritiskt system.", Respondents: forms.Respondents{Names: []string{"Kommunledningskontoret, IT-avdelningen", "Exempelby Energi och Vatten AB"}}},
			}},
		},
	}
}
