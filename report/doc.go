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
package report
