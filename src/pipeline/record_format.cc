#include "warta/record_format.h"

#include "analyze/analysis_json.h"
#include "base/json_writer.h"
#include "warta/analyze.h"

namespace warta {

bool ParseOutputFormat(std::string_view name, OutputFormat* format) {
  if (name == "json" || name == "jsonl") {
    *format = OutputFormat::kJson;
  } else if (name == "text" || name == "txt") {
    *format = OutputFormat::kText;
  } else if (name == "markdown" || name == "md") {
    *format = OutputFormat::kMarkdown;
  } else {
    return false;
  }
  return true;
}

namespace {

void AppendJson(const Record& r, std::string* out) {
  JsonWriter w(out);
  w.BeginObject();
  w.Member("id", r.id);
  w.Member("source", r.source);
  w.Member("url", r.url);
  w.Member("canonical_url", r.canonical_url);
  w.Member("title", r.title);
  w.Member("authors", r.authors);
  w.Member("published", r.published);
  w.Member("published_utc", r.published_utc);
  w.Member("modified", r.modified);
  w.Member("language", r.language);
  w.Member("site_name", r.site_name);
  w.Member("description", r.description);
  w.Member("dateline", r.dateline);
  w.Member("text", r.text);
  w.Member("paragraphs", r.paragraphs);
  w.Key("images");
  w.BeginArray();
  for (const Image& image : r.images) {
    w.BeginObject();
    w.Member("src", image.src);
    w.Member("caption", image.caption);
    w.Member("credit", image.credit);
    w.EndObject();
  }
  w.EndArray();
  w.Member("sources_cited", r.sources_cited);
  w.Member("categories", r.categories);
  w.Member("tags", r.tags);
  w.Member("word_count", int64_t{r.word_count});
  if (r.analysis) WriteAnalysisMembers(*r.analysis, &w);
  if (!r.error.empty()) w.Member("error", r.error);
  w.EndObject();
  out->push_back('\n');
}

void AppendJoined(const std::vector<std::string>& items, std::string_view separator, std::string* out) {
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out->append(separator);
    out->append(items[i]);
  }
}

// Text and Markdown share one layout; Markdown adds heading and emphasis marks.
void AppendReadable(const Record& r, bool markdown, std::string* out) {
  if (!r.error.empty()) {
    out->append(markdown ? "> error: " : "error: ");
    out->append(r.source).append(": ").append(r.error).append("\n\n");
    return;
  }
  if (!r.title.empty()) out->append(markdown ? "# " : "").append(r.title).append("\n\n");
  std::string byline;
  if (!r.authors.empty()) AppendJoined(r.authors, ", ", &byline);
  if (!r.published.empty()) byline.append(byline.empty() ? "" : " — ").append(r.published);
  if (!r.site_name.empty()) byline.append(byline.empty() ? "" : " — ").append(r.site_name);
  if (!byline.empty()) {
    out->append(markdown ? "*" : "").append(byline).append(markdown ? "*" : "").append("\n\n");
  }
  for (const Image& image : r.images) {
    if (image.caption.empty()) continue;
    out->append(markdown ? "> " : "[").append(image.caption);
    if (!image.credit.empty()) out->append(" (").append(image.credit).append(")");
    out->append(markdown ? "\n\n" : "]\n\n");
  }
  AppendJoined(r.paragraphs, "\n\n", out);
  out->append("\n\n");
  if (!r.url.empty()) out->append(markdown ? "<" : "").append(r.url).append(markdown ? ">\n\n" : "\n\n");
}

}  // namespace

void AppendRecord(const Record& record, OutputFormat format, std::string* out) {
  switch (format) {
    case OutputFormat::kJson: AppendJson(record, out); break;
    case OutputFormat::kText: AppendReadable(record, /*markdown=*/false, out); break;
    case OutputFormat::kMarkdown: AppendReadable(record, /*markdown=*/true, out); break;
  }
}

}  // namespace warta
