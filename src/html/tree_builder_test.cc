#include "html/tree_builder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "warta/dom.h"
#include "warta/html_parser.h"

namespace warta::html {
namespace {

constexpr size_t kMemoryCap = 256u << 20;

struct TreeCase {
  const char* name;
  std::string input;
  std::string expected;  // DumpTree output
  std::string fragment = "";
};

std::string Dump(std::string_view html, const ParseOptions& options = {}) {
  std::unique_ptr<Document> doc = ParseHtml(html, options);
  return DumpTree(doc->root());
}

TEST(TreeBuilder, Cases) {
  const std::vector<TreeCase> cases = {
      {"implied html head body", "Hi",
       "| <html>\n|   <head>\n|   <body>\n|     \"Hi\"\n"},
      {"doctype and head content", "<!DOCTYPE html><title>T</title><p>x",
       "| <!DOCTYPE html>\n| <html>\n|   <head>\n|     <title>\n|       \"T\"\n|   <body>\n|     <p>\n|       \"x\"\n"},
      {"paragraphs close each other", "<p>a<p>b",
       "| <html>\n|   <head>\n|   <body>\n|     <p>\n|       \"a\"\n|     <p>\n|       \"b\"\n"},
      {"misnested formatting", "<b>1<i>2</b>3</i>",
       "| <html>\n|   <head>\n|   <body>\n|     <b>\n|       \"1\"\n|       <i>\n|         \"2\"\n"
       "|     <i>\n|       \"3\"\n"},
      {"adoption agency with a block", "<a>x<div>y</a>z",
       "| <html>\n|   <head>\n|   <body>\n|     <a>\n|       \"x\"\n|     <div>\n|       <a>\n"
       "|         \"y\"\n|       \"z\"\n"},
      {"foster parenting", "<table>a<tr><td>b</td></tr>c</table>",
       "| <html>\n|   <head>\n|   <body>\n|     \"ac\"\n|     <table>\n|       <tbody>\n|         <tr>\n"
       "|           <td>\n|             \"b\"\n"},
      {"template content", "<template><td>x</td></template>",
       "| <html>\n|   <head>\n|     <template>\n|       content\n|         <td>\n|           \"x\"\n|   <body>\n"},
      {"svg case adjustment", "<svg viewbox='0 0 1 1'><foreignobject><p>x</p></foreignobject></svg>",
       "| <html>\n|   <head>\n|   <body>\n|     <svg svg>\n|       viewBox=\"0 0 1 1\"\n"
       "|       <svg foreignObject>\n|         <p>\n|           \"x\"\n"},
      {"foreign attributes", "<math><mi xlink:href='#a' definitionurl='u'></mi></math>",
       "| <html>\n|   <head>\n|   <body>\n|     <math math>\n|       <math mi>\n|         definitionURL=\"u\"\n"
       "|         xlink href=\"#a\"\n"},
      {"breakout from svg", "<svg><p>x",
       "| <html>\n|   <head>\n|   <body>\n|     <svg svg>\n|     <p>\n|       \"x\"\n"},
      {"attributes sorted", "<div z=1 a=2 m=3></div>",
       "| <html>\n|   <head>\n|   <body>\n|     <div>\n|       a=\"2\"\n|       m=\"3\"\n|       z=\"1\"\n"},
      {"frameset", "<frameset><frame></frameset>",
       "| <html>\n|   <head>\n|   <frameset>\n|     <frame>\n"},
      {"nul dropped in body", std::string("a\0b", 3), "| <html>\n|   <head>\n|   <body>\n|     \"ab\"\n"},
      {"selectedcontent copies the selected option",
       "<select><button><selectedcontent></selectedcontent></button><option>a<option selected>b</select>",
       "| <html>\n|   <head>\n|   <body>\n|     <select>\n|       <button>\n|         <selectedcontent>\n"
       "|           \"b\"\n|       <option>\n|         \"a\"\n|       <option>\n|         selected=\"\"\n"
       "|         \"b\"\n"},
      {"selectedcontent inside its option", "<select><option>a<selectedcontent></select>",
       "| <html>\n|   <head>\n|   <body>\n|     <select>\n|       <option>\n|         \"a\"\n"
       "|         <selectedcontent>\n"},
      {"fragment in tr", "<td>x", "| <td>\n|   \"x\"\n", "tr"},
      {"fragment in svg", "<path/>x", "| <svg path>\n| \"x\"\n", "svg g"},
  };
  for (const TreeCase& c : cases) {
    ParseOptions options;
    std::string context = c.fragment;
    if (!context.empty()) SetFragmentContext(context, &options);
    EXPECT_EQ(Dump(c.input, options), c.expected) << c.name;
  }
}

TEST(TreeBuilder, ScriptingFlag) {
  ParseOptions off;
  off.scripting = false;
  EXPECT_EQ(Dump("<noscript><p>x</p></noscript>"),
            "| <html>\n|   <head>\n|     <noscript>\n|       \"<p>x</p>\"\n|   <body>\n");
  EXPECT_EQ(Dump("<body><noscript><p>x</p></noscript>", off),
            "| <html>\n|   <head>\n|   <body>\n|     <noscript>\n|       <p>\n|         \"x\"\n");
}

TEST(TreeBuilder, QuirksMode) {
  EXPECT_EQ(ParseHtml("<!DOCTYPE html>")->quirks_mode(), QuirksMode::kNoQuirks);
  EXPECT_EQ(ParseHtml("<p>no doctype")->quirks_mode(), QuirksMode::kQuirks);
  EXPECT_EQ(ParseHtml("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"x\">")->quirks_mode(),
            QuirksMode::kLimitedQuirks);
  EXPECT_EQ(ParseHtml("<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\">")->quirks_mode(),
            QuirksMode::kQuirks);
}

TEST(TreeBuilder, SourceOffsets) {
  std::string html = "<p class=a>hello &amp; bye</p>";
  std::unique_ptr<Document> doc = ParseHtml(html);
  const Node* body = doc->body();
  ASSERT_NE(body, nullptr);
  EXPECT_EQ(body->source_begin, body->source_end);  // implied
  const Node* p = body->first_child;
  ASSERT_TRUE(p && p->Is(Tag::kP));
  EXPECT_EQ(p->source_begin, 0u);
  EXPECT_EQ(p->source_end, 11u);
  const Node* text = p->first_child;
  ASSERT_TRUE(text && text->is_text());
  EXPECT_EQ(text->data, "hello & bye");
  EXPECT_EQ(text->source_begin, 11u);
  EXPECT_EQ(text->source_end, 26u);
  ASSERT_NE(p->Attr("class"), nullptr);
  EXPECT_EQ(*p->Attr("class"), "a");
}

TEST(TreeBuilder, TextIsOneNodeAndViewsTheInput) {
  std::string html = "<p>one two <!-- c --> three";
  std::unique_ptr<Document> doc = ParseHtml(html);
  const Node* p = doc->body()->first_child;
  ASSERT_TRUE(p->first_child && p->first_child->is_text());
  const char* begin = html.data();
  const char* data = p->first_child->data.data();
  EXPECT_TRUE(data >= begin && data < begin + html.size());  // no copy for verbatim text
  // Text split by a foster-parented table merges into one node.
  std::unique_ptr<Document> t = ParseHtml("<table>a<tr>b</tr>c</table>");
  const Node* first = t->body()->first_child;
  ASSERT_TRUE(first->is_text());
  EXPECT_EQ(first->data, "abc");
}

TEST(TreeBuilder, NestingCapFlattensWithoutDroppingContent) {
  ParseOptions options;
  options.max_depth = 16;
  std::string html;
  for (int i = 0; i < 100; ++i) html += "<div>" + std::to_string(i);
  std::unique_ptr<Document> doc = ParseHtml(html, options);
  EXPECT_LE(MaxElementDepth(doc->root()), 16u);
  std::string expected;
  for (int i = 0; i < 100; ++i) expected += std::to_string(i);
  EXPECT_EQ(TextContent(doc->root()), expected);
}

TEST(TreeBuilder, NestingCapHoldsAfterAdoptionAgency) {
  ParseOptions options;
  options.max_depth = 12;
  std::string html;
  for (int i = 0; i < 200; ++i) html += "<b><div>x";
  for (int i = 0; i < 200; ++i) html += "</b>y";
  std::unique_ptr<Document> doc = ParseHtml(html, options);
  EXPECT_LE(MaxElementDepth(doc->root()), 12u);
}

TEST(TreeBuilder, NestingCapHoldsForTinyCapsAndRemovedElements) {
  // </form> and <a> remove elements from the middle of the stack of open
  // elements; their open descendants must still respect the cap.
  const std::string html = "<form><div><div><div></form><p><a><div><div><a><span><i><b>x</b></i>" +
                           std::string("<table><tr><td><svg><g><g></svg>") + "<template><div><div>";
  for (uint32_t cap : {1u, 3u, 9u}) {
    for (const char* context : {"", "td", "template"}) {
      ParseOptions options;
      options.max_depth = cap;
      if (*context) SetFragmentContext(context, &options);
      std::string input;
      for (int i = 0; i < 20; ++i) input += html;
      std::unique_ptr<Document> doc = ParseHtml(input, options);
      EXPECT_LE(MaxElementDepth(doc->root()), cap) << "cap " << cap << " context " << context;
      EXPECT_EQ(TextContent(doc->root()), std::string(20, 'x'));
    }
  }
}

// Adversarial inputs: each must finish, keep the depth cap and bounded memory.
std::string Repeat(std::string_view s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out.append(s);
  return out;
}

std::string Numbered(std::string_view before, std::string_view after, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out.append(before).append(std::to_string(i)).append(after);
  return out;
}

std::string RandomMarkup(size_t size) {
  std::string out(size, '\0');
  uint64_t x = 88172645463325252ull;
  static const char kMarkup[] = "<>/=\"' abtdpisv!-";
  for (char& c : out) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    uint8_t r = static_cast<uint8_t>(x);
    // Half markup characters, so the tree builder sees many tags.
    c = (r & 1) ? kMarkup[(r >> 1) % (sizeof(kMarkup) - 1)] : static_cast<char>(r);
  }
  return out;
}

struct Adversarial {
  const char* name;
  std::string (*make)();
};

const Adversarial kAdversarial[] = {
    {"NestedDiv1M", [] { return Repeat("<div>", 1000000); }},
    {"UnclosedSpan1M", [] { return Repeat("<span>", 1000000); }},
    {"UnclosedB1M", [] { return Repeat("<b>", 1000000); }},
    {"UnclosedA1M", [] { return Repeat("<a>", 1000000); }},
    {"DistinctB200k", [] { return Numbered("<b id=", ">", 200000); }},
    {"ReopenedFormatting100k", [] { return Numbered("<p><i class=", ">x</p>", 100000); }},
    {"MisnestedADiv", [] { return Repeat("<a><div>x", 100000) + Repeat("</a>y", 100000); }},
    {"NestedTables", [] { return Repeat("<table><tr><td>", 100000); }},
    {"NestedTemplates", [] { return Repeat("<template>", 100000); }},
    {"NestedSvg", [] { return Repeat("<svg><g>", 200000); }},
    {"NestedSelect", [] { return Repeat("<select><option><optgroup>", 100000); }},
    {"NestedSelectsWithSelectedcontent",
     [] { return Repeat("<select><button><selectedcontent></button><option>x<table><td>", 50000); }},
    {"EndTagsOnly", [] { return Repeat("</div></b></p>", 200000); }},
    {"Attributes100k",
     [] {
       std::string attrs = Numbered(" a", "=v", 100000);
       return "<div" + attrs + "><div" + attrs + "><body" + attrs + "><html" + attrs + ">";
     }},
    {"TextLine100MB", [] { return std::string(100u << 20, 'x'); }},
    {"NulBytes",
     [] {
       std::string nul(1 << 20, '\0');
       return "<p>" + nul + "<table>" + nul + "<svg>" + nul;
     }},
    {"InvalidUtf8", [] { return Repeat("\xC3\x28\xFF\xFE<b\x80>", 200000); }},
    {"RandomBinary", [] { return RandomMarkup(4 << 20); }},
};

class TreeBuilderAdversarial : public ::testing::TestWithParam<size_t> {};

TEST_P(TreeBuilderAdversarial, FinishesWithinCaps) {
  std::string input = kAdversarial[GetParam()].make();
  ParseOptions options;
  std::unique_ptr<Document> doc = ParseHtml(input, options);
  ASSERT_NE(doc->root(), nullptr);
  EXPECT_LE(MaxElementDepth(doc->root()), options.max_depth);
  EXPECT_LT(doc->bytes_reserved(), kMemoryCap);
}

INSTANTIATE_TEST_SUITE_P(Inputs, TreeBuilderAdversarial,
                         ::testing::Range<size_t>(0, std::size(kAdversarial)),
                         [](const ::testing::TestParamInfo<size_t>& info) { return kAdversarial[info.param].name; });

size_t CountElements(const Node* root) {
  size_t count = 0;
  for (const Node* n = root; n != nullptr; n = NextInTree(n, root)) count += n->is_element();
  return count;
}

// Misnested formatting around blocks: reconstruction and the adoption agency
// clone elements, and their shared budget (one clone per start tag, plus a
// slack of 4096) keeps the page at most about twice the elements of its tags.
// Each budget of its own let this page reach three elements per start tag.
TEST(TreeBuilderBudget, MisnestedFormattingClonesAtMostOnePerStartTag) {
  struct Case {
    const char* name;
    const char* unit;
    size_t start_tags;  // per unit
  };
  const Case cases[] = {
      {"adoption", "<a><b><i><u><s><em>words<p>para</a>", 7},
      {"bold across paragraphs", "<b><p>text</b>", 2},
      {"formatting reopened in each paragraph", "<p><b><i><u>x</p>", 4},
  };
  constexpr size_t kUnits = 30000;
  constexpr size_t kSlack = 4096 + 3;  // the budget's slack; html, head, body
  for (const Case& c : cases) {
    std::string html = Repeat(c.unit, kUnits);
    std::unique_ptr<Document> doc = ParseHtml(html);
    size_t tags = c.start_tags * kUnits;
    EXPECT_LE(CountElements(doc->root()), 2 * tags + kSlack) << c.name;
    EXPECT_GE(CountElements(doc->root()), tags) << c.name;
  }
}

size_t CountChar(std::string_view s, char c) { return static_cast<size_t>(std::count(s.begin(), s.end(), c)); }

// Past max_elements start tags are dropped: the element count stays at the
// cap, every character of text is kept, script content does not turn into
// text, and two blocks' words stay apart.
TEST(TreeBuilderBudget, ElementCapKeepsTextAndRawText) {
  ParseOptions options;
  options.max_elements = 100;
  constexpr size_t kSlack = 3;  // html, head, body implied by text
  struct Case {
    const char* name;
    std::string html;
  };
  const Case cases[] = {
      {"blocks", Repeat("<div><p>a<b>b</b><br></p></div>", 1000)},
      {"formatting", Repeat("<a><b><i>a<p>b</a>", 1000)},
      {"end tags that make elements", Repeat("</p>a</br>b", 1000)},
      {"tables", Repeat("<table><tr><td>a<td>b", 1000)},
      {"foreign", Repeat("<svg><g><rect/>a</g></svg><math><mi>b</mi></math>", 1000)},
  };
  for (const Case& c : cases) {
    std::unique_ptr<Document> doc = ParseHtml(c.html, options);
    EXPECT_LE(CountElements(doc->root()), options.max_elements + kSlack) << c.name;
    std::string text = TextContent(doc->root());
    EXPECT_EQ(CountChar(text, 'a'), 1000u) << c.name;
    EXPECT_EQ(CountChar(text, 'b'), 1000u) << c.name;
  }

  // A script in an SVG's foreignObject, opened below the cap, is read by
  // HTML rules as well: its content stays raw text (it did not, when only
  // HTML content kept them).
  for (const char* script_in : {"", "<svg><foreignObject>", "<math><mi>"}) {
    std::string page = script_in + Repeat("<div>word</div><!-- note -->", 200) +
                       "<script>var s = '<b>x</b>';</script><p>tail";
    std::unique_ptr<Document> doc = ParseHtml(page, options);
    size_t scripts = 0, comments = 0;
    std::string outside_scripts;
    for (const Node* n = doc->root(); n != nullptr; n = NextInTree(n, doc->root())) {
      scripts += n->Is(Tag::kScript);
      comments += n->type == NodeType::kComment;
      if (n->is_text() && !n->parent->Is(Tag::kScript)) outside_scripts += n->data;
    }
    SCOPED_TRACE(script_in);
    EXPECT_EQ(scripts, 1u);
    EXPECT_LT(comments, 100u);
    EXPECT_EQ(outside_scripts.find("var s"), std::string::npos);
    EXPECT_EQ(CountChar(outside_scripts, 'w'), 200u);
    EXPECT_NE(outside_scripts.find("word\n"), std::string::npos);  // dropped <div>s leave newlines
    EXPECT_NE(outside_scripts.find("tail"), std::string::npos);
  }

  // Raw-text elements are still made past the cap (at least 15 bytes each).
  std::string styles = Repeat("<style>b</style>", 1000);
  std::unique_ptr<Document> raw = ParseHtml(styles, options);
  EXPECT_LE(CountElements(raw->root()), options.max_elements + kSlack + 1000);
  EXPECT_EQ(CountChar(TextContent(raw->root()), 'b'), 1000u);

  // Below the cap nothing changes.
  std::string small = Repeat("<p>a<b>b<i>c</p>", 5);
  EXPECT_EQ(DumpTree(ParseHtml(small, options)->root()), DumpTree(ParseHtml(small)->root()));
}

TEST(TreeBuilderFragments, AdversarialFragmentsFinish) {
  for (const char* context : {"td", "select", "svg path", "template", "textarea", "table"}) {
    ParseOptions options;
    SetFragmentContext(context, &options);
    std::unique_ptr<Document> doc = ParseHtml(Repeat("<td><tr><svg><b><template><p>", 50000), options);
    EXPECT_LE(MaxElementDepth(doc->root()), options.max_depth) << context;
  }
}

}  // namespace
}  // namespace warta::html
