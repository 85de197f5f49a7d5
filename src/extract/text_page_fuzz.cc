// libFuzzer target for the plain-text page reader: arbitrary bytes through
// ReadTextPage. Traps when the record's text is not
// its paragraphs joined by blank lines or is not valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/utf8.h"
#include "extract/text_page.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  warta::Record r = warta::extract::ReadTextPage(bytes, "fuzz.txt");
  std::string joined;
  for (size_t i = 0; i < r.paragraphs.size(); ++i) {
    if (i) joined += "\n\n";
    joined += r.paragraphs[i];
  }
  if (joined != r.text || !warta::utf8::IsValid(r.text) || !warta::utf8::IsValid(r.title)) __builtin_trap();
  return 0;
}
