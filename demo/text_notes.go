package demo

// Sentences for the per-woman notes of contacts. Slots in braces are filled
// by fill: {first} her first name, {name} her full name, {agency} a service
// that fits the topic, {prison}, {court}, {town}, {probation}, {housing},
// {gp}, {hub}, {time}. The language is plain, non-judgemental and
// strengths-based.

var needSentences = map[string][]string{
	"housing": {
		"[in] We talked about where she will live after release. {first} has a referral in with {agency} and is waiting for an assessment date; she would like to be near her sister.",
		"[in] Housing is still the main worry. I explained the duty to refer and we filled in the form together so it can go to {agency} well before her release.",
		"[in] {first} has been offered a room with {agency}. She has mixed feelings about the area but wants to give it a go, and we made a list of questions for her key worker.",
		"[in] She asked about her old tenancy. We agreed I will check with {agency} whether it is still held and whether there are any arrears.",
		"[out] She is settling into her flat and has started to make it her own. The boiler has been fixed at last, and she has a bus pass to get to appointments.",
		"We looked at bidding for council homes together. She picked three areas she feels safe in and knows how to check her banding online.",
	},
	"benefits_debt": {
		"[in] We went through her Universal Credit claim. She has her bank details ready and knows she can ask for an advance at her first appointment with {agency}.",
		"{first} is worried about a court fine and some catalogue debt. I offered to book an appointment with {agency} so she can get proper advice about a payment plan.",
		"She has had a letter about an overpayment. We read it together; it is less frightening than she thought, and {agency} can help her challenge it.",
		"[out] Her claim has gone through and the first payment is due next week. We made a simple budget for the month on the back of an envelope, which she kept.",
		"[out] She is managing her money well but the gap before the first payment is hard. I have applied for a food bank voucher and a grant for bedding.",
	},
	"substance_use": {
		"[in] {first} spoke openly about her use before custody. She is on a stable script and wants her prescription transferred to {agency} so there is no gap on release.",
		"[in] She has been going to the recovery group on the wing and said it helps to hear from women who have been where she is.",
		"She said she had a difficult week and had thought about using. She talked it through with the drug and alcohol worker, which took real courage.",
		"[in] We talked about naloxone and she agreed to take a kit on release. She knows where {agency} is and when it is open.",
		"[out] She has kept every appointment with {agency} this month and her key worker is pleased with her. She said the women's group is the part she likes best.",
		"She told me she has cut down her drinking and is keeping a diary of how she feels each day. She wants to keep going at her own pace.",
	},
	"mental_health": {
		"[in] {first} said her mood has been low since the last court date. She is seeing the mental health in-reach nurse and has asked for a referral to {agency} for after release.",
		"She described the breathing exercises she learned in the group and said they help at night, when it is hard to settle.",
		"[in] We talked about what helps when she feels overwhelmed: her music, writing to her nan and the gym. She wants to keep these going after release.",
		"She has had a hard few weeks. She agreed that I can let the mental health team know she would like a check-in.",
		"She has her first appointment with {agency} next week. She is nervous about telling her story again, so we agreed I can send a summary with her consent.",
		"She said the medication review has helped and she feels steadier. She is proud that she asked for it herself.",
	},
	"physical_health": {
		"[in] She has a dental appointment at last and her hip is being looked at by healthcare. She wants a GP lined up at {agency} for when she is out.",
		"[in] {first} has been managing her asthma better since her inhalers were sorted. We added registering with a GP to her release plan.",
		"She is waiting for the results of some tests and is worried. We talked about the questions she wants to ask and who she can take with her.",
		"She has been walking every day and said her back is less painful. She wants to join a swimming session when she is settled.",
	},
	"children_family": {
		"{first} talked about her children. She has had a letter from their foster carer with photos, which meant a great deal to her. We talked about what she might write back.",
		"She is preparing for a family court hearing. We went through the questions she wants to ask her solicitor, and I will contact {agency} about support in the meantime.",
		"She has not heard from her son for a while and is worried. She will write to him, and I will post a card from her through the family link service.",
		"[in] Her mum is bringing the children on a family day next month. She is excited and a little nervous; we talked about how to make the most of it.",
		"[out] She had her first supervised contact with her daughter at the contact centre. She said it went better than she dared hope and she wants to build on it slowly.",
		"She talked about being a grandmother for the first time and showed me the photo her daughter sent. It was lovely to see her so happy.",
	},
	"domestic_sexual_abuse": {
		"She mentioned that her ex-partner has been trying to get in touch through friends. We went through her safety plan and she agreed to a referral to {agency}.",
		"{first} spoke about the relationship that ended before her sentence. She was clear she does not want to go back, and she is proud of that decision.",
		"[in] We talked about the Freedom Programme. She would like to do it on release, and I will find out the start dates from {agency}.",
		"She has been meeting her IDVA from {agency} and said she feels believed for the first time. We talked about how she wants to be contacted.",
	},
	"sex_work": {
		"[in] {first} said she wants a different life after release and is worried about money in the first weeks. We talked about {agency}'s drop-in, where she can get support without judgement.",
		"We talked about staying safe and about the outreach service at {agency}. She knows she can come to us whatever she decides.",
		"[out] She has been going to the women's health clinic at {agency} and said the nurse is easy to talk to.",
	},
	"trafficking": {
		"She spoke a little about the people who controlled her before her arrest. She is not ready to say more and that is fine; she knows {agency} is there when she is.",
		"We talked about the National Referral Mechanism. She wants time to think before giving consent, and I said there is no rush.",
		"Her support worker from {agency} has visited and she found it reassuring to speak to someone who understood.",
	},
	"learning_disability": {
		"[in] I used the easy-read version of the release plan and she found it much clearer. We agreed I will ask {agency} about an assessment so that support is in place.",
		"{first} asked me to read her letters with her, as she finds the official ones hard to follow. We went through two together today.",
		"We drew a simple calendar of her appointments with pictures, which she said she will stick on her wall.",
	},
	"legal_solicitor": {
		"She has not heard from her solicitor about the appeal. I will ring the firm with her consent and write to her with what they say.",
		"We went through her questions for {agency} before the next hearing so she feels ready.",
		"Her solicitor has confirmed the hearing date. She feels more settled now that she knows what is happening.",
	},
	"probation_licence": {
		"We went through her licence conditions in plain words. She understood the exclusion zone and the curfew and asked good questions about appointments.",
		"[in] {first} has met her probation officer by video link and felt it went well. Her first appointment is booked for release day at {agency}.",
		"She was worried about a licence condition that stops her going to her mum's area. I will ask {agency} whether it can be reviewed.",
		"[out] She has kept all her probation appointments this month and her officer has reduced them to fortnightly. She was really pleased.",
	},
	"education_training_work": {
		"[in] She has started a level 2 English course in education and is proud of her first assignment. She would like to look at catering work after release.",
		"[in] {first} has a job in the prison kitchen and has her food hygiene certificate. We talked about {agency}'s placements.",
		"[in] She wants to get back into hairdressing. I will find out about courses at {agency} that start after her release date.",
		"She has finished her maths qualification and wants to volunteer in a charity shop while she builds her confidence.",
	},
	"identity_documents": {
		"[in] She has no ID at the moment. We filled in the birth certificate application so it can be ordered before release, which will help with her bank account and benefits.",
		"[in] Her bank account application is going through the prison. I will bring the forms for a provisional licence so she has photo ID.",
		"[in] Her birth certificate has arrived and is with her property. One less thing to worry about on release day.",
	},
	"relationships": {
		"[in] We talked about the friends she wants to stay in touch with and the ones she would rather keep at a distance after release. She was thoughtful about it.",
		"[in] {first} has made a good friend on the wing and said it has made a real difference to her days.",
		"She has reconnected with her older sister, who has been writing every week. She would like her sister to come to the release planning meeting.",
	},
	"immigration": {
		"She has had a letter from the Home Office about her status. With her consent I will refer her to {agency} for advice before anything else is signed.",
		"We went through what she understands about her immigration position; I will ask {agency} to help her get proper legal advice.",
	},
	"bereavement": {
		"{first} talked about her brother, who died last year. She was not able to go to the funeral and it still weighs on her. She would like to see a bereavement counsellor.",
		"[in] She lit a candle in the chapel on her dad's anniversary and said it helped. {agency} can offer support after release if she would like it.",
		"She talked about her nan, who brought her up, and about the things her nan taught her. It was a gentle conversation and she said it helped.",
	},
}

// areaWords name a need area inside a sentence.
var areaWords = map[string]string{
	"housing":                 "housing",
	"benefits_debt":           "benefits claim",
	"substance_use":           "drug and alcohol support",
	"mental_health":           "mental health support",
	"physical_health":         "health appointments",
	"children_family":         "contact with her children",
	"domestic_sexual_abuse":   "safety plan",
	"sex_work":                "support plan",
	"trafficking":             "support referral",
	"learning_disability":     "assessment",
	"legal_solicitor":         "legal case",
	"probation_licence":       "licence and probation appointments",
	"education_training_work": "course and work plans",
	"identity_documents":      "ID documents",
	"relationships":           "support network",
	"immigration":             "immigration advice",
	"bereavement":             "bereavement support",
}

var openings = []string{
	"{first} came over smiling and said she had been looking forward to the visit.",
	"{first} was quieter than last time, so we started with a cup of tea and some small talk before getting to her plans.",
	"{first} arrived a little late from the wing but settled quickly and was keen to talk.",
	"It was good to see {first} looking well. She said she has been sleeping better.",
	"{first} was tired after a difficult week but chose to come and talk, and I thanked her for that.",
	"{first} brought a list of things she wanted to go through, which made good use of the time.",
	"First meeting with {first}. I explained who we are, what we can help with and how we keep what she tells us confidential.",
	"{first} was chatty and upbeat and told me about the card she made for her daughter's birthday.",
	"{first} seemed anxious at first and said she had not slept well. She relaxed as we talked.",
	"{first} said she had got my letter and it had cheered her up.",
	"{first} wanted to start by telling me about her new job on the gardens team.",
	"{first} was in good spirits and said her wing has been calmer this month.",
	"{first} said she had been thinking about our last conversation and had some questions.",
	"{first} was frustrated about delays with her paperwork but stayed calm and focused on what she could do.",
	"{first} greeted me by name and said she had been counting down to today.",
	"{first} said it had been a long month and she was glad to have someone to talk to who was not from the prison.",
}

var unannouncedOpenings = []string{
	"{first} was not on our list but came over with another woman and asked if she could talk to us. We had time, so we did.",
	"{first} heard about the session from a friend on the wing and asked an officer to bring her down. Good to meet her.",
	"{first} turned up at the end of the session asking for help with a letter. We made time for her.",
}

var strengths = []string{
	"She has been going to the gym three times a week and said it helps her sleep.",
	"[in] She is proud that she has kept her room tidy and her privilege level up.",
	"She spoke warmly about her children and her plans to be a steady presence for them.",
	"She has been writing poetry and offered to send something for the newsletter.",
	"[in] She has become a peer mentor on the wing and other women come to her for advice.",
	"She has kept up her education classes despite a difficult month, which shows real determination.",
	"She was clear about what she wants and what she does not want, and it was good to hear her voice so strongly.",
	"[in] She has been helping in the library and is reading more than she has for years.",
	"[in] She is using the Listener scheme and said talking helps.",
	"She has kept in touch with her mum every week, and the calls mean a lot to both of them.",
	"She has worked hard to stay off drugs and is proud of the time she has done clean.",
	"She laughed a lot today and said she feels more like herself.",
	"She knows what has helped her in the past and is good at asking for what she needs.",
	"[in] She has started a course in the gardens and described the herb beds she planted.",
	"[in] She has been knitting hats for the baby unit and showed me the pattern she made up herself.",
	"[in] She is saving her wages for a phone and new clothes for release, and she has a clear plan for both.",
	"[out] She has kept every appointment this week, which is a real achievement with so much going on.",
	"[out] She has started volunteering at the charity shop and enjoys being part of a team.",
	"[out] She cooked a proper meal for her mum on Sunday and was proud to tell me about it.",
	"[out] She has joined the walking group at the women's centre.",
	"[out] She has opened a bank account and paid her first bill on time.",
	"[out] She is getting to know her neighbours and feels safer in the area.",
	"[out] She has been going to the women's group every week and has made friends there.",
	"[out] She said she feels more confident speaking up at appointments.",
}

var nextSteps = []string{
	"Agreed that I will chase {agency} and write to her with what they say.",
	"[in] Next steps: I will send the referral this week and see her at next month's session.",
	"[in] She will put in an application for a call with her probation officer, and I will follow up by email.",
	"We agreed to look at this again next visit, once she has heard back.",
	"I will write to her before the next session so she is not left waiting for news.",
	"She asked me not to share this with anyone yet, and I have respected that.",
	"[in] I will book her onto next month's list and bring the forms we need.",
	"She is going to think about it over the next week and let me know in a letter.",
	"I will ring {agency} on Monday and let her know the outcome by letter.",
	"We agreed that she will lead on this and I will be there if she wants support.",
}

var closings = []string{
	"She thanked the team for the cards and said they keep her going.",
	"She said she felt lighter after talking things through.",
	"We finished with a chat about the football, which she enjoyed.",
	"She asked to be booked for next month.",
	"She left saying she would write soon.",
	"She said it helped not to have to tell her story all over again.",
	"", "", "", "",
}

var notSeenNotes = map[string][]string{
	"refused": {
		"Officers said {first} did not want to come down today. I left a note with the wing to say we will come back next month and she can write any time.",
		"{first} sent word that she was not feeling up to a visit. That is her choice; I will write to her.",
		"",
	},
	"not_escorted": {
		"{first} was not brought down from the wing; staff said there were not enough officers for movements. I will write and rebook.",
		"The escort list did not reach the wing in time, so {first} was not brought over. I have asked the OMU to check the list for next month.",
		"",
	},
	"no_time": {
		"We ran out of time after the late start and could not see {first}. I asked the wing to pass on my apologies; she is first on the list next time.",
		"",
	},
	"released": {
		"{first} had been released earlier in the week; the OMU confirmed it. I will contact her through probation.",
	},
	"transferred": {
		"Staff said {first} was transferred to another prison last week. I will find out where and write to her there.",
	},
	"other": {
		"{first} had a legal visit at the same time, so we could not meet. I will write and rebook.",
		"{first} was at a healthcare appointment during the session. I will write and rebook.",
	},
}

var releaseMeet = []string{
	"Met {first} at the gate of {prison} at {time}. She came out with two bags and a big smile.",
	"Met {first} off the train at {town} station; she had been given a travel warrant at the gate and managed the journey on her own.",
	"Picked {first} up at the gate of {prison}. It was raining and she was glad of the coat from the clothes bank.",
	"Waited at the gate of {prison} from {time}; {first} came out an hour later than planned because of a problem with her discharge grant, but she was calm about it.",
}

var releaseSteps = []string{
	"We went straight to her appointment at {probation}; the officer was kind and the appointment was short.",
	"Then on to {housing}, where she was shown her room and met her key worker. She said it was cleaner than she expected.",
	"Housing was not confirmed until the afternoon, so we waited at the council's housing options team until a room was found for tonight. She was patient throughout.",
	"We collected her prescription from the pharmacy so there was no gap in her medication.",
	"We registered her at {gp} and booked a review for next week.",
	"She made her Universal Credit claim on my phone and has an appointment at the Jobcentre later in the week.",
	"We got her a basic phone and some credit so she can stay in touch with probation and with us.",
	"We stopped for lunch, which she chose, and she talked about what she wants her first week to look like.",
	"She rang her mum from the car and was in tears of relief afterwards.",
	"We called in at {hub} so she could meet the team and pick up some clothes and toiletries.",
}

var releaseEnds = []string{
	"By the end of the day she was tired but settled. I will phone her tomorrow morning.",
	"She said it was the best release she has had because she was not on her own. I will see her on Friday.",
	"A long day, but everything that needed to happen did. She knows how to reach us.",
}

var courtNotes = []string{
	"Accompanied {first} to {court}. She was nervous in the morning, so we talked in the waiting area until her case was called.",
	"Met {first} outside {court} and sat with her while she waited for her solicitor. She was glad not to be on her own.",
	"Went with {first} to {court}. The case was listed late, and she coped well with the long wait.",
}

var courtOutcomes = map[string][]string{
	"community": {
		"She received a community order with a rehabilitation activity requirement and was visibly relieved. We went for a coffee afterwards to go through what happens next.",
		"The court gave her a suspended sentence with a requirement to attend the women's centre. She said she will make the most of the chance.",
	},
	"custody": {
		"She was sentenced to custody. I stayed until she was taken down and told her we will visit her in {prison}.",
		"The sentence was longer than she had hoped. I reassured her we will keep in touch, and I will write this week.",
	},
	"adjourned": {
		"The hearing was adjourned for reports. She was frustrated but understood, and I will be with her at the next date.",
	},
}

var phoneNotes = []string{
	"{first} rang from the wing phone.",
	"Phone call with {first}.",
	"{first} called the office line and asked for me.",
	"Returned {first}'s call from yesterday.",
}

var communityNotes = []string{
	"Met {first} at {hub} for a coffee.",
	"Home visit to {first}; she showed me what she has done with the flat.",
	"Met {first} in town and walked with her to her appointment.",
	"{first} came to the drop-in at {hub}.",
}

var liaisonNotes = []string{
	"Spoke to {agency} about {first}'s {area}. They have her referral and will offer an assessment within two weeks.",
	"Called {agency} about {first}'s {area}. The worker was helpful and will write to her directly.",
	"Emailed {agency} with an update on {first}'s {area}, with her consent. They will pick this up at their next allocation meeting.",
	"Chased {agency} about {first}'s {area}. Still waiting; I will try again on Thursday and let her know either way.",
}

var meetingNotes = []string{
	"Attended the multi-agency meeting for {first}'s release planning with probation, housing and the drug and alcohol service. Her views, which she gave me last week, were read out first.",
	"Professionals meeting about {first}'s {area}. Everyone agreed the plan and who is doing what; I will explain it to her in plain words.",
	"Case conference about {first}. I shared what she had asked me to share and nothing more. The next review is in six weeks.",
}

var emailNotes = []string{
	"Emailed {agency} about {first}'s {area} and copied in her probation officer, with her consent.",
	"Email exchange with {agency} about {first}'s {area}; they have asked for a consent form, which I will take to her.",
}

var letterContactNotes = []string{
	"Wrote to {first} with an update on her {area} and the date of the next session.",
	"Sent {first} a letter explaining what {agency} said, in plain words, as she asked.",
}

var logisticsNotes = []string{
	"", "", "",
	"Link room double-booked, so we used the chaplaincy.",
	"Gate queue slow after a search; late in.",
	"Escort list went to the wings late.",
	"Room was cold; asked about a heater for next month.",
	"Keys took a while at the gate.",
}
