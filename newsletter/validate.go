package newsletter

import (
	"inreach/schema"
)

// MaxTextBytes is the most one text field may hold (see schema.MaxTextBytes).
const MaxTextBytes = schema.MaxTextBytes
