package schema

// An Enum is one closed list of words from shared/DESIGN.md, in display
// order, with the words the UI shows for each.
type Enum struct {
	Name   string
	Values []string
	Labels map[string]string
}

// Valid reports whether v is one of the enum's values.
func (e Enum) Valid(v string) bool {
	for _, x := range e.Values {
		if x == v {
			return true
		}
	}
	return false
}

// Label is the plain-English word for v ("prison_visit" → "Prison visit").
// An unknown value is returned as it is.
func (e Enum) Label(v string) string {
	if l, ok := e.Labels[v]; ok {
		return l
	}
	return v
}

// LabelList is the labels of all values, in order (for a Select widget).
func (e Enum) LabelList() []string {
	out := make([]string, len(e.Values))
	for i, v := range e.Values {
		out[i] = e.Label(v)
	}
	return out
}

// ValueOf maps a label back to its value; ok is false if nothing matches.
func (e Enum) ValueOf(label string) (string, bool) {
	for _, v := range e.Values {
		if e.Label(v) == label || v == label {
			return v, true
		}
	}
	return "", false
}

func enum(name string, pairs ...string) Enum {
	e := Enum{Name: name, Labels: map[string]string{}}
	for i := 0; i+1 < len(pairs); i += 2 {
		e.Values = append(e.Values, pairs[i])
		e.Labels[pairs[i]] = pairs[i+1]
	}
	return e
}

// The enumerations of the interchange format.
var (
	EstablishmentKind = enum("establishment kind",
		"prison", "Prison",
		"court", "Court",
		"probation_office", "Probation office",
		"hub", "Community hub",
		"other", "Other")

	PersonStatus = enum("person status",
		"referred", "Referred",
		"custody_remand", "In custody (remand)",
		"custody_sentenced", "In custody (sentenced)",
		"released_licence", "Released on licence",
		"community_order", "Community order",
		"community", "In the community",
		"closed", "Closed")

	Referral = enum("referral",
		"existing", "Existing",
		"new", "New",
		"short_sentence", "Short sentence",
		"long_sentence", "Long sentence")

	NeedArea = enum("need area",
		"housing", "Housing",
		"benefits_debt", "Benefits and debt",
		"substance_use", "Drugs and alcohol",
		"mental_health", "Mental health",
		"physical_health", "Physical health",
		"children_family", "Children and family",
		"domestic_sexual_abuse", "Domestic and sexual abuse",
		"sex_work", "Sex work",
		"trafficking", "Trafficking and exploitation",
		"learning_disability", "Learning disability",
		"legal_solicitor", "Legal and solicitor",
		"probation_licence", "Probation and licence",
		"education_training_work", "Education, training and work",
		"identity_documents", "ID documents",
		"relationships", "Relationships",
		"immigration", "Immigration",
		"bereavement", "Bereavement")

	NeedStatus = enum("need status",
		"open", "Open",
		"in_progress", "In progress",
		"met", "Met",
		"declined", "Declined")

	SensitiveFlag = enum("sensitive flag",
		"sex_work", "Sex work",
		"domestic_sexual_abuse", "Domestic or sexual abuse",
		"self_harm", "Self-harm",
		"children_removed", "Children removed",
		"trafficking", "Trafficking",
		"mental_health", "Mental health")

	ContactKind = enum("contact kind",
		"prison_visit", "Prison visit",
		"release_day", "Release day",
		"community", "Community",
		"court", "Court",
		"phone", "Phone call",
		"email", "Email",
		"letter", "Letter",
		"agency_liaison", "Agency liaison",
		"multi_agency_meeting", "Multi-agency meeting")

	NotSeenReason = enum("not seen reason",
		"refused", "Refused",
		"not_escorted", "Not escorted",
		"released", "Released",
		"transferred", "Transferred",
		"no_time", "No time",
		"other", "Other")

	Item = enum("item",
		"clothes", "Clothes",
		"stamps", "Stamps",
		"writing_materials", "Writing materials",
		"phone", "Phone",
		"phone_credit", "Phone credit",
		"toiletries", "Toiletries",
		"travel", "Travel",
		"food", "Food",
		"other", "Other")

	EventKind = enum("event kind",
		"referred", "Referred",
		"remanded", "Remanded",
		"sentenced", "Sentenced",
		"released", "Released",
		"recalled", "Recalled",
		"reoffended", "Reoffended",
		"transferred", "Transferred",
		"housed", "Housed",
		"licence_completed", "Licence completed",
		"court_outcome", "Court outcome",
		"referred_on", "Referred on",
		"closed", "Closed",
		"handed_over", "Handed over")

	DiaryTemplate = enum("diary template",
		"visit_reflection", "Visit reflection",
		"gibbs", "Gibbs' reflective cycle")

	DiaryStatus = enum("diary status",
		"draft", "Draft",
		"for_supervision", "For supervision",
		"discussed", "Discussed")

	LetterDirection = enum("letter direction",
		"in", "In",
		"out", "Out")

	LetterChannel = enum("letter channel",
		"letter", "Letter",
		"email", "Email",
		"phone", "Phone")

	NewsletterStatus = enum("newsletter status",
		"draft", "Draft",
		"ready", "Ready",
		"sent", "Sent")

	// ReleasePlanItems is the release-day plan checklist (issue 3.3).
	ReleasePlanItem = enum("release plan item",
		"travel_meeting_point", "Travel and meeting point (gate or station)",
		"housing", "Housing",
		"benefits", "Benefits",
		"probation_appointment", "Probation appointment",
		"gp_medication", "GP and medication",
		"drug_alcohol_treatment", "Drug and alcohol treatment",
		"id", "ID",
		"phone", "Phone",
		"family_contact", "Family contact",
		"meaningful_occupation", "Meaningful occupation")

	// NewsletterCheck is the prison-mail checklist the author ticks before
	// an issue can be marked ready (issue 5.3).
	NewsletterCheck = enum("newsletter check",
		"plain_paper", "Printed on plain paper",
		"no_staples_glitter", "No staples, glitter or stickers",
		"no_prisoner_contacts", "No contact details of other prisoners",
		"return_address", "A return address is included")
)

// CustodyStatuses are the person statuses that mean she is in prison now.
var CustodyStatuses = []string{"custody_remand", "custody_sentenced"}

// InCustody reports whether status means she is in prison now.
func InCustody(status string) bool {
	return status == "custody_remand" || status == "custody_sentenced"
}

// The enumerations of outcomes (DESIGN.md "Outcomes and the evaluation's
// tables").
var (
	// Ethnicity is the ONS 2021 high-level groups, plus not_recorded (the
	// default) and prefer_not_to_say.
	Ethnicity = enum("ethnicity",
		"asian", "Asian or Asian British",
		"black", "Black, Black British, Caribbean or African",
		"mixed", "Mixed or multiple ethnic groups",
		"white", "White",
		"other_ethnic_group", "Other ethnic group",
		"not_recorded", "Not recorded",
		"prefer_not_to_say", "Prefers not to say")

	// OffenceGroup is the offence group of her (main) offence.
	OffenceGroup = enum("offence group",
		"violence_against_the_person", "Violence against the person",
		"sexual", "Sexual offences",
		"robbery", "Robbery",
		"theft", "Theft (burglary and shoplifting included)",
		"criminal_damage_arson", "Criminal damage and arson",
		"drugs", "Drug offences",
		"possession_of_weapons", "Possession of weapons",
		"public_order", "Public order offences",
		"fraud", "Fraud",
		"summary_non_motoring", "Summary non-motoring",
		"summary_motoring", "Summary motoring",
		"breach_of_order", "Breach of a court order",
		"other", "Other",
		"not_recorded", "Not recorded")

	// CourtOutcome is what the court decided (on a court_outcome event).
	CourtOutcome = enum("court outcome",
		"custody", "Custody",
		"suspended_sentence", "Suspended sentence",
		"community_order", "Community order",
		"fine", "Fine",
		"discharge", "Discharge",
		"acquitted", "Acquitted",
		"adjourned", "Adjourned",
		"other", "Other")

	// ReadingArea is what an outcome reading rates: her wellbeing, or one
	// of the need areas.
	ReadingArea = readingAreas()

	// AgeBand is the age bands of the monitoring figures (age at the
	// period's start) and of anonymised exports.
	AgeBand = enum("age band",
		"18_24", "18 to 24",
		"25_34", "25 to 34",
		"35_44", "35 to 44",
		"45_54", "45 to 54",
		"55_plus", "55 and over",
		"unknown", "Unknown")
)

// MaxPreviousSentences is the most previous custodial sentences a record
// may say (a larger number is a typing slip).
const MaxPreviousSentences = 200

// MaxNoticeDays is the most days of notice of a release a record may say.
const MaxNoticeDays = 3660

// Reading scores run from MinScore (worst) to MaxScore (best).
const (
	MinScore = 1
	MaxScore = 10
)

// ScaleExplained is the one sentence the app shows beside a reading.
const ScaleExplained = "Ask her to rate how things are, from 1 (the worst they could be) to 10 (the best they could be). It is her own view, not yours."

func readingAreas() Enum {
	e := enum("reading area", "wellbeing", "Wellbeing")
	for _, v := range NeedArea.Values {
		e.Values = append(e.Values, v)
		e.Labels[v] = NeedArea.Labels[v]
	}
	return e
}

// CourtKeptOut reports whether a court outcome kept her out of prison
// (everything but custody, adjourned and other).
func CourtKeptOut(outcome string) bool {
	return CourtOutcome.Valid(outcome) && outcome != "custody" && outcome != "adjourned" && outcome != "other"
}

// AgeBandOf is the age band of someone born on dob (YYYY-MM-DD or "") on
// the day on (YYYY-MM-DD): "unknown" when dob is empty or not a date, or
// she would be under 18 (the service works with adult women; an age under
// 18 is a recording error).
func AgeBandOf(dob, on string) string {
	age, ok := AgeOn(dob, on)
	switch {
	case !ok || age < 18:
		return "unknown"
	case age <= 24:
		return "18_24"
	case age <= 34:
		return "25_34"
	case age <= 44:
		return "35_44"
	case age <= 54:
		return "45_54"
	}
	return "55_plus"
}

// AgeOn is her age in whole years on the day on; ok is false when either
// date is missing or not a date, or on is before dob.
func AgeOn(dob, on string) (int, bool) {
	b, err1 := ParseDate(dob)
	d, err2 := ParseDate(on)
	if err1 != nil || err2 != nil || d.Before(b) {
		return 0, false
	}
	age := d.Year() - b.Year()
	if d.Month() < b.Month() || (d.Month() == b.Month() && d.Day() < b.Day()) {
		age--
	}
	return age, true
}
