// Helpers for the input stage's tests: compress fixtures written in the tests.
#ifndef WARTA_INPUT_TEST_UTIL_H_
#define WARTA_INPUT_TEST_UTIL_H_

#include <zlib.h>
#include <zstd.h>

#include <string>
#include <string_view>

namespace warta::test {

// `window_bits`: 15 + 16 gzip member, 15 zlib, -15 raw deflate.
inline std::string Deflate(std::string_view data, int window_bits) {
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

inline std::string Gzip(std::string_view data) { return Deflate(data, 15 + 16); }

inline std::string Zstd(std::string_view data) {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  out.resize(ZSTD_compress(out.data(), out.size(), data.data(), data.size(), 3));
  return out;
}

}  // namespace warta::test

#endif  // WARTA_INPUT_TEST_UTIL_H_
