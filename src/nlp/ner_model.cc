#include "nlp/ner_model.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <limits>
#include <sstream>

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

void Viterbi(const float* emissions, size_t n, size_t label_count, const float* transitions,
             const uint8_t* allowed, std::vector<uint8_t>* best) {
  best->assign(n, 0);
  if (n == 0) return;
  const size_t L = label_count;
  constexpr float kNever = -std::numeric_limits<float>::infinity();
  std::vector<float> score(L), next(L);
  std::vector<uint8_t> back(n * L, 0);
  for (size_t c = 0; c < L; ++c) {
    score[c] = allowed[L * L + c] ? transitions[L * L + c] + emissions[c] : kNever;
  }
  for (size_t i = 1; i < n; ++i) {
    for (size_t c = 0; c < L; ++c) {
      float top = kNever;
      uint8_t arg = 0;
      for (size_t p = 0; p < L; ++p) {
        if (!allowed[p * L + c] || score[p] == kNever) continue;
        float s = score[p] + transitions[p * L + c];
        if (s > top) {
          top = s;
          arg = static_cast<uint8_t>(p);
        }
      }
      next[c] = top == kNever ? kNever : top + emissions[i * L + c];
      back[i * L + c] = arg;
    }
    score.swap(next);
  }
  // Label 0 ("O") is always reachable, so the argmax is finite.
  uint8_t last = static_cast<uint8_t>(std::max_element(score.begin(), score.end()) - score.begin());
  for (size_t i = n; i-- > 0;) {
    (*best)[i] = last;
    last = back[i * L + last];
  }
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
  auto m = std::make_unique<NerModelData>();
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
  if (m->labels[0] != "O") return Status::Corrupt("ner model: first label is not O");
  m->transitions.resize((count + 1) * count);
  if (!r.F32(&m->scale)) return Status::Corrupt("ner model: bad scale");
  for (float& t : m->transitions) {
    if (!r.F32(&t)) return Status::Corrupt("ner model: bad transitions");
  }
  if (!r.Str(&m->gazetteer_text, 64u << 20)) return Status::Corrupt("ner model: bad gazetteer");
  const size_t buckets = size_t{1} << bits;
  uint32_t row_count;
  if (!r.U32(&row_count) || row_count > buckets) return Status::Corrupt("ner model: bad row count");
  m->weights.assign(buckets * count, 0);
  int64_t previous = -1;
  for (uint32_t i = 0; i < row_count; ++i) {
    uint32_t bucket;
    if (!r.U32(&bucket) || bucket >= buckets || static_cast<int64_t>(bucket) <= previous ||
        !r.Raw(&m->weights[size_t{bucket} * count], count * sizeof(int16_t))) {
      return Status::Corrupt("ner model: bad weight row " + std::to_string(i));
    }
    previous = bucket;
  }
  if (!r.AtEnd()) return Status::Corrupt("ner model: trailing bytes");
  m->gazetteer.Parse(m->gazetteer_text);
  m->allowed = AllowedTransitions(m->labels);
  return m;
}

}  // namespace warta::nlp

namespace warta {

namespace {

// Sentences are tagged in pieces of this many tokens: Viterbi's back-pointer
// table grows with the length.
constexpr size_t kMaxPiece = 2000;

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

std::vector<std::string_view> NerModel::Tag(const std::vector<std::string_view>& tokens) const {
  const nlp::NerModelData& m = *data_;
  const size_t L = m.labels.size();
  // Per-thread buffers: tagging sentence after sentence allocates nothing
  // once they have grown.
  thread_local struct Scratch {
    nlp::FeatureExtractor extractor;
    nlp::SentenceFeatures feats;
    std::vector<std::string_view> piece;
    std::vector<float> emissions;
    std::vector<int32_t> acc;
    std::vector<uint8_t> best;
  } s;
  std::vector<std::string_view> tags;
  tags.reserve(tokens.size());
  s.acc.resize(L);
  for (size_t begin = 0; begin < tokens.size(); begin += kMaxPiece) {
    size_t end = std::min(tokens.size(), begin + kMaxPiece);
    s.piece.assign(tokens.begin() + begin, tokens.begin() + end);
    s.extractor.Extract(s.piece, &m.gazetteer, m.bits, &s.feats);
    const nlp::SentenceFeatures& f = s.feats;
    const size_t n = s.piece.size();
    s.emissions.assign(n * L, 0.0f);
    for (size_t i = 0; i < n; ++i) {
      // The weight rows are scattered over megabytes: fetch the next
      // token's rows while summing this one's.
      const uint32_t next_end = i + 2 <= n ? f.offsets[i + 2] : f.offsets[n];
      for (uint32_t k = f.offsets[i + 1]; k < next_end; ++k) {
        __builtin_prefetch(&m.weights[size_t{f.buckets[k]} * L]);
      }
      std::fill(s.acc.begin(), s.acc.end(), 0);
      for (uint32_t k = f.offsets[i]; k < f.offsets[i + 1]; ++k) {
        const int16_t* row = &m.weights[size_t{f.buckets[k]} * L];
        for (size_t l = 0; l < L; ++l) s.acc[l] += row[l];
      }
      for (size_t l = 0; l < L; ++l) s.emissions[i * L + l] = static_cast<float>(s.acc[l]) * m.scale;
    }
    nlp::Viterbi(s.emissions.data(), n, L, m.transitions.data(), m.allowed.data(), &s.best);
    for (uint8_t b : s.best) tags.push_back(m.labels[b]);
  }
  return tags;
}

}  // namespace warta
