// Quote attribution over a segmentation the caller already made, so a
// pipeline that segments once (analyze) need not segment again. The public
// entry point that takes only text is in include/warta/quotes.h.
#ifndef WARTA_NLP_QUOTES_H_
#define WARTA_NLP_QUOTES_H_

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "nlp/sentences.h"
#include "warta/quotes.h"

namespace warta::nlp {

// `valid_utf8` must be valid UTF-8 and `seg` must be Segment(valid_utf8);
// both are only read during the call. Same results as warta::ExtractQuotes.
// `lower`, when not empty, holds each token of `seg` with ASCII letters
// lowercased (LowerAscii), as the caller already made them; `shapes`, when
// not empty, the WordShapes::Key of each of those.
std::vector<Quote> ExtractQuotes(std::string_view valid_utf8, const Segmentation& seg,
                                 const std::vector<EntityMention>& mentions,
                                 std::span<const std::string_view> lower = {},
                                 std::span<const uint16_t> shapes = {});

}  // namespace warta::nlp

#endif  // WARTA_NLP_QUOTES_H_
