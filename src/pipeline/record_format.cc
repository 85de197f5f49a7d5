#include "warta/record_format.h"

#include "analyze/analysis_json.h"
#include "base/json_writer.h"
#include "base/utf8.h"
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

// The bytes of `text` between two code-point offsets (analysis spans).
std::string_view CodePointSlice(std::string_view text, analysis::Span span) {
  size_t pos = 0, begin = text.size();
  for (uint32_t cp = 0; pos < text.size(); ++cp) {
    if (cp == span.begin) begin = pos;
    if (cp == span.end) return text.substr(begin, pos - begin);
    utf8::Decode(text, &pos);
  }
  return begin < text.size() ? text.substr(begin) : std::string_view();
}

// One line a list item: "- " in Markdown, two spaces in text.
void AppendItem(bool markdown, std::string* out) { out->append(markdown ? "- " : "  "); }

// The reading under the body: who is named (with roles), who said what, and
// the events. Entities of one type on one line each.
void AppendReading(const Analysis& a, std::string_view text, bool markdown, std::string* out) {
  out->append(markdown ? "## Reading\n\n" : "-- reading --\n");
  for (auto [type, label] : {std::pair{"PER", "People"}, {"ORG", "Organisations"}, {"LOC", "Places"}}) {
    std::string line;
    for (const analysis::Entity& e : a.entities) {
      if (e.type != type) continue;
      line.append(line.empty() ? "" : "; ").append(e.name);
      if (!e.roles.empty()) line.append(" (").append(e.roles.front()).append(")");
    }
    if (line.empty()) continue;
    out->append(markdown ? "**" : "").append(label).append(markdown ? ":** " : ": ").append(line).append("\n");
  }
  if (!a.quotes.empty()) out->append(markdown ? "\n**Quotes:**\n\n" : "Quotes:\n");
  for (const analysis::Quote& q : a.quotes) {
    AppendItem(markdown, out);
    out->append(q.speaker_name.empty() ? "(unknown)" : q.speaker_name).append(": ");
    out->append(CodePointSlice(text, q.content)).append("\n");
  }
  if (!a.events.empty()) out->append(markdown ? "\n**Events:**\n\n" : "Events:\n");
  for (const analysis::Event& e : a.events) {
    AppendItem(markdown, out);
    out->append(e.type);
    std::string details;
    AppendJoined(e.participant_names, ", ", &details);
    for (std::string_view part : {std::string_view(e.place.empty() ? "" : e.place.front()), std::string_view(e.time),
                                  std::string_view(e.duration), std::string_view(e.outcome)}) {
      if (!part.empty()) details.append(details.empty() ? "" : "; ").append(part);
    }
    if (!details.empty()) out->append(": ").append(details);
    out->append("\n");
  }
  out->append("\n");
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
  if (r.analysis) AppendReading(*r.analysis, r.text, markdown, out);
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
