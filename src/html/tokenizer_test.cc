#include "html/tokenizer.h"

#include <gtest/gtest.h>

#include <chrono>
#include <random>
#include <string>
#include <vector>

namespace warta::html {
namespace {

// One line per token, adjacent character tokens merged:
//   S:name[a=1,b=2]/   start tag (trailing '/' when self-closing)
//   E:name             end tag
//   T:text             characters
//   C:data             comment
//   D:name|public|system|quirks   doctype ('-' for a missing field)
std::string Describe(const Token& t) {
  std::string s;
  switch (t.type) {
    case TokenType::kStartTag:
    case TokenType::kEndTag:
      s = (t.type == TokenType::kStartTag ? "S:" : "E:") + std::string(t.name);
      if (t.attr_count > 0) {
        s += "[";
        for (uint32_t i = 0; i < t.attr_count; ++i) {
          if (i > 0) s += ",";
          s += std::string(t.attrs[i].name) + "=" + std::string(t.attrs[i].value);
        }
        s += "]";
      }
      if (t.self_closing) s += "/";
      return s;
    case TokenType::kCharacters: return "T:" + std::string(t.data);
    case TokenType::kComment: return "C:" + std::string(t.data);
    case TokenType::kDoctype:
      return "D:" + (t.has_name ? std::string(t.name) : "-") + "|" +
             (t.has_public_id ? std::string(t.public_id) : "-") + "|" +
             (t.has_system_id ? std::string(t.system_id) : "-") + "|" + (t.force_quirks ? "quirks" : "ok");
    case TokenType::kEof: return "EOF";
  }
  return s;
}

std::string Tokenize(std::string_view input, TokenizerState state = TokenizerState::kData,
                     std::string_view last_start_tag = {}, bool allow_cdata = false) {
  Tokenizer tokenizer(input);
  tokenizer.SetState(state);
  if (!last_start_tag.empty()) tokenizer.SetLastStartTag(last_start_tag);
  tokenizer.SetAllowCdata(allow_cdata);
  std::vector<std::string> lines;
  Token t;
  for (tokenizer.Next(&t); t.type != TokenType::kEof; tokenizer.Next(&t)) {
    std::string line = Describe(t);
    if (line.starts_with("T:") && !lines.empty() && lines.back().starts_with("T:")) {
      lines.back() += line.substr(2);
    } else {
      lines.push_back(line);
    }
  }
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

struct Case {
  const char* name;
  std::string input;
  std::string expected;
  TokenizerState state = TokenizerState::kData;
  const char* last_start_tag = "";
};

void RunCases(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    EXPECT_EQ(Tokenize(c.input, c.state, c.last_start_tag), c.expected) << c.name;
  }
}

TEST(Tokenizer, CharacterReferences) {
  RunCases({
      {"named", "a &amp; b", "T:a & b\n"},
      {"legacy without semicolon", "&copy 2024", "T:\xC2\xA9 2024\n"},
      {"longest match", "&notin; &notit;", "T:\xE2\x88\x89 \xC2\xACit;\n"},
      {"unknown stays literal", "&bogus; &", "T:&bogus; &\n"},
      {"two code points", "&NotEqualTilde;", "T:\xE2\x89\x82\xCC\xB8\n"},
      {"decimal", "&#65;&#x42;&#X43", "T:ABC\n"},
      {"no digits", "&#; &#x;", "T:&#; &#x;\n"},
      {"zero and out of range", "&#0;&#x110000;&#xD800;", "T:\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\n"},
      {"windows-1252 table", "&#x80;&#x9F;&#x81;", "T:\xE2\x82\xAC\xC5\xB8\xC2\x81\n"},
      {"huge number saturates", "&#99999999999999999999;", "T:\xEF\xBF\xBD\n"},
      {"attribute legacy before '='", "<a href='?x=1&copy=2&amp=3'>", "S:a[href=?x=1&copy=2&amp=3]\n"},
      {"attribute legacy before alnum", "<a t='&notit'>", "S:a[t=&notit]\n"},
      {"attribute legacy at end", "<a t='&not'>", "S:a[t=\xC2\xAC]\n"},
      {"unquoted attribute", "<a t=&lt;x>", "S:a[t=<x]\n"},
      {"rcdata decodes", "x&lt;</title>", "T:x<\nE:title\n", TokenizerState::kRcdata, "title"},
      {"rawtext does not", "x&lt;</style>", "T:x&lt;\nE:style\n", TokenizerState::kRawtext, "style"},
  });
}

TEST(Tokenizer, NewlinesAndNul) {
  RunCases({
      {"crlf in text", "a\r\nb\rc", "T:a\nb\nc\n"},
      {"crlf in attribute", "<a t='1\r\n2\r3'>", "S:a[t=1\n2\n3]\n"},
      {"cr ends unquoted value", "<a t=1\rb=2>", "S:a[t=1,b=2]\n"},
      {"crlf in comment", "<!--a\r\nb-->", "C:a\nb\n"},
      {"nul kept in data", std::string("a\0b", 3), std::string("T:a\0b\n", 6)},
      {"nul replaced in rcdata", std::string("a\0b", 3), "T:a\xEF\xBF\xBD" "b\n", TokenizerState::kRcdata},
      {"nul replaced in script", std::string("a\0b", 3), "T:a\xEF\xBF\xBD" "b\n", TokenizerState::kScriptData},
      {"nul replaced in plaintext", std::string("\0", 1), "T:\xEF\xBF\xBD\n", TokenizerState::kPlaintext},
      {"nul in tag and attribute names", std::string("<a\0 b\0=c\0>", 10),
       "S:a\xEF\xBF\xBD[b\xEF\xBF\xBD=c\xEF\xBF\xBD]\n"},
      {"nul in comment", std::string("<!--\0-->", 8), "C:\xEF\xBF\xBD\n"},
  });
}

TEST(Tokenizer, Tags) {
  RunCases({
      {"simple", "<p>Hi</p>", "S:p\nT:Hi\nE:p\n"},
      {"lowercased", "<DIV CLASS=X>", "S:div[class=X]\n"},
      {"self-closing", "<br/><img src=a />", "S:br/\nS:img[src=a]/\n"},
      {"slash then space is not self-closing", "<br/ >", "S:br\n"},
      {"quotes", "<a x=\"1\" y='2' z=3>", "S:a[x=1,y=2,z=3]\n"},
      {"no value", "<input disabled checked=>", "S:input[disabled=,checked=]\n"},
      {"duplicates: first wins", "<a x=1 X=2 y=3 x=4>", "S:a[x=1,y=3]\n"},
      {"equals as first name byte", "<a =b>", "S:a[=b=]\n"},
      {"junk after quoted value", "<a x='1'y=2>", "S:a[x=1,y=2]\n"},
      {"lone less-than", "a < b <3 <", "T:a < b <3 <\n"},
      {"empty end tag dropped", "a</>b", "T:ab\n"},
      {"end tag at eof is text", "a</", "T:a</\n"},
      {"bogus end tag", "</ x>", "C: x\n"},
      {"processing instruction", "<?xml v?>", "C:?xml v?\n"},
      {"tag cut by eof is dropped", "a<div class='x", "T:a\n"},
      {"end tag attributes ignored by tests", "</a b=c>", "E:a[b=c]\n"},
  });
}

TEST(Tokenizer, CommentsAndDoctypes) {
  RunCases({
      {"comment", "<!-- x -->", "C: x \n"},
      {"empty comments", "<!----><!--><!--->", "C:\nC:\nC:\n"},
      {"dashes inside", "<!--a--b---->", "C:a--b--\n"},
      {"bang close", "<!--a--!>", "C:a\n"},
      {"eof in comment", "<!--a--", "C:a\n"},
      {"eof in comment after bang", "<!--a--!", "C:a\n"},
      {"nested opener", "<!--<!--x-->", "C:<!--x\n"},
      {"bogus comment", "<!x>", "C:x\n"},
      {"cdata outside foreign content", "<![CDATA[x]]>", "C:[CDATA[x]]\n"},
      {"html5 doctype", "<!DOCTYPE html>", "D:html|-|-|ok\n"},
      {"doctype with ids", "<!doctype HTML PUBLIC \"-//W3C//DTD\" 'sys'>", "D:html|-//W3C//DTD|sys|ok\n"},
      {"doctype system only", "<!DOCTYPE html SYSTEM \"about:legacy-compat\">", "D:html|-|about:legacy-compat|ok\n"},
      {"doctype without name", "<!DOCTYPE>", "D:-|-|-|quirks\n"},
      {"doctype bogus keyword", "<!DOCTYPE html FOO>", "D:html|-|-|quirks\n"},
      {"doctype junk after system id", "<!DOCTYPE html SYSTEM 'a' junk>", "D:html|-|a|ok\n"},
      {"doctype eof", "<!DOCTYPE html PUBLIC 'x", "D:html|x|-|quirks\n"},
      {"doctype nul and crlf", std::string("<!DOCTYPE h\0 PUBLIC 'a\r\nb'>", 27), "D:h\xEF\xBF\xBD|a\nb|-|ok\n"},
  });
}

TEST(Tokenizer, RawTextAndScript) {
  using S = TokenizerState;
  RunCases({
      {"rcdata ends at its end tag", "a<b></x></title >c", "T:a<b></x>\nE:title\nT:c\n", S::kRcdata, "title"},
      {"end tag needs a delimiter", "</titlex></title>", "T:</titlex>\nE:title\n", S::kRcdata, "title"},
      {"case-insensitive end tag", "x</STYLE>", "T:x\nE:style\n", S::kRawtext, "style"},
      {"no last start tag", "x</style>", "T:x</style>\n", S::kRawtext},
      {"script", "if (a<b) x();</script>", "T:if (a<b) x();\nE:script\n", S::kScriptData, "script"},
      {"escaped script still ends", "<!-- x </script>", "T:<!-- x \nE:script\n", S::kScriptData, "script"},
      {"double escaped hides end tag", "<!--<script></script>--></script>",
       "T:<!--<script></script>-->\nE:script\n", S::kScriptData, "script"},
      {"double escape needs a delimiter", "<!--<scripts></script>", "T:<!--<scripts>\nE:script\n", S::kScriptData,
       "script"},
      {"double escape ends at inner end tag", "<!--<script>a</script>b</script>",
       "T:<!--<script>a</script>b\nE:script\n", S::kScriptData, "script"},
      {"dash dash gt leaves escape", "<!-- --> <script></script>", "T:<!-- --> <script>\nE:script\n", S::kScriptData,
       "script"},
      {"plaintext never ends", "a</plaintext><b>", "T:a</plaintext><b>\n", S::kPlaintext, "plaintext"},
      {"eof in double-escaped script", "<!--<script>x", "T:<!--<script>x\n", S::kScriptData, "script"},
      {"script end tag cut by eof", "x</script", "T:x</script\n", S::kScriptData, "script"},
      {"script end tag with attributes", "x</script a=b>", "T:x\nE:script[a=b]\n", S::kScriptData, "script"},
      {"cdata state to eof", "a]]", "T:a]]\n", S::kCdataSection},
      {"cdata state then data", "a]]><b>", "T:a\nS:b\n", S::kCdataSection},
  });
  EXPECT_EQ(Tokenize("<p>x<![CDATA[a<b]]]>y", TokenizerState::kData, "", true), "S:p\nT:xa<b]y\n");
}

TEST(Tokenizer, StartTagSetsLastStartTag) {
  Tokenizer tokenizer("<textarea>a</b></textarea>");
  Token t;
  tokenizer.Next(&t);
  ASSERT_EQ(t.type, TokenType::kStartTag);
  EXPECT_EQ(t.tag, Tag::kTextarea);
  tokenizer.SetState(TokenizerState::kRcdata);
  tokenizer.Next(&t);
  EXPECT_EQ(t.data, "a</b>");
  tokenizer.Next(&t);
  EXPECT_EQ(t.type, TokenType::kEndTag);
  EXPECT_EQ(t.name, "textarea");
}

TEST(Tokenizer, OffsetsAndSourceViews) {
  std::string input = "<p class=a>one &amp; two</p><!--c-->tail";
  Tokenizer tokenizer(input);
  struct Expect {
    TokenType type;
    std::string_view source;
    bool in_source;
  } expects[] = {
      {TokenType::kStartTag, "<p class=a>", false}, {TokenType::kCharacters, "one &amp; two", false},
      {TokenType::kEndTag, "</p>", false},           {TokenType::kComment, "<!--c-->", false},
      {TokenType::kCharacters, "tail", true},
  };
  Token t;
  for (const Expect& e : expects) {
    tokenizer.Next(&t);
    ASSERT_EQ(t.type, e.type);
    EXPECT_EQ(input.substr(t.begin, t.end - t.begin), e.source);
    if (t.type == TokenType::kCharacters) {
      EXPECT_EQ(t.in_source, e.in_source);
      if (t.in_source) {
        EXPECT_EQ(t.data.data(), input.data() + t.begin);
      }
    }
  }
  tokenizer.Next(&t);
  EXPECT_EQ(t.type, TokenType::kEof);
  EXPECT_EQ(t.begin, input.size());
  tokenizer.Next(&t);
  EXPECT_EQ(t.type, TokenType::kEof);
}

TEST(Tokenizer, AttributeViewsSurviveBufferGrowth) {
  // Many decoded values force the scratch buffer to reallocate mid-tag; every
  // view must still read correctly at the end.
  std::string input = "<a";
  for (int i = 0; i < 2000; ++i) input += " A" + std::to_string(i) + "='v&amp;" + std::to_string(i) + "'";
  input += ">";
  Tokenizer tokenizer(input);
  Token t;
  tokenizer.Next(&t);
  ASSERT_EQ(t.attr_count, 2000u);
  for (uint32_t i = 0; i < t.attr_count; ++i) {
    ASSERT_EQ(t.attrs[i].name, "a" + std::to_string(i));
    ASSERT_EQ(t.attrs[i].value, "v&" + std::to_string(i));
  }
}

TEST(Tokenizer, AttributesInSource) {
  struct {
    const char* input;
    bool in_source;
  } cases[] = {
      {"<p>", true},
      {"<p class=a id='b' hidden>", true},
      {"<p CLASS=a>", false},                // name lowercased
      {"<p title='a &amp; b'>", false},      // reference decoded
      {"<p a=1 A='&amp;'>", true},           // the decoded duplicate is dropped
      {"<p a=\"x\r\ny\">", false},         // CRLF read as LF
      {"</p class='&lt;'>", false},
  };
  for (const auto& c : cases) {
    Tokenizer tokenizer(c.input);
    Token t;
    tokenizer.Next(&t);
    EXPECT_EQ(t.attrs_in_source, c.in_source) << c.input;
    if (!t.attrs_in_source) continue;
    for (uint32_t i = 0; i < t.attr_count; ++i) {
      std::string_view in(c.input);
      EXPECT_TRUE(t.attrs[i].name.data() >= in.data() && t.attrs[i].name.data() < in.data() + in.size());
    }
  }
}

TEST(Tokenizer, TagLookup) {
  EXPECT_EQ(LookupTag("div"), Tag::kDiv);
  EXPECT_EQ(LookupTag("annotation-xml"), Tag::kAnnotationXml);
  EXPECT_EQ(LookupTag("xmp"), Tag::kXmp);
  EXPECT_EQ(LookupTag("DIV"), Tag::kUnknown);
  EXPECT_EQ(LookupTag(""), Tag::kUnknown);
  EXPECT_EQ(LookupTag("custom-element"), Tag::kUnknown);
  // Near misses: one byte off, one byte longer or shorter, a NUL pad.
  for (std::string_view miss : {"templat", "templates", "tempLate", "annotation-xmk", "foreignobjec", "divx",
                                "dv", "textareb", "plaintexts"}) {
    EXPECT_EQ(LookupTag(miss), Tag::kUnknown) << miss;
  }
  EXPECT_EQ(LookupTag(std::string_view("a\0", 2)), Tag::kUnknown);
  EXPECT_EQ(LookupTag(std::string_view("template\0", 9)), Tag::kUnknown);
  for (size_t i = 1; i < static_cast<size_t>(Tag::kCount); ++i) {
    Tag tag = static_cast<Tag>(i);
    EXPECT_EQ(LookupTag(TagName(tag)), tag) << TagName(tag);
  }
  EXPECT_EQ(TagName(Tag::kUnknown), "");
}

// Drains a tokenizer and returns the number of tokens; fails the test if it
// takes longer than `limit` (a quadratic path would blow far past it).
size_t Drain(std::string_view input, double limit_seconds) {
  auto start = std::chrono::steady_clock::now();
  Tokenizer tokenizer(input);
  Token t;
  size_t count = 0;
  for (tokenizer.Next(&t); t.type != TokenType::kEof; tokenizer.Next(&t)) ++count;
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, limit_seconds) << input.size() << " bytes";
  return count;
}

TEST(TokenizerAdversarial, ManyAttributesOnOneTag) {
  std::string distinct = "<a";
  std::string same = "<a";
  for (int i = 0; i < 100000; ++i) {
    distinct += " x" + std::to_string(i) + "=1";
    same += " x=" + std::to_string(i);
  }
  distinct += ">";
  same += ">";
  Tokenizer a(distinct);
  Token t;
  a.Next(&t);
  EXPECT_EQ(t.attr_count, 100000u);
  Tokenizer b(same);
  b.Next(&t);
  ASSERT_EQ(t.attr_count, 1u);
  EXPECT_EQ(t.attrs[0].value, "0");
  Drain(distinct, 2.0);
}

TEST(TokenizerAdversarial, HugeTextWithoutMarkup) {
  std::string text(100 << 20, 'x');
  for (size_t i = 0; i < text.size(); i += 4096) text[i] = '&';
  EXPECT_EQ(Drain(text, 5.0), 1u);
}

TEST(TokenizerAdversarial, MillionLessThans) {
  EXPECT_EQ(Drain(std::string(1 << 20, '<'), 2.0), 1u);
  std::string opens;
  for (int i = 0; i < (1 << 20); ++i) opens += "</";
  Drain(opens, 2.0);
  std::string bangs;
  for (int i = 0; i < (1 << 18); ++i) bangs += "<!--<a";
  Drain(bangs, 2.0);
}

TEST(TokenizerAdversarial, RandomBytesAndInvalidUtf8) {
  std::mt19937 rng(42);
  const char alphabet[] = "<>/!-=&#;'\" \r\n\0aZx[]?";
  for (int round = 0; round < 200; ++round) {
    std::string input(4096, '\0');
    for (char& c : input) c = round % 2 ? static_cast<char>(rng()) : alphabet[rng() % (sizeof alphabet - 1)];
    for (TokenizerState s : {TokenizerState::kData, TokenizerState::kRcdata, TokenizerState::kRawtext,
                             TokenizerState::kScriptData, TokenizerState::kPlaintext,
                             TokenizerState::kCdataSection}) {
      Tokenizer tokenizer(input);
      tokenizer.SetState(s);
      tokenizer.SetLastStartTag("a");
      tokenizer.SetAllowCdata(round % 3 == 0);
      Token t;
      uint32_t last_end = 0;
      for (tokenizer.Next(&t); t.type != TokenType::kEof; tokenizer.Next(&t)) {
        ASSERT_LE(t.begin, t.end);
        ASSERT_LE(last_end, t.begin);
        ASSERT_LE(t.end, input.size());
        last_end = t.end;
      }
    }
  }
  std::string invalid = "<p title='\xC3\x28\xFF'>\xE2\x82 \xF0\x9F\x98 &amp\xC0\xAF</p>";
  EXPECT_EQ(Tokenize(invalid), "S:p[title=\xC3\x28\xFF]\nT:\xE2\x82 \xF0\x9F\x98 &\xC0\xAF\nE:p\n");
}

}  // namespace
}  // namespace warta::html
