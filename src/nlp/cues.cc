#include "nlp/cues.h"

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <unordered_map>
#include <unordered_set>

#include "nlp/word_shapes.h"

namespace warta::nlp {
namespace {

// A word list whose filter spares most words the hash lookup.
class WordSet {
 public:
  explicit WordSet(std::initializer_list<std::string_view> words) : set_(words) {
    for (std::string_view w : words) shapes_.Add(w);
  }
  bool Has(std::string_view w) const { return shapes_.May(w) && set_.count(w) > 0; }

 private:
  std::unordered_set<std::string_view> set_;
  WordShapes shapes_;
};

WordSet* MakeSet(std::initializer_list<std::string_view> words) { return new WordSet(words); }

struct CueTable {
  std::unordered_map<std::string_view, CueInfo> map;
  WordShapes shapes;  // most words are no cue: spares them the hash lookup
  size_t min_size = SIZE_MAX, max_size = 0;  // and shorter words the filter

  void Add(std::initializer_list<std::string_view> words, CueInfo info) {
    for (auto w : words) {
      map[w] = info;
      shapes.Add(w);
      min_size = std::min(min_size, w.size());
      max_size = std::max(max_size, w.size());
    }
  }
};

const CueTable& Table() {
  static const CueTable* table = [] {
    auto* t = new CueTable;
    CueInfo verb{CueKind::kVerb};
    CueInfo inv{CueKind::kVerb, true};
    CueInfo obj{CueKind::kVerb, true, true};
    CueInfo particle{CueKind::kVerb, false, false, true};
    // English speech, thought and stance verbs. The ones that readily invert
    // ("..., said the senator") are marked invertible.
    t->Add({"said", "says", "say", "saying", "added", "adds", "adding", "wrote", "writes", "writing",
            "explained", "explains", "explaining", "noted", "notes", "noting", "continued", "continues",
            "insisted", "insists", "insisting", "argued", "argues", "arguing", "stated",
            "declared", "declares", "recalled", "recalls", "tweeted", "tweets", "replied", "replies",
            "responded", "responds", "countered", "counters", "acknowledged", "acknowledges",
            "conceded", "concedes", "asserted", "asserts", "observed", "quipped", "joked", "cautioned",
            "emphasized", "emphasizes", "stressed", "stresses", "predicted", "predicts", "concluded",
            "complained", "complains", "claimed", "claims", "claiming", "announced", "announces",
            "admitted", "admits", "declared", "maintained", "maintains", "contended", "contends",
            "suggested", "suggests", "suggesting", "reported", "reports", "posted", "wondered",
            "confirmed", "confirms", "revealed", "reveals", "disclosed", "testified", "alleged",
            "alleges", "charged", "boasted", "boasts", "lamented", "laments", "mused",
            "shouted", "yelled", "whispered", "repeated", "repeats", "reiterated",
            "reiterates", "retorted", "shot", "estimated", "estimates", "speculated", "hinted",
            "indicated", "indicates", "implied", "implies", "signaled", "signalled", "asserting",
            "declaring", "recalling", "stressing", "emphasizing", "acknowledging", "conceding",
            "predicting", "complaining", "insisting", "explaining", "announcing", "maintaining",
            "contending", "alleging", "charging", "replying", "responding", "countering", "concluding",
            "reiterating", "repeating", "revealing", "confirming", "joking", "tweeting", "posting",
            // How something was said: "“...,” he barked".
            "surmised", "barked", "fumed", "snapped", "scoffed", "sighed", "exclaimed",
            "remarked", "recounted", "marveled", "marvelled", "groused", "grumbled",
            "griped", "deadpanned", "muttered", "murmured", "screamed", "thundered", "crowed", "gushed",
            "teased", "taunted", "ventured", "opined", "texted", "emailed", "interjected", "interrupted",
            "chided", "scolded", "protested", "pleaded", "elaborated", "boomed", "remembered", "concludes"},
           inv);
    t->Add({"told", "tells", "tell", "telling", "warned", "warns", "warning", "asked", "asks", "asking",
            "urged", "urges", "urging", "assured", "assures", "reminded", "reminds", "informed",
            "promised", "promises", "pledged", "pledges", "vowed", "vows", "advised", "advises",
            "begged", "implored", "challenged", "accused", "accuses", "accusing", "criticized",
            "criticizes", "criticizing", "praised", "praises", "blamed", "blames", "demanded",
            "demands", "proposed", "proposes", "proposing", "recommended", "recommends", "denied",
            "denies", "denying", "dismissed", "dismisses", "rejected", "rejects", "described",
            "describes", "describing", "defended", "defends", "questioned", "promising",
            "pledging", "vowing", "advising", "reminding", "assuring", "demanding", "recommending",
            "rejecting", "dismissing", "defending", "questioning", "blaming", "praising", "attacked",
            "attacking", "blasted", "blasts", "blasting", "slammed", "slams", "slamming",
            "denounced", "denounces", "denouncing", "condemned", "condemns", "condemning", "lauded",
            "hailed", "hails", "mocked", "mocks", "mocking", "ripped", "rips", "expressed", "expresses",
            "expressing", "voiced", "voices", "touted", "touts", "touting", "welcomed", "welcomes",
            "applauded", "decried", "decries", "lambasted", "disputed", "disputes", "recognized",
            "unveiled", "outlined", "characterized", "labeled", "branded", "portrayed", "echoed",
            "mentioned", "mentions", "discussed", "discusses", "predicting", "projected", "projects",
            "forecast", "forecasts", "threatened", "threatens", "threatening", "acknowledge",
            "endorse", "oppose", "support", "criticize", "praise", "blame", "deny", "reject"},
           obj);
    t->Add({"believes", "believed", "believe", "thinks", "thought", "think", "feels", "felt", "hopes",
            "hoped", "fears", "feared", "worries", "worried", "expects", "expected", "agreed", "agrees",
            "disagreed", "disagrees", "knows", "knew", "doubts", "doubted", "wants", "wanted", "argue",
            "insist", "claim", "warn", "suggest", "predict", "acknowledge", "admit", "deny", "agree",
            "contend", "maintain", "fear", "hope", "expect", "announce", "explain", "note"},
           verb);
    t->Add({"pointed", "points", "point", "pointing", "referring", "referred", "refers"}, particle);
    // "called for", "called on", and "called Trump a fascist".
    t->Add({"called", "calls", "call", "calling"}, obj);
    // Evidence and stance: what a poll shows, whom a paper endorses.
    t->Add({"show", "shows", "showed", "found", "finds", "endorsed", "endorses", "endorsing", "backed",
            "backs", "backing", "supported", "supports", "opposed", "opposes", "opposing", "favors",
            "favored", "cited", "cites", "citing", "declined", "declines", "refused", "refuses"},
           obj);
    // Indonesian active speech verbs (meN-/ber- forms).
    t->Add({"mengatakan", "berkata", "menyatakan", "menambahkan", "menjelaskan", "menegaskan",
            "mengungkapkan", "mengungkap", "menyebut", "menyebutkan", "menuturkan", "memaparkan",
            "menerangkan", "menekankan", "menilai", "berpendapat", "mengaku", "mengakui", "mengklaim",
            "memperingatkan", "meminta", "mendesak", "mengimbau", "menyampaikan", "mengingatkan",
            "membantah", "menyangkal", "menduga", "memperkirakan", "memprediksi", "berharap",
            "meyakini", "menganggap", "bilang", "menceritakan", "mengisahkan", "menulis", "mencuit",
            "mengumumkan", "melaporkan", "menginformasikan", "menandaskan", "menggarisbawahi",
            "menyerukan", "mengusulkan", "mengeluhkan", "mengkritik", "memastikan", "mengonfirmasi",
            "menjanjikan", "berjanji", "bersikeras", "mengancam", "menuding", "menuduh", "mengemukakan",
            "mengutarakan", "melanjutkan", "mengajak", "menanggapi", "menolak", "menyesalkan",
            "mengharapkan", "menyarankan", "menginginkan", "mempertanyakan", "menyayangkan",
            "mengatakannya", "menyebutnya", "menjawab", "membenarkan", "mengingatkan", "memuji"},
           verb);
    // Indonesian verbs that follow the content: "..., kata X", "..., ujarnya".
    CueInfo post{CueKind::kPostposed};
    t->Add({"kata", "ujar", "tutur", "ungkap", "imbuh", "jelas", "tegas", "papar", "terang", "tambah",
            "sebut", "ucap", "seru", "aku", "pungkas", "lanjut", "tandas", "katanya"},
           post);
    CueInfo clitic{CueKind::kPostposed, false, false, false, true};
    t->Add({"ujarnya", "tuturnya", "ungkapnya", "imbuhnya", "jelasnya", "tegasnya", "paparnya",
            "terangnya", "tambahnya", "sebutnya", "ucapnya", "serunya", "akunya", "pungkasnya",
            "lanjutnya", "tandasnya", "katanya", "kilahnya", "bebernya", "sambungnya", "tukasnya"},
           clitic);
    t->Add({"according", "menurut"}, CueInfo{CueKind::kAccording});
    t->Add({"disampaikan", "dikatakan", "diungkapkan", "dijelaskan", "ditegaskan", "dinyatakan",
            "disebutkan", "dituturkan", "dipaparkan", "diutarakan", "dikemukakan"},
           CueInfo{CueKind::kPassive});
    t->Add({"dilansir", "dikutip", "melansir", "mengutip"}, CueInfo{CueKind::kSource});
    return t;
  }();
  return *table;
}

}  // namespace

CueInfo LookupCue(std::string_view lower) {
  const CueTable& table = Table();
  if (lower.size() < table.min_size || lower.size() > table.max_size || !table.shapes.May(lower)) return {};
  auto it = table.map.find(lower);
  return it == table.map.end() ? CueInfo{} : it->second;
}

const WordShapes& CueShapes() { return Table().shapes; }

bool IsCueParticle(std::string_view lower) {
  return lower == "for" || lower == "on" || lower == "out" || lower == "to";
}

bool IsAuxiliary(std::string_view w) {
  static const WordSet* s = MakeSet(
      {"has", "have", "had", "is", "was", "were", "are", "be", "been", "will", "would", "could", "can", "may",
       "might", "must", "should", "did", "does", "do", "also", "later", "then", "again", "repeatedly",
       "recently", "previously", "once", "often", "publicly", "privately", "flatly", "bluntly", "simply",
       "further", "quickly", "frequently", "long", "already", "even", "still", "first", "juga", "pun",
       "telah", "sudah", "kemudian", "lalu", "pernah", "akan", "sempat", "bahkan", "kembali", "masih",
       "sebelumnya", "justru", "hanya", "tak", "tidak", "belum", "sendiri", "pula", "malah", "turut",
       "ikut", "sering", "selalu", "not", "n't", "never", "only", "just", "now", "reportedly", "apparently",
       "personally", "lagi", "mulai", "terus", "segera", "langsung", "kerap"});
  return s->Has(w);
}

bool IsClauseWord(std::string_view w) {
  static const WordSet* s = MakeSet(
      {"that", "but", "while", "when", "because", "as", "after", "before", "if", "although", "though",
       "since", "so", "where", "whereas", "unless", "until", "whether", "than", "and", "or", "why", "how",
       "what", "who", "which", "whom", "mengapa", "bagaimana", "apa",
       "bahwa", "tetapi", "tapi", "namun", "sementara", "karena", "ketika", "saat", "setelah",
       "sebelum", "jika", "kalau", "meskipun", "walaupun", "sehingga", "agar", "supaya", "sedangkan",
       "dan", "atau", "serta", "lalu"});
  return s->Has(w);
}

bool IsPreposition(std::string_view w) {
  static const WordSet* s = MakeSet(
      {"for", "in", "on", "at", "with", "from", "by", "about", "into", "over", "under", "during", "against",
       "without", "to", "through", "toward", "towards", "among", "between", "like", "despite", "per",
       "untuk", "dengan", "di", "ke", "dari", "pada", "oleh", "dalam", "terhadap", "tentang", "bagi",
       "kepada", "atas", "tanpa", "antara", "seperti"});
  return s->Has(w);
}

bool IsDeterminer(std::string_view w) {
  static const WordSet* s = MakeSet(
      {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "these", "those", "this", "some",
       "no", "many", "few", "several", "best", "last", "first", "new", "own", "such", "any", "every", "each",
       "more", "most", "other", "recent", "latest", "early", "too", "whose", "sebuah", "para", "beberapa",
       "banyak"});
  return s->Has(w);
}

bool IsTimeWord(std::string_view w) {
  static const WordSet* s = MakeSet(
      {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today",
       "week", "month", "year", "time", "past", "night", "morning", "afternoon", "evening", "weekend",
       "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "kemarin", "pekan", "bulan",
       "tahun", "malam", "pagi", "siang", "sore"});
  return s->Has(w);
}

bool IsRelativeWord(std::string_view w) { return w == "who" || w == "which" || w == "yang" || w == "whose"; }

bool IsComplementizer(std::string_view w) { return w == "that" || w == "bahwa" || w == "bahwasanya"; }

bool IsSpeakerStop(std::string_view w) {
  static const WordSet* s = MakeSet(
      {"on", "in", "at", "during", "after", "before", "to", "via", "from", "of", "last", "this", "earlier",
       "told", "adding", "who", "which", "when", "while", "as", "kepada", "dalam", "di", "pada", "saat",
       "ketika", "seusai", "usai", "dari", "kepada", "melalui", "lewat", "sebelum", "setelah", "yang",
       "ketika", "kemarin", "hari", "sambil", "seraya", "monday", "tuesday", "wednesday", "thursday",
       "friday", "saturday", "sunday", "yesterday", "today", "tonight", "earlier", "recently", "senin",
       "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "pekan", "tadi", "sebelumnya", "over",
       "through", "while", "outside", "inside", "near", "late", "early"});
  return s->Has(w);
}

PronounKind LookupPronoun(std::string_view w) {
  if (w == "he" || w == "she" || w == "ia" || w == "dia" || w == "beliau" || w == "him" || w == "her") {
    return PronounKind::kPerson;
  }
  if (w == "they" || w == "mereka" || w == "we" || w == "kami" || w == "kita") return PronounKind::kGroup;
  return PronounKind::kNone;
}

bool IsRoleWord(std::string_view w) {
  static const WordSet* s = MakeSet(
      {"President", "Vice", "Former", "former", "Secretary", "Senator", "Sen", "Rep", "Representative",
       "Gov", "Governor", "Mayor", "Minister", "Prime", "Foreign", "Defense", "Chief", "Executive", "CEO",
       "Director", "Spokesman", "Spokeswoman", "Spokesperson", "Chairman", "Chairwoman", "Chair", "Speaker",
       "Leader", "Majority", "Minority", "General", "Gen", "Attorney", "Judge", "Justice", "Ambassador",
       "Commissioner", "Mr", "Mrs", "Ms", "Dr", "Prof", "King", "Queen", "Prince", "Princess", "Pope",
       "Sheikh", "Candidate", "Adviser", "Advisor", "Aide", "Professor", "Officer", "Commander", "Colonel",
       "Lt", "Sgt", "Capt", "Deputy", "Assistant", "Press", "Senior", "Sir", "Lord", "Lady", "Rev", "Gov.",
       "Presiden", "Wakil", "Wapres", "Menteri", "Menko", "Mendagri", "Menlu", "Menkeu", "Menhan", "Gubernur",
       "Bupati", "Wali", "Walikota", "Wali Kota", "Ketua", "Umum", "Sekjen", "Sekretaris", "Jenderal",
       "Direktur", "Utama", "Kepala", "Juru", "Bicara", "Jubir", "Kapolri", "Kapolda", "Kapolres", "Panglima",
       "Kabareskrim", "Dirut", "Anggota", "Hakim", "Jaksa", "Pengamat", "Ekonom", "Pakar", "Dosen", "Guru",
       "Besar", "Profesor", "Dr", "Ir", "H", "Hj", "Bapak", "Ibu", "Pak", "Bu", "Sang", "Ajudan", "Utusan",
       "Duta", "Perdana", "Kanselir", "Raja", "Ratu", "Pangeran", "Paus", "Syekh", "Kiai", "KH", "Ustaz",
       "Habib", "Letjen", "Mayjen", "Brigjen", "Kombes", "AKBP", "Irjen", "Komjen", "Kapten", "Kolonel",
       "Mantan", "Calon", "Capres", "Cawapres", "Chancellor", "Premier", "Democrat", "Republican", "GOP",
       "Finance", "Economy", "Interior", "Health", "Education", "Trade", "Energy", "Labor", "Labour",
       "Transport", "Agriculture", "Home", "Treasury", "Homeland", "Security", "National", "Coach",
       "Founder", "Co-founder", "Manager", "Analyst", "Economist", "Councilman", "Councilwoman",
       "Congressman", "Congresswoman", "Assemblyman", "Lawmaker", "Delegate", "Bishop", "Cardinal",
       "Imam", "Rabbi", "Father", "Sister", "Brother", "Police", "Inspector", "Detective", "Sergeant",
       "Lieutenant", "Captain", "Major", "Admiral", "Marshal", "Sheriff", "Prosecutor", "Solicitor",
       "Keuangan", "Luar", "Negeri", "Dalam", "Pertahanan", "Kesehatan", "Pendidikan", "Agama", "Sosial",
       "Perdagangan", "Perindustrian", "Pertanian", "Koordinator", "Bidang", "Perekonomian", "Hukum",
       "Keamanan", "Politik", "Kota", "Kabupaten", "Provinsi", "Dinas", "Badan", "Kantor", "Staf",
       "Khusus", "Deputi", "Asisten", "Kepolisian", "Kejaksaan", "Pengadilan", "Negara", "Daerah",
       // Indonesian ministries' and offices' fields, which run into the name
       // after "Menteri", "Kepala Dinas", "Direktur Jenderal" and the like.
       "Perhubungan", "Pariwisata", "Kebudayaan", "Komunikasi", "Informatika", "Kelautan", "Perikanan",
       "Lingkungan", "Kehutanan", "Energi", "Mineral", "Ketenagakerjaan", "Perumahan", "Rakyat", "Pekerjaan",
       "Sekretariat", "Kabinet", "Riset", "Teknologi", "Pemuda", "Olahraga", "Koperasi", "Perencanaan",
       "Pembangunan", "Transmigrasi", "Pertanahan", "Humas", "Hubungan", "Masyarakat", "Penerangan", "Pusat",
       "Divisi", "Biro", "Bagian", "Seksi", "Direktorat", "Departemen", "Fakultas", "Universitas", "Rektor",
       "Dekan", "Pelaksana", "Tugas", "Plt", "Kadis", "Kabid", "Kasubag", "Kapolsek", "Dandim", "Danrem",
       "Pangdam", "Kapuspen", "Kadispen", "Komandan"});
  return s->Has(w);
}

bool IsAdjunctOpener(std::string_view w) {
  static const WordSet* s = MakeSet(
      {"saat", "ketika", "seusai", "usai", "setelah", "sesudah", "sewaktu", "selepas", "dalam", "di", "pada"});
  return s->Has(w);
}

bool IsPlaceIntroducer(std::string_view w) {
  static const WordSet* s =
      MakeSet({"di", "ke", "kabupaten", "provinsi", "desa", "kecamatan", "kelurahan", "wilayah", "warga", "pemkot",
               "pemkab", "pemprov", "polda", "polres"});
  return s->Has(w);
}

RankPart LookupRank(std::string_view w) {
  static const WordSet* heads = MakeSet(
      {"Komisaris", "Ajun", "Inspektur", "Brigadir", "Letnan", "Kolonel", "Kapten", "Marsekal", "Laksamana",
       "Kombes", "AKBP", "Kompol", "AKP", "Iptu", "Ipda", "Irjen", "Komjen", "Brigjen", "Mayjen", "Letjen",
       "Letkol", "Marsma", "Marsda", "Marsdya", "Laksma", "Laksda", "Laksdya", "Aiptu", "Aipda", "Bripka",
       "Briptu", "Bripda", "Serka", "Sertu", "Serda", "Kopral", "dr", "Prof"});
  static const WordSet* modifiers =
      MakeSet({"Besar", "Jenderal", "Muda", "Madya", "Pertama", "Polisi", "Satu", "Dua", "TNI", "Pol"});
  if (heads->Has(w)) return RankPart::kHead;
  return modifiers->Has(w) ? RankPart::kModifier : RankPart::kNone;
}

bool IsPlaceWord(std::string_view w) {
  static const WordSet* s = MakeSet(
      {"Rusia", "Russia", "Russian", "AS", "U.S", "US", "Amerika", "American", "Serikat", "Indonesia",
       "Indonesian", "China", "Chinese", "Tiongkok", "Ukraina", "Ukraine", "Ukrainian", "Israel", "Israeli",
       "Palestina", "Palestinian", "Iran", "Iranian", "Inggris", "British", "UK", "Prancis", "French",
       "France", "Jerman", "German", "Germany", "Jepang", "Japanese", "Japan", "Korea", "Korean", "Selatan",
       "Utara", "India", "Indian", "Turki", "Turkish", "Mesir", "Egyptian", "Saudi", "Arab", "Suriah", "Syria",
       "Syrian", "Irak", "Iraq", "Iraqi", "Malaysia", "Singapura", "Singapore", "Australia", "Australian",
       "Kanada", "Canada", "Canadian", "Meksiko", "Mexico", "Mexican", "Eropa", "Europe", "European", "Uni",
       "EU", "NATO", "PBB", "UN", "Kremlin", "Democratic", "Republican", "GOP", "Senate", "State", "House",
       "White", "Department", "Jakarta", "Jawa", "Barat", "Timur", "Tengah", "DPR", "DPRD", "MPR", "TNI",
       "Polri", "KPK", "Komisi", "Kementerian", "Pentagon", "Florida", "Texas", "California",
       "Ohio", "Vermont", "Maryland", "New", "York", "Massachusetts", "Virginia", "Carolina", "Kentucky",
       "Wisconsin", "Louisiana", "Arkansas", "Iowa", "Jersey", "Hampshire", "Pennsylvania", "Michigan",
       "Illinois", "Georgia", "Arizona", "Nevada", "Colorado", "Utah", "Tennessee", "Alabama",
       "Mississippi", "Oklahoma", "Kansas", "Nebraska", "Minnesota", "Missouri", "Indiana", "Oregon",
       "Washington", "Connecticut", "Delaware", "Maine", "Montana", "Idaho", "Wyoming", "Alaska", "Hawaii",
       "Dakota", "Rhode", "Island",
       // Indonesian provinces and their usual short forms, which stand
       // between a position and a name ("Gubernur Sulteng Rusdi Hamzah").
       "Aceh", "Sumut", "Sumbar", "Sumsel", "Sumatera", "Riau", "Kepri", "Jambi", "Bengkulu", "Lampung",
       "Babel", "Banten", "Jabar", "Jateng", "Jatim", "DIY", "Yogyakarta", "Bali", "NTB", "NTT", "Kalbar",
       "Kalteng", "Kalsel", "Kaltim", "Kaltara", "Kalimantan", "Sulut", "Sulteng", "Sulsel", "Sultra",
       "Sulbar", "Sulawesi", "Gorontalo", "Maluku", "Malut", "Papua", "Pabar",
       // Words that end an institution's name, just before a person's.
       "Tbk", "Persero", "University", "Institute", "Association", "Group", "Foundation", "Center", "Centre",
       "Corp", "Inc", "Ltd"});
  return s->Has(w);
}

bool CompletesTitle(std::string_view before, std::string_view word) {
  struct Pair {
    std::string_view before, word;
  };
  static constexpr Pair kPairs[] = {{"Jaksa", "Agung"}, {"Kejaksaan", "Agung"}, {"Mahkamah", "Agung"}};
  for (const Pair& p : kPairs) {
    if (p.before == before && p.word == word) return true;
  }
  return false;
}

}  // namespace warta::nlp
