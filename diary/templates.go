package diary

import "inreach/schema"

// A Template is a shape for a reflective diary entry: its sections, in
// order, each with a heading and a prompt saying what belongs there.
type Template struct {
	Key      string
	Name     string
	Sections []Section
}

// A Section is one heading of a template.
type Section struct {
	Key     string
	Heading string
	// Prompt is a one-line hint shown under the heading while writing.
	Prompt string
}

var templates = []Template{
	{
		Key:  "visit_reflection",
		Name: schema.DiaryTemplate.Label("visit_reflection"),
		Sections: []Section{
			{"visit_detail", "Visit detail",
				"The facts: where, when, who was seen or not seen and why, what was asked for and what was done."},
			{"staff_reflection", "Staff reflection",
				"How the session went for you: what you noticed, felt or found hard, and what it asked of you."},
			{"positive_outcome", "Positive outcome",
				"What went well, in her words where you can: strengths, progress, a door that opened."},
			{"negative_outcome", "Negative outcome",
				"What did not go to plan or is a worry: barriers, missed chances, risks to follow up."},
			{"learning", "Learning",
				"What you will take forward: for your practice, the service or partner agencies."},
		},
	},
	{
		Key:  "gibbs",
		Name: schema.DiaryTemplate.Label("gibbs"),
		Sections: []Section{
			{"description", "Description",
				"What happened? Set out the situation plainly, without judging it yet."},
			{"feelings", "Feelings",
				"What were you thinking and feeling at the time, and afterwards?"},
			{"evaluation", "Evaluation",
				"What was good and what was difficult about the experience, for her and for you?"},
			{"analysis", "Analysis",
				"Why did it go the way it did? What helps make sense of it: training, policy, trauma-informed practice, other people's views?"},
			{"conclusion", "Conclusion",
				"What else could have been done, and what have you learned about yourself and your practice?"},
			{"action_plan", "Action plan",
				"If it happened again, what would you do? The concrete steps you will take, and by when."},
		},
	},
}

// Templates returns the diary templates, in the order a form lists them.
// The slice is a copy: changing it changes nothing else.
func Templates() []Template {
	out := make([]Template, len(templates))
	for i, t := range templates {
		out[i] = t
		out[i].Sections = append([]Section(nil), t.Sections...)
	}
	return out
}

// TemplateByKey returns the template with key ("visit_reflection",
// "gibbs"); ok is false for an unknown key.
func TemplateByKey(key string) (Template, bool) {
	for _, t := range Templates() {
		if t.Key == key {
			return t, true
		}
	}
	return Template{}, false
}

// sectionIndex is the position of key in template t, or -1.
func (t Template) sectionIndex(key string) int {
	for i, s := range t.Sections {
		if s.Key == key {
			return i
		}
	}
	return -1
}

// Heading returns the heading of section key, or key itself if the
// template has no such section.
func (t Template) Heading(key string) string {
	if i := t.sectionIndex(key); i >= 0 {
		return t.Sections[i].Heading
	}
	return key
}

// learningSections are the sections that feed the Learning view: what the
// practitioner takes forward from each template.
var learningSections = map[string]string{
	"visit_reflection": "learning",
	"gibbs":            "action_plan",
}
