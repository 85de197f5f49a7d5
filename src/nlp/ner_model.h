// The NER model's internals, shared by NerModel (tagging) and tools/ner_train
// (training): the in-memory model, its file format, IOB2 transition rules and
// Viterbi decoding.
//
// File format (little-endian), "WNERMOD2" then:
//   u32 feature_version, u32 bits, u32 label_count,
//   string language, label_count x string label,   (string = u32 length + bytes)
//   f32 scale, f32 transitions[(label_count + 1) * label_count],
//   string gazetteer (gazetteer.h text form),
//   u32 row_count, row_count x (u32 bucket, i16 weights[label_count])
// Only buckets with a non-zero weight are stored (a perceptron only updates
// features of tokens it got wrong, so most buckets stay zero); buckets are
// strictly increasing. weight = i16 * scale. Loading keeps the rows, widened
// to int32 and padded to a multiple of 4 labels (vector adds), behind a
// dense bucket -> row index.
#ifndef WARTA_NLP_NER_MODEL_H_
#define WARTA_NLP_NER_MODEL_H_

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/large_alloc.h"
#include "nlp/gazetteer.h"
#include "warta/status.h"

namespace warta::nlp {

inline constexpr int kNerMaxBits = 24;
inline constexpr size_t kNerMaxLabels = 32;
inline constexpr uint8_t kOutside = 0;  // the label "O"

// Transition scores laid out for decoding: row p (row `labels`: the
// sentence start) holds the score of each label after p, -inf where IOB2
// forbids it, padded with -inf to `stride` (the label count rounded up to a
// multiple of 4).
struct ViterbiTable {
  size_t labels = 0, stride = 0;
  std::vector<float> trans;  // (labels + 1) x stride
  // stride x stride, row c: trans' column c (the scores of c after each
  // label), for the way back to look up four predecessors at a time.
  std::vector<float> into;
};
struct NerModelData {
  uint64_t id = 0;  // unique in the process: the key of the per-thread caches of its weights' sums
  std::string language;
  int bits = 0;
  std::vector<std::string> labels;  // labels[kOutside] is "O"
  // Row p, column c: score of label c after label p; row labels.size() is
  // the sentence start.
  std::vector<float> transitions;
  float scale = 1;
  // Bucket b's weights are rows[RowOf(b) * stride ..][0 .. labels.size());
  // row 0 is all zeros, for the buckets the file does not list. The index
  // is a rank directory (one bit a bucket, with the count of set bits before
  // each 64) rather than a dense bucket -> row array: 16 bytes per 64
  // buckets (128 KB for 2^19) instead of 2 MB, small enough to stay mostly
  // in cache. Rows are int16, as quantised in the file.
  struct RankWord {
    uint64_t present = 0;  // bit i: bucket 64 * word + i has a row
    uint32_t before = 0;   // rows of the buckets before this word
    uint32_t unused = 0;
  };
  std::vector<RankWord> rank;
  LargeArray<int16_t> rows;  // AllocateLarge
  size_t stride = 0;  // labels.size() rounded up to a multiple of 8 (16-byte vectors)
  const RankWord* RankWordOf(uint32_t bucket) const { return &rank[bucket >> 6]; }
  uint32_t RowOf(uint32_t bucket) const {
    const RankWord& w = rank[bucket >> 6];
    const uint64_t bit = uint64_t{1} << (bucket & 63);
    const uint32_t row = w.before + static_cast<uint32_t>(__builtin_popcountll(w.present & (bit - 1))) + 1;
    // A mask, not a branch (GCC turns `present ? row : 0` into one):
    // presence is a coin toss, known only once the word's cache miss ends.
    const uint32_t present = static_cast<uint32_t>(w.present >> (bucket & 63)) & 1;
    return row & (0u - present);
  }
  std::string gazetteer_text;
  Gazetteer gazetteer;
  std::vector<uint8_t> allowed;  // AllowedTransitions(labels)
  ViterbiTable viterbi;          // of transitions and allowed
};

// allowed[p * L + c] is 1 when IOB2 lets label c follow label p (p == L: the
// sentence start): I-X only after B-X or I-X.
std::vector<uint8_t> AllowedTransitions(const std::vector<std::string>& labels);

ViterbiTable MakeViterbiTable(const float* transitions, const uint8_t* allowed, size_t label_count);

// Fills *best with the highest-scoring allowed label sequence; of equal
// scores, the lowest label. `emissions` is n x table.stride, token-major;
// `after` is the label before the first token (a piece of a sentence) or
// kSentenceStart; `before` the label after the last token, or
// kSentenceEnd (nothing follows).
inline constexpr size_t kSentenceStart = SIZE_MAX, kSentenceEnd = SIZE_MAX;
void Viterbi(const ViterbiTable& table, const float* emissions, size_t n, std::vector<uint8_t>* best,
             size_t after = kSentenceStart, size_t before = kSentenceEnd);

// The same from emissions n x L token-major; `transitions` and `allowed` as
// in NerModelData.
void Viterbi(const float* emissions, size_t n, size_t label_count, const float* transitions,
             const uint8_t* allowed, std::vector<uint8_t>* best);

// Quantises float weights to int16 and writes the file.
Status WriteNerModel(const std::string& path, const std::string& language, int bits,
                     const std::vector<std::string>& labels, const std::vector<float>& transitions,
                     const std::vector<float>& weights, const std::string& gazetteer_text);

// Parses a whole model file; kCorrupt on any inconsistency.
Result<std::unique_ptr<NerModelData>> ParseNerModel(std::string_view bytes);

}  // namespace warta::nlp

#endif  // WARTA_NLP_NER_MODEL_H_
