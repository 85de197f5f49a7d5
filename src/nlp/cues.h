// Word lists for quote attribution: speech verbs and other cue words,
// auxiliaries that may stand between a subject and its verb, clause
// boundaries, pronouns and the role words stripped from a speaker's name.
// English and Indonesian, written by hand from grammar, not mined from data.
//
// All lookups take an ASCII-lowercased token, except IsRoleWord,
// IsPlaceWord and CompletesTitle which take the token as written. Thread-safe (immutable tables).
#ifndef WARTA_NLP_CUES_H_
#define WARTA_NLP_CUES_H_

#include <cstdint>
#include <string_view>

#include "nlp/word_shapes.h"

namespace warta::nlp {

enum class CueKind : uint8_t {
  kNone,
  kVerb,        // subject before, content after: "X said (that) C", "X mengatakan C"
  kPostposed,   // only after the content: "C, kata X", "C, ujarnya"
  kAccording,   // speaker after, content on the other side: "according to X", "menurut X"
  kPassive,     // content before, speaker after: "C, demikian disampaikan X"
  kSource,      // a citation, not a quote: "dilansir", "seperti dikutip"
};

struct CueInfo {
  CueKind kind = CueKind::kNone;
  bool invertible = false;     // English "..., said X"
  bool needs_object = false;   // "told reporters that", "asked them to": an object may come first
  bool takes_particle = false; // "called for", "pointed out": the next word belongs to the cue
  bool pronoun_clitic = false; // "ujarnya", "katanya": the speaker is the -nya
};

CueInfo LookupCue(std::string_view lower);
// The filter LookupCue asks first: a word it turns away is no cue. A pass
// over many tokens asks it of their WordShapes keys (MayKey) and calls
// LookupCue only for the few words it lets through.
const WordShapes& CueShapes();
// The particle that completes a takes_particle cue ("for", "on", "out").
bool IsCueParticle(std::string_view lower);

// Words allowed between a subject and its speech verb: "has also said",
// "juga mengatakan".
bool IsAuxiliary(std::string_view lower);
// Words that end a noun phrase when reading backwards from a verb: "that",
// "but", "bahwa", "namun", ...
bool IsClauseWord(std::string_view lower);
// Prepositions that end a subject read backwards ("of" stays: "Secretary of
// State Clinton").
bool IsPreposition(std::string_view lower);
// Determiners, possessives and quantifiers: a cue word right after one is a
// noun ("their hopes", "many calls").
bool IsDeterminer(std::string_view lower);
// Days and other time nouns of adverbials ("on Tuesday", "last week").
bool IsTimeWord(std::string_view lower);
// Words that open a relative clause inside a subject: "who", "yang".
bool IsRelativeWord(std::string_view lower);
// Complementizers dropped from the content start: "that", "bahwa".
bool IsComplementizer(std::string_view lower);
// Prepositions and time words that end a speaker phrase after "said X".
bool IsSpeakerStop(std::string_view lower);

enum class PronounKind : uint8_t { kNone, kPerson, kGroup };
PronounKind LookupPronoun(std::string_view lower);

// Titles and positions before a name: "President", "Sen.", "Menteri".
bool IsRoleWord(std::string_view word);
// Indonesian words that open a time or place adjunct after a speaker's name:
// "X saat ditemui di Y, Rabu, mengatakan", "X dalam jumpa pers mengatakan".
bool IsAdjunctOpener(std::string_view lower);
// Indonesian words after which a capitalised word names a place: "di",
// "ke", "Kabupaten", "Desa", "warga" ("di Sleman", "warga Depok"). The text's
// own uses tell a place from a name where a role phrase runs into a name
// ("Kepala Dinas Kesehatan Sleman Heru Saptono").
bool IsPlaceIntroducer(std::string_view lower);
// Indonesian police and military ranks and the titles "dr" and "Prof": part
// of the name they precede ("Komisaris Besar Yusri Yunus", "Kombes Yusri"),
// unlike a position. A rank opens with a head word ("Komisaris", "Brigjen")
// that modifiers may follow ("Besar", "Jenderal", "TNI"); "Jenderal" alone
// is no head, so "Sekretaris Jenderal X" keeps its title out. Takes the token
// as written.
enum class RankPart : uint8_t { kNone, kHead, kModifier };
RankPart LookupRank(std::string_view word);
// Country, institution and party words that precede names ("Rusia Vladimir
// Putin", "Democratic Sen. X") and are not part of the name.
bool IsPlaceWord(std::string_view word);
// Whether `word` completes the institution or title `before` it names
// ("Jaksa Agung", "Mahkamah Agung"): such a word is a common given name
// elsewhere ("Agung Nugraha"), so only the pair keeps it out of a name.
bool CompletesTitle(std::string_view before, std::string_view word);

}  // namespace warta::nlp

#endif  // WARTA_NLP_CUES_H_
