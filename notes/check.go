package notes

// CheckPerson validates p as SavePerson would, without saving and without
// looking anything up (an establishment that no longer exists is only found
// on save). It returns nil or a ValidationError, so a form can show problems
// as they are typed. p is not changed.
func (s *Store) CheckPerson(p Person) error {
	p.Needs = append([]Need(nil), p.Needs...)
	if errs := p.validate(s.today(), false); len(errs) > 0 {
		return errs
	}
	return nil
}

// CheckContact validates c as SaveContact would, without saving and without
// looking anything up (women or an establishment that no longer exist are
// only found on save). It returns nil or a ValidationError. c is not
// changed.
func (s *Store) CheckContact(c Contact) error {
	if errs := c.validate(s.today()); len(errs) > 0 {
		return errs
	}
	return nil
}
