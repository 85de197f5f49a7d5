#include "nlp/gazetteer.h"

#include <algorithm>

namespace warta::nlp {

namespace {

int TypeIndex(std::string_view name) {
  for (int i = 0; i < kGazetteerTypeCount; ++i) {
    if (kGazetteerTypes[i] == name) return i;
  }
  return -1;
}

int TokenCount(std::string_view phrase) {
  return 1 + static_cast<int>(std::count(phrase.begin(), phrase.end(), ' '));
}

}  // namespace

size_t Gazetteer::Parse(std::string_view text) {
  while (!text.empty()) {
    size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    int type = TypeIndex(line.substr(0, tab));
    std::string_view phrase = line.substr(tab + 1);
    if (type < 0 || phrase.empty()) continue;
    int n = TokenCount(phrase);
    if (n > kGazetteerMaxTokens) continue;
    entries_[std::string(phrase)] |= static_cast<uint8_t>(1u << type);
    max_tokens_ = std::max(max_tokens_, n);
  }
  return entries_.size();
}

void Gazetteer::Match(const std::vector<std::string>& lower_tokens,
                      std::vector<GazetteerHit>* hits) const {
  const size_t n = lower_tokens.size();
  hits->assign(n, GazetteerHit{});
  if (entries_.empty()) return;
  std::string key;
  for (size_t start = 0; start < n; ++start) {
    uint8_t seen = 0;  // types already matched at this start by a longer phrase
    size_t max_len = std::min<size_t>(static_cast<size_t>(max_tokens_), n - start);
    for (size_t len = max_len; len >= 1; --len) {
      key.clear();
      for (size_t k = 0; k < len; ++k) {
        if (k) key += ' ';
        key += lower_tokens[start + k];
      }
      auto it = entries_.find(key);
      if (it == entries_.end()) continue;
      uint8_t fresh = it->second & static_cast<uint8_t>(~seen);
      if (!fresh) continue;
      seen |= fresh;
      (*hits)[start].begin_mask |= fresh;
      for (size_t k = 1; k < len; ++k) (*hits)[start + k].inside_mask |= fresh;
    }
  }
}

}  // namespace warta::nlp
