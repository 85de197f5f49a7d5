#include "nlp/ner_model.h"

#include <immintrin.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <limits>
#include <sstream>

#include "base/large_alloc.h"
#include "nlp/ner_features.h"
#include "warta/ner.h"

namespace warta::nlp {

namespace {

constexpr char kMagic[8] = {'W', 'N', 'E', 'R', 'M', 'O', 'D', '2'};

// Type of an IOB2 label: "PER" for "B-PER"; empty for "O".
std::string_view LabelType(std::string_view label) {
  return label.size() > 2 && label[1] == '-' ? label.substr(2) : std::string_view();
}

class Writer {
 public:
  void U32(uint32_t v) { Raw(&v, 4); }
  void F32(float v) { Raw(&v, 4); }
  void Str(std::string_view s) {
    U32(static_cast<uint32_t>(s.size()));
    out_.append(s);
  }
  void Raw(const void* p, size_t n) { out_.append(static_cast<const char*>(p), n); }
  const std::string& bytes() const { return out_; }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool U32(uint32_t* v) { return Raw(v, 4); }
  bool F32(float* v) { return Raw(v, 4) && std::isfinite(*v); }
  bool Str(std::string* s, size_t max) {
    uint32_t n;
    if (!U32(&n) || n > max || n > in_.size() - pos_) return false;
    s->assign(in_.substr(pos_, n));
    pos_ += n;
    return true;
  }
  bool Raw(void* p, size_t n) {
    if (n > in_.size() - pos_) return false;
    std::memcpy(p, in_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  // The next n bytes, or null when fewer are left.
  const char* Take(size_t n) {
    if (n > in_.size() - pos_) return nullptr;
    const char* p = in_.data() + pos_;
    pos_ += n;
    return p;
  }
  size_t left() const { return in_.size() - pos_; }
  bool AtEnd() const { return pos_ == in_.size(); }

 private:
  std::string_view in_;
  size_t pos_ = 0;
};

}  // namespace

std::vector<uint8_t> AllowedTransitions(const std::vector<std::string>& labels) {
  const size_t n = labels.size();
  std::vector<uint8_t> allowed((n + 1) * n, 1);
  for (size_t c = 0; c < n; ++c) {
    if (labels[c].rfind("I-", 0) != 0) continue;
    for (size_t p = 0; p <= n; ++p) {
      allowed[p * n + c] = p < n && LabelType(labels[p]) == LabelType(labels[c]);
    }
  }
  return allowed;
}

namespace {

using V4f = float __attribute__((vector_size(16)));
constexpr float kNever = -std::numeric_limits<float>::infinity();

// The first p with the highest prev[p] + into[p] (the padding lanes are
// -inf), as a scalar loop taking a new best only when strictly higher
// would find: when all are -inf, 0.
template <size_t kVecs>
size_t FirstBest(const V4f (&prev)[kVecs], const V4f* into) {
  V4f s[kVecs];
  V4f top = V4f{} + kNever;
#pragma GCC unroll 8
  for (size_t v = 0; v < kVecs; ++v) {
    s[v] = prev[v] + into[v];
    top = top > s[v] ? top : s[v];
  }
  // __builtin_shufflevector, not gcc's __builtin_shuffle: clang (the fuzz
  // build) has only the former.
  const V4f pairs = __builtin_shufflevector(top, top, 1, 0, 3, 2);
  top = top > pairs ? top : pairs;
  const V4f halves = __builtin_shufflevector(top, top, 2, 3, 0, 1);
  top = top > halves ? top : halves;
  uint32_t at_top = 0;
#pragma GCC unroll 8
  for (size_t v = 0; v < kVecs; ++v) {
    at_top |= static_cast<uint32_t>(_mm_movemask_ps(reinterpret_cast<__m128>(s[v] == top))) << (4 * v);
  }
  return static_cast<size_t>(__builtin_ctz(at_top));
}

// Viterbi over labels packed four to a vector, kVecs vectors. A label's
// predecessors are taken four labels at a time without tests: a label
// unreachable so far (-inf) never wins, the same as skipping it. The
// forward pass keeps only each position's scores; the way back finds the
// first best predecessor of the one label it follows, from the same sums,
// so the path is the one a back-pointer table would give.
template <size_t kVecs>
void ViterbiPacked(const ViterbiTable& table, const float* emissions, size_t n, size_t after, size_t before,
                   std::vector<uint8_t>* best) {
  constexpr size_t kStride = 4 * kVecs;
  const size_t L = table.labels;
  thread_local std::vector<float> scores;  // n x kStride
  scores.resize(n * kStride);
  auto load = [](const float* p, V4f* out) { std::memcpy(out, p, kVecs * sizeof(V4f)); };
  // Read in place, not copied: most stretches are a few tokens long. The
  // vector's storage is aligned for V4f (operator new's 16 bytes), and so
  // is each row (kStride floats).
  using Row = V4f __attribute__((may_alias))[kVecs];  // also a row of table.into
  const auto* trans = static_cast<const Row*>(__builtin_assume_aligned(table.trans.data(), 16));
  V4f score[kVecs], em[kVecs];
  load(emissions, em);
#pragma GCC unroll 8
  for (size_t v = 0; v < kVecs; ++v) score[v] = trans[after][v] + em[v];
  std::memcpy(&scores[0], score, sizeof score);
  for (size_t i = 1; i < n; ++i) {
    const float* from = &scores[(i - 1) * kStride];
    V4f top[kVecs];
#pragma GCC unroll 8
    for (size_t v = 0; v < kVecs; ++v) top[v] = V4f{} + kNever;
    for (size_t p = 0; p < L; ++p) {
#pragma GCC unroll 8
      for (size_t v = 0; v < kVecs; ++v) {
        const V4f s = from[p] + trans[p][v];
        top[v] = top[v] > s ? top[v] : s;  // the max (maxps)
      }
    }
    load(emissions + i * kStride, em);
#pragma GCC unroll 8
    for (size_t v = 0; v < kVecs; ++v) score[v] = top[v] + em[v];
    std::memcpy(&scores[i * kStride], score, sizeof score);
  }
  // Label 0 ("O") is always reachable, so the argmax is finite. A label
  // that follows picks the last one as it picks any predecessor.
  const float* last_scores = &scores[(n - 1) * kStride];
  const auto* into = static_cast<const Row*>(__builtin_assume_aligned(table.into.data(), 16));
  size_t label;
  if (before < L) {
    V4f last[kVecs];
    load(last_scores, last);
    label = FirstBest<kVecs>(last, into[before]);
  } else {
    label = static_cast<size_t>(std::max_element(last_scores, last_scores + L) - last_scores);
  }
  for (size_t i = n - 1; i > 0; --i) {
    (*best)[i] = static_cast<uint8_t>(label);
    V4f prev[kVecs];
    load(&scores[(i - 1) * kStride], prev);
    label = FirstBest<kVecs>(prev, into[label]);
  }
  (*best)[0] = static_cast<uint8_t>(label);
}

using ViterbiFn = void (*)(const ViterbiTable&, const float*, size_t, size_t, size_t, std::vector<uint8_t>*);
// By the number of label vectors (kNerMaxLabels is 32).
constexpr ViterbiFn kViterbi[] = {nullptr,          ViterbiPacked<1>, ViterbiPacked<2>,
                                  ViterbiPacked<3>, ViterbiPacked<4>, ViterbiPacked<5>,
                                  ViterbiPacked<6>, ViterbiPacked<7>, ViterbiPacked<8>};

}  // namespace

ViterbiTable MakeViterbiTable(const float* transitions, const uint8_t* allowed, size_t label_count) {
  const size_t L = label_count;
  ViterbiTable t;
  t.labels = L;
  t.stride = (L + 3) & ~size_t{3};
  t.trans.assign((L + 1) * t.stride, kNever);
  for (size_t p = 0; p <= L; ++p) {
    for (size_t c = 0; c < L; ++c) {
      if (allowed[p * L + c]) t.trans[p * t.stride + c] = transitions[p * L + c];
    }
  }
  t.into.assign(t.stride * t.stride, kNever);
  for (size_t p = 0; p < L; ++p) {
    for (size_t c = 0; c < L; ++c) t.into[c * t.stride + p] = t.trans[p * t.stride + c];
  }
  return t;
}

void Viterbi(const ViterbiTable& table, const float* emissions, size_t n, std::vector<uint8_t>* best,
             size_t after, size_t before) {
  best->resize(n);
  // Row table.labels of the transitions is the sentence start.
  if (n > 0) kViterbi[table.stride / 4](table, emissions, n, std::min(after, table.labels), before, best);
}

void Viterbi(const float* emissions, size_t n, size_t label_count, const float* transitions,
             const uint8_t* allowed, std::vector<uint8_t>* best) {
  const ViterbiTable table = MakeViterbiTable(transitions, allowed, label_count);
  thread_local std::vector<float> padded;
  padded.assign(n * table.stride, 0.0f);
  for (size_t i = 0; i < n; ++i) {
    std::copy(emissions + i * label_count, emissions + (i + 1) * label_count, &padded[i * table.stride]);
  }
  Viterbi(table, padded.data(), n, best);
}

Status WriteNerModel(const std::string& path, const std::string& language, int bits,
                     const std::vector<std::string>& labels, const std::vector<float>& transitions,
                     const std::vector<float>& weights, const std::string& gazetteer_text) {
  Writer w;
  w.Raw(kMagic, sizeof kMagic);
  w.U32(kNerFeatureVersion);
  w.U32(static_cast<uint32_t>(bits));
  w.U32(static_cast<uint32_t>(labels.size()));
  w.Str(language);
  for (const std::string& l : labels) w.Str(l);
  float top = 0;
  for (float v : weights) top = std::max(top, std::fabs(v));
  const float scale = top > 0 ? top / 32767.0f : 1.0f;
  w.F32(scale);
  for (float t : transitions) w.F32(t);
  w.Str(gazetteer_text);
  const size_t L = labels.size();
  std::string rows;
  uint32_t row_count = 0;
  std::vector<int16_t> q(L);
  for (size_t b = 0; b * L < weights.size(); ++b) {
    bool any = false;
    for (size_t l = 0; l < L; ++l) {
      q[l] = static_cast<int16_t>(std::lround(weights[b * L + l] / scale));
      any |= q[l] != 0;
    }
    if (!any) continue;
    const uint32_t bucket = static_cast<uint32_t>(b);
    rows.append(reinterpret_cast<const char*>(&bucket), 4);
    rows.append(reinterpret_cast<const char*>(q.data()), L * sizeof(int16_t));
    ++row_count;
  }
  w.U32(row_count);
  w.Raw(rows.data(), rows.size());
  std::ofstream out(path, std::ios::binary);
  out.write(w.bytes().data(), static_cast<std::streamsize>(w.bytes().size()));
  out.close();
  if (!out) return Status::IoError("cannot write " + path);
  return Status::Ok();
}

Result<std::unique_ptr<NerModelData>> ParseNerModel(std::string_view bytes) {
  static std::atomic<uint64_t> last_id{0};
  auto m = std::make_unique<NerModelData>();
  m->id = ++last_id;
  Reader r(bytes);
  char magic[8];
  uint32_t version, bits, count;
  if (!r.Raw(magic, 8) || std::memcmp(magic, kMagic, 8) != 0) {
    return Status::Corrupt("ner model: bad magic");
  }
  if (!r.U32(&version) || !r.U32(&bits) || !r.U32(&count)) return Status::Corrupt("ner model: truncated header");
  if (version != kNerFeatureVersion) {
    return Status::Unsupported("ner model: feature version " + std::to_string(version) +
                               ", this build reads " + std::to_string(kNerFeatureVersion));
  }
  if (bits < 8 || bits > kNerMaxBits || count < 1 || count > kNerMaxLabels) {
    return Status::Corrupt("ner model: bad sizes");
  }
  m->bits = static_cast<int>(bits);
  if (!r.Str(&m->language, 16)) return Status::Corrupt("ner model: bad language");
  m->labels.resize(count);
  for (std::string& l : m->labels) {
    if (!r.Str(&l, 64)) return Status::Corrupt("ner model: bad label");
  }
  if (m->labels[kOutside] != "O") return Status::Corrupt("ner model: first label is not O");
  m->transitions.resize((count + 1) * count);
  if (!r.F32(&m->scale)) return Status::Corrupt("ner model: bad scale");
  for (float& t : m->transitions) {
    if (!r.F32(&t)) return Status::Corrupt("ner model: bad transitions");
  }
  if (!r.Str(&m->gazetteer_text, 64u << 20)) return Status::Corrupt("ner model: bad gazetteer");
  const size_t buckets = size_t{1} << bits;
  uint32_t row_count;
  if (!r.U32(&row_count) || row_count > buckets) return Status::Corrupt("ner model: bad row count");
  m->stride = (count + 7) & ~size_t{7};
  const size_t row_bytes = 4 + count * sizeof(int16_t);
  const char* in = row_count <= r.left() / row_bytes ? r.Take(row_count * row_bytes) : nullptr;
  if (in == nullptr) return Status::Corrupt("ner model: truncated weight rows");
  const size_t table_bytes = (size_t{row_count} + 1) * m->stride * sizeof(int16_t);
  // Read at random, a few megabytes of them: in huge pages when it can be.
  m->rows.reset(static_cast<int16_t*>(AllocateLarge(table_bytes)));
  if (!m->rows) return Status::TooLarge("ner model: cannot allocate the weight table");
  std::memset(m->rows.get(), 0, table_bytes);
  m->rank.assign(buckets / 64, {});
  int64_t previous = -1;
  for (uint32_t i = 0; i < row_count; ++i, in += row_bytes) {
    uint32_t bucket;
    std::memcpy(&bucket, in, 4);
    if (bucket >= buckets || static_cast<int64_t>(bucket) <= previous) {
      return Status::Corrupt("ner model: bad weight row " + std::to_string(i));
    }
    previous = bucket;
    m->rank[bucket >> 6].present |= uint64_t{1} << (bucket & 63);
    std::memcpy(&m->rows[(size_t{i} + 1) * m->stride], in + 4, count * sizeof(int16_t));
  }
  uint32_t before = 0;
  for (NerModelData::RankWord& w : m->rank) {
    w.before = before;
    before += static_cast<uint32_t>(__builtin_popcountll(w.present));
  }
  if (!r.AtEnd()) return Status::Corrupt("ner model: trailing bytes");
  m->gazetteer.Parse(m->gazetteer_text);
  m->allowed = AllowedTransitions(m->labels);
  m->viterbi = MakeViterbiTable(m->transitions.data(), m->allowed.data(), count);
  return m;
}

}  // namespace warta::nlp

namespace warta {

namespace {

// Sentences are tagged in pieces of this many tokens: Viterbi's back-pointer
// table grows with the length.
constexpr size_t kMaxPiece = 2000;

// Adds up the weight rows `row[0 .. n)` and `more[0 .. m)` (row indexes:
// two lists, one call) into acc[0 .. 8 * kVecs), eight labels per vector
// add, widened to int32.
template <size_t kVecs>
void SumRows(const uint32_t* row, size_t n, const uint32_t* more, size_t m, const int16_t* rows, int32_t* acc) {
  using V8s = int16_t __attribute__((vector_size(16)));
  using V8i = int32_t __attribute__((vector_size(32)));
  V8i sum[kVecs] = {};
  auto add = [&](const uint32_t* list, size_t count) {
    for (size_t k = 0; k < count; ++k) {
      const int16_t* r = rows + size_t{list[k]} * (8 * kVecs);
#pragma GCC unroll 4
      for (size_t v = 0; v < kVecs; ++v) {
        V8s x;
        std::memcpy(&x, r + 8 * v, sizeof x);
        sum[v] += __builtin_convertvector(x, V8i);
      }
    }
  };
  add(row, n);
  add(more, m);
  std::memcpy(acc, sum, sizeof sum);
}

// The same with AVX2, when the CPU has it: one widening load (vpmovsxwd)
// and one add per eight labels, where SSE2 needs an unpack-and-shift
// sequence.
template <size_t kVecs>
__attribute__((target("avx2"))) void SumRowsAvx2(const uint32_t* row, size_t n, const uint32_t* more, size_t m,
                                                 const int16_t* rows, int32_t* acc) {
  __m256i sum[kVecs];
  for (size_t v = 0; v < kVecs; ++v) sum[v] = _mm256_setzero_si256();
  auto add = [&](const uint32_t* list, size_t count) __attribute__((target("avx2"))) {
    for (size_t k = 0; k < count; ++k) {
      const int16_t* r = rows + size_t{list[k]} * (8 * kVecs);
#pragma GCC unroll 4
      for (size_t v = 0; v < kVecs; ++v) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(r + 8 * v));
        sum[v] = _mm256_add_epi32(sum[v], _mm256_cvtepi16_epi32(x));
      }
    }
  };
  add(row, n);
  add(more, m);
  for (size_t v = 0; v < kVecs; ++v) _mm256_storeu_si256(reinterpret_cast<__m256i*>(acc + 8 * v), sum[v]);
}

using SumRowsFn = void (*)(const uint32_t*, size_t, const uint32_t*, size_t, const int16_t*, int32_t*);

// By stride / 8 (kNerMaxLabels is 32).
SumRowsFn SumRowsFor(size_t stride) {
  static const bool avx2 = __builtin_cpu_supports("avx2") != 0;
  static constexpr SumRowsFn kBaseline[] = {nullptr, SumRows<1>, SumRows<2>, SumRows<3>, SumRows<4>};
  static constexpr SumRowsFn kAvx2[] = {nullptr, SumRowsAvx2<1>, SumRowsAvx2<2>, SumRowsAvx2<3>, SumRowsAvx2<4>};
  return (avx2 ? kAvx2 : kBaseline)[stride / 8];
}

// emission[0 .. lanes) = (a + b) * scale, four lanes at a time (lanes
// is a multiple of 4); each lane exactly as one at a time.
void Emit(const int32_t* a, const int32_t* b, size_t lanes, float scale, float* emission) {
  using V4i = int32_t __attribute__((vector_size(16)));
  using V4f = float __attribute__((vector_size(16)));
  for (size_t l = 0; l < lanes; l += 4) {
    V4i x, y;
    std::memcpy(&x, a + l, sizeof x);
    std::memcpy(&y, b + l, sizeof y);
    const V4f e = __builtin_convertvector(x + y, V4f) * scale;
    std::memcpy(emission + l, &e, sizeof e);
  }
}

// How many rows ahead of the one being added the next are fetched: the rows
// are spread over megabytes, so each is a likely cache miss, and asking for
// them early lets the misses overlap instead of queueing one by one.
constexpr size_t kPrefetchRows = 24;

// The row of each bucket. Cloned for CPUs with POPCNT (all x86-64 since
// 2008), picked at load time: without it each rank lookup calls libgcc.
__attribute__((target_clones("popcnt", "default"))) void RowsOf(const nlp::NerModelData& m,
                                                                 const uint32_t* bucket, size_t n,
                                                                 uint32_t* row) {
  // The directory's words are fetched ahead too: among a page's other data
  // it falls out of the nearer caches.
  constexpr size_t kAhead = 16;
  for (size_t k = 0; k < std::min(n, kAhead); ++k) __builtin_prefetch(m.RankWordOf(bucket[k]));
  for (size_t k = 0; k < n; ++k) {
    if (k + kAhead < n) __builtin_prefetch(m.RankWordOf(bucket[k + kAhead]));
    row[k] = m.RowOf(bucket[k]);
  }
}

// TaggingWeights' functions for a model. A new word's few rows: without
// RowsOf's fetching ahead, which costs more than it saves on so few.
__attribute__((target_clones("popcnt", "default"))) void RowsOfBuckets(const void* weights, const uint32_t* bucket,
                                                                       size_t n, uint32_t* row) {
  const nlp::NerModelData& m = *static_cast<const nlp::NerModelData*>(weights);
  for (size_t k = 0; k < n; ++k) row[k] = m.RowOf(bucket[k]);
}

// No fetching ahead: the rows' loads are independent, and a new word's
// few fit in the processor's window, so they overlap anyway.
void SumOfRows(const void* weights, const uint32_t* row, size_t n, int32_t* sums) {
  const nlp::NerModelData& m = *static_cast<const nlp::NerModelData*>(weights);
  int32_t acc[nlp::kNerMaxLabels];
  SumRowsFor(m.stride)(row, n, nullptr, 0, m.rows.get(), acc);
  std::copy_n(acc, m.viterbi.stride, sums);
}

bool Exists(const std::string& path) { return access(path.c_str(), R_OK) == 0; }

std::string ExecutableDir() {
  char buf[4096];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return {};
  std::string path(buf, static_cast<size_t>(n));
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

}  // namespace

NerModel::NerModel(std::unique_ptr<nlp::NerModelData> data) : data_(std::move(data)) {}
NerModel::~NerModel() = default;

Result<std::unique_ptr<NerModel>> NerModel::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("ner model: cannot open " + path);
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Status::IoError("ner model: cannot read " + path);
  auto data = nlp::ParseNerModel(buf.str());
  if (!data.ok()) return Status(data.status().code(), data.status().message() + " (" + path + ")");
  return std::unique_ptr<NerModel>(new NerModel(std::move(data).value()));
}

std::string NerModel::DefaultPath(std::string_view lang) {
  const std::string file = "ner-" + std::string(lang) + ".bin";
  if (const char* env = std::getenv("WARTA_MODELS"); env && *env) {
    std::string p = std::string(env) + "/" + file;
    if (Exists(p)) return p;
  }
  if (std::string dir = ExecutableDir(); !dir.empty()) {
    for (const char* rel : {"/../models/", "/models/", "/../share/warta/models/"}) {
      std::string p = dir + rel + file;
      if (Exists(p)) return p;
    }
  }
#ifdef WARTA_MODELS_DIR
  return std::string(WARTA_MODELS_DIR) + "/" + file;
#else
  return "models/" + file;
#endif
}

const std::string& NerModel::language() const { return data_->language; }

const std::vector<std::string>& NerModel::labels() const { return data_->labels; }

std::vector<std::string_view> NerModel::Tag(const std::vector<std::string_view>& tokens) const {
  thread_local std::vector<uint8_t> ids;
  TagIds(tokens, &ids);
  std::vector<std::string_view> tags;
  tags.reserve(ids.size());
  for (uint8_t id : ids) tags.push_back(data_->labels[id]);
  return tags;
}

const nlp::Gazetteer& NerModel::gazetteer() const { return data_->gazetteer; }

void NerModel::TagIds(std::span<const std::string_view> tokens, std::vector<uint8_t>* ids) const {
  TagIds(tokens, ids, nullptr);
}

bool NerModel::TagIds(std::span<const std::string_view> tokens, std::vector<uint8_t>* ids,
                      std::vector<nlp::GazetteerHit>* gazetteer_hits) const {
  const nlp::NerModelData& m = *data_;
  bool hits_given = false;
  const SumRowsFn sum_rows = SumRowsFor(m.stride);
  // Per-thread buffers: tagging sentence after sentence allocates nothing
  // once they have grown.
  thread_local struct Scratch {
    nlp::FeatureExtractor extractor;
    nlp::TaggingFeatures feats;
    std::vector<uint32_t> row;
    std::vector<float> emissions;
    std::vector<uint8_t> best;
  } s;
  const nlp::TaggingWeights weights{.model = m.id,
                                    .bits = m.bits,
                                    .lanes = m.viterbi.stride,
                                    .labels = m.labels.size(),
                                    .rows_of = RowsOfBuckets,
                                    .sum = SumOfRows,
                                    .weights = &m};
  ids->clear();
  for (size_t begin = 0; begin < tokens.size(); begin += kMaxPiece) {
    const auto piece = tokens.subspan(begin, std::min(kMaxPiece, tokens.size() - begin));
    s.extractor.ExtractForTagging(piece, &m.gazetteer, weights, &s.feats, nlp::Coverage::kSkipUncased);
    if (gazetteer_hits != nullptr && piece.size() == tokens.size()) {
      const std::span<const nlp::GazetteerHit> hits = s.extractor.AsciiGazetteerHits();
      gazetteer_hits->assign(hits.begin(), hits.end());
      hits_given = hits.size() == tokens.size();
    }
    const nlp::SentenceFeatures& f = s.feats.context;
    const size_t n = piece.size();
    // Row indexes first, so the rows themselves can be fetched ahead of the
    // sums.
    const size_t features = f.buckets.size();
    s.row.resize(features + kPrefetchRows);
    RowsOf(m, f.buckets.data(), features, s.row.data());
    std::fill(s.row.begin() + features, s.row.end(), 0);
    for (size_t k = 0; k < std::min(features, kPrefetchRows); ++k) {
      __builtin_prefetch(m.rows.get() + size_t{s.row[k]} * m.stride);
    }
    // Emissions in Viterbi's layout (labels padded to a multiple of 4): the
    // padding lanes sum to 0 and Viterbi gives them -inf transitions.
    const size_t stride = m.viterbi.stride;
    s.emissions.resize(n * stride);
    const size_t done = ids->size();
    ids->resize(done + n, nlp::kOutside);
    constexpr size_t kGiven = nlp::TaggingFeatures::kNeighbourRows;
    const uint32_t* given = s.feats.neighbour_rows.data();
    const int32_t* own = s.feats.sums.data();
    int32_t acc[nlp::kNerMaxLabels];
    for (auto [first, end] : f.covered) {
      for (size_t i = first; i < end; ++i) {
        const size_t from = f.offsets[i], to = f.offsets[i + 1];
        for (size_t k = from; k < to; ++k) {
          __builtin_prefetch(m.rows.get() + size_t{s.row[k + kPrefetchRows]} * m.stride);
        }
        if (i + 2 < end) {
          for (size_t k = 0; k < kGiven; ++k) __builtin_prefetch(m.rows.get() + size_t{given[(i + 2) * kGiven + k]} * m.stride);
        }
        sum_rows(&s.row[from], to - from, &given[i * kGiven], kGiven, m.rows.get(), acc);
        Emit(acc, own + i * stride, stride, m.scale, &s.emissions[i * stride]);
      }
      // A token outside the stretches is O whatever its neighbours, so each
      // stretch is decoded alone: from the sentence start or an O, to the
      // end or the O after it. Ties aside, that is the best path of the
      // whole.
      nlp::Viterbi(m.viterbi, &s.emissions[first * stride], end - first, &s.best,
                   first == 0 ? nlp::kSentenceStart : nlp::kOutside, end < n ? nlp::kOutside : nlp::kSentenceEnd);
      std::copy(s.best.begin(), s.best.end(), ids->begin() + done + first);
    }
  }
  return hits_given;
}

}  // namespace warta
