// AnalyzeResources: the NER models and the gazetteer, loaded once.
#include <string>

#include "nlp/gazetteer.h"
#include "warta/analyze.h"
#include "warta/ner.h"

namespace warta {
namespace {

std::string ReadFile(const std::string& path) {
  std::string data;
  if (FILE* f = std::fopen(path.c_str(), "rb")) {
    char buf[1 << 16];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) data.append(buf, n);
    std::fclose(f);
  }
  return data;
}

std::string Dir(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? "." : path.substr(0, slash);
}

std::unique_ptr<NerModel> LoadModel(const std::string& dir, std::string_view lang) {
  std::string path = dir.empty() ? NerModel::DefaultPath(lang) : dir + "/ner-" + std::string(lang) + ".bin";
  Result<std::unique_ptr<NerModel>> model = NerModel::Load(path);
  return model.ok() ? std::move(*model) : nullptr;
}

}  // namespace

AnalyzeResources::AnalyzeResources() : gazetteer_(std::make_unique<nlp::Gazetteer>()) {}
AnalyzeResources::~AnalyzeResources() = default;

std::unique_ptr<AnalyzeResources> AnalyzeResources::Load(const std::string& models_dir) {
  std::unique_ptr<AnalyzeResources> r(new AnalyzeResources());
  r->en_ = LoadModel(models_dir, "en");
  r->id_ = LoadModel(models_dir, "id");
  std::string dir = models_dir.empty() ? Dir(NerModel::DefaultPath("id")) : models_dir;
  r->gazetteer_->Parse(ReadFile(dir + "/ner-gazetteer.tsv"));
  r->en_shares_ = r->en_ && r->en_->gazetteer() == *r->gazetteer_;
  r->id_shares_ = r->id_ && r->id_->gazetteer() == *r->gazetteer_;
  return r;
}

const AnalyzeResources& AnalyzeResources::Shared() {
  static const std::unique_ptr<AnalyzeResources> shared = Load();
  return *shared;
}

const NerModel* AnalyzeResources::ModelFor(std::string_view language) const {
  const bool indonesian = language == "id" || language == "ms" || language == "in";
  const bool english = language == "en" || language.empty() || language == "un" || language == "und";
  if (!indonesian && !english) return nullptr;
  const NerModel* m = indonesian ? id_.get() : en_.get();
  return m != nullptr ? m : (indonesian ? en_.get() : id_.get());
}

}  // namespace warta
