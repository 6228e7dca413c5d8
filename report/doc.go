// Package report answers questions about the whole vault: full-text search,
// the monitoring figures for funders (with the records behind each figure),
// everything held about one woman (a subject access request), erasing a
// woman and every record about her, and the retention review of closed
// records.
//
// Conventions of the whole package:
//
//   - Dates are strings "YYYY-MM-DD"; an absent date is "" (NULL in the
//     database). Periods [from, to] are inclusive.
//   - Every function takes the vault's *sql.DB, which has exactly one
//     connection: each query's rows are read and closed before the next
//     query runs, and a transaction uses its *sql.Tx for every statement.
//   - Errors name the field or record id and the problem, never the text of
//     a record.
//   - Enumerated words are shown to people through the labels of package
//     schema ("prison_visit" → "Prison visit").
//
// # Outcome figures and the evaluation
//
// Monitoring also counts the outcome figures of DESIGN.md "Outcomes and
// the evaluation's tables" (Figures.ReleaseJourney … DistanceTravelled).
// They are worked out once, in Go, as lists of the records behind each
// figure (outcomes.go), so Breakdown opens each one — by the key of its
// OutcomeLine, such as "release_journey.released", "ethnicity.white" or
// "distance_travelled.wellbeing.improved" — to exactly the records it
// counts. Where DESIGN.md leaves a choice open, outcomes.go says what was
// chosen and outcomes_test.go proves it on a hand-built dataset; in short:
//
//   - release-day support counts a release_day contact from any of her
//     releases in the period to 14 days after (day 14 in, day 15 out), even
//     if the contact falls just after the period; continuing support counts
//     from more than 14 days after her first release in the period, up to
//     To;
//   - six months are 183 days: day 183 counts, day 184 does not; an event
//     on the release day itself does not; a release exactly 183 days before
//     To is followed, not recent; "recent" releases must be in the period;
//   - time in custody is counted for her first release in the period;
//   - a woman "kept out of prison" is judged by her latest court outcome in
//     the period that says one; she need not have been accompanied;
//   - two readings of one area on the same day are ordered by id;
//     average_change is rounded to two decimals;
//   - a share is printed "n of m (p%)", p rounded half up; "n of 0" has no
//     percentage.
//
// EvaluationTable (evaluation.go) puts consecutive years side by side, each
// column exactly that year's Monitoring.
package report
