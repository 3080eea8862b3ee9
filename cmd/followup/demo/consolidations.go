package demo

import (
	"context"

	"followup/forms"
	"followup/storage"
)

// consolidation is the office's summary of one activity in the demo's
// annual round: a status position on the default scale and a narrative.
type consolidation struct {
	status    int
	narrative string
}

// annualConsolidations follow the plan's activities in order.
var annualConsolidations = []consolidation{
	{3, "Samtliga verksamheter har analyserat minst tre av sina viktigaste informationstillgångar. Analyserna har gett konkreta åtgärdslistor, och de flesta åtgärderna är redan inplanerade i verksamhetsplanerna för nästa år."},
	{2, "Sex av åtta verksamheter har klassat ett system. De som återstår har valt system och gör klassningen tillsammans med nätverket under första kvartalet. Stödmaterialet har förenklats efter synpunkter från verksamheterna."},
	{3, "Varje verksamhet har en kontinuitetsplan för sin mest kritiska tjänst. Planerna har prövats i den gemensamma övningen och justerats efteråt."},
	{4, "Översynen har påbörjats men tog längre tid än beräknat eftersom flera verksamheter bytt system under året. Arbetet flyttas till nästa års plan och leds av dataskyddssamordnarna."},
	{3, "Rutinen för personuppgiftsincidenter är känd i alla verksamheter. Antalet anmälda incidenter har ökat, vilket bedöms bero på bättre kunskap snarare än fler händelser."},
	{3, "Samordnarna har besökt samtliga ledningsgrupper under hösten. Besöken återkommer i årshjulet så att läget följs upp varje år."},
	{2, "Utbildningen har genomförts för fyra nämnder och två bolagsstyrelser. Resterande tillfällen är bokade till våren."},
	{3, "Grundutbildningen är genomförd av nio av tio medarbetare. Verksamheterna påminner dem som återstår i samband med medarbetarsamtalen."},
	{2, "Säkerhetskraven finns nu i mallarna för upphandling av IT-stöd. Uppföljningen av hur kraven används i pågående upphandlingar fortsätter tillsammans med upphandlingsenheten."},
	{3, "Övningen genomfördes i oktober med samtliga förvaltningar och bolag. Erfarenheterna har sammanställts och lett till ändringar i kontinuitetsplanerna."},
	{4, "Tekniken är upphandlad och provas i en pilotgrupp. Införandet för alla medarbetare flyttas till nästa år så att det kan samordnas med byte av inloggningstjänst."},
	{3, "Alla konton med administratörsbehörighet har inventerats och en tredjedel har tagits bort. Granskningen upprepas två gånger per år."},
	{2, "Lokalen är klar och utrustningen levererad. Driftsättningen fortsätter under våren enligt plan."},
	{2, "De flesta verksamheter har granskat behörigheterna i sitt viktigaste system. Arbetet fortsätter där systemleverantören behöver bistå."},
	{3, "Återläsning har testats för ekonomisystemet och för driftövervakningen i vattenverket. Testerna gick som väntat och dokumenterades."},
}

// consolidate writes the office's consolidations of the annual round.
func consolidate(ctx context.Context, db *storage.DB, plan *forms.Plan, roundID int64) error {
	for i, a := range plan.Activities() {
		if i >= len(annualConsolidations) {
			break
		}
		c := annualConsolidations[i]
		in := forms.ConsolidationInput{StatusID: plan.Statuses[c.status].ID, Narrative: c.narrative, IncludeComments: true}
		if _, err := db.SaveConsolidation(ctx, roundID, a.ID, in, "Sanna Samordnare"); err != nil {
			return err
		}
	}
	return nil
}
