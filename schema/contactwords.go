package schema

// ContactWords are the words a form, list or PDF uses for a woman's part in
// a contact of one kind. A prison visit is booked and she is seen; a phone
// call is arranged and she is spoken to; an email or letter is expected
// and she is in touch. Use WordsFor.
type ContactWords struct {
	Booked       string // tick: arranged in advance ("Booked", "Call arranged")
	NotBooked    string // after her name when it was not arranged ("not booked")
	Seen         string // tick: it happened with her ("Seen", "Spoke to her")
	NotSeen      string // what a woman not seen is called ("Not seen", "Did not speak")
	SeenCount    string // after a number: "3 seen", "3 spoken to"
	ReasonPrompt string // the question for the reason ("Why was she not seen?")
	// Unseen is the sentence asking for that reason when it is missing.
	Unseen string
	// Future says that no one can have been seen at a contact still to come.
	Future string
}

var (
	inPerson = ContactWords{
		Booked: "Booked", NotBooked: "not booked", Seen: "Seen", NotSeen: "Not seen", SeenCount: "seen",
		ReasonPrompt: "Why was she not seen?",
		Unseen:       "Say why she was not seen (choose Other if you are not sure), or tick Seen.",
		Future:       "no one can have been seen yet. Untick Seen, or correct the date.",
	}
	phoneWords = ContactWords{
		Booked: "Call arranged", NotBooked: "not arranged", Seen: "Spoke to her", NotSeen: "Did not speak", SeenCount: "spoken to",
		ReasonPrompt: "Why did you not speak to her?",
		Unseen:       "Say why you did not speak to her (choose Other if you are not sure), or tick Spoke to her.",
		Future:       "the call cannot have happened yet. Untick Spoke to her, or correct the date.",
	}
	writtenWords = ContactWords{
		Booked: "Expected", NotBooked: "not expected", Seen: "In touch", NotSeen: "No reply", SeenCount: "in touch",
		ReasonPrompt: "Why was there no reply?",
		Unseen:       "Say why there was no reply (choose Other if you are not sure), or tick In touch.",
		Future:       "no one can have been in touch yet. Untick In touch, or correct the date.",
	}
)

// WordsFor returns the words for a woman's part in a contact of kind (a
// ContactKind value). Phone calls, emails and letters have their own; every
// other kind, and an unknown one, is met in person: booked and seen.
func WordsFor(kind string) ContactWords {
	switch kind {
	case "phone":
		return phoneWords
	case "email", "letter":
		return writtenWords
	}
	return inPerson
}
