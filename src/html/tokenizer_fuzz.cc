// libFuzzer target for the tokenizer alone: arbitrary bytes in every initial
// state, with and without CDATA. Traps on a broken invariant: offsets that go
// backwards or past the input, more tokens than the input could produce, an
// in_source text that is not the input itself, an empty character token,
// upper-case or duplicate attribute names.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string_view>

#include "html/tokenizer.h"

namespace {

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

void Run(std::string_view input, warta::html::TokenizerState state, bool cdata) {
  using warta::html::TokenType;
  warta::html::Tokenizer tokenizer(input);
  tokenizer.SetState(state);
  tokenizer.SetAllowCdata(cdata);
  tokenizer.SetLastStartTag("script");
  warta::html::Token t;
  uint32_t last_end = 0;
  size_t count = 0;
  for (tokenizer.Next(&t); t.type != TokenType::kEof; tokenizer.Next(&t)) {
    Check(++count <= input.size() + 1);
    Check(last_end <= t.begin && t.begin <= t.end && t.end <= input.size());
    last_end = t.end;
    if (t.type == TokenType::kCharacters) {
      Check(!t.data.empty());
      if (t.in_source) Check(t.data.data() == input.data() + t.begin && t.data.size() == t.end - t.begin);
    }
    if (t.type == TokenType::kStartTag || t.type == TokenType::kEndTag) {
      std::set<std::string_view> names;
      auto in_input = [&](std::string_view v) {
        return v.empty() || (v.data() >= input.data() && v.data() + v.size() <= input.data() + input.size());
      };
      for (uint32_t i = 0; i < t.attr_count; ++i) {
        for (char c : t.attrs[i].name) Check(!(c >= 'A' && c <= 'Z'));
        Check(names.insert(t.attrs[i].name).second);
        if (t.attrs_in_source) Check(in_input(t.attrs[i].name) && in_input(t.attrs[i].value));
      }
      for (char c : t.name) Check(!(c >= 'A' && c <= 'Z'));
    }
  }
  Check(t.begin == input.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using warta::html::TokenizerState;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  for (TokenizerState s : {TokenizerState::kData, TokenizerState::kRcdata, TokenizerState::kRawtext,
                           TokenizerState::kScriptData, TokenizerState::kPlaintext, TokenizerState::kCdataSection}) {
    Run(input, s, s == TokenizerState::kData);
  }
  Run(input, TokenizerState::kData, false);
  return 0;
}
