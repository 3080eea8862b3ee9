package demo

import (
	"context"

	"followup/forms"
	"followup/storage"
)

// consolidation is the office's summary of one activity in the demo's
// annual round: a status position on the default scale, a narrative and,
// for an activity that goes on next year, the reason.
type consolidation struct {
	status    int
	narrative string
	continues bool
	reason    string
}

// annualConsolidations follow the plan's activities in order.
var annualConsolidations = []consolidation{
	{3, "De verksamheter som har lämnat in sina svar har analyserat minst tre av sina viktigaste informationstillgångar, och utkasten från övriga pekar åt samma håll. Analyserna har gett konkreta åtgärdslistor, och de flesta åtgärderna är redan inplanerade i verksamhetsplanerna för nästa år.", false, ""},
	{2, "Sex av åtta verksamheter har klassat ett system. De som återstår har valt system och gör klassningen tillsammans med nätverket under första kvartalet. Stödmaterialet har förenklats efter synpunkter från verksamheterna.", true, "Två verksamheter gör klassningen under första kvartalet."},
	{3, "Varje verksamhet har en kontinuitetsplan för sin mest kritiska tjänst. Planerna har prövats i den gemensamma övningen och justerats efteråt.", false, ""},
	{4, "Översynen har påbörjats men tog längre tid än beräknat eftersom flera verksamheter bytt system under året. Arbetet flyttas till nästa års plan och leds av dataskyddssamordnarna.", false, "Flera verksamheter har bytt system och behöver göra om sina förteckningar."},
	{3, "Rutinen för personuppgiftsincidenter är känd i alla verksamheter. Antalet anmälda incidenter har ökat, vilket bedöms bero på bättre kunskap snarare än fler händelser.", false, ""},
	{3, "Samordnarna har besökt samtliga ledningsgrupper under hösten. Besöken återkommer i årshjulet så att läget följs upp varje år.", false, ""},
	{2, "Utbildningen har genomförts för fyra nämnder och två bolagsstyrelser. Resterande tillfällen är bokade till våren.", true, "Tre nämnder får utbildningen under våren."},
	{3, "Grundutbildningen är genomförd av nio av tio medarbetare. Verksamheterna påminner dem som återstår i samband med medarbetarsamtalen.", false, ""},
	{2, "Säkerhetskraven finns nu i mallarna för upphandling av IT-stöd. Uppföljningen av hur kraven används i pågående upphandlingar fortsätter tillsammans med upphandlingsenheten.", false, ""},
	{3, "Övningen genomfördes i oktober med samtliga förvaltningar och bolag. Erfarenheterna har sammanställts och lett till ändringar i kontinuitetsplanerna.", false, ""},
	{4, "Tekniken är upphandlad och provas i en pilotgrupp. Införandet för alla medarbetare flyttas till nästa år så att det kan samordnas med byte av inloggningstjänst.", false, "Införandet samordnas med bytet av inloggningstjänst."},
	{3, "IT-avdelningen har ännu inte lämnat sitt svar i uppföljningen. Statusen bygger på granskningsrapporten som avdelningen redovisade för kommunledningsgruppen i november: alla konton med administratörsbehörighet har inventerats och en tredjedel har tagits bort. Granskningen upprepas två gånger per år.", false, ""},
	{2, "IT-avdelningen har ännu inte lämnat sitt svar. Enligt projektets lägesrapport är lokalen klar och utrustningen levererad; driftsättningen fortsätter under våren.", true, "Driftsättningen blir klar under våren."},
	{2, "De flesta verksamheter har granskat behörigheterna i sitt viktigaste system. Arbetet fortsätter där systemleverantören behöver bistå.", true, "Granskningen slutförs när leverantörerna har levererat sina rapporter."},
	{3, "Varken IT-avdelningen eller Exempelby Energi och Vatten AB har lämnat sina svar ännu. Statusen bygger på protokollen från återläsningstesterna av ekonomisystemet och driftövervakningen i vattenverket, som båda gick som väntat.", false, ""},
}

// consolidate writes the office's consolidations of the annual round.
func consolidate(ctx context.Context, db *storage.DB, plan *forms.Plan, roundID int64) error {
	for i, a := range plan.Activities() {
		if i >= len(annualConsolidations) {
			break
		}
		c := annualConsolidations[i]
		in := forms.ConsolidationInput{StatusID: plan.Statuses[c.status].ID, Narrative: c.narrative, IncludeComments: true,
			Continues: c.continues, CarryReason: c.reason}
		if _, err := db.SaveConsolidation(ctx, roundID, a.ID, in, "Sanna Samordnare"); err != nil {
			return err
		}
	}
	return nil
}

// The office's own texts of the demo's annual report.
const (
	demoIntroduction = `Kommunens handlingsplan för informationssäkerhet och dataskydd beslutas av kommunstyrelsen och följs upp två gånger per år, i delårsrapporten och i årsredovisningen. Uppföljningen bygger på verksamheternas egna svar och på samordnarnas kännedom om arbetet.

Årets plan hade tre områden:
- verksamhetens informationshantering,
- ledning och samordning,
- IT-säkerhet.

Svar som inte är inlämnade redovisas inte och räknas inte.`
	demoAssessment = `Arbetet har gått framåt i alla verksamheter, och de flesta aktiviteter är genomförda eller på god väg. Den gemensamma övningen i oktober gav mest, eftersom den visade konkreta brister som nu åtgärdas.

Tre saker behöver särskild uppmärksamhet nästa år:
- registerförteckningarna efter årets systembyten,
- tvåfaktorsinloggning för alla medarbetare,
- stöd till de verksamheter som ännu inte klassat något system.`
)

// writeTexts writes the office's introduction and overall assessment of
// the annual round.
func writeTexts(ctx context.Context, db *storage.DB, roundID int64) error {
	for kind, body := range map[forms.TextKind]string{forms.TextIntroduction: demoIntroduction, forms.TextAssessment: demoAssessment} {
		if _, err := db.SaveRoundText(ctx, roundID, kind, forms.RoundTextInput{Body: body}, "Sanna Samordnare"); err != nil {
			return err
		}
	}
	return nil
}
