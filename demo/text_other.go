package demo

// Sentences for letters, actions, events, people and newsletters.

var lettersOut = []string{
	"Wrote to {first} with news from the team and the latest newsletter.",
	"Replied to {first}'s letter and answered her questions about her {area}.",
	"Sent {first} a birthday card signed by the team.",
	"Wrote to confirm next month's visit and to let her know {agency} has her referral.",
	"Wrote to {first} after the session with a summary of what we agreed, as she asked.",
	"Sent {first} a short letter of encouragement before her hearing.",
	"Wrote back to {first} with the information she asked for about her {area}.",
}

var lettersIn = []string{
	"Letter from {first}: she has started a new course and asked about her {area} after release.",
	"{first} wrote to say thank you for the visit and sent a poem for the newsletter.",
	"{first} wrote that she has had some hard news and would like a visit soon.",
	"Short note from {first} asking for writing paper and stamps.",
	"{first} wrote with questions about her {area}.",
	"Letter from {first} with a drawing for the newsletter and news about her job on the wing.",
	"{first} wrote to let us know she has been moved to a different wing and is settling in.",
}

var emailsOut = []string{
	"Email a Prisoner message to {first} with news about her {area}.",
	"Emailed {first} through the prison's email service to confirm the next session.",
}

var emailsIn = []string{
	"Email reply from {first} via the prison service: she has some questions about her {area}.",
}

var phoneLetters = []string{
	"{first} left a message on the office line asking for a call back about her {area}.",
	"Voicemail from {first}: she wanted to let us know she is doing well.",
}

var actionTexts = map[string][]string{
	"housing":                 {"Chase housing referral with {agency}", "Send duty to refer form to {agency}", "Ask {agency} for a viewing date", "Check tenancy status with {agency}"},
	"benefits_debt":           {"Book benefits appointment at {agency}", "Ask {agency} about a debt relief order", "Apply for a food bank voucher", "Help her request a UC advance"},
	"substance_use":           {"Arrange script transfer to {agency}", "Confirm first appointment at {agency}", "Get a naloxone kit for release day"},
	"mental_health":           {"Referral to {agency}", "Send summary to {agency} with her consent", "Ask wing mental health team for a check-in"},
	"physical_health":         {"Register her with {agency}", "Book GP review at {agency}"},
	"children_family":         {"Post her card through {agency}", "Ask {agency} about contact centre dates", "Find out family court date from her solicitor"},
	"domestic_sexual_abuse":   {"Referral to {agency}", "Review safety plan with her", "Ask {agency} about Freedom Programme dates"},
	"sex_work":                {"Give her {agency}'s drop-in times", "Introduce her to the outreach worker at {agency}"},
	"trafficking":             {"Pass contact for {agency} when she is ready", "Ask {agency} about NRM support"},
	"learning_disability":     {"Ask {agency} about an assessment", "Print easy-read release plan"},
	"legal_solicitor":         {"Ring solicitor about appeal", "Confirm hearing date with {agency}"},
	"probation_licence":       {"Confirm release-day appointment with {agency}", "Ask {agency} to review licence condition", "Send release plan to {agency}"},
	"education_training_work": {"Find course dates at {agency}", "Send CV help pack", "Ask {agency} about a placement"},
	"identity_documents":      {"Order birth certificate", "Send provisional licence form", "Check bank account application with the prison"},
	"relationships":           {"Invite her sister to the planning meeting", "Send visiting order information to her family"},
	"immigration":             {"Referral to {agency}", "Ask {agency} for an advice appointment"},
	"bereavement":             {"Referral to {agency}", "Ask chaplaincy about a memorial service"},
}

var adminActions = []string{
	"Book the link room at {prison} for next month's session",
	"Send next month's booking list to the OMU at {prison}",
	"Restock the clothes bank bag for release days",
	"Buy stamps and writing pads for the next sessions",
	"Check visits security clearance renewal date",
	"Update the newsletter distribution list",
}

var eventNotes = map[string][]string{
	"referred":          {"Referred by the OMU at {prison}.", "Self-referral after hearing about us on the wing.", "Referred by her probation officer.", "Referred by {agency}."},
	"remanded":          {"Remanded in custody at {court}.", "Remanded to {prison} pending trial."},
	"sentenced":         {"Sentenced at {court}.", "Sentenced to custody at {court}; held at {prison}."},
	"released":          {"Released from {prison}.", "Released on licence from {prison}.", "Released at the end of her sentence from {prison}."},
	"recalled":          {"Recalled to custody; back at {prison}.", "Recalled after a missed appointment; returned to {prison}."},
	"reoffended":        {"New offence recorded; her probation officer let us know.", "Arrested for a new offence."},
	"transferred":       {"Transferred to {prison}.", "Moved to {prison} to be nearer family."},
	"housed":            {"Moved into supported housing with {agency}.", "Signed for her own tenancy.", "Moved into approved premises."},
	"licence_completed": {"Licence ended.", "Licence and post-sentence supervision completed."},
	"court_outcome":     {"Community order made at {court}.", "Suspended sentence at {court}.", "Case dismissed at {court}."},
	"referred_on":       {"Referred on to {agency} for longer-term support.", "Moved out of area; referred on to {agency}."},
	"closed":            {"Support ended by agreement; she knows she can come back.", "Closed after no contact for three months.", "Closed: she is settled and no longer needs support."},
}

var needNotes = map[string][]string{
	"housing":                 {"[in] Needs housing on release", "Supported housing referral in", "[out] Housed; settling in"},
	"benefits_debt":           {"UC claim to set up", "Court fines", "Rent arrears from old tenancy"},
	"substance_use":           {"[in] On a script; wants transfer on release", "Alcohol; cutting down", "In recovery"},
	"mental_health":           {"Anxiety and low mood", "[in] Under the in-reach team", "Waiting for counselling"},
	"physical_health":         {"Dental and hip pain", "Asthma", "Needs a GP"},
	"children_family":         {"Children with foster carers", "Family court in progress", "Contact with daughter"},
	"domestic_sexual_abuse":   {"IDVA involved", "Safety plan in place"},
	"sex_work":                {"Outreach support offered"},
	"trafficking":             {"Not ready to discuss yet"},
	"learning_disability":     {"Easy-read materials help"},
	"legal_solicitor":         {"Appeal pending", "Family law solicitor needed"},
	"probation_licence":       {"Licence conditions explained", "Probation officer allocated"},
	"education_training_work": {"[in] Level 2 English", "Catering placement interest"},
	"identity_documents":      {"[in] No ID; birth certificate ordered", "Bank account needed"},
	"relationships":           {"Rebuilding contact with sister"},
	"immigration":             {"Home Office letter received"},
	"bereavement":             {"Brother died last year"},
}

var safetyNotes = []string{
	"Do not leave messages on her phone: her ex-partner may have access to it.",
	"She prefers to be seen by a woman worker only.",
	"Do not mention her address in letters; post goes to the women's centre.",
	"Loud noises and raised voices are hard for her; keep the room door open if she asks.",
	"She has asked that her family are not told anything about her support.",
	"Check the exclusion zone before arranging any meeting in the north of the city.",
}

var shareWith = []string{
	"", "Probation", "Probation and housing", "GP and drug and alcohol service",
	"Her sister (first name only)", "Probation, housing and the women's centre", "Nobody without asking her first",
}

var retentionNotes = []string{
	"Kept while the family court case is ongoing; review next year.",
	"Kept at her request: she may need the record for a compensation claim.",
	"Kept while a safeguarding review is open.",
}

var planNotes = map[string][]string{
	"travel_meeting_point":   {"Meet at the gate, 9:00", "Meet at the station after the first train", "Travel warrant from the prison"},
	"housing":                {"Room confirmed with supported housing", "Duty to refer sent; waiting", "Approved premises place confirmed"},
	"benefits":               {"Claim on release day; advance requested", "UC appointment booked"},
	"probation_appointment":  {"First appointment 14:00 on release day", "Video call booked with her officer"},
	"gp_medication":          {"Seven days of medication from healthcare", "GP registration forms ready"},
	"drug_alcohol_treatment": {"Script transfer arranged", "Appointment the day after release"},
	"id":                     {"Birth certificate in her property", "Provisional licence applied for"},
	"phone":                  {"Phone and credit from the clothes bank fund"},
	"family_contact":         {"Her mum will meet her in the afternoon", "Letter to her children's social worker"},
	"meaningful_occupation":  {"Women's centre group on Tuesdays", "Volunteering at the charity shop"},
}

var newsletterTitles = []string{"Inside Out", "Open Letter", "Between Us"}

var staffEditorials = []string{
	"Hello everyone, and welcome to this month's issue. It has been a busy few weeks for the team, with more of you going home than in any month this year. To those of you who have been released: we hope the first days are going well, and remember you can still ring us. To those of you still inside: we are thinking of you, and we will see many of you at the next sessions.\n\nThank you to everyone who sent in poems, drawings and recipes. Please keep them coming. Every piece is read and treasured, even if we cannot fit it all in one issue.",
	"Welcome to the newsletter. This month we want to say a big thank you for your letters. Some of you wrote to tell us about courses you have finished, jobs on the wing and visits from family. It means a lot to hear your news.\n\nA reminder that everything in this newsletter is shared with permission and under the names you chose. If you would like to contribute, write to us at the usual address and tell us what name you would like to use.",
	"Hello from all of us. The days are changing and so is the team: we have a new volunteer who will help with letters, and she is already busy writing back to many of you.\n\nThis issue has a story about a first week out, a recipe you can make with a kettle, and a word search. As always, if anything in these pages brings up difficult feelings, please speak to someone you trust, the Listeners or the chaplaincy, or write to us.",
	"Welcome, and a special hello to everyone reading this for the first time. We are a small team who visit women in prison, help plan for release and stay in touch afterwards. We write this newsletter every month with your help.\n\nWe cannot print names of other women or anything that would identify them, so please do not include these in your contributions. Everything else is welcome: poems, stories, drawings, tips and jokes.",
}

var womenPieces = []struct{ heading, body string }{
	{"Morning on the wing", "The door goes at eight,\nthe kettle sings,\nsomeone shouts a name across the landing.\nI hold the mug in both hands\nand think of the sea,\nwhich I will see again."},
	{"My first week out", "The first thing I did was buy a bunch of daffodils for my mum. She cried and so did I. The week was full of appointments, but I had someone with me at every one of them, and that made all the difference. I am writing this at my own kitchen table. If you are reading this inside: keep going. It is worth it."},
	{"Letter to my daughter", "I think about you every day.\nI keep your drawing on my wall\nwhere the light lands in the afternoon.\nWhen I come home I will learn\nall the songs you know now\nand you can teach me the dances."},
	{"What helps me", "Writing things down. The gym, even when I do not feel like it. Ringing my sister on a Sunday. Reading before bed instead of lying awake. The Listeners, who never judge. And remembering that a bad day is only a day."},
	{"Kettle noodles (a recipe)", "Crush a packet of noodles into a flask or a big mug, add a spoon of peanut butter, a squeeze of sweet chilli sauce and a sprinkle of the seasoning. Pour on boiling water, lid on, wait five minutes, stir hard. Top with crushed crisps if you have them. Better than it sounds!"},
	{"Small things", "A letter with my name in nice handwriting.\nA biscuit saved for later.\nThe woman next door humming.\nA good day in the gardens.\nSmall things,\nbut they add up to a life."},
	{"Starting again", "Before I came in I did not think I could learn anything. Now I have my level 1 maths and I am halfway through English. My teacher says I have a good head for numbers. I never heard that before. I am going to do a bookkeeping course when I get out."},
	{"For the new girls", "It is scary at first. Ask for the Listeners. Go to education, even if you hated school. Write letters, because they write back. Find one person you can laugh with. And do not give up on yourself, because the people who love you have not."},
	{"Gardens", "I planted sunflower seeds in March.\nBy July they were taller than the fence.\nThe officer said she had never seen them grow so well.\nI said they just needed someone to believe in them.\nShe laughed.\nI meant it."},
	{"Home", "Home is not a place yet.\nIt is my mum's voice on the phone,\nmy son's new school photo,\nthe plan on a piece of paper\nthat says where I will sleep\nthe first night out."},
}

var infoPieces = []struct{ heading, body string }{
	{"Getting ID before release", "ID makes everything easier on release: a bank account, benefits, housing. Ask us about ordering a birth certificate while you are inside, and about a provisional driving licence as photo ID. We can help with the forms and the fee."},
	{"Universal Credit on release day", "You can make a claim on the day you are released, and ask for an advance if you need money before the first payment. Bring your bank details if you have them. We can sit with you while you do it."},
	{"Keeping in touch with your children", "If your children are with family or foster carers, letters and cards can usually be passed on. Ask us how, and about support from family services if there is a court case."},
	{"What we can help with", "Planning for release, housing referrals, being with you on release day, going with you to appointments and court, letters and stamps, and someone to talk to who is not from the prison. What you tell us stays with us unless someone is at risk of serious harm."},
}

var puzzles = []struct{ heading, body string }{
	{"Word search: birds", "Find these birds in the grid we have printed on the back page: ROBIN, WREN, LARK, FINCH, HERON, DOVE, SWALLOW, STARLING, KESTREL, MAGPIE."},
	{"Riddle", "What has keys but cannot open locks? (Answer next month!)\nLast month's answer: a candle."},
	{"Quiz", "1. What is the longest river in the UK? 2. How many legs does a spider have? 3. Which flower is also a woman's name and a colour? Answers in next month's issue."},
}
