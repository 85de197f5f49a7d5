// ner_train: builds the NER models in models/.
//
//   ner_train gazetteer OUT
//       Writes the gazetteer (gazetteer.h text form) from package data only:
//       ICU country, time-zone city and language names in English and
//       Indonesian, iso-codes country and subdivision names, and the role
//       words below.
//   ner_train train --lang L --out MODEL [--gazetteer FILE] [--bits B]
//                   [--epochs N] [--seed S] [--runs R] DATA...
//       Trains a structured averaged perceptron on DATA files ("token<TAB>tag"
//       lines, IOB2, blank line between sentences; scripts/ner_data.py makes
//       them). Deterministic: same data and flags, same model bytes.
#include <unicode/locid.h>
#include <unicode/timezone.h>
#include <unicode/tznames.h>
#include <unicode/uloc.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "nlp/gazetteer.h"
#include "nlp/ner_features.h"
#include "nlp/ner_model.h"

namespace {

using warta::nlp::FeatureExtractor;
using warta::nlp::Gazetteer;
using warta::nlp::SentenceFeatures;

// Words that precede or name a role rather than an entity. Written for this
// project (English and Indonesian news usage).
constexpr const char* kRoleWords[] = {
    "president", "vice president", "prime minister", "minister", "foreign minister",
    "defense minister", "secretary", "secretary-general", "spokesman", "spokeswoman",
    "spokesperson", "chairman", "chairwoman", "chief", "director", "governor", "mayor",
    "senator", "congressman", "ambassador", "envoy", "general", "gen.", "colonel", "lieutenant",
    "commander", "admiral", "judge", "king", "queen", "prince", "princess", "pope", "cardinal",
    "bishop", "archbishop", "mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "sir", "lord",
    "professor", "prof.", "coach", "captain", "striker", "midfielder", "goalkeeper", "ceo",
    "chief executive", "leader", "official", "officials", "analyst", "reporter", "police",
    "presiden", "wakil presiden", "menteri", "wakil menteri", "gubernur", "wakil gubernur",
    "bupati", "wakil bupati", "wali kota", "walikota", "camat", "lurah", "kepala", "ketua",
    "wakil ketua", "sekretaris", "sekjen", "direktur", "dirut", "juru bicara", "jubir",
    "kapolri", "kapolda", "kapolres", "kapolsek", "panglima", "jenderal", "kolonel", "letjen",
    "mayjen", "brigjen", "irjen", "kombes", "kombes pol", "akbp", "kasat", "kanit", "kasi",
    "kabid", "kadis", "anggota", "pengamat", "pakar", "dosen", "profesor", "prof", "dr.",
    "bapak", "pak", "ibu", "bu", "sdr", "saudara", "tersangka", "terdakwa", "korban", "hakim",
    "jaksa", "pelatih", "pemain", "penyerang", "kiper", "raja", "ratu", "pangeran", "paus",
    "ustaz", "ustad", "ustadz", "kiai", "kyai", "habib", "haji", "hj.", "h.", "ir.", "drs.",
    "dprd", "anggota dprd", "anggota dpr", "caleg", "capres", "cawapres", "cagub", "calon",
    "kades", "kepala desa", "rektor", "dekan", "komisaris", "manajer", "pendiri", "founder",
};

std::string ToUtf8(const icu::UnicodeString& u) {
  std::string s;
  u.toUTF8String(s);
  return s;
}

// Lowercases and splits a name into the token sequence a corpus would have;
// empty when the name has characters a tokenizer would split unpredictably.
std::vector<std::string> NameVariants(const std::string& name) {
  if (name.empty() || name.find_first_of(",()/[]") != std::string::npos) return {};
  std::string lower;
  warta::nlp::LowerUtf8(name, &lower);
  std::vector<std::string> out = {lower};
  if (lower.find('-') != std::string::npos) {  // "guinea-bissau" also as "guinea - bissau"
    std::string split;
    for (char c : lower) {
      if (c == '-') split += " - ";
      else split += c;
    }
    out.push_back(split);
  }
  return out;
}

void AddName(std::set<std::string>* lines, const char* type, const std::string& name) {
  if (name.size() < 3) return;  // two-letter codes and fragments are noise
  for (const std::string& v : NameVariants(name)) lines->insert(std::string(type) + "\t" + v);
}

bool DemonymLike(const std::string& s) {
  for (const char* end : {"ish", "ese", "ian", "an", "ic", "i", "ch"}) {
    size_t n = std::strlen(end);
    if (s.size() > n + 2 && s.compare(s.size() - n, n, end) == 0) return true;
  }
  return false;
}

int RunGazetteer(const std::string& out_path) {
  std::set<std::string> lines;
  const icu::Locale display_locales[] = {icu::Locale("en"), icu::Locale("id")};
  std::set<std::string> countries_en;
  for (const char* const* c = uloc_getISOCountries(); *c; ++c) {
    icu::Locale region("", *c);
    for (const icu::Locale& dl : display_locales) {
      icu::UnicodeString u;
      std::string name = ToUtf8(region.getDisplayCountry(dl, u));
      if (name == *c) continue;
      AddName(&lines, "LOC", name);
      if (std::strcmp(dl.getLanguage(), "en") == 0) countries_en.insert(name);
    }
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::StringEnumeration> zones(icu::TimeZone::createEnumeration(status));
  for (const icu::Locale& dl : display_locales) {
    UErrorCode st = U_ZERO_ERROR;
    std::unique_ptr<icu::TimeZoneNames> names(icu::TimeZoneNames::createInstance(dl, st));
    if (U_FAILURE(st) || !zones) continue;
    zones->reset(st);
    while (const icu::UnicodeString* id = zones->snext(st)) {
      if (U_FAILURE(st)) break;
      icu::UnicodeString city;
      names->getExemplarLocationName(*id, city);
      if (!city.isBogus() && city.length() > 0) AddName(&lines, "LOC", ToUtf8(city));
    }
  }
  for (const char* const* l = uloc_getISOLanguages(); *l; ++l) {
    icu::UnicodeString u;
    std::string name = ToUtf8(icu::Locale(*l).getDisplayLanguage(icu::Locale("en"), u));
    if (name == *l || name.find(' ') != std::string::npos || countries_en.count(name)) continue;
    if (DemonymLike(name)) AddName(&lines, "MISC", name);
  }
  auto read_json = [](const std::string& path) {
    std::ifstream in(path);
    return nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  };
  nlohmann::json c1 = read_json("/usr/share/iso-codes/json/iso_3166-1.json");
  if (c1.is_object()) {
    for (const auto& e : c1.value("3166-1", nlohmann::json::array())) {
      for (const char* key : {"name", "official_name", "common_name"}) {
        if (e.contains(key) && e[key].is_string()) AddName(&lines, "LOC", e[key].get<std::string>());
      }
    }
  }
  nlohmann::json c2 = read_json("/usr/share/iso-codes/json/iso_3166-2.json");
  if (c2.is_object()) {
    for (const auto& e : c2.value("3166-2", nlohmann::json::array())) {
      if (e.contains("name") && e["name"].is_string()) AddName(&lines, "LOC", e["name"].get<std::string>());
    }
  }
  for (const char* role : kRoleWords) lines.insert(std::string("ROLE\t") + role);
  std::ofstream out(out_path);
  for (const std::string& l : lines) out << l << '\n';
  out.close();
  if (!out) {
    std::fprintf(stderr, "ner_train: cannot write %s\n", out_path.c_str());
    return 1;
  }
  std::fprintf(stderr, "ner_train: %zu gazetteer entries -> %s\n", lines.size(), out_path.c_str());
  return 0;
}

struct Sentence {
  std::vector<std::string> tokens;
  std::vector<std::string> tags;
};

bool ReadData(const std::string& path, std::vector<Sentence>* out) {
  std::ifstream in(path);
  if (!in) return false;
  std::string line;
  Sentence cur;
  auto flush = [&] {
    if (!cur.tokens.empty()) out->push_back(std::move(cur));
    cur = Sentence();
  };
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    size_t tab = line.rfind('\t');
    if (line.empty() || tab == std::string::npos) {
      flush();
      continue;
    }
    cur.tokens.push_back(line.substr(0, line.find('\t')));
    cur.tags.push_back(line.substr(tab + 1));
  }
  flush();
  return true;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct TrainOptions {
  std::string lang, out, gazetteer;
  int bits = 20;
  int epochs = 10;
  uint64_t seed = 20261125;
  int runs = 1;  // seeds seed .. seed + runs - 1
  float min_weight = 0;
  std::vector<std::string> data;
};

// Averaged perceptron state: w is the current weight, u accumulates
// step * update so that w - u / step is the average over all steps
// (Daumé's trick) without touching every weight each step.
struct Averaged {
  std::vector<float> w, u;
  explicit Averaged(size_t n) : w(n, 0.0f), u(n, 0.0f) {}
  void Add(size_t i, float d, float step) {
    w[i] += d;
    u[i] += step * d;
  }
  std::vector<float> Average(float step) const {
    std::vector<float> a(w.size());
    for (size_t i = 0; i < w.size(); ++i) a[i] = w[i] - u[i] / step;
    return a;
  }
};

struct Perceptron {
  std::vector<float> weights, transitions;  // averaged
};

// Trains on the sentences' features in an order shuffled by `seed` each
// epoch.
Perceptron TrainPerceptron(const std::vector<SentenceFeatures>& feats, const std::vector<std::vector<uint8_t>>& gold,
                           const std::vector<uint8_t>& allowed, size_t L, const TrainOptions& opt, uint64_t seed,
                           size_t tokens) {
  Averaged weights((size_t{1} << opt.bits) * L);
  Averaged trans((L + 1) * L);
  std::vector<size_t> order(feats.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(seed);
  float step = 1;
  std::vector<float> emissions;
  std::vector<uint8_t> pred;
  for (int epoch = 0; epoch < opt.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);  // Fisher-Yates
    size_t wrong = 0;
    for (size_t s : order) {
      const SentenceFeatures& f = feats[s];
      const size_t n = f.size();
      emissions.assign(n * L, 0.0f);
      for (size_t i = 0; i < n; ++i) {
        for (uint32_t k = f.offsets[i]; k < f.offsets[i + 1]; ++k) {
          const float* row = &weights.w[size_t{f.buckets[k]} * L];
          for (size_t l = 0; l < L; ++l) emissions[i * L + l] += row[l];
        }
      }
      warta::nlp::Viterbi(emissions.data(), n, L, trans.w.data(), allowed.data(), &pred);
      const std::vector<uint8_t>& g = gold[s];
      for (size_t i = 0; i < n; ++i) {
        size_t gp = i ? g[i - 1] : L, pp = i ? pred[i - 1] : L;
        if (g[i] != pred[i]) {
          ++wrong;
          for (uint32_t k = f.offsets[i]; k < f.offsets[i + 1]; ++k) {
            weights.Add(size_t{f.buckets[k]} * L + g[i], 1, step);
            weights.Add(size_t{f.buckets[k]} * L + pred[i], -1, step);
          }
        }
        if (g[i] != pred[i] || gp != pp) {
          trans.Add(gp * L + g[i], 1, step);
          trans.Add(pp * L + pred[i], -1, step);
        }
      }
      ++step;
    }
    std::fprintf(stderr, "ner_train: seed %llu epoch %d: %zu token errors (%.2f%%)\n",
                 static_cast<unsigned long long>(seed), epoch + 1, wrong,
                 100.0 * static_cast<double>(wrong) / static_cast<double>(tokens));
  }
  return {weights.Average(step), trans.Average(step)};
}

int RunTrain(const TrainOptions& opt) {
  auto t0 = std::chrono::steady_clock::now();
  std::vector<Sentence> data;
  for (const std::string& p : opt.data) {
    if (!ReadData(p, &data)) {
      std::fprintf(stderr, "ner_train: cannot read %s\n", p.c_str());
      return 1;
    }
  }
  std::set<std::string> types;
  for (const Sentence& s : data) {
    for (const std::string& t : s.tags) {
      if (t.size() > 2 && t[1] == '-') types.insert(t.substr(2));
    }
  }
  std::vector<std::string> labels = {"O"};
  for (const std::string& t : types) {
    labels.push_back("B-" + t);
    labels.push_back("I-" + t);
  }
  std::map<std::string, uint8_t> label_id;
  for (size_t i = 0; i < labels.size(); ++i) label_id[labels[i]] = static_cast<uint8_t>(i);
  const size_t L = labels.size();

  std::string gaz_text = opt.gazetteer.empty() ? std::string() : ReadFile(opt.gazetteer);
  Gazetteer gazetteer;
  gazetteer.Parse(gaz_text);
  FeatureExtractor extractor;
  std::vector<SentenceFeatures> feats(data.size());
  std::vector<std::vector<uint8_t>> gold(data.size());
  size_t tokens = 0;
  for (size_t s = 0; s < data.size(); ++s) {
    std::vector<std::string_view> toks(data[s].tokens.begin(), data[s].tokens.end());
    extractor.Extract(toks, &gazetteer, opt.bits, &feats[s]);
    for (const std::string& t : data[s].tags) {
      auto it = label_id.find(t);
      gold[s].push_back(it == label_id.end() ? 0 : it->second);
    }
    tokens += toks.size();
  }
  std::fprintf(stderr, "ner_train: %zu sentences, %zu tokens, %zu labels, %zu gazetteer entries\n",
               data.size(), tokens, L, gazetteer.size());

  const std::vector<uint8_t> allowed = warta::nlp::AllowedTransitions(labels);
  // One averaged perceptron per shuffling seed, their weights averaged in
  // turn: which sentences come late in the last epoch sways a single run by
  // about a point of F1 on the smaller sets; the mean of a few runs does not
  // hang on that draw.
  std::vector<float> weights((size_t{1} << opt.bits) * L, 0.0f), transitions((L + 1) * L, 0.0f);
  for (int run = 0; run < opt.runs; ++run) {
    const Perceptron p = TrainPerceptron(feats, gold, allowed, L, opt, opt.seed + static_cast<uint64_t>(run), tokens);
    for (size_t i = 0; i < weights.size(); ++i) weights[i] += p.weights[i] / static_cast<float>(opt.runs);
    for (size_t i = 0; i < transitions.size(); ++i) transitions[i] += p.transitions[i] / static_cast<float>(opt.runs);
  }
  size_t pruned = 0;
  for (size_t row = 0; row < weights.size(); row += L) {
    float top = 0;
    for (size_t l = 0; l < L; ++l) top = std::max(top, std::fabs(weights[row + l]));
    if (top == 0 || top >= opt.min_weight) continue;
    std::fill_n(&weights[row], L, 0.0f);
    ++pruned;
  }
  std::fprintf(stderr, "ner_train: %zu rows below %g dropped\n", pruned, opt.min_weight);
  warta::Status st = warta::nlp::WriteNerModel(opt.out, opt.lang, opt.bits, labels, transitions, weights, gaz_text);
  if (!st.ok()) {
    std::fprintf(stderr, "ner_train: %s\n", st.ToString().c_str());
    return 1;
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::fprintf(stderr, "ner_train: wrote %s in %.1f s\n", opt.out.c_str(), secs);
  return 0;
}

int Usage() {
  std::fprintf(stderr,
               "usage: ner_train gazetteer OUT\n"
               "       ner_train train --lang L --out MODEL [--gazetteer FILE] [--bits B] "
               "[--epochs N] [--seed S] [--runs R] DATA...\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) return Usage();
  std::string cmd = argv[1];
  if (cmd == "gazetteer") return RunGazetteer(argv[2]);
  if (cmd != "train") return Usage();
  TrainOptions opt;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : std::string(); };
    if (a == "--lang") opt.lang = next();
    else if (a == "--out") opt.out = next();
    else if (a == "--gazetteer") opt.gazetteer = next();
    else if (a == "--bits") opt.bits = std::atoi(next().c_str());
    else if (a == "--epochs") opt.epochs = std::atoi(next().c_str());
    else if (a == "--min-weight") opt.min_weight = std::strtof(next().c_str(), nullptr);
    else if (a == "--runs") opt.runs = std::atoi(next().c_str());
    else if (a == "--seed") opt.seed = std::strtoull(next().c_str(), nullptr, 10);
    else if (a.rfind("--", 0) == 0) return Usage();
    else opt.data.push_back(a);
  }
  if (opt.lang.empty() || opt.out.empty() || opt.data.empty() || opt.bits < 8 ||
      opt.bits > warta::nlp::kNerMaxBits || opt.epochs < 1 || opt.runs < 1) {
    return Usage();
  }
  return RunTrain(opt);
}
