//! Word lists: people's names and the parts invented company domains are built from.

/// Common first names, most popular first (drawn with probability ∝ 1/rank).
#[rustfmt::skip]
pub const FIRST_NAMES: [&str; 200] = [
    "James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "David",
    "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah",
    "Christopher", "Karen", "Charles", "Lisa", "Daniel", "Nancy", "Matthew", "Betty", "Anthony",
    "Sandra", "Mark", "Margaret", "Donald", "Ashley", "Steven", "Kimberly", "Andrew", "Emily",
    "Paul", "Donna", "Joshua", "Michelle", "Kenneth", "Carol", "Kevin", "Amanda", "Brian",
    "Melissa", "George", "Deborah", "Timothy", "Stephanie", "Ronald", "Dorothy", "Jason",
    "Rebecca", "Edward", "Sharon", "Jeffrey", "Laura", "Ryan", "Cynthia", "Jacob", "Amy", "Gary",
    "Kathleen", "Nicholas", "Angela", "Eric", "Shirley", "Jonathan", "Brenda", "Stephen", "Emma",
    "Larry", "Anna", "Justin", "Pamela", "Scott", "Nicole", "Brandon", "Samantha", "Benjamin",
    "Katherine", "Samuel", "Christine", "Gregory", "Helen", "Alexander", "Debra", "Patrick",
    "Rachel", "Frank", "Carolyn", "Raymond", "Janet", "Jack", "Maria", "Dennis", "Catherine",
    "Jerry", "Heather", "Tyler", "Diane", "Aaron", "Olivia", "Jose", "Julie", "Adam", "Joyce",
    "Nathan", "Victoria", "Henry", "Ruth", "Zachary", "Virginia", "Douglas", "Lauren", "Peter",
    "Kelly", "Kyle", "Christina", "Noah", "Joan", "Ethan", "Evelyn", "Jeremy", "Judith",
    "Christian", "Andrea", "Walter", "Hannah", "Keith", "Megan", "Austin", "Cheryl", "Roger",
    "Jacqueline", "Terry", "Martha", "Sean", "Madison", "Gerald", "Teresa", "Carl", "Gloria",
    "Dylan", "Sara", "Harold", "Janice", "Jordan", "Ann", "Jesse", "Kathryn", "Bryan", "Abigail",
    "Lawrence", "Sophia", "Arthur", "Frances", "Gabriel", "Jean", "Bruce", "Alice", "Logan",
    "Judy", "Priya", "Isabella", "Wei", "Julia", "Alan", "Grace", "Juan", "Amber", "Elijah",
    "Denise", "Mohammed", "Danielle", "Albert", "Marilyn", "Chidi", "Beverly", "Randy",
    "Charlotte", "Mason", "Natalie", "Vincent", "Theresa", "Liam", "Diana", "Hiroshi", "Brittany",
    "Aisha", "Fatima", "Caleb", "Kayla", "Raj", "Alexis", "Mei", "Lori", "Lucas", "Marie",
];

/// Common last names, most popular first (drawn with probability ∝ 1/rank).
#[rustfmt::skip]
pub const LAST_NAMES: [&str; 300] = [
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
    "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor",
    "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez",
    "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott",
    "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera",
    "Campbell", "Mitchell", "Carter", "Roberts", "Gomez", "Phillips", "Evans", "Turner", "Diaz",
    "Parker", "Cruz", "Edwards", "Collins", "Reyes", "Stewart", "Morris", "Morales", "Murphy",
    "Cook", "Rogers", "Gutierrez", "Ortiz", "Morgan", "Cooper", "Peterson", "Bailey", "Reed",
    "Kelly", "Howard", "Ramos", "Kim", "Cox", "Ward", "Richardson", "Watson", "Brooks", "Chavez",
    "Wood", "James", "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes", "Price", "Alvarez",
    "Castillo", "Sanders", "Patel", "Myers", "Long", "Ross", "Foster", "Jimenez", "Powell",
    "Jenkins", "Perry", "Russell", "Sullivan", "Bell", "Coleman", "Butler", "Henderson", "Barnes",
    "Gonzales", "Fisher", "Vasquez", "Simmons", "Romero", "Jordan", "Patterson", "Alexander",
    "Hamilton", "Graham", "Reynolds", "Griffin", "Wallace", "Moreno", "West", "Cole", "Hayes",
    "Bryant", "Herrera", "Gibson", "Ellis", "Tran", "Medina", "Aguilar", "Stevens", "Murray",
    "Ford", "Castro", "Marshall", "Owens", "Harrison", "Fernandez", "McDonald", "Woods",
    "Washington", "Kennedy", "Wells", "Vargas", "Henry", "Chen", "Freeman", "Webb", "Tucker",
    "Guzman", "Burns", "Crawford", "Olson", "Simpson", "Porter", "Hunter", "Gordon", "Mendez",
    "Silva", "Shaw", "Snyder", "Mason", "Dixon", "Munoz", "Hunt", "Hicks", "Holmes", "Palmer",
    "Wagner", "Black", "Robertson", "Boyd", "Rose", "Stone", "Salazar", "Fox", "Warren", "Mills",
    "Meyer", "Rice", "Schmidt", "Garza", "Daniels", "Ferguson", "Nichols", "Stephens", "Soto",
    "Weaver", "Ryan", "Gardner", "Payne", "Grant", "Dunn", "Kelley", "Spencer", "Hawkins",
    "Arnold", "Pierce", "Vazquez", "Hansen", "Peters", "Santos", "Hart", "Bradley", "Knight",
    "Elliott", "Cunningham", "Duncan", "Armstrong", "Hudson", "Carroll", "Lane", "Riley",
    "Andrews", "Alvarado", "Ray", "Delgado", "Berry", "Perkins", "Hoffman", "Johnston", "Matthews",
    "Pena", "Richards", "Contreras", "Willis", "Carpenter", "Lawrence", "Sandoval", "Guerrero",
    "George", "Chapman", "Rios", "Estrada", "Ortega", "Watkins", "Greene", "Nunez", "Wheeler",
    "Valdez", "Harper", "Burke", "Larson", "Santiago", "Maldonado", "Morrison", "Franklin",
    "Carlson", "Austin", "Dominguez", "Carr", "Lawson", "Jacobs", "O'Brien", "Lynch", "Singh",
    "Vega", "Bishop", "Montgomery", "Oliver", "Jensen", "Harvey", "Williamson", "Gilbert", "Dean",
    "Sims", "Espinoza", "Howell", "Li", "Wong", "Reid", "Hanson", "Le", "McCoy", "Garrett",
    "Burton", "Fuller", "Wang", "Weber", "Welch", "Rojas", "Lucas", "Marquez", "Fields", "Park",
    "Yang", "Little", "Banks", "Padilla", "Day", "Walsh", "Bowman", "Schultz", "Luna", "Fowler",
    "Mejia",
];

/// A name as written in the file and its ASCII spelling for the mailbox (`José` → `jose`).
pub type Name = (&'static str, &'static str);

/// Names outside the ASCII lists, grouped so first and last names go together. Every entry
/// holds at least one non-ASCII letter.
pub struct Culture {
    /// Relative weight among the cultures.
    pub weight: u64,
    /// Given names.
    pub first: &'static [Name],
    /// Family names.
    pub last: &'static [Name],
}

/// The ~3% of people whose names are not plain ASCII.
pub const CULTURES: [Culture; 10] = [
    Culture {
        weight: 20,
        first: &[
            ("José", "jose"),
            ("María", "maria"),
            ("Jesús", "jesus"),
            ("Inés", "ines"),
            ("Raúl", "raul"),
            ("Sofía", "sofia"),
            ("Andrés", "andres"),
        ],
        last: &[
            ("Núñez", "nunez"),
            ("García", "garcia"),
            ("Martínez", "martinez"),
            ("Peña", "pena"),
            ("Ibáñez", "ibanez"),
            ("Gómez", "gomez"),
            ("Rodríguez", "rodriguez"),
        ],
    },
    Culture {
        weight: 14,
        first: &[
            ("Jürgen", "juergen"),
            ("Jörg", "joerg"),
            ("Günther", "guenther"),
            ("Bärbel", "baerbel"),
            ("Björn", "bjoern"),
        ],
        last: &[
            ("Müller", "mueller"),
            ("Schäfer", "schaefer"),
            ("Groß", "gross"),
            ("Köhler", "koehler"),
            ("Bäcker", "baecker"),
            ("Weiß", "weiss"),
        ],
    },
    Culture {
        weight: 8,
        first: &[
            ("Søren", "soren"),
            ("Bjørn", "bjorn"),
            ("Åsa", "asa"),
            ("Jörgen", "jorgen"),
            ("Øystein", "oystein"),
        ],
        last: &[
            ("Jørgensen", "jorgensen"),
            ("Ødegaard", "odegaard"),
            ("Åberg", "aberg"),
            ("Sjöberg", "sjoberg"),
            ("Lindström", "lindstrom"),
        ],
    },
    Culture {
        weight: 8,
        first: &[
            ("Łukasz", "lukasz"),
            ("Paweł", "pawel"),
            ("Małgorzata", "malgorzata"),
            ("Zoë", "zoe"),
            ("Michał", "michal"),
        ],
        last: &[
            ("Wiśniewski", "wisniewski"),
            ("Żak", "zak"),
            ("Szczęsny", "szczesny"),
            ("Wójcik", "wojcik"),
            ("Kamiński", "kaminski"),
        ],
    },
    Culture {
        weight: 12,
        first: &[
            ("Zoë", "zoe"),
            ("Chloé", "chloe"),
            ("Hélène", "helene"),
            ("François", "francois"),
            ("Loïc", "loic"),
            ("Noémie", "noemie"),
        ],
        last: &[
            ("Lefèvre", "lefevre"),
            ("Bérubé", "berube"),
            ("Gérard", "gerard"),
            ("Leclère", "leclere"),
            ("Béland", "beland"),
        ],
    },
    Culture {
        weight: 10,
        first: &[
            ("Thảo", "thao"),
            ("Đức", "duc"),
            ("Hương", "huong"),
            ("Phúc", "phuc"),
        ],
        last: &[
            ("Nguyễn", "nguyen"),
            ("Trần", "tran"),
            ("Lê", "le"),
            ("Phạm", "pham"),
            ("Võ", "vo"),
        ],
    },
    Culture {
        weight: 12,
        first: &[
            ("芳", "fang"),
            ("伟", "wei"),
            ("娜", "na"),
            ("敏", "min"),
            ("静", "jing"),
            ("磊", "lei"),
        ],
        last: &[
            ("王", "wang"),
            ("李", "li"),
            ("张", "zhang"),
            ("刘", "liu"),
            ("陈", "chen"),
        ],
    },
    Culture {
        weight: 6,
        first: &[
            ("健", "ken"),
            ("陽菜", "hina"),
            ("翔", "sho"),
            ("さくら", "sakura"),
        ],
        last: &[
            ("佐藤", "sato"),
            ("鈴木", "suzuki"),
            ("高橋", "takahashi"),
            ("田中", "tanaka"),
        ],
    },
    Culture {
        weight: 6,
        first: &[
            ("Gökhan", "gokhan"),
            ("Şule", "sule"),
            ("Çağrı", "cagri"),
            ("Özge", "ozge"),
        ],
        last: &[
            ("Yılmaz", "yilmaz"),
            ("Çelik", "celik"),
            ("Şahin", "sahin"),
            ("Öztürk", "ozturk"),
        ],
    },
    Culture {
        weight: 4,
        first: &[
            ("Tomáš", "tomas"),
            ("Jiří", "jiri"),
            ("Kateřina", "katerina"),
        ],
        last: &[("Dvořák", "dvorak"), ("Novák", "novak"), ("Černý", "cerny")],
    },
];

/// The big mailbox providers with their share of addresses in parts per 10,000; the rest go
/// to invented company domains.
pub const PROVIDERS: [(&str, u64); 10] = [
    ("gmail.com", 2000),
    ("outlook.com", 650),
    ("hotmail.com", 520),
    ("yahoo.com", 600),
    ("aol.com", 150),
    ("icloud.com", 280),
    ("comcast.net", 140),
    ("gmx.de", 150),
    ("web.de", 120),
    ("orange.fr", 130),
];

/// Mistyped provider domains (about 0.5% of addresses).
#[rustfmt::skip]
pub const TYPO_DOMAINS: [&str; 14] = [
    "gmial.com", "gmail.co", "gmail.con", "gmai.com", "gamil.com", "yahoo.con", "yaho.com",
    "yahooo.com", "hotmial.com", "hotmail.co", "hotmal.com", "outlok.com", "icloud.con", "aol.co",
];

/// How many invented company domains there are.
pub const COMPANY_DOMAINS: usize = 4990;

/// First halves of compound company names (`bright` + `lake`).
#[rustfmt::skip]
pub const WORD_HEADS: [&str; 48] = [
    "bright", "silver", "oak", "pine", "cedar", "harbor", "river", "stone", "maple", "north",
    "blue", "red", "green", "golden", "iron", "copper", "granite", "willow", "sun", "moon", "star",
    "lake", "ridge", "meadow", "falcon", "eagle", "fox", "bear", "wolf", "summit", "tide", "storm",
    "frost", "amber", "ash", "birch", "elm", "high", "clear", "swift", "quill", "lark", "fenn",
    "rose", "white", "black", "sea", "west",
];

/// Second halves of compound company names.
#[rustfmt::skip]
pub const WORD_TAILS: [&str; 32] = [
    "lake", "birch", "hollow", "crest", "view", "field", "wood", "stone", "ridge", "peak", "line",
    "brook", "gate", "haven", "point", "bridge", "works", "leaf", "vale", "water", "side", "mill",
    "port", "ford", "feather", "spur", "shore", "wick", "fern", "light", "bay", "rock",
];

/// Syllable starts, vowels and ends for invented brand names (`Vel` + `o` + `rix`).
#[rustfmt::skip]
pub const ONSETS: [&str; 24] = [
    "b", "br", "c", "d", "f", "g", "k", "l", "m", "n", "p", "qu", "r", "s", "st", "t", "tr", "v",
    "z", "th", "pl", "gr", "h", "j",
];
/// Vowels for invented brand names.
pub const VOWELS: [&str; 9] = ["a", "e", "i", "o", "u", "a", "e", "io", "ea"];
/// Syllable ends for invented brand names.
#[rustfmt::skip]
pub const CODAS: [&str; 14] = [
    "", "", "", "", "n", "r", "l", "x", "s", "m", "nt", "rk", "nd", "v",
];

/// Industries: the slug used in the domain and the words used in the company name.
pub const INDUSTRIES: [(&str, &str); 40] = [
    ("logistics", "Logistics"),
    ("dental", "Dental"),
    ("analytics", "Analytics"),
    ("consulting", "Consulting"),
    ("realty", "Realty"),
    ("law", "Law Group"),
    ("marine", "Marine"),
    ("design", "Design"),
    ("bakery", "Bakery"),
    ("farms", "Farms"),
    ("academy", "Academy"),
    ("vet", "Veterinary Clinic"),
    ("hvac", "HVAC"),
    ("events", "Events"),
    ("labs", "Labs"),
    ("health", "Health"),
    ("capital", "Capital"),
    ("media", "Media"),
    ("systems", "Systems"),
    ("studio", "Studio"),
    ("partners", "Partners"),
    ("foods", "Foods"),
    ("motors", "Motors"),
    ("energy", "Energy"),
    ("travel", "Travel"),
    ("insurance", "Insurance"),
    ("clinic", "Clinic"),
    ("builders", "Builders"),
    ("software", "Software"),
    ("group", "Group"),
    ("solutions", "Solutions"),
    ("tech", "Technologies"),
    ("print", "Print & Copy"),
    ("outdoors", "Outdoors"),
    ("coffee", "Coffee Roasters"),
    ("yoga", "Yoga Studio"),
    ("hotels", "Hotels"),
    ("cpa", "Accounting"),
    ("press", "Press"),
    ("it", "IT Services"),
];

/// Top-level domains of company domains with their relative weights.
pub const TLDS: [(&str, u64); 5] = [
    (".com", 60),
    (".net", 10),
    (".io", 10),
    (".co.uk", 10),
    (".de", 10),
];
