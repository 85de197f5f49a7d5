// NerModel: a statistical named-entity tagger for pre-tokenised sentences.
//
// A model is one file (models/ner-<lang>.bin): hashed sparse feature weights
// of a structured averaged perceptron, the label set, BIO transition scores
// and the gazetteer the features were trained with. Tag() decodes the best
// label sequence with Viterbi over valid IOB2 transitions, so the output is
// always a well-formed IOB2 sequence with the types the model knows
// (PER/ORG/LOC, and MISC for English).
//
// Ownership: Load() returns a model the caller owns. The string_views that
// Tag() returns point into the model and stay valid as long as it lives.
// Thread safety: a loaded model is immutable; Tag() may be called from any
// number of threads at once.
#ifndef WARTA_NER_H_
#define WARTA_NER_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "warta/status.h"

namespace warta {

namespace nlp {
struct NerModelData;
struct GazetteerHit;
class Gazetteer;
}

class NerModel {
 public:
  ~NerModel();
  NerModel(const NerModel&) = delete;
  NerModel& operator=(const NerModel&) = delete;

  // Reads a model file written by tools/ner_train. Fails with kNotFound,
  // kIoError or kCorrupt; never crashes on a damaged file.
  static Result<std::unique_ptr<NerModel>> Load(const std::string& path);

  // The model file for a language code ("en", "id"): the first of
  // $WARTA_MODELS/ner-<lang>.bin, <executable dir>/../models/ner-<lang>.bin
  // and the source tree's models/ that exists (the last one even if missing,
  // so the error message names it).
  static std::string DefaultPath(std::string_view lang);

  // One IOB2 tag ("O", "B-PER", "I-ORG", ...) per token. Tokens are words
  // and punctuation as a tokenizer produces them; any bytes are accepted
  // (invalid UTF-8 is read as U+FFFD). Sentences longer than a few thousand
  // tokens are tagged in pieces to keep memory bounded.
  std::vector<std::string_view> Tag(const std::vector<std::string_view>& tokens) const;

  // Tag() as indexes into labels(), written to *ids (resized). Reuses ids'
  // capacity and per-thread buffers: tagging sentence after sentence
  // allocates nothing. Each thread also keeps, for the last two models it
  // tagged with, a cache of what recurring words give the scores (about
  // 1 MB a model).
  void TagIds(std::span<const std::string_view> tokens, std::vector<uint8_t>* ids) const;

  // The same, and where gazetteer() matched the tokens with their ASCII
  // letters lowercased, one hit a token, to *gazetteer_hits: the tagger
  // matches their Unicode lowercase forms, so this is true (and the hits
  // given) only when no other letter changes case, no token holds a space
  // and the tokens were tagged in one piece.
  bool TagIds(std::span<const std::string_view> tokens, std::vector<uint8_t>* ids,
              std::vector<nlp::GazetteerHit>* gazetteer_hits) const;

  // The phrase lists the model was trained with (places, roles...).
  const nlp::Gazetteer& gazetteer() const;

  // The IOB2 labels, "O" first.
  const std::vector<std::string>& labels() const;

  // The language code the model was trained for ("en", "id").
  const std::string& language() const;

 private:
  explicit NerModel(std::unique_ptr<nlp::NerModelData> data);
  std::unique_ptr<nlp::NerModelData> data_;
};

}  // namespace warta

#endif  // WARTA_NER_H_
