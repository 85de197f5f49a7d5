#include "meta/url.h"

#include <re2/re2.h>

#include <algorithm>
#include <vector>

#include "meta/word_set.h"

namespace warta::meta {

std::string HostOf(std::string_view url) {
  size_t scheme = url.find("://");
  std::string_view rest = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  size_t at = rest.rfind('@');
  if (at != std::string_view::npos) rest = rest.substr(at + 1);
  rest = rest.substr(0, rest.find(':'));
  if (rest.empty() || rest.size() > 253 || rest.find('.') == std::string_view::npos) return "";
  for (char c : rest) {
    if (!IsAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '-' && c != '.') return "";
  }
  std::string host = Lower(rest);
  std::string_view tld = std::string_view(host).substr(host.rfind('.') + 1);
  if (tld.size() < 2 || !std::all_of(tld.begin(), tld.end(), IsAsciiLetter)) return "";
  // Without a scheme, "page.html" is a file, not a host.
  if (scheme == std::string_view::npos) {
    for (std::string_view ext : {"txt", "html", "htm", "gz", "json", "warc", "xml", "md", "jsonl", "zst"}) {
      if (tld == ext) return "";
    }
  }
  return host;
}

std::string HostLabel(std::string_view url) {
  std::string host = HostOf(url);
  if (host.empty()) return "";
  std::vector<std::string_view> labels;
  std::string_view h = host;
  while (!h.empty()) {
    size_t dot = h.find('.');
    labels.push_back(h.substr(0, dot));
    if (dot == std::string_view::npos) break;
    h.remove_prefix(dot + 1);
  }
  if (labels.size() < 2) return "";
  // Skip a second-level public suffix ("co.id", "com.au", "co.uk").
  size_t i = labels.size() - 2;
  static constexpr std::string_view kSecond[] = {"co", "com", "net", "org", "ac", "go", "or", "gov", "edu", "web", "my", "sch", "ne"};
  if (i > 0 && labels.back().size() == 2 &&
      std::find(std::begin(kSecond), std::end(kSecond), labels[i]) != std::end(kSecond)) {
    --i;
  }
  return std::string(labels[i]);
}

std::string SiteNameFromUrl(std::string_view url) {
  if (HostLabel(url).empty()) return "";
  std::string host = HostOf(url);
  for (std::string_view prefix : {"www.", "m.", "amp.", "mobile."}) {
    if (host.starts_with(prefix)) {
      host.erase(0, prefix.size());
      break;
    }
  }
  return host;
}

std::optional<DateTime> DateFromUrl(std::string_view url) {
  size_t scheme = url.find("://");
  std::string_view path = url;
  if (scheme != std::string_view::npos) {
    size_t slash = url.find('/', scheme + 3);
    path = slash == std::string_view::npos ? std::string_view() : url.substr(slash);
  }
  path = path.substr(0, path.find_first_of("?#"));
  // Every form below holds a year.
  if (path.find_first_of("0123456789") == std::string_view::npos) return std::nullopt;
  re2::StringPiece in(path.data(), path.size());
  int y = 0, m = 0, d = 0;
  static const RE2 kYmd("[/_-]((?:19|20)\\d\\d)[/_.-]([01]?\\d)[/_.-]([0-3]?\\d)(?:[/_.-]|$)");
  static const RE2 kCompact("[/_-]((?:19|20)\\d\\d)([01]\\d)([0-3]\\d)(?:[/_.-]|$)");
  static const RE2 kDmy("[/_-]([0-3]?\\d)[-_.]([01]?\\d)[-_.]((?:19|20)\\d\\d)(?:[/_.-]|$)");
  static const RE2 kYm("/((?:19|20)\\d\\d)/([01]?\\d)/");
  DateTime dt;
  if (RE2::PartialMatch(in, kYmd, &y, &m, &d) || RE2::PartialMatch(in, kCompact, &y, &m, &d)) {
    if (!IsValidDate(y, m, d)) return std::nullopt;
    dt.year = y, dt.month = m, dt.day = d;
    dt.granularity = DateGranularity::kDay;
    return dt;
  }
  if (RE2::PartialMatch(in, kDmy, &d, &m, &y) && IsValidDate(y, m, d)) {
    dt.year = y, dt.month = m, dt.day = d;
    dt.granularity = DateGranularity::kDay;
    return dt;
  }
  if (RE2::PartialMatch(in, kYm, &y, &m) && m >= 1 && m <= 12) {
    dt.year = y, dt.month = m, dt.day = 1;
    dt.granularity = DateGranularity::kMonth;
    return dt;
  }
  return std::nullopt;
}

}  // namespace warta::meta
