// Writes an Analysis as the members "sentences", "entities", "quotes",
// "times", "events" and "notes" of the JSON object being written
// (docs/record.md documents them). Thread safety: pure.
#ifndef WARTA_ANALYZE_ANALYSIS_JSON_H_
#define WARTA_ANALYZE_ANALYSIS_JSON_H_

#include "base/json_writer.h"
#include "warta/analyze.h"

namespace warta {

void WriteAnalysisMembers(const Analysis& analysis, JsonWriter* w);

}  // namespace warta

#endif  // WARTA_ANALYZE_ANALYSIS_JSON_H_
