package dev.leadkit.dedupe.synthetic;

import java.util.List;

/** Name, place and company vocabularies per country for the synthetic leads. */
final class Locales {

    /** One country's vocabulary. */
    static final class Locale {
        final String country;
        final String region;
        final String phonePrefix;
        final int phoneDigits;
        final List<String> firstNames;
        final List<String> lastNames;
        final List<String> syllables;
        final List<String[]> cities;
        final List<String> streets;
        final List<String> streetTypes;
        final List<String> companyWords;
        final List<String> legalForms;
        final List<String> mailDomains;
        final String tld;

        Locale(String country, String region, String phonePrefix, int phoneDigits, List<String> firstNames,
               List<String> lastNames, List<String> syllables, List<String[]> cities, List<String> streets,
               List<String> streetTypes, List<String> companyWords, List<String> legalForms,
               List<String> mailDomains, String tld) {
            this.country = country;
            this.region = region;
            this.phonePrefix = phonePrefix;
            this.phoneDigits = phoneDigits;
            this.firstNames = firstNames;
            this.lastNames = lastNames;
            this.syllables = syllables;
            this.cities = cities;
            this.streets = streets;
            this.streetTypes = streetTypes;
            this.companyWords = companyWords;
            this.legalForms = legalForms;
            this.mailDomains = mailDomains;
            this.tld = tld;
        }
    }

    static final Locale DK = new Locale("DK", "DK", "+45", 8,
            List.of("Søren", "Mette", "Jens", "Anne", "Niels", "Kirsten", "Lars", "Hanne", "Jørgen", "Lene", "Henrik",
                    "Susanne", "Mads", "Camilla", "Rasmus", "Sofie", "Frederik", "Ida", "Christian", "Birgitte",
                    "Anders", "Maja", "Morten", "Louise", "Thomas", "Pia", "Peter", "Marianne", "Michael", "Line",
                    "Kasper", "Charlotte", "Mikkel", "Tove", "Bjørn", "Åse", "Torben", "Inger", "Poul", "Karen",
                    "Ole", "Grethe", "Erik", "Dorthe", "Jesper", "Helle", "Steen", "Vibeke", "Klaus", "Lis"),
            List.of("Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
                    "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Christiansen",
                    "Poulsen", "Johansen", "Møller", "Mortensen", "Knudsen", "Jakobsen", "Mikkelsen", "Olesen",
                    "Frederiksen", "Laursen", "Henriksen", "Lund", "Holm", "Schmidt", "Eriksen", "Kristiansen",
                    "Nørgaard", "Østergaard", "Bech", "Dahl", "Vestergaard", "Lauridsen", "Bak", "Kjær"),
            List.of("ny", "gaard", "holm", "dal", "bjerg", "skov", "strup", "lund", "vad", "mose", "høj", "kær", "by", "borg"),
            List.of(new String[] {"København Ø", "2100"}, new String[] {"Aarhus C", "8000"}, new String[] {"Odense C", "5000"},
                    new String[] {"Aalborg", "9000"}, new String[] {"Esbjerg", "6700"}, new String[] {"Randers C", "8900"},
                    new String[] {"Kolding", "6000"}, new String[] {"Horsens", "8700"}, new String[] {"Vejle", "7100"},
                    new String[] {"Roskilde", "4000"}, new String[] {"Herning", "7400"}, new String[] {"Silkeborg", "8600"},
                    new String[] {"Næstved", "4700"}, new String[] {"Frederiksberg", "2000"}, new String[] {"Viborg", "8800"}),
            List.of("Nørre", "Øster", "Vester", "Søndre", "Kongens", "Skolevej", "Møllevej", "Kirkevej", "Park", "Strand",
                    "Bygade", "Engvej", "Rosen", "Birke", "Ege", "Lærke", "Tværvej", "Havne"),
            List.of("gade", "vej", "allé", "plads", "stræde"),
            List.of("Nordisk", "Vind", "Byg", "Data", "Fisk", "Trælast", "Rådgivning", "Transport", "Maskin", "Energi",
                    "Tømrer", "El", "Smed", "Revision", "Handel", "Møbel", "Bager", "Gartneri"),
            List.of("A/S", "ApS", "I/S", "IVS", "K/S"),
            List.of("gmail.com", "hotmail.com", "outlook.dk", "mail.dk", "live.dk"), "dk");

    static final Locale DE = new Locale("DE", "BY", "+49", 10,
            List.of("Jürgen", "Ursula", "Klaus", "Monika", "Wolfgang", "Petra", "Michael", "Sabine", "Thomas", "Andrea",
                    "Stefan", "Claudia", "Andreas", "Susanne", "Frank", "Birgit", "Markus", "Katharina", "Matthias",
                    "Julia", "Jörg", "Anja", "Uwe", "Martina", "Günter", "Heike", "Dieter", "Gabriele", "Hans", "Renate",
                    "Lukas", "Lena", "Maximilian", "Sophie", "Felix", "Marie", "Jonas", "Hannah", "Florian", "Björn"),
            List.of("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
                    "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz",
                    "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Krause",
                    "Meier", "Lehmann", "Köhler", "Jäger", "Groß", "Weiß", "Böhm", "Vogel", "Günther", "Fuchs"),
            List.of("berg", "mann", "bach", "feld", "hof", "stein", "brunn", "hausen", "dorf", "burg", "wald"),
            List.of(new String[] {"München", "80331"}, new String[] {"Berlin", "10115"}, new String[] {"Hamburg", "20095"},
                    new String[] {"Köln", "50667"}, new String[] {"Frankfurt am Main", "60311"}, new String[] {"Stuttgart", "70173"},
                    new String[] {"Düsseldorf", "40213"}, new String[] {"Leipzig", "04109"}, new String[] {"Nürnberg", "90402"},
                    new String[] {"Dresden", "01067"}, new String[] {"Bremen", "28195"}, new String[] {"Hannover", "30159"}),
            List.of("Haupt", "Bahnhof", "Schiller", "Goethe", "Garten", "Kirch", "Berg", "Linden", "Mozart", "Wald",
                    "Schul", "Ring", "Friedrich", "Mühlen", "Tal"),
            List.of("straße", "weg", "platz", "allee"),
            List.of("Bau", "Technik", "Logistik", "Software", "Maschinenbau", "Elektro", "Handel", "Beratung", "Druck",
                    "Metall", "Immobilien", "Medien"),
            List.of("GmbH", "AG", "KG", "GmbH & Co. KG", "UG"),
            List.of("gmx.de", "web.de", "t-online.de", "gmail.com"), "de");

    static final Locale TR = new Locale("TR", "34", "+90", 10,
            List.of("Mehmet", "Ayşe", "Mustafa", "Fatma", "Ahmet", "Emine", "Ali", "Hatice", "Hüseyin", "Zeynep",
                    "Hasan", "Elif", "İbrahim", "Şükrü", "Özlem", "Murat", "Gül", "Ömer", "Çağla", "Yusuf", "Merve",
                    "Emre", "Büşra", "Burak", "Esra", "Can", "Derya", "Oğuz", "Gökhan", "Sevgi", "Kemal", "Nur",
                    "İsmail", "Serkan", "Tuğba", "Deniz", "Selin", "Barış", "Ebru", "Cem"),
            List.of("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın", "Özdemir",
                    "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt", "Özkan", "Şimşek", "Polat",
                    "Özcan", "Korkmaz", "Çakır", "Erdoğan", "Yavuz", "Can", "Acar", "Şen", "Aktaş", "Güler", "Yalçın",
                    "Güneş", "Bozkurt", "Bulut", "Keskin", "Ünal", "Turan", "Gül", "Özer"),
            List.of("oğlu", "han", "türk", "soy", "kaya", "er", "can", "taş", "göz", "dağ"),
            List.of(new String[] {"İstanbul", "34000"}, new String[] {"Ankara", "06000"}, new String[] {"İzmir", "35000"},
                    new String[] {"Bursa", "16000"}, new String[] {"Antalya", "07000"}, new String[] {"Adana", "01000"},
                    new String[] {"Konya", "42000"}, new String[] {"Gaziantep", "27000"}, new String[] {"Kayseri", "38000"},
                    new String[] {"Eskişehir", "26000"}),
            List.of("Atatürk", "İnönü", "Cumhuriyet", "Gazi", "Lale", "Gül", "Çınar", "Menekşe", "Bahçe", "Okul",
                    "Fatih", "Barış", "Zafer", "Papatya"),
            List.of("Sokak", "Caddesi", "Bulvarı"),
            List.of("Tekstil", "İnşaat", "Gıda", "Otomotiv", "Yazılım", "Lojistik", "Mobilya", "Enerji", "Turizm", "Kimya"),
            List.of("A.Ş.", "Ltd. Şti.", "Ltd. Şti"),
            List.of("gmail.com", "hotmail.com", "yandex.com", "outlook.com"), "com.tr");

    static final Locale LT = new Locale("LT", "Vilniaus", "+370", 8,
            List.of("Jonas", "Ona", "Petras", "Marija", "Antanas", "Kristina", "Tomas", "Rūta", "Mindaugas", "Jurgita",
                    "Darius", "Eglė", "Vytautas", "Inga", "Šarūnas", "Laima", "Žydrūnas", "Giedrė", "Andrius", "Aušra",
                    "Rimantas", "Daiva", "Linas", "Vilma", "Saulius", "Rasa", "Gediminas", "Asta", "Aleksandras", "Ieva"),
            List.of("Kazlauskas", "Jankauskas", "Petrauskas", "Stankevičius", "Vasiliauskas", "Žukauskas", "Butkus",
                    "Paulauskas", "Urbonas", "Kavaliauskas", "Baranauskas", "Pocius", "Sakalauskas", "Navickas",
                    "Rimkus", "Šimkus", "Žilinskas", "Lukoševičius", "Mockus", "Vaitkus", "Kazlauskienė", "Jankauskienė",
                    "Petrauskienė", "Vasiliauskienė", "Balčiūnas", "Černiauskas", "Grigas", "Adomaitis"),
            List.of("aitis", "auskas", "ėnas", "ūnas", "avičius", "elis", "ienė", "utis"),
            List.of(new String[] {"Vilnius", "01100"}, new String[] {"Kaunas", "44280"}, new String[] {"Klaipėda", "91100"},
                    new String[] {"Šiauliai", "76100"}, new String[] {"Panevėžys", "35100"}, new String[] {"Alytus", "62100"}),
            List.of("Gedimino", "Vilniaus", "Laisvės", "Žalgirio", "Savanorių", "Ukmergės", "Kalvarijų", "Taikos",
                    "Basanavičiaus", "Pilies"),
            List.of("g.", "gatvė", "pr.", "al."),
            List.of("Statyba", "Prekyba", "Transportas", "Baldai", "Maistas", "Sprendimai", "Technologijos", "Logistika"),
            List.of("UAB", "AB", "MB"),
            List.of("gmail.com", "one.lt", "inbox.lt", "yahoo.com"), "lt");

    static final Locale GB = new Locale("GB", "ENG", "+44", 10,
            List.of("William", "Elizabeth", "James", "Margaret", "Robert", "Katherine", "Richard", "Jennifer", "Thomas",
                    "Rebecca", "Michael", "Susan", "Christopher", "Patricia", "Anthony", "Deborah", "Andrew", "Victoria",
                    "Daniel", "Samantha", "David", "Jessica", "Edward", "Abigail", "Joseph", "Barbara", "Nicholas",
                    "Judith", "Alexander", "Joanna", "Benjamin", "Theresa", "Matthew", "Caroline", "Jonathan", "Helen",
                    "Stephen", "Mary", "Timothy", "Anne", "Peter", "Charles", "Henry", "Samuel", "Philip", "Gregory"),
            List.of("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
                    "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke",
                    "Patel", "Khan", "Lewis", "James", "Phillips", "Mason", "Mitchell", "Rose", "Davis", "Rodriguez",
                    "Cox", "Alexander", "Morgan", "Moore", "Lee", "King", "Harrison", "Baker", "Turner", "Parker",
                    "O'Brien", "McDonald", "Fitzgerald", "Hughes", "Edwards", "Collins", "Stewart", "Morris"),
            List.of("ton", "ford", "ley", "wood", "well", "worth", "ham", "field", "by", "son", "more"),
            List.of(new String[] {"London", "SW1A 1AA"}, new String[] {"Manchester", "M1 1AE"}, new String[] {"Birmingham", "B1 1BB"},
                    new String[] {"Leeds", "LS1 4AP"}, new String[] {"Bristol", "BS1 4DJ"}, new String[] {"Sheffield", "S1 2HE"},
                    new String[] {"Liverpool", "L1 8JQ"}, new String[] {"Nottingham", "NG1 5FS"}, new String[] {"Leicester", "LE1 6RL"},
                    new String[] {"York", "YO1 7HH"}),
            List.of("High", "Station", "Church", "Victoria", "Park", "Mill", "Green", "Queen", "King", "Albert", "London",
                    "Manor", "Chestnut", "Willow", "Grange", "Kingsway"),
            List.of("Street", "Road", "Avenue", "Lane", "Close", "Drive", "Crescent", "Place"),
            List.of("Consulting", "Systems", "Logistics", "Builders", "Foods", "Engineering", "Media", "Solutions",
                    "Retail", "Partners", "Holdings", "Analytics"),
            List.of("Ltd", "Limited", "LLP", "PLC", "Ltd."),
            List.of("gmail.com", "hotmail.co.uk", "yahoo.co.uk", "outlook.com", "btinternet.com"), "co.uk");

    static final List<Locale> ALL = List.of(DK, DE, TR, LT, GB);

    /** FEBRL-style Australian vocabulary for the person profile. */
    static final List<String> AU_GIVEN = List.of("jack", "william", "thomas", "james", "joshua", "lachlan", "samuel",
            "benjamin", "daniel", "matthew", "ryan", "liam", "nicholas", "harrison", "ethan", "alexander", "jessica",
            "emily", "sarah", "chloe", "olivia", "emma", "georgia", "hannah", "sophie", "isabella", "grace", "ella",
            "charlotte", "lily", "mia", "amelia", "zoe", "madison", "rebecca", "caitlin", "jordan", "bailey", "riley",
            "cooper", "mitchell", "kayla", "jade", "tahlia", "isabelle", "brooke", "elizabeth", "katherine", "robert",
            "michael", "christopher", "andrew", "anthony", "joseph", "david", "stephen", "peter", "richard", "patrick",
            "timothy", "margaret", "patricia", "deborah", "victoria", "samantha", "abigail", "jennifer", "susan",
            "caroline", "helen", "anne", "mary", "joanna", "alexandra", "christine", "edward", "charles", "henry",
            "jacob", "jonathan", "nathaniel", "zachary", "gregory", "lawrence", "vincent", "kenneth", "donald",
            "madeleine", "jasmine", "lauren", "ashley", "taylor", "paige", "courtney", "kiara", "alana", "declan",
            "aidan", "connor", "dylan", "blake", "kane", "tyler", "jayden", "luke", "jake", "callum", "angus", "hamish");
    static final List<String> AU_SURNAMES = List.of("smith", "jones", "williams", "brown", "wilson", "taylor",
            "johnson", "white", "martin", "anderson", "thompson", "nguyen", "thomas", "walker", "harris", "lee",
            "ryan", "robinson", "kelly", "king", "davis", "wright", "evans", "roberts", "green", "hall", "wood",
            "jackson", "clarke", "campbell", "mitchell", "young", "edwards", "hughes", "cook", "baker", "stewart",
            "murphy", "turner", "morris", "cooper", "ward", "watson", "miller", "bell", "phillips", "scott", "reid",
            "russell", "mcdonald", "oconnor", "obrien", "fitzgerald", "macdonald", "henderson", "grant", "hamilton",
            "graham", "kennedy", "murray", "sullivan", "burke", "ross", "shaw", "hunter", "moore", "jenkins", "palmer",
            "parker", "dawson", "webb", "gibson", "wallace", "mills", "marshall", "simpson", "ellis", "powell",
            "harrison", "dunn", "rowe", "nicholson", "chapman", "mcleod", "holmes", "barnes", "stevens", "hayes",
            "pearce", "fraser", "ferguson", "lloyd", "crawford", "sutherland", "matthews", "doyle", "curtis", "kaur",
            "singh", "tran", "le", "pham", "chen", "wang", "zhang", "liu", "papadopoulos", "rossi", "russo", "bianchi");
    static final List<String> AU_SYLLABLES = List.of("ton", "ley", "wood", "ford", "field", "son", "well", "ham",
            "by", "er", "ett", "ins", "man", "croft", "stone", "bury", "hurst", "dale", "worth", "combe");
    static final List<String[]> AU_SUBURBS = List.of(new String[] {"bondi", "2026", "nsw"},
            new String[] {"parramatta", "2150", "nsw"}, new String[] {"newtown", "2042", "nsw"},
            new String[] {"randwick", "2031", "nsw"}, new String[] {"penrith", "2750", "nsw"},
            new String[] {"wollongong", "2500", "nsw"}, new String[] {"newcastle", "2300", "nsw"},
            new String[] {"dubbo", "2830", "nsw"}, new String[] {"toowoomba", "4350", "qld"},
            new String[] {"southport", "4215", "qld"}, new String[] {"cairns", "4870", "qld"},
            new String[] {"townsville", "4810", "qld"}, new String[] {"fitzroy", "3065", "vic"},
            new String[] {"geelong", "3220", "vic"}, new String[] {"ballarat", "3350", "vic"},
            new String[] {"bendigo", "3550", "vic"}, new String[] {"st kilda", "3182", "vic"},
            new String[] {"fremantle", "6160", "wa"}, new String[] {"joondalup", "6027", "wa"},
            new String[] {"glenelg", "5045", "sa"}, new String[] {"mount gambier", "5290", "sa"},
            new String[] {"hobart", "7000", "tas"}, new String[] {"launceston", "7250", "tas"},
            new String[] {"belconnen", "2617", "act"}, new String[] {"darwin", "0800", "nt"},
            new String[] {"mackay", "4740", "qld"}, new String[] {"bunbury", "6230", "wa"},
            new String[] {"orange", "2800", "nsw"}, new String[] {"wagga wagga", "2650", "nsw"},
            new String[] {"tamworth", "2340", "nsw"});
    static final List<String> AU_STREETS = List.of("george", "pitt", "king", "queen", "elizabeth", "victoria",
            "william", "church", "station", "high", "main", "park", "hill", "bridge", "river", "ocean", "beach",
            "wattle", "banksia", "acacia", "eucalyptus", "jacaranda", "waratah", "boronia", "grevillea", "kurrajong",
            "murray", "darling", "flinders", "macquarie", "hume", "sturt", "light", "tasman", "bass", "cook",
            "phillip", "hunter", "lachlan", "shoalhaven", "hawkesbury", "nepean", "mitchell", "oxley", "bligh",
            "forbes", "bathurst", "goulburn", "kembla", "warrego", "barwon", "condamine", "fitzroy", "burdekin");
    static final List<String> AU_STREET_TYPES = List.of("street", "road", "avenue", "place", "crescent", "drive",
            "court", "close", "parade", "terrace", "circuit", "lane");
    static final List<String> AU_STREET_ABBREVIATIONS = List.of("st", "rd", "ave", "pl", "cres", "dr", "ct", "cl",
            "pde", "tce", "cct", "ln");
    static final List<String> AU_BUILDINGS = List.of("rowethorpe", "kameruka", "wylarah", "st andrews", "glenora",
            "brentwood villa", "the oaks", "riverview", "sunset lodge", "kurrajong park", "greenhill", "bayside");

    private Locales() {
    }
}
