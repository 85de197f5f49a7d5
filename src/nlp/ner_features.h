// Hashed sparse features of the NER tagger: for each token of a sentence, the
// buckets (indexes into a 2^bits weight table) of its active features —
// the word and its neighbours lowercased, word shapes, affixes, gazetteer
// hits. Training (tools/ner_train) and tagging (NerModel) share this code,
// so a model only works with the feature set it was trained with; bump
// kNerFeatureVersion when the features change.
//
// Thread safety: a FeatureExtractor only holds scratch buffers (reused from
// sentence to sentence to avoid allocation); use one per thread.
#ifndef WARTA_NLP_NER_FEATURES_H_
#define WARTA_NLP_NER_FEATURES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "nlp/gazetteer.h"

namespace warta::nlp {

inline constexpr uint32_t kNerFeatureVersion = 1;

// Features of one sentence, token-major: token i owns
// buckets[offsets[i] .. offsets[i+1]).
struct SentenceFeatures {
  std::vector<uint32_t> buckets;
  std::vector<uint32_t> offsets;
  size_t size() const { return offsets.empty() ? 0 : offsets.size() - 1; }
};

// Appends the lowercase form of `s` (ICU simple case mapping per code point;
// invalid UTF-8 becomes U+FFFD) to *out.
void LowerUtf8(std::string_view s, std::string* out);

class FeatureExtractor {
 public:
  // Buckets are in [0, 2^bits). `gazetteer` may be null (no gazetteer
  // features).
  void Extract(const std::vector<std::string_view>& tokens, const Gazetteer* gazetteer, int bits,
               SentenceFeatures* out);

 private:
  void TokenFeatures(size_t i, const std::vector<std::string_view>& tokens, int bits,
                     SentenceFeatures* out);

  char case_mode_ = 'n';
  std::vector<std::string> lower_;
  std::vector<std::string> shape_;
  std::vector<std::string> short_shape_;
  std::vector<GazetteerHit> hits_;
};

}  // namespace warta::nlp

#endif  // WARTA_NLP_NER_FEATURES_H_
