#include "warta/dom.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "warta/html_parser.h"

namespace warta {
namespace {

TEST(Dom, DocumentAccessors) {
  std::unique_ptr<Document> doc = ParseHtml("<title>t</title><p>x");
  ASSERT_NE(doc->html(), nullptr);
  ASSERT_NE(doc->head(), nullptr);
  ASSERT_NE(doc->body(), nullptr);
  EXPECT_TRUE(doc->head()->Is(Tag::kHead));
  EXPECT_TRUE(doc->body()->Is(Tag::kBody));
  std::unique_ptr<Document> frames = ParseHtml("<frameset></frameset>");
  EXPECT_EQ(frames->body(), nullptr);
}

TEST(Dom, NextInTreeWalksInDocumentOrder) {
  std::unique_ptr<Document> doc = ParseHtml("<div><p>a</p><p>b<i>c</i></p></div><span>d</span>");
  std::string order;
  for (const Node* n = doc->body(); n; n = NextInTree(n, doc->body())) {
    order += n->is_text() ? std::string(n->data) : "<" + std::string(n->name) + ">";
  }
  EXPECT_EQ(order, "<body><div><p>a<p>b<i>c<span>d");
  // skip_children jumps over a subtree.
  const Node* div = doc->body()->first_child;
  const Node* next = NextInTree(div, doc->body(), /*skip_children=*/true);
  ASSERT_NE(next, nullptr);
  EXPECT_EQ(next->name, "span");
  EXPECT_EQ(NextInTree(div, div, true), nullptr);
}

TEST(Dom, TextContent) {
  std::unique_ptr<Document> doc = ParseHtml("<p>a<b>b</b><!--x-->c<template>t</template></p>");
  EXPECT_EQ(TextContent(doc->body()), "abct");
}

TEST(Dom, DumpTreeDoctypeCommentsAndTemplates) {
  std::unique_ptr<Document> doc =
      ParseHtml("<!DOCTYPE html PUBLIC \"p\" \"s\"><!--c--><template a=1><b>x</b></template>");
  EXPECT_EQ(DumpTree(doc->root()),
            "| <!DOCTYPE html \"p\" \"s\">\n| <!-- c -->\n| <html>\n|   <head>\n|     <template>\n"
            "|       a=\"1\"\n|       content\n|         <b>\n|           \"x\"\n|   <body>\n");
}

struct SerializeCase {
  const char* input;
  const char* expected;  // SerializeHtml(body)
};

TEST(Dom, SerializeHtml) {
  const std::vector<SerializeCase> cases = {
      {"<p class='a\"b'>x &amp; y&nbsp;<br>z</p>", "<body><p class=\"a&quot;b\">x &amp; y&nbsp;<br>z</p></body>"},
      {"<script>if (a < b) x();</script>", "<body><script>if (a < b) x();</script></body>"},
      {"<img src=a.png alt='<x>'>", "<body><img src=\"a.png\" alt=\"&lt;x&gt;\"></body>"},
      {"<svg><use xlink:href='#i'/></svg>", "<body><svg><use xlink:href=\"#i\"></use></svg></body>"},
      {"<template><td>c</td></template>", "<body><template><td>c</td></template></body>"},
      {"<!--note--><p>1 &lt; 2</p>", "<body><!--note--><p>1 &lt; 2</p></body>"},
  };
  for (const SerializeCase& c : cases) {
    std::string html = std::string("<body>") + c.input;  // outlives the document's views
    std::unique_ptr<Document> doc = ParseHtml(html);
    EXPECT_EQ(SerializeHtml(doc->body()), c.expected) << c.input;
  }
}

TEST(Dom, SerializationRoundTrips) {
  const char* pages[] = {
      "<!DOCTYPE html><html><head><title>A &amp; B</title></head><body><h1 id=x>T</h1><p>one<b>two</b></p>"
      "<table><tr><td>c</td></tr></table><ul><li>a<li>b</ul><pre>\n\nx</pre></body></html>",
      "<div><svg viewBox='0 0 1 1'><circle r=1 /></svg><math><mi>x</mi></math><textarea>a&lt;b</textarea></div>",
      "<p>a<i>b<p>c</i>d<table>e<tr><td>f</table>",
  };
  for (const char* page : pages) {
    std::unique_ptr<Document> first = ParseHtml(page);
    std::string html = SerializeHtml(first->root());
    std::unique_ptr<Document> second = ParseHtml(html);
    EXPECT_EQ(DumpTree(second->root()), DumpTree(first->root())) << page;
    EXPECT_EQ(SerializeHtml(second->root()), html) << page;
  }
}

TEST(Dom, DeepTreesAreWalkedWithoutRecursion) {
  ParseOptions options;
  options.max_depth = 100000;
  std::string html;
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "x";
  std::unique_ptr<Document> doc = ParseHtml(html, options);
  EXPECT_EQ(TextContent(doc->root()), "x");
  EXPECT_GT(SerializeHtml(doc->root()).size(), 1000000u);
}

}  // namespace
}  // namespace warta
