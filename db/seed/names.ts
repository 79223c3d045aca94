// Built-in word lists, so the seeds need no faker dependency and never change
// under a library upgrade. Emails use reserved domains (RFC 2606) and phones
// use numbers set aside for fiction (+1 NPA 555-01xx, +44 20 7946 0xxx).

// prettier-ignore
export const FIRST_NAMES = [
  "Olivia", "Liam", "Emma", "Noah", "Ava", "Mateo", "Sophia", "Elijah", "Isabella", "Lucas",
  "Mia", "Mason", "Amelia", "Ethan", "Harper", "Aiden", "Evelyn", "Logan", "Abigail", "Jackson",
  "Emily", "Sebastian", "Ella", "Jack", "Elizabeth", "Owen", "Sofia", "Samuel", "Avery", "Henry",
  "Scarlett", "Wyatt", "Grace", "Leo", "Chloe", "Julian", "Victoria", "Levi", "Riley", "Isaac",
  "Aria", "Gabriel", "Lily", "Anthony", "Zoey", "Dylan", "Nora", "Thomas", "Hannah", "Caleb",
  "Priya", "Arjun", "Mei", "Kenji", "Fatima", "Omar", "Ingrid", "Lars", "Chiara", "Diego",
] as const;

// prettier-ignore
export const LAST_NAMES = [
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
  "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
  "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
  "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores",
  "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts",
  "Patel", "Chen", "Kim", "Okafor", "Novak", "Rossi", "Schmidt", "Haddad", "Tanaka", "Larsen",
] as const;

// "<word> <kind>" makes names like "Bluebird Dental" or "Copperleaf Landscaping".
// prettier-ignore
export const COMPANY_WORDS = [
  "Bluebird", "Copperleaf", "Harbor", "Summit", "Oakridge", "Brightwater", "Juniper", "Maple Lane", "Northstar", "Riverbend",
  "Silverline", "Stonegate", "Sunrise", "Tidewater", "Westfield", "Evergreen", "Foxglove", "Granite", "Hollow Pine", "Ironwood",
  "Lakeside", "Meadowlark", "Red Barn", "Saltbox", "Thistle", "Windmill", "Cedar Point", "Golden Hour", "Kestrel", "Lighthouse",
] as const;

// prettier-ignore
export const COMPANY_KINDS = [
  "Dental", "Bakery", "Landscaping", "Architecture", "Law Group", "Fitness", "Veterinary Clinic", "Coffee Roasters", "Florist", "Photography",
  "Plumbing", "Realty", "Yoga Studio", "Bookkeeping", "Brewing Co.", "Auto Repair", "Pediatrics", "Design Co.", "Outfitters", "Catering",
] as const;

// prettier-ignore
export const STREETS = [
  "Maple Street", "Oak Avenue", "Pine Road", "Cedar Lane", "Elm Street", "Washington Avenue", "Lake Drive", "Hillcrest Road",
  "Park Place", "River Road", "Sunset Boulevard", "Mill Street", "Church Street", "Highland Avenue", "Market Street", "Spring Street",
] as const;

export const CITIES = [
  { city: "Portland", region: "OR", postcode: "97205", area: "503" },
  { city: "Seattle", region: "WA", postcode: "98101", area: "206" },
  { city: "Denver", region: "CO", postcode: "80202", area: "303" },
  { city: "Austin", region: "TX", postcode: "78701", area: "512" },
  { city: "Madison", region: "WI", postcode: "53703", area: "608" },
  { city: "Asheville", region: "NC", postcode: "28801", area: "828" },
  { city: "Burlington", region: "VT", postcode: "05401", area: "802" },
  { city: "Boise", region: "ID", postcode: "83702", area: "208" },
  { city: "Savannah", region: "GA", postcode: "31401", area: "912" },
  { city: "Santa Fe", region: "NM", postcode: "87501", area: "505" },
] as const;

export type City = (typeof CITIES)[number];

/** A lower-case, dot-free slug for email domains: "Red Barn Bakery" → "redbarnbakery". */
export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "");
}

/** A US number in the 555-0100..0199 block reserved for fiction, in E.164. */
export function fictionalUsPhone(area: string, line: number): string {
  return `+1${area}5550${String(100 + (line % 100)).padStart(3, "0")}`;
}

/**
 * A London number in the 020 7946 0000..0999 block Ofcom reserves for
 * drama, in E.164. (The drama mobile block, 07700 900xxx, is not a valid
 * number in libphonenumber's metadata, so the client form would refuse it.)
 * It is a landline: it can't take texts, so seeded clients with one never
 * opt in to SMS.
 */
export function fictionalUkPhone(line: number): string {
  return `+44207946${String(line % 1000).padStart(4, "0")}`;
}
