package demo

// Sentences for reflective diary entries and supervision. {place} is where
// the contact was, {first} and {name} one woman from it, {k} how many women
// were booked, {s} how many were seen, {kind} the kind of contact in words.

var diaryDetail = []string{
	"{kind} at {place}. {k} women were on the list and I saw {s} of them.",
	"{kind} at {place}, a full session with {s} women seen out of {k} booked.",
	"Today's {kind} at {place}. {s} of the {k} women booked came over.",
}

var diaryDetailFew = []string{
	"{kind} at {place}. A quiet session: {s} seen of the {k} on the list.",
	"{kind} at {place}. Only a small list this month ({k} booked, {s} seen), which gave time for longer conversations.",
}

var diaryDetailNone = []string{
	"{kind} at {place}. None of the {k} women on the list could be seen today.",
	"{kind} at {place}. The {k} women booked were not brought over, so the session did not happen as planned.",
}

var diaryMentionOther = []string{
	"{first} talked about her plans for the first week.",
	"{name} said she had hardly slept the night before.",
	"{first} wanted to talk about her children on the way.",
	"It was good to see how {name} handled a stressful day.",
	"{first} asked lots of questions, and I made sure she left with the answers written down.",
}

var diaryDetailMore = []string{
	"The room was ready when we arrived and the officers were friendly, which set a good tone.",
	"We started twenty minutes late because of a lockdown on one wing, so each conversation was shorter than I would have liked.",
	"Most of the time went on release planning, as several women are due out in the next two months.",
	"Two women were new to us, so I spent time explaining what we do and how we keep things confidential.",
	"It was a busy session with a lot of practical requests: stamps, forms and chasing referrals.",
	"The session was calm and the women were chatty; several asked about the newsletter.",
	"One conversation became very emotional and I let it take the time it needed.",
}

var diaryMention = []string{
	"I spent the most time with {name}, who wanted to talk through her plans for release.",
	"{name} told me about her children, and it was clear how much they mean to her.",
	"{first} was worried about housing and I could feel how much the uncertainty is affecting her.",
	"{first} shared something painful about her past for the first time. I listened and did not push.",
	"{name} was proud to show me her certificate from education.",
	"{first} asked me directly whether I thought she would cope outside. I answered honestly and kindly.",
}

var staffReflection = []string{
	"I noticed I was rushing at the start because of the late start, and I had to slow myself down so that the first woman did not feel hurried.",
	"I felt the weight of what I heard today and made sure I took ten minutes in the car park before driving home.",
	"I was pleased with how I held a boundary when I was asked for my personal number; I explained why kindly and gave the team line instead.",
	"I found myself wanting to fix everything at once. I reminded myself that my role is to walk alongside her, not to take over.",
	"I felt frustrated with the delays from other services and had to be careful not to let that show in a way that would worry her.",
	"I was aware of my own reaction when she described the abuse. I stayed present and used the grounding I learned in training.",
	"I felt proud of the trust that has built up over the months. She spoke to me in a way she could not at the start.",
	"I noticed how tired I was by the last conversation, and I think she noticed it too. I need to plan breaks between women.",
	"I second-guessed whether I should have shared the information with the wing. On reflection I followed the policy and her wishes.",
	"It was hard to hear that the housing had fallen through again, and I noticed my own disappointment mirroring hers.",
}

var positiveOutcomes = []string{
	"Several women left with a clear next step and something in writing, which reduces anxiety between visits.",
	"A referral that has been stuck for weeks was finally accepted today.",
	"She agreed to a referral she had turned down twice before, because she felt it was her decision this time.",
	"The partnership with the OMU is working: they had the paperwork ready before we arrived.",
	"Good teamwork with the wing staff meant everyone on the list was brought over on time.",
	"She told me she felt listened to and did not have to repeat her story, which is exactly what we aim for.",
	"We were able to give out stamps and writing materials so women can keep in touch with family.",
	"Her release plan is now mostly in place: housing, probation and prescription are confirmed.",
}

var negativeOutcomes = []string{
	"Two women were not brought from the wings, and one of them has a release date coming up soon.",
	"Housing is still not confirmed for a woman due out in under two weeks, which worries me.",
	"I could not get through to probation, so I left the session without an answer for her.",
	"The late start meant shorter conversations and one woman was not seen at all.",
	"She was upset by news from family court and there was little I could do in the time we had.",
	"The room was not private enough for some of the conversations, and I noticed women lowering their voices.",
	"A referral was rejected because the service needs ID she does not have yet.",
	"Nothing went badly today, but I am aware that several plans depend on other services replying.",
}

var learnings = []string{
	"I will send the booking list two days earlier so the escort list reaches the wings in time.",
	"Checking in about the last visit before starting on new business helps women feel remembered.",
	"I want to keep practising the trauma-informed approach of offering choices about what we talk about first.",
	"I need to ask earlier about ID, as it holds up so much else on release.",
	"Writing a short summary for the woman at the end of the session works well; she has it to refer to.",
	"Taking a proper break after a difficult conversation is part of doing this job well, not a luxury.",
	"Building relationships with the OMU pays off; a quick call the day before saves a lot of time.",
	"I should bring the easy-read leaflets every time, not just when I expect to need them.",
	"Being honest about what I cannot do keeps trust better than over-promising.",
	"I will raise the pattern of missed escorts with the prison's partnership lead.",
}

var gibbsDescription = []string{
	"{kind} with {first} at {place}.",
	"What happened: a {kind} at {place} that did not go as planned.",
	"{kind} at {place}; {name} and I had planned to go through her release checklist.",
}

var gibbsFeelings = []string{
	"Before we started I felt anxious about whether the housing would come through. During the conversation I felt moved by how openly she spoke. Afterwards I felt drained but hopeful.",
	"I felt frustrated with the system and protective of her. I also felt some guilt that I could not do more in the time.",
	"I felt calm and prepared, which I put down to planning the session the day before.",
	"I felt uncomfortable when she became angry, and I noticed I wanted to smooth it over rather than let her be heard.",
}

var gibbsEvaluation = []string{
	"What went well was that she set the agenda and we covered what mattered to her. What went less well was the time: we ran over and the next woman waited.",
	"The practical parts went well. The emotional part was harder and I am not sure I got the balance right.",
	"Good: she felt heard and we agreed a plan. Not so good: I made a promise about timing that depends on another service.",
}

var gibbsAnalysis = []string{
	"Thinking about trauma-informed practice, her anger made sense as a response to feeling powerless. Giving her choices helped her feel safer.",
	"The delays come from the gap between prison and community services. It is not one person's fault, but it lands on her.",
	"Research on release-day support says the first 24 hours matter most. That matches what I saw today.",
	"My wish to rescue comes from caring, but it can take away her sense of control. Supervision has helped me notice this.",
}

var gibbsConclusion = []string{
	"I could have slowed down and checked what she wanted from the conversation before offering solutions.",
	"Overall the approach worked, and I would do it the same way again with more time built in.",
	"I learned that being clear about my limits is kinder than being vague.",
}

var gibbsActionPlan = []string{
	"Next time I will book a longer slot for release planning and ask the OMU for the room earlier.",
	"I will take this to supervision, and read the team guidance on boundaries again before the next session.",
	"I will ask her at the start how she would like to use the time, and write the plan down together.",
	"I will make a checklist for release day and share it with her a week before.",
}

var diaryTags = []string{
	"trauma-informed", "housing", "boundaries", "self-care", "safeguarding", "partnership",
	"release", "court", "children", "mental health", "substance use", "team", "consent",
}

var unlinkedDiaryDetail = []string{
	"Reflection after the team training day on trauma-informed practice.",
	"Reflection on a week with three releases and little time to write up.",
	"Reflection after a difficult phone call from a family member asking for information I could not share.",
	"Reflection on the partnership meeting with the prison's reducing reoffending lead.",
}

var supervisionNotes = []string{
	"Reviewed the entries for the month. Talked about caseload size and planning for the releases due in the next six weeks.",
	"Discussed the impact of recent difficult conversations and how self-care is going. Agreed the visit rota for next month.",
	"Looked at how partnership work with the OMUs is going. Good progress with Peterborough; Foston Hall escorts still a problem.",
	"Talked about boundaries and about a safeguarding concern, which was handled well and recorded properly.",
	"Reflected on the outcomes for women released this quarter and what made the difference.",
	"Short session because of leave. Covered the urgent entries; the rest are held over.",
}

var supervisionComments = []string{
	"Good example of trauma-informed practice: you let her set the pace.",
	"Please check the safeguarding procedure was followed and note the time you called the duty manager.",
	"Well reflected. Notice how you named your own feelings without letting them lead.",
	"This is exactly the partnership working the funders want to hear about; could we use it (anonymised) as a case study?",
	"You held the boundary kindly. It is fine to feel uncomfortable doing it.",
	"Let's talk about how to share the load when several releases fall in one week.",
	"Thank you for being honest about the frustration. It is a fair reaction to the delays.",
	"Good learning point; please share it at the next team meeting.",
}

var supervisionActions = []string{
	"Book onto the safeguarding refresher training",
	"Agree cover for next month's Foston Hall session",
	"Take a proper lunch break on visit days",
	"Update the agency directory entries not checked for a year",
	"Draft an anonymised case study for the funder report",
	"Raise the missed escorts with the prison partnership lead",
	"Read the team guidance on professional boundaries",
	"Arrange a debrief after the next release day",
	"Plan the caseload review for women closed over a year ago",
}
