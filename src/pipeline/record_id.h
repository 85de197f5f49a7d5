// The record id: a stable hash of what the article says, so the same article
// fetched twice (or from a WARC and from a file) gets the same id, and a
// changed article gets a new one.
#ifndef WARTA_PIPELINE_RECORD_ID_H_
#define WARTA_PIPELINE_RECORD_ID_H_

#include <string>

#include "warta/record.h"

namespace warta {

// 16 hex digits of a 64-bit FNV-1a hash over the canonical URL (or URL),
// title and body text, each followed by a separator byte.
std::string RecordId(const Record& record);

}  // namespace warta

#endif  // WARTA_PIPELINE_RECORD_ID_H_
