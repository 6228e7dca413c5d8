package demo

// Invented people are built by combining common first names and surnames;
// no name here is meant to be anyone in particular.

var firstNames = []string{
	"Sarah", "Emma", "Laura", "Rebecca", "Gemma", "Claire", "Nicola", "Lisa",
	"Michelle", "Kelly", "Joanne", "Donna", "Stacey", "Leanne", "Amy", "Chloe",
	"Jessica", "Hannah", "Danielle", "Kerry", "Samantha", "Natalie", "Amanda",
	"Karen", "Tracey", "Julie", "Dawn", "Angela", "Sharon", "Louise", "Victoria",
	"Charlotte", "Katie", "Lauren", "Sophie", "Megan", "Shannon", "Courtney",
	"Kayleigh", "Zoe", "Hayley", "Toni", "Lindsey", "Rachel", "Helen", "Jennifer",
	"Maria", "Aisha", "Fatima", "Priya", "Amina", "Shanice", "Tanya", "Ellie",
	"Abbie", "Paige", "Demi", "Jodie", "Carly", "Sian", "Bethany", "Natasha",
	"Kirsty", "Lucy", "Georgia", "Roxanne", "Chantelle", "Leah", "Nadia",
	"Agnieszka", "Olivia", "Ruth", "Wendy", "Denise", "Sandra", "Janet",
	"Siobhan", "Bernadette", "Marie", "Kim", "Lorraine", "Yvonne", "Teresa",
	"Patricia", "Ann", "Kathleen", "Stephanie", "Alice", "Grace", "Mia",
	"Tiffany", "Keeley", "Rochelle", "Jasmin", "Simone", "Anita", "Jacqueline",
}

var surnames = []string{
	"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson",
	"Davies", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White",
	"Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Patel", "Khan",
	"Lewis", "James", "Phillips", "Mason", "Mitchell", "Hughes", "Edwards",
	"Turner", "Hill", "Cooper", "Ward", "Moore", "King", "Harris", "Baker",
	"Lee", "Allen", "Young", "Scott", "Morris", "Bennett", "Cook", "Bell",
	"Shaw", "Murphy", "Kelly", "Price", "Parker", "Bailey", "Kaur", "Begum",
	"Ali", "Hussain", "Nowak", "Marshall", "Simpson", "Ellis", "Hunt",
	"Palmer", "Knight", "Fox", "Lloyd", "Butler", "Barnes", "Webb", "Fletcher",
	"Holmes", "Gibson", "Grant", "Doyle", "McDonald", "Reid", "Murray",
	"Stevens", "Pearson", "Dixon", "Booth", "Quinn", "Kennedy", "Chapman",
	"Walsh", "Burns", "Dunn", "Lawrence", "Atkinson", "Foster", "Carter",
	"Gray", "Rowe", "Whitfield", "Harding", "Sutton", "Pickering", "Oakley",
	"Brennan", "Hendry", "Lowe", "Marsden", "Nolan", "Tate", "Yates",
}

// pseudonymWords are the flower, bird and gem words women choose to write
// under in the newsletter.
var pseudonymWords = []string{
	"Robin", "Wren", "Lark", "Linnet", "Kestrel", "Swallow", "Starling",
	"Skylark", "Heron", "Dove", "Finch", "Merlin", "Willow", "Poppy", "Daisy",
	"Iris", "Violet", "Heather", "Bluebell", "Primrose", "Jasmine", "Lily",
	"Hazel", "Ivy", "Fern", "Amber", "Ruby", "Pearl", "Opal", "Garnet", "Coral",
	"Sapphire", "Topaz", "Jet", "Emerald", "Crystal", "Saffron", "Clover",
	"Marigold", "Meadow", "Rowan", "Sorrel", "Bramble", "Juniper", "Magpie",
	"Nightingale", "Kingfisher", "Snowdrop", "Foxglove", "Peony",
}

// staffFirst and staffLast make the invented names of practitioners and
// supervisors.
var staffFirst = []string{"Jo", "Helen", "Priya", "Denise", "Maggie", "Ruth", "Sam", "Bev", "Anjali", "Carol", "Fiona", "Lynne"}
var staffLast = []string{"Hartley", "Marsh", "Shah", "Cole", "Okafor", "Pryce", "Fenwick", "Ashby", "Rendell", "Whitlock", "Crane", "Dalby"}
