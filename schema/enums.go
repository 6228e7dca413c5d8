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
