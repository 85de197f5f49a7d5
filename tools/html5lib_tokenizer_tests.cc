// Conformance runner for the html5lib tokenizer tests.
//
// Usage: html5lib_tokenizer_tests [-v] [shared_dir] [skip_file]
//   shared_dir defaults to ../shared; skip_file to tests/html5lib_tokenizer_skip.txt
//   beside this source file. Runs <shared>/bench/html5lib-tests/tokenizer/*.test
//   (the "errors" field is ignored) and prints one summary line. Exits 0 when
//   at least 99% pass and every failure is listed in the skip file.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/utf8.h"
#include "html/tokenizer.h"
#include "tools/conformance.h"

namespace fs = std::filesystem;
using nlohmann::json;
using warta::html::Token;
using warta::html::Tokenizer;
using warta::html::TokenizerState;
using warta::html::TokenType;

namespace {

// Undoes the "doubleEscaped" \uXXXX escaping. Returns false when the text
// holds a lone surrogate, which UTF-8 input cannot represent.
bool Unescape(const std::string& in, std::string* out) {
  out->clear();
  auto hex4 = [&](size_t i, char32_t* v) {
    if (i + 6 > in.size() || in[i] != '\\' || in[i + 1] != 'u') return false;
    *v = 0;
    for (size_t k = i + 2; k < i + 6; ++k) {
      char c = in[k];
      int d = (c >= '0' && c <= '9') ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
      if (d < 0) return false;
      *v = *v * 16 + d;
    }
    return true;
  };
  for (size_t i = 0; i < in.size();) {
    char32_t cp;
    if (!hex4(i, &cp)) {
      out->push_back(in[i++]);
      continue;
    }
    i += 6;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      char32_t low;
      if (!hex4(i, &low) || low < 0xDC00 || low > 0xDFFF) return false;
      i += 6;
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
      return false;
    }
    warta::utf8::Append(cp, out);
  }
  return true;
}

// Merges adjacent Character tokens, as the test format requires.
json Coalesce(const json& tokens) {
  json out = json::array();
  for (const json& t : tokens) {
    if (t[0] == "Character" && !out.empty() && out.back()[0] == "Character") {
      out.back()[1] = out.back()[1].get<std::string>() + t[1].get<std::string>();
    } else {
      out.push_back(t);
    }
  }
  return out;
}

json Tokenize(const std::string& input, TokenizerState state, const std::string& last_start_tag) {
  Tokenizer tokenizer(input);
  tokenizer.SetState(state);
  if (!last_start_tag.empty()) tokenizer.SetLastStartTag(last_start_tag);
  json out = json::array();
  auto str = [](std::string_view s) { return std::string(s); };
  for (Token t; tokenizer.Next(&t), t.type != TokenType::kEof;) {
    switch (t.type) {
      case TokenType::kDoctype:
        out.push_back({"DOCTYPE", t.has_name ? json(str(t.name)) : json(nullptr),
                       t.has_public_id ? json(str(t.public_id)) : json(nullptr),
                       t.has_system_id ? json(str(t.system_id)) : json(nullptr), !t.force_quirks});
        break;
      case TokenType::kStartTag: {
        json attrs = json::object();
        for (uint32_t i = 0; i < t.attr_count; ++i) attrs[str(t.attrs[i].name)] = str(t.attrs[i].value);
        json tag = {"StartTag", str(t.name), attrs};
        if (t.self_closing) tag.push_back(true);
        out.push_back(tag);
        break;
      }
      case TokenType::kEndTag: out.push_back({"EndTag", str(t.name)}); break;
      case TokenType::kComment: out.push_back({"Comment", str(t.data)}); break;
      case TokenType::kCharacters: out.push_back({"Character", str(t.data)}); break;
      case TokenType::kEof: break;
    }
  }
  return Coalesce(out);
}

// Applies Unescape to every string inside j; false on a lone surrogate.
bool UnescapeAll(json* j) {
  if (j->is_string()) {
    std::string s;
    if (!Unescape(j->get<std::string>(), &s)) return false;
    *j = s;
  } else if (j->is_array()) {
    for (json& e : *j) {
      if (!UnescapeAll(&e)) return false;
    }
  } else if (j->is_object()) {
    json copy = json::object();
    for (auto& [k, v] : j->items()) {
      std::string key;
      json value = v;
      if (!Unescape(k, &key) || !UnescapeAll(&value)) return false;
      copy[key] = value;
    }
    *j = copy;
  }
  return true;
}

bool ParseState(const std::string& name, TokenizerState* state) {
  static const std::pair<const char*, TokenizerState> kStates[] = {
      {"Data state", TokenizerState::kData},
      {"PLAINTEXT state", TokenizerState::kPlaintext},
      {"RCDATA state", TokenizerState::kRcdata},
      {"RAWTEXT state", TokenizerState::kRawtext},
      {"Script data state", TokenizerState::kScriptData},
      {"CDATA section state", TokenizerState::kCdataSection},
  };
  for (const auto& [n, s] : kStates) {
    if (name == n) {
      *state = s;
      return true;
    }
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  warta::conformance::Run run =
      warta::conformance::StartRun(argc, argv, "tokenizer", "html5lib_tokenizer_skip.txt");
  std::vector<fs::path> files = warta::conformance::SuiteFiles(run, ".test");
  if (files.empty()) {
    std::fprintf(stderr, "no tokenizer tests at %s\n", run.suite.c_str());
    return 1;
  }
  for (const fs::path& file : files) {
    json doc;
    try {
      std::ifstream in(file);
      doc = json::parse(in);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "%s: %s\n", file.c_str(), e.what());
      return 1;
    }
    if (!doc.contains("tests")) continue;  // xmlViolation.test: an XML-coercion mode warta does not have
    for (const json& test : doc["tests"]) {
      std::string key = file.filename().string() + ": " + test["description"].get<std::string>();
      json input = test["input"];
      json expected = test["output"];
      std::string why;
      bool ok = true;
      if (test.value("doubleEscaped", false) && (!UnescapeAll(&input) || !UnescapeAll(&expected))) {
        ok = false;
        why = "input holds a lone surrogate (not representable in UTF-8)";
      }
      expected = Coalesce(expected);
      std::vector<std::string> states = {"Data state"};
      if (test.contains("initialStates")) states = test["initialStates"].get<std::vector<std::string>>();
      std::string last = test.value("lastStartTag", "");
      for (size_t i = 0; ok && i < states.size(); ++i) {
        TokenizerState state;
        if (!ParseState(states[i], &state)) {
          ok = false;
          why = "unknown initial state " + states[i];
          break;
        }
        json actual = Tokenize(input.get<std::string>(), state, last);
        if (actual != expected) {
          ok = false;
          why = "[" + states[i] + "] input " + input.dump() + "\n    expected " + expected.dump() +
                "\n    actual   " + actual.dump();
        }
      }
      if (!ok && run.verbose) std::printf("FAIL %s\n    %s\n", key.c_str(), why.c_str());
      warta::conformance::Record(&run, ok, key);
    }
  }
  return warta::conformance::Finish(run, "tokenizer", 0.99);
}
