// Runs ExtractQuotes over the quote benchmarks and writes predictions in the
// form their scorers read (scripts/score_quotes.sh calls the scorers).
//
//   score_quotes polnear GOLD.jsonl PRED.json [--ner]   PolNeAR lines (plain JSONL) ->
//       {article_id: [{"content": [[s,e],...], "source": [s,e]|null, "cue": [s,e]|null}]}
//   score_quotes pfsa GOLD.txt PRED.txt [--ner]         PFSA-ID token<TAB>tag file -> the same
//       tokens with predicted BILOU STATEMENT and PERSON tags
//
// --ner passes the NER model's mentions to ExtractQuotes (speaker names).
// Prints the time spent in ExtractQuotes (NER excluded) to stderr.
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "nlp/cues.h"
#include "nlp/sentences.h"
#include "warta/ner.h"
#include "warta/quotes.h"

namespace {

// Person, organisation and place mentions from the NER model, in code points.
std::vector<warta::EntityMention> Mentions(const warta::NerModel* ner, const std::string& text) {
  std::vector<warta::EntityMention> out;
  if (!ner) return out;
  warta::nlp::Segmentation seg = warta::nlp::Segment(text);
  std::vector<std::string_view> words;
  for (const warta::nlp::Sentence& s : seg.sentences) {
    words.clear();
    for (uint32_t i = s.token_begin; i < s.token_end; ++i) words.push_back(seg.TokenText(text, seg.tokens[i]));
    std::vector<std::string_view> tags = ner->Tag(words);
    for (size_t i = 0; i < tags.size(); ++i) {
      if (tags[i].size() < 3 || tags[i][0] != 'B') continue;
      size_t j = i + 1;
      while (j < tags.size() && tags[j].size() > 2 && tags[j][0] == 'I' && tags[j].substr(2) == tags[i].substr(2)) ++j;
      out.push_back({{seg.tokens[s.token_begin + i].begin, seg.tokens[s.token_begin + j - 1].end},
                     std::string(tags[i].substr(2))});
    }
  }
  return out;
}

std::unique_ptr<warta::NerModel> LoadNer(bool wanted, std::string_view lang) {
  if (!wanted) return nullptr;
  auto model = warta::NerModel::Load(warta::NerModel::DefaultPath(lang));
  if (!model.ok()) {
    std::fprintf(stderr, "no NER model: %s\n", model.status().ToString().c_str());
    return nullptr;
  }
  return std::move(model).value();
}


using Clock = std::chrono::steady_clock;

nlohmann::json SpanJson(const warta::TextSpan& s) {
  if (s.empty()) return nullptr;
  return nlohmann::json::array({s.begin, s.end});
}

int RunPolnear(const char* gold_path, const char* out_path, bool use_ner) {
  std::unique_ptr<warta::NerModel> ner = LoadNer(use_ner, "en");
  std::ifstream in(gold_path);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", gold_path);
    return 1;
  }
  nlohmann::json out = nlohmann::json::object();
  double seconds = 0;
  size_t bytes = 0, articles = 0;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    nlohmann::json rec = nlohmann::json::parse(line, nullptr, false);
    if (rec.is_discarded()) continue;
    std::string text = rec.value("text", "");
    std::vector<warta::EntityMention> mentions = Mentions(ner.get(), text);
    auto t0 = Clock::now();
    std::vector<warta::Quote> quotes = warta::ExtractQuotes(text, "en", mentions);
    seconds += std::chrono::duration<double>(Clock::now() - t0).count();
    bytes += text.size();
    ++articles;
    std::map<uint32_t, nlohmann::json> groups;
    for (const warta::Quote& q : quotes) {
      auto [it, fresh] = groups.try_emplace(q.group, nlohmann::json::object());
      nlohmann::json& g = it->second;
      if (fresh) {
        g["content"] = nlohmann::json::array();
        g["source"] = SpanJson(q.speaker);
        g["cue"] = SpanJson(q.cue);
      }
      g["content"].push_back(nlohmann::json::array({q.content.begin, q.content.end}));
    }
    nlohmann::json list = nlohmann::json::array();
    for (auto& [_, g] : groups) list.push_back(std::move(g));
    out[rec.value("id", "")] = std::move(list);
  }
  std::ofstream(out_path) << out.dump();
  std::fprintf(stderr, "polnear: %zu articles, %.1f MB in %.3f s (%.1f MB/s)\n", articles, bytes / 1e6, seconds,
               seconds > 0 ? bytes / 1e6 / seconds : 0.0);
  return 0;
}

// Whether a space goes before token `tok` when PFSA-ID tokens are joined back
// into text. Quotation marks alternate between opening (no space after) and
// closing (no space before); Kompas opens with ” as often as with “.
// A mark after "," or before "," closes; one that starts a sequence opens;
// otherwise the marks alternate.
struct Detokenizer {
  bool quote_open = false;
  bool glue_next = false;
  bool SpaceBefore(const std::string& tok, const std::string& prev, const std::string& next, bool starts) {
    bool space = !glue_next;
    glue_next = false;
    if (tok == "\"" || tok == "\u201C" || tok == "\u201D") {
      bool closes = quote_open;
      if (prev == "," || next == "," || next == "." || tok == "\u201C") closes = prev == "," || next == "," || next == ".";
      if (starts) closes = false;
      if (closes) {
        space = false;
      } else {
        glue_next = true;
      }
      quote_open = !closes;
    } else if (tok == "," || tok == "." || tok == ";" || tok == ":" || tok == "?" || tok == "!" || tok == ")") {
      space = false;
    } else if (tok == "(") {
      glue_next = true;
    }
    return space;
  }
};

// A speaker name PFSA-ID may tag as PERSON: capitalised words ("Bima Arya",
// not a role phrase such as "pihak sekolah"), a rank or title written in
// lowercase allowed ("dr Rina Kusuma").
bool IsCapitalised(const std::string& name) {
  std::istringstream words(name);
  bool any = false;
  for (std::string w; words >> w; any = true) {
    if (!std::isupper(static_cast<unsigned char>(w[0])) && warta::nlp::LookupRank(w) == warta::nlp::RankPart::kNone) {
      return false;
    }
  }
  return any;
}

bool StartsUpper(const std::string& token) {
  return !token.empty() && std::isupper(static_cast<unsigned char>(token[0]));
}

// Whether the one word at `i` is a person's whole name where it first comes:
// Indonesians often have one ("Kepala Desa Kalimaya Suparno", "Pakar hukum
// pidana, Wiratmo,"), behind a title or an apposition comma and not followed
// by more of a name. Otherwise a lone word is a family or first name that
// stands for a full name (PERSONCOREF), a place or an acronym.
bool IsOneWordName(const std::vector<std::string>& tokens, size_t i) {
  const std::string& w = tokens[i];
  bool acronym = std::all_of(w.begin(), w.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); });
  bool after_title = i > 0 && (StartsUpper(tokens[i - 1]) || tokens[i - 1] == ",");
  bool more_name = i + 1 < tokens.size() && StartsUpper(tokens[i + 1]);
  return after_title && !more_name && !acronym && !warta::nlp::IsPlaceWord(w);
}

// "Rudi Hartono (45), sopir angkot": Kompas introduces private people by
// their age in brackets after the name; PFSA-ID tags public figures only.
bool IntroducedByAge(const std::vector<std::string>& tokens, size_t after_name) {
  return after_name + 1 < tokens.size() && tokens[after_name] == "(" &&
         std::isdigit(static_cast<unsigned char>(tokens[after_name + 1][0]));
}

// Whether the NER model reads the speaker mention as an organisation or a
// place and finds no person in it ("Kementerian Kesehatan", "Pemerintah
// Kota Surabaya"): no PERSON, whatever name the quote finder made of it.
bool NamesAGroup(const warta::TextSpan& speaker, const std::vector<warta::EntityMention>& mentions) {
  bool person = false, group = false;
  for (const warta::EntityMention& m : mentions) {
    if (m.span.begin < speaker.begin || m.span.end > speaker.end) continue;
    person = person || m.kind == "PER";
    group = group || m.kind == "ORG" || m.kind == "LOC";
  }
  return group && !person;
}

// PFSA-ID: each article's tokens joined into one text (sentences by a space,
// so a quote may run over several) and read on its own, as warta reads a
// page (names learnt in one article must not resolve speakers in another);
// direct quotes and their speakers' names mapped back to the tokens they
// cover. PFSA-ID's STATEMENT label marks direct quotes only.
int RunPfsa(const char* gold_path, const char* out_path, bool use_ner) {
  std::unique_ptr<warta::NerModel> ner = LoadNer(use_ner, "id");
  std::ifstream in(gold_path);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", gold_path);
    return 1;
  }
  std::vector<std::string> tokens;
  std::vector<bool> sentence_end;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line.find_first_not_of(" \t\r") == std::string::npos) {
      if (!sentence_end.empty()) sentence_end.back() = true;
      continue;
    }
    tokens.push_back(line.substr(0, line.find('\t')));
    sentence_end.push_back(false);
  }
  std::string text;
  std::vector<uint32_t> begin_cp, end_cp;
  uint32_t cp = 0;
  std::vector<uint32_t> article_starts;       // code points, from the second article on
  std::vector<size_t> article_bytes(1, 0);    // bytes, every article and the end
  Detokenizer detok;
  static const std::string kNothing;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& prev = i > 0 ? tokens[i - 1] : kNothing;
    const std::string& next = i + 1 < tokens.size() ? tokens[i + 1] : kNothing;
    bool starts = i == 0 || sentence_end[i - 1];
    // A dateline ("JAKARTA, KOMPAS —") starts a new article: a paragraph break.
    if (starts && i + 2 < tokens.size() && tokens[i + 2] == "KOMPAS" && !text.empty()) {
      text += "\n\n";
      cp += 2;
      article_starts.push_back(cp);
      article_bytes.push_back(text.size());
      detok = Detokenizer();
    } else if (detok.SpaceBefore(tokens[i], prev, next, starts) && !text.empty()) {
      text.push_back(' ');
      ++cp;
    }
    begin_cp.push_back(cp);
    text += tokens[i];
    for (unsigned char c : tokens[i]) cp += (c & 0xC0) != 0x80;
    end_cp.push_back(cp);
  }
  article_bytes.push_back(text.size());
  std::vector<warta::Quote> quotes;
  std::vector<bool> group_speaker;  // per quote
  double seconds = 0;
  for (size_t a = 0; a + 1 < article_bytes.size(); ++a) {
    const std::string article = text.substr(article_bytes[a], article_bytes[a + 1] - article_bytes[a]);
    const uint32_t shift = a == 0 ? 0 : article_starts[a - 1];
    std::vector<warta::EntityMention> mentions = Mentions(ner.get(), article);
    auto t0 = Clock::now();
    for (warta::Quote q : warta::ExtractQuotes(article, "id", mentions)) {
      group_speaker.push_back(NamesAGroup(q.speaker, mentions));
      for (warta::TextSpan* span : {&q.content, &q.cue, &q.speaker}) {
        span->begin += shift;
        span->end += shift;
      }
      quotes.push_back(std::move(q));
    }
    seconds += std::chrono::duration<double>(Clock::now() - t0).count();
  }
  std::vector<std::string> statement(tokens.size(), "O"), person(tokens.size(), "O");
  auto mark = [&](const warta::TextSpan& s, const char* type, std::vector<std::string>* tags) {
    size_t a = std::lower_bound(begin_cp.begin(), begin_cp.end(), s.begin) - begin_cp.begin();
    size_t b = a;
    while (b < tokens.size() && end_cp[b] <= s.end) ++b;
    if (b <= a) return;
    for (size_t i = a; i < b; ++i) (*tags)[i] = std::string(i == a ? "B-" : "I-") + type;
    if (b - a == 1) {
      (*tags)[a] = std::string("U-") + type;
    } else {
      (*tags)[b - 1] = std::string("L-") + type;
    }
  };
  // PERSON is the first mention of a directly quoted speaker's full name in
  // the article, not necessarily the mention the quote attaches to ("Ketua
  // KPU X mengatakan, ... “...,” kata X."): find the resolved name's first
  // occurrence among the article's tokens outside quotes. Later mentions are
  // PERSONCOREF.
  std::vector<uint32_t> token_starts(1, 0);  // each article's first token
  for (uint32_t start : article_starts) {
    token_starts.push_back(std::lower_bound(begin_cp.begin(), begin_cp.end(), start) - begin_cp.begin());
  }
  token_starts.push_back(tokens.size());
  for (const warta::Quote& q : quotes) {
    if (q.direct) mark(q.content, "STATEMENT", &statement);
  }
  // Each quote's article.
  std::vector<size_t> article_of(quotes.size());
  for (size_t k = 0, article = 0; k < quotes.size(); ++k) {
    while (article < article_starts.size() && article_starts[article] <= quotes[k].content.begin) ++article;
    article_of[k] = article;
  }
  // PFSA-ID tags the sources of its STATEMENTs, which are direct quotes: a
  // speaker only ever reported in indirect speech is no PERSON.
  std::set<std::pair<size_t, std::string>> quoted_directly;
  for (size_t k = 0; k < quotes.size(); ++k) {
    if (quotes[k].direct) quoted_directly.insert({article_of[k], quotes[k].speaker_name});
  }
  std::set<std::pair<size_t, std::string>> named;
  for (size_t k = 0; k < quotes.size(); ++k) {
    const warta::Quote& q = quotes[k];
    const size_t article = article_of[k];
    if (group_speaker[k] || !IsCapitalised(q.speaker_name) || !quoted_directly.contains({article, q.speaker_name}) ||
        !named.insert({article, q.speaker_name}).second) {
      continue;
    }
    std::vector<std::string> words;
    std::istringstream split(q.speaker_name);
    for (std::string w; split >> w;) words.push_back(w);
    for (size_t i = token_starts[article]; i + words.size() <= token_starts[article + 1]; ++i) {
      if (std::equal(words.begin(), words.end(), tokens.begin() + i) && statement[i] == "O") {
        // A name tagged already (inside a longer one) or a private person's.
        if (person[i] != "O" || IntroducedByAge(tokens, i + words.size())) break;
        if (words.size() == 1 && !IsOneWordName(tokens, i)) break;
        mark({begin_cp[i], end_cp[i + words.size() - 1]}, "PERSON", &person);
        break;
      }
    }
  }
  std::ofstream out(out_path);
  for (size_t i = 0; i < tokens.size(); ++i) {
    // One tag column: a token in both a statement and a speaker keeps the statement.
    out << tokens[i] << '\t' << (statement[i] != "O" ? statement[i] : person[i]) << '\n';
    if (sentence_end[i]) out << '\n';
  }
  std::fprintf(stderr, "pfsa-id: %zu tokens, %.1f MB in %.3f s\n", tokens.size(), text.size() / 1e6, seconds);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  bool ner = argc == 5 && std::string(argv[4]) == "--ner";
  if (argc != 4 && !ner) {
    std::fprintf(stderr, "usage: %s polnear|pfsa GOLD OUT [--ner]\n", argv[0]);
    return 2;
  }
  std::string mode = argv[1];
  if (mode == "polnear") return RunPolnear(argv[2], argv[3], ner);
  if (mode == "pfsa") return RunPfsa(argv[2], argv[3], ner);
  std::fprintf(stderr, "unknown mode %s\n", argv[1]);
  return 2;
}
