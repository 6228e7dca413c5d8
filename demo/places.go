package demo

// The establishments are real public places (prisons and courts) with
// invented details: every phone number is in Ofcom's drama ranges and every
// email address is at example.org.

type place struct {
	name, kind, town string
	regular          bool // a prison visited every month (others quarterly)
	weight           int  // how often women on the caseload are held there
}

var prisons = []place{
	{"HMP Peterborough", "prison", "Peterborough", true, 40},
	{"HMP Foston Hall", "prison", "Derbyshire", true, 22},
	{"HMP & YOI Drake Hall", "prison", "Staffordshire", true, 12},
	{"HMP New Hall", "prison", "West Yorkshire", true, 8},
	{"HMP Styal", "prison", "Cheshire", false, 4},
	{"HMP Eastwood Park", "prison", "Gloucestershire", false, 3},
	{"HMP Bronzefield", "prison", "Surrey", false, 4},
	{"HMP Downview", "prison", "Surrey", false, 3},
	{"HMP Low Newton", "prison", "County Durham", false, 2},
	{"HMP Askham Grange", "prison", "North Yorkshire", false, 2},
}

var courts = []place{
	{"Peterborough Magistrates' Court", "court", "Peterborough", false, 0},
	{"Peterborough Crown Court", "court", "Peterborough", false, 0},
	{"Cambridge Crown Court", "court", "Cambridge", false, 0},
	{"Derby Crown Court", "court", "Derby", false, 0},
	{"Nottingham Magistrates' Court", "court", "Nottingham", false, 0},
	{"Leicester Magistrates' Court", "court", "Leicester", false, 0},
}

var otherPlaces = []place{
	{"Peterborough Probation Office", "probation_office", "Peterborough", false, 0},
	{"Derby Probation Office", "probation_office", "Derby", false, 0},
	{"Nottingham Probation Office", "probation_office", "Nottingham", false, 0},
	{"Riverside Women's Centre", "hub", "Peterborough", false, 0},
	{"Meadowbank Community Hub", "hub", "Derby", false, 0},
	{"St Anne's Church Hall (drop-in)", "other", "Peterborough", false, 0},
}

var prisonNotes = []string{
	"Link room on the ground floor of the visits block. Bring photo ID and the session letter; lockers take £1 coins.",
	"Sessions run in the chaplaincy meeting room. Arrive 30 minutes early: the gate queue can be slow after lunch.",
	"Legal visits room when it is free, otherwise the family room. Keys are drawn at the gate; the escort list goes to the wings the day before.",
	"Women are escorted from the wings by the activities team. Ask the OMU for the movement slip if anyone is missing.",
	"Visits hall corner tables in the morning session. The tea bar is open and the women appreciate a hot drink.",
}

// agencyDef is one invented service of the agency directory. category is one
// of the suggested category words of the notes package.
type agencyDef struct {
	name, category, area, services string
}

var agencyDefs = []agencyDef{
	{"Cambridgeshire and Peterborough Probation Delivery Unit", "probation", "Peterborough", "Licence supervision, pre-release planning, approved premises referrals."},
	{"Derby Probation Delivery Unit", "probation", "Derbyshire", "Licence supervision and community orders for Derby city and county."},
	{"Nottingham City Probation Delivery Unit", "probation", "Nottinghamshire", "Licence supervision; women's pathway officer on Tuesdays."},
	{"Fenland Housing Trust", "housing", "Cambridgeshire", "Supported housing for women leaving custody; move-on flats after six months."},
	{"Nene Valley Women's Housing", "housing", "Peterborough", "Women-only supported accommodation with key workers; accepts referrals from custody."},
	{"Greystone Homes Floating Support", "housing", "Derbyshire", "Floating tenancy support, help with bidding for council homes, furniture grants."},
	{"Peterborough City Council Housing Options", "housing", "Peterborough", "Homelessness assessments and duty to refer; emergency accommodation."},
	{"Pathways Drug and Alcohol Service", "drug_alcohol", "Peterborough", "Opiate substitute prescribing, key work, women's group on Thursdays."},
	{"Clearwater Recovery", "drug_alcohol", "Derbyshire", "Community drug and alcohol treatment, peer mentors, detox referrals."},
	{"Turning Tide Alcohol Service", "drug_alcohol", "Nottinghamshire", "Alcohol key work and mutual-aid groups; home detox assessments."},
	{"Riverside Women's Centre", "womens_centre", "Peterborough", "Drop-in, one-to-one support, groups, clothes bank, children's space."},
	{"Meadowbank Women's Project", "womens_centre", "Derbyshire", "Women's centre with counselling, courses and a weekly lunch club."},
	{"Northgate Medical Practice", "health", "Peterborough", "GP practice that registers women with no fixed address; shared-care prescribing."},
	{"Millbrook Surgery", "health", "Derbyshire", "GP practice; nurse-led health checks and long-acting contraception clinic."},
	{"Lantern Community Mental Health Team", "mental_health", "Peterborough", "Assessment and care coordination; crisis line in the evenings."},
	{"Open Door Talking Therapies", "mental_health", "National", "Self-referral counselling and trauma-focused therapy."},
	{"Stillwater Bereavement Support", "mental_health", "Cambridgeshire", "One-to-one bereavement support and a monthly group."},
	{"Jobcentre Plus Peterborough", "benefits_debt", "Peterborough", "Universal Credit claims, prison leavers' advance payments, work coach appointments."},
	{"Jobcentre Plus Derby", "benefits_debt", "Derbyshire", "Universal Credit and work coach appointments; prison leaver lead on site."},
	{"Citizens Advice Peterborough", "benefits_debt", "Peterborough", "Debt advice, benefit checks, help with fines and rent arrears."},
	{"Citizens Advice Derbyshire Districts", "benefits_debt", "Derbyshire", "Debt and benefits advice by phone and in person."},
	{"Safe Haven Domestic Abuse Service", "domestic_abuse", "Peterborough", "IDVA service, refuge referrals, Freedom Programme groups."},
	{"Haven Lane Refuge", "domestic_abuse", "Derbyshire", "Refuge spaces for women and children; outreach workers."},
	{"Beacon Sexual Violence Support", "domestic_abuse", "National", "ISVA support and counselling for women who have experienced sexual violence."},
	{"Kinship Family Link", "family", "National", "Support to keep in touch with children: letters, contact centres, family court advice."},
	{"Little Steps Family Support", "family", "Peterborough", "Parenting support and help preparing for contact with children."},
	{"Hartley & Crane Solicitors", "legal", "Peterborough", "Criminal defence and family law; legal aid available."},
	{"Open Road Learning", "education_work", "National", "Courses, CV help and supported work placements for women with convictions."},
	{"Second Chance Kitchens", "education_work", "Derbyshire", "Catering training and paid placements for women leaving prison."},
	{"Crossroads Migrant Support", "immigration", "National", "Immigration advice referrals and help with Home Office correspondence."},
	{"Safe Passage Anti-Trafficking Support", "other", "National", "Specialist support for survivors of trafficking and exploitation."},
	{"Rosa Outreach", "womens_centre", "Peterborough", "Outreach and drop-in for women who sell sex; health and safety support."},
	{"Brightwell Learning Disability Service", "health", "Cambridgeshire", "Assessment and support for adults with a learning disability."},
}

// needCategory is the agency category that helps with a need area.
var needCategory = map[string]string{
	"housing":                 "housing",
	"benefits_debt":           "benefits_debt",
	"substance_use":           "drug_alcohol",
	"mental_health":           "mental_health",
	"physical_health":         "health",
	"children_family":         "family",
	"domestic_sexual_abuse":   "domestic_abuse",
	"sex_work":                "womens_centre",
	"trafficking":             "other",
	"learning_disability":     "health",
	"legal_solicitor":         "legal",
	"probation_licence":       "probation",
	"education_training_work": "education_work",
	"identity_documents":      "benefits_debt",
	"relationships":           "womens_centre",
	"immigration":             "immigration",
	"bereavement":             "mental_health",
}

// needWeights say how common each need area is on the caseload.
var needWeights = []struct {
	area   string
	weight int
}{
	{"housing", 70}, {"benefits_debt", 45}, {"substance_use", 45}, {"mental_health", 50},
	{"physical_health", 20}, {"children_family", 40}, {"domestic_sexual_abuse", 35},
	{"sex_work", 10}, {"trafficking", 4}, {"learning_disability", 6}, {"legal_solicitor", 15},
	{"probation_licence", 35}, {"education_training_work", 25}, {"identity_documents", 25},
	{"relationships", 15}, {"immigration", 5}, {"bereavement", 10},
}
