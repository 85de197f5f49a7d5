#include "nlp/language.h"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include <array>
#include <cstdint>
#include <string_view>
#include <unordered_set>

#include "base/utf8.h"
#include "nlp/ascii.h"

namespace warta::nlp {
namespace {

// CLD2 reaches a verdict within a few kilobytes; scanning a whole long page
// costs time for nothing.
constexpr size_t kMaxScanBytes = 32 * 1024;

// "en-US" -> "en", "id_ID" -> "id", "English" -> "en" (via CLD2's names).
std::string NormalizeDeclared(std::string_view declared) {
  std::string d = LowerAscii(declared);
  size_t cut = d.find_first_of("-_;, ");
  if (cut != std::string::npos) d.resize(cut);
  if (d.empty()) return d;
  if (d == "in") return "id";  // the withdrawn ISO 639 code for Indonesian
  CLD2::Language lang = CLD2::GetLanguageFromName(d.c_str());
  if (lang == CLD2::UNKNOWN_LANGUAGE) return d.size() == 2 || d.size() == 3 ? d : std::string();
  return CLD2::LanguageCode(lang);
}

struct StopwordCounts {
  int en = 0, id = 0, id_only = 0, ms_only = 0;
};

// Counts common function words; id_only/ms_only are spellings that tell
// Indonesian from Malay ("bahwa"/"bahawa", "karena"/"kerana").
StopwordCounts CountStopwords(std::string_view text) {
  static const auto* en = new std::unordered_set<std::string_view>{
      "the", "and", "of", "to", "is", "in", "that", "was", "for", "it", "with", "he", "she", "said",
      "are", "on", "by", "this", "have", "from", "were", "be", "not", "but", "they"};
  static const auto* id = new std::unordered_set<std::string_view>{
      "yang", "dan", "di", "ke", "dari", "ini", "itu", "dengan", "untuk", "tidak", "akan", "pada",
      "adalah", "juga", "dalam", "telah", "oleh", "atau", "ada", "mereka", "kami", "sebagai"};
  static const auto* id_only = new std::unordered_set<std::string_view>{
      "bahwa", "karena", "bisa", "sudah", "uang", "saat", "kepada", "tetapi", "sangat", "belum",
      "pemerintah", "mengatakan", "kata", "ujar", "menurut", "tahun", "kalau", "sekarang"};
  static const auto* ms_only = new std::unordered_set<std::string_view>{
      "bahawa", "kerana", "boleh", "wang", "ialah", "kerajaan", "iaitu", "selepas", "semasa",
      "hendaklah", "sahaja"};
  StopwordCounts c;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    c.en += en->count(word);
    c.id += id->count(word);
    c.id_only += id_only->count(word);
    c.ms_only += ms_only->count(word);
    word.clear();
  };
  for (char ch : text.substr(0, kMaxScanBytes)) {
    if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')) {
      word.push_back(static_cast<char>(ch | 0x20));
    } else {
      flush();
    }
  }
  flush();
  return c;
}

// A word of one to four bytes as an integer, its first byte lowest: words
// are told apart by an integer compare, not a string compare.
constexpr uint32_t WordKey(std::string_view w) {
  uint32_t key = 0;
  for (size_t k = w.size(); k-- > 0;) key = key << 8 | static_cast<unsigned char>(w[k]);
  return key;
}

constexpr uint32_t kTheKey = WordKey("the");
constexpr std::string_view kFunctionWords[] = {"the", "and", "of",   "to",   "that", "was", "with", "for", "is",
                                               "said", "from", "were", "this", "have", "are", "by",  "it",  "on"};
constexpr size_t kLongestFunctionWord = 4;

// The function words' keys in a table of 64 slots, a word's slot the top
// bits of its key times a multiplier chosen (at compile time) so that no
// two of them share one: a word is looked up with one multiply, one load
// and one compare. Empty slots hold 0, the key of no word.
struct FunctionWordTable {
  uint32_t multiplier = 0;
  std::array<uint32_t, 64> keys{};

  static constexpr size_t Slot(uint32_t key, uint32_t multiplier) { return (key * multiplier) >> 26; }
  constexpr bool Holds(uint32_t key) const { return keys[Slot(key, multiplier)] == key; }
};

constexpr FunctionWordTable MakeFunctionWordTable() {
  for (uint32_t multiplier = 0x9E3779B1u;; multiplier += 2) {
    FunctionWordTable table;
    table.multiplier = multiplier;
    bool collides = false;
    for (std::string_view w : kFunctionWords) {
      uint32_t& slot = table.keys[FunctionWordTable::Slot(WordKey(w), multiplier)];
      collides |= slot != 0;
      slot = WordKey(w);
    }
    if (!collides) return table;
  }
}
constexpr FunctionWordTable kFunctionWordTable = MakeFunctionWordTable();
static_assert(kFunctionWordTable.Holds(kTheKey) && !kFunctionWordTable.Holds(WordKey("then")));

// CLD2 spends about 200 instructions a byte, the largest cost of extracting
// a page. Plain English needs none of that: when the first kilobyte has one
// word in ten among the commonest English function words, "the" at least
// three times, and no other language is declared, the answer is "en"
// whatever CLD2 would say (no page of the dev sets answered otherwise).
// Texts in other languages rarely reach that density: they share a few of
// these words ("in", "is", "to"), so "the" is required and the rest alone
// can't pass.
bool PlainlyEnglish(std::string_view text, std::string_view hint) {
  constexpr size_t kSampleBytes = 1024;
  constexpr size_t kMinWords = 40;
  if (!hint.empty() && hint != "en") return false;
  text = text.substr(0, kSampleBytes);
  size_t words = 0, function_words = 0, the = 0;
  size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c <= ' ') {
      ++i;
      continue;
    }
    size_t start = i;
    while (i < text.size() && static_cast<unsigned char>(text[i]) > ' ') ++i;
    ++words;
    // Punctuation around it ("said," "(the") is not part of the word.
    auto is_letter = [&](size_t k) { return static_cast<unsigned>((static_cast<unsigned char>(text[k]) | 0x20) - 'a') < 26u; };
    size_t end = i;
    while (end > start && !is_letter(end - 1)) --end;
    while (start < end && !is_letter(start)) ++start;
    if (start == end || end - start > kLongestFunctionWord) continue;
    uint32_t key = 0;  // WordKey of the word lowercased
    for (size_t k = end; k-- > start;) key = key << 8 | (static_cast<unsigned char>(text[k]) | 0x20);
    the += key == kTheKey;
    function_words += kFunctionWordTable.Holds(key);
  }
  return words >= kMinWords && the >= 3 && function_words * 10 >= words;
}

}  // namespace

std::string DetectLanguage(std::string_view text, std::string_view declared) {
  std::string hint = NormalizeDeclared(declared);
  if (PlainlyEnglish(text, hint)) return "en";
  std::string clean;
  if (text.size() > kMaxScanBytes) {
    size_t cut = kMaxScanBytes;
    while (cut > 0 && !utf8::IsLeadByte(static_cast<unsigned char>(text[cut]))) --cut;
    text = text.substr(0, cut);
  }
  if (!utf8::IsValid(text)) {
    clean = utf8::Repair(text);
    text = clean;
  }
  CLD2::CLDHints hints = {hint.empty() ? nullptr : hint.c_str(), nullptr, CLD2::UNKNOWN_ENCODING,
                          hint.empty() ? CLD2::UNKNOWN_LANGUAGE : CLD2::GetLanguageFromName(hint.c_str())};
  CLD2::Language lang3[3];
  int percent3[3];
  double score3[3];
  int text_bytes = 0;
  bool reliable = false;
  CLD2::Language lang = CLD2::ExtDetectLanguageSummary(text.data(), static_cast<int>(text.size()), true, &hints, 0,
                                                       lang3, percent3, score3, nullptr, &text_bytes, &reliable);
  std::string code = lang == CLD2::UNKNOWN_LANGUAGE ? std::string() : CLD2::LanguageCode(lang);
  // Counting function words costs a hash lookup per word: only when the
  // verdict may hinge on them.
  bool id_ms = code == "ms" || (code == "id" && hint == "ms");
  if (reliable && !code.empty() && !id_ms) return code;
  StopwordCounts sw = CountStopwords(text);
  if (code == "ms" && (hint == "id" || sw.id_only > sw.ms_only)) return "id";
  if (code == "id" && hint == "ms" && sw.ms_only > sw.id_only) return "ms";
  if (reliable && !code.empty()) return code;
  // Unsure: function words speak for the two languages warta reads most.
  int best = sw.en > sw.id ? sw.en : sw.id;
  if (best >= 2 && sw.en != sw.id) return sw.en > sw.id ? "en" : "id";
  if (!hint.empty()) return hint;
  if (text_bytes == 0) return std::string();
  return code;
}

}  // namespace warta::nlp
