#include "analyze/analysis_json.h"

namespace warta {
namespace {

void Span(JsonWriter* w, std::string_view key, const analysis::Span& s) {
  w->Key(key);
  w->BeginArray();
  w->Int(s.begin);
  w->Int(s.end);
  w->EndArray();
}

void Ints(JsonWriter* w, std::string_view key, const std::vector<uint32_t>& v) {
  w->Key(key);
  w->BeginArray();
  for (uint32_t x : v) w->Int(x);
  w->EndArray();
}

}  // namespace

void WriteAnalysisMembers(const Analysis& a, JsonWriter* w) {
  w->Key("sentences");
  w->BeginArray();
  for (const analysis::Sentence& s : a.sentences) {
    w->BeginArray();
    w->Int(s.begin);
    w->Int(s.end);
    w->EndArray();
  }
  w->EndArray();
  w->Key("entities");
  w->BeginArray();
  for (const analysis::Entity& e : a.entities) {
    w->BeginObject();
    w->Member("id", int64_t{e.id});
    w->Member("type", e.type);
    w->Member("name", e.name);
    w->Key("mentions");
    w->BeginArray();
    for (const analysis::Mention& m : e.mentions) {
      w->BeginObject();
      w->Member("begin", int64_t{m.begin});
      w->Member("end", int64_t{m.end});
      w->Member("text", m.text);
      w->EndObject();
    }
    w->EndArray();
    w->Member("roles", e.roles);
    w->Member("aliases", e.aliases);
    w->EndObject();
  }
  w->EndArray();
  w->Key("quotes");
  w->BeginArray();
  for (const analysis::Quote& q : a.quotes) {
    w->BeginObject();
    Span(w, "content", q.content);
    Span(w, "cue", q.cue);
    Span(w, "speaker", q.speaker);
    w->Member("speaker_entity", int64_t{q.speaker_entity});
    w->Member("speaker_name", q.speaker_name);
    w->Member("kind", q.direct ? "direct" : "indirect");
    w->Member("group", int64_t{q.group});
    w->EndObject();
  }
  w->EndArray();
  w->Key("times");
  w->BeginArray();
  for (const analysis::TimeExpr& t : a.times) {
    w->BeginObject();
    w->Member("begin", int64_t{t.begin});
    w->Member("end", int64_t{t.end});
    w->Member("text", t.text);
    w->Member("value", t.value);
    w->Member("granularity", t.granularity);
    w->Member("anchor", t.anchor);
    w->EndObject();
  }
  w->EndArray();
  w->Key("events");
  w->BeginArray();
  for (const analysis::Event& e : a.events) {
    w->BeginObject();
    w->Member("type", e.type);
    Ints(w, "participants", e.participants);
    w->Member("participant_names", e.participant_names);
    w->Member("place", e.place);
    w->Member("subject", e.subject);
    w->Member("time", e.time);
    w->Member("times", e.times);
    w->Member("duration", e.duration);
    w->Member("outcome", e.outcome);
    Ints(w, "evidence", e.evidence);
    w->EndObject();
  }
  w->EndArray();
  w->Key("notes");
  w->BeginArray();
  for (const analysis::Note& n : a.notes) {
    w->BeginObject();
    w->Member("kind", n.kind);
    w->Member("text", n.text);
    w->EndObject();
  }
  w->EndArray();
}

void AppendAnalysisJson(std::string_view id, const Analysis& analysis, std::string* out) {
  JsonWriter w(out);
  w.BeginObject();
  w.Member("id", id);
  w.Member("language", analysis.language);
  WriteAnalysisMembers(analysis, &w);
  w.EndObject();
  out->push_back('\n');
}

}  // namespace warta
