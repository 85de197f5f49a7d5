// The WHATWG HTML tokenizer (spec section 13.2.5): UTF-8 in, tokens out.
//
// Internal to src/html. The tree builder drives it: it pulls tokens with
// Next(), and switches the tokenizer state for RCDATA/RAWTEXT/script/PLAINTEXT
// elements and CDATA sections in foreign content, as the spec requires.
//
// Views in a Token point either into the input or into the tokenizer's scratch
// buffers; they are valid until the next call to Next(). The tree builder
// copies what it keeps (into the document arena) — except text whose
// `in_source` flag is set, which it may keep as a view into the input.
//
// Thread safety: one tokenizer per document per thread.
#ifndef WARTA_HTML_TOKENIZER_H_
#define WARTA_HTML_TOKENIZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "warta/dom.h"

namespace warta::html {

enum class TokenType : uint8_t { kDoctype, kStartTag, kEndTag, kComment, kCharacters, kEof };

// The states the tree builder may switch the tokenizer into.
enum class TokenizerState : uint8_t { kData, kRcdata, kRawtext, kScriptData, kPlaintext, kCdataSection };

struct TokenAttribute {
  std::string_view name;   // lowercase
  std::string_view value;  // references decoded
};

// Next() sets `type`, `begin`, `end` and the fields of that type of token;
// the fields of other types keep whatever they held.
struct Token {
  TokenType type = TokenType::kEof;

  // Start and end tags.
  Tag tag = Tag::kUnknown;   // LookupTag(name)
  std::string_view name;     // lowercase tag name; doctype name
  bool self_closing = false;
  const TokenAttribute* attrs = nullptr;  // duplicates already dropped
  uint32_t attr_count = 0;
  // True when every attribute name and value is a view into the input
  // (nothing was lowercased or decoded), so the tree builder may keep them
  // without checking each.
  bool attrs_in_source = false;

  // Characters and comments: the data, decoded (character references, CR/CRLF
  // to LF). Characters in the data state may contain U+0000 as a NUL byte;
  // in RCDATA/RAWTEXT/script/PLAINTEXT NUL is already U+FFFD.
  std::string_view data;
  // True when `data` is a view into the input (nothing was decoded), so the
  // tree builder may keep it without copying.
  bool in_source = false;
  // Characters: false when `data` certainly holds no NUL byte.
  bool nul = false;

  // Doctype.
  std::string_view public_id, system_id;
  bool has_public_id = false, has_system_id = false, has_name = false;
  bool force_quirks = false;

  // Byte offsets of the token in the input.
  uint32_t begin = 0, end = 0;
};

class TextDecoder;  // tokenizer.cc: a run of decoded characters

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view input);

  // Fills `*token` with the next token. After kEof, keeps returning kEof.
  // Character tokens are maximal runs: consecutive characters come as one
  // token (or a few, where decoding splits them), never one per character.
  void Next(Token* token);

  // Called by the tree builder after it sees a start tag whose content model
  // is not the data state (title, textarea, style, script, plaintext...).
  void SetState(TokenizerState state);
  // The "appropriate end tag" check needs the last start tag name. The
  // tokenizer records every start tag it emits itself; this is for callers
  // that start mid-document (fragment parsing, the conformance tests).
  void SetLastStartTag(std::string_view name);
  // True when the adjusted current node is not in the HTML namespace, which
  // makes "<![CDATA[" open a CDATA section instead of a bogus comment.
  void SetAllowCdata(bool allow) { allow_cdata_ = allow; }

 private:
  struct CharRef {
    size_t end;              // position after the reference; the '&' itself when literal
    std::string_view value;  // UTF-8 replacement text
  };

  void NextInState(Token* token);
  bool DataState(Token* token);
  bool RawTextState(Token* token, bool decode_references);
  bool PlaintextState(Token* token);
  bool ScriptDataState(Token* token);
  bool CdataSectionState(Token* token);
  bool StartsMarkup(size_t lt) const;
  bool Markup(size_t lt, Token* token);
  bool TagToken(size_t lt, Token* token);
  bool CommentToken(size_t lt, size_t data_begin, Token* token);
  bool BogusCommentToken(size_t lt, size_t data_begin, Token* token);
  bool DoctypeToken(size_t lt, size_t p, Token* token);
  bool IsAppropriateEndTag(size_t lt) const;
  bool MatchScriptWord(size_t* p) const;
  CharRef MatchCharRef(size_t amp, bool in_attribute);
  size_t DecodeCharRef(size_t amp, bool in_attribute, TextDecoder* run);
  std::string_view LowerName(size_t* p, uint8_t end_mask, bool attribute);
  bool ReadAttributeValue(size_t* p, std::string_view* value);
  void ReserveAttributeBuffer(size_t bytes);
  bool IsDuplicateAttribute(std::string_view name);
  void RebuildAttributeIndex(size_t capacity);
  void EmitText(Token* token, size_t begin, size_t end, std::string_view data, bool in_source, bool nul);
  std::string_view DecodeRange(size_t begin, size_t end, bool nul_to_replacement);

  std::string_view input_;
  size_t pos_ = 0;
  TokenizerState state_ = TokenizerState::kData;
  bool allow_cdata_ = false;
  std::string_view last_start_tag_;  // into the input or last_start_tag_copy_
  std::string last_start_tag_copy_;
  // Scratch buffers reused across tokens (no per-token heap allocation once warm).
  std::string text_buf_;   // decoded characters and comments
  std::string name_buf_;   // tag names that needed lowercasing
  std::string attr_buf_;   // attribute names/values that needed decoding
  std::string ref_buf_;    // the UTF-8 of a numeric character reference
  // The current tag's attributes, as final views; those into attr_buf_ are
  // re-pointed when it grows.
  std::vector<TokenAttribute> attrs_;
  uint64_t attr_filter_ = 0;  // NameBit of each attribute name so far (TagToken's duplicate filter)
  std::vector<uint32_t> attr_index_;  // hash set over attrs_ for tags with many attributes
  std::string doctype_name_, doctype_public_, doctype_system_;
};

}  // namespace warta::html

#endif  // WARTA_HTML_TOKENIZER_H_
