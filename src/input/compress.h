// Decompression for the input stage: gzip (any number of members, as
// .warc.gz stores one per record), zlib/raw deflate (HTTP Content-Encoding)
// and zstd, as streams and in one shot with an output cap.
//
// Thread safety: none per object; separate objects are independent.
#ifndef WARTA_INPUT_COMPRESS_H_
#define WARTA_INPUT_COMPRESS_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "input/stream.h"
#include "warta/status.h"

namespace warta {

enum class Compression { kNone, kGzip, kZstd, kDeflate };

// From the first bytes (gzip and zstd magic numbers); kDeflate is never
// guessed, as raw deflate has no magic.
Compression DetectCompression(std::string_view head);

// Decompresses `source` as it is read. A gzip stream resyncs (ByteStream::
// Resync) at the next member header after a corrupt member.
std::unique_ptr<ByteStream> DecompressingStream(std::unique_ptr<ByteStream> source, Compression c);

// *stream decompressed if its first bytes are gzip or zstd magic (the
// replacement stream starts at the same place); the kind found in *found.
Status AutoDecompress(std::unique_ptr<ByteStream>* stream, Compression* found);

// All of `data` decompressed; TooLarge once the output would pass
// `max_output`, Corrupt on damaged or truncated input.
Result<std::string> Decompress(std::string_view data, Compression c, size_t max_output);

}  // namespace warta

#endif  // WARTA_INPUT_COMPRESS_H_
