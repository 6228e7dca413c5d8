package schema

// v3 adds covering indexes for the queries that list women with their last
// contact and build timelines, measured slow at the org scale (4,000
// women, 60,000 contacts) without them.
const v3 = `
CREATE INDEX contact_people_person_seen ON contact_people(person_id, seen, contact_id);
CREATE INDEX contacts_id_date ON contacts(id, date);
CREATE INDEX actions_contact ON actions(contact_id);
CREATE INDEX letters_person_direction ON letters(person_id, direction, date);
`
