// Variants of one page that publishers serve under other links: the AMP and
// mobile editions and the "www." alias. Folding them is a policy choice:
// "www.", "m.", "mobile." and "amp." host prefixes are dropped (so
// www.example.com, m.example.com and example.com are one host: publishers
// serve the same article under all of them, and the few that do not are
// caught by the text fingerprint anyway), as are AMP path forms
// (/amp/... and .../amp, .amp.html) and AMP query flags (amp, amp=1,
// outputType=amp).
#include <algorithm>
#include <array>
#include <string_view>

#include "feeds/url/url_detail.hpp"

namespace feedsieve::url_detail {
namespace {

bool ends_with(std::string_view text, std::string_view tail) {
  return text.size() >= tail.size() && text.substr(text.size() - tail.size()) == tail;
}

}  // namespace

std::string fold_host_variant(std::string host) {
  for (const std::string_view prefix : {"www.", "m.", "mobile.", "amp."}) {
    if (host.size() <= prefix.size() || host.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string_view rest = std::string_view(host).substr(prefix.size());
    if (rest.find('.') == std::string_view::npos) continue;  // "amp.dev" is a site, not a variant
    return std::string(rest);
  }
  return host;
}

std::string fold_amp_path(std::string path) {
  if (path.rfind("/amp/", 0) == 0) path.erase(0, 4);
  for (std::size_t at = path.find("/amp/"); at != std::string::npos; at = path.find("/amp/")) path.erase(at, 4);
  if (ends_with(path, "/amp")) path.erase(path.size() - 4);
  if (ends_with(path, ".amp.html")) path.replace(path.size() - 9, 9, ".html");
  if (ends_with(path, ".amp")) path.erase(path.size() - 4);
  if (path.empty()) path = "/";
  return path;
}

bool is_amp_parameter(std::string_view key, std::string_view value) {
  if (key == "amp") return value.empty() || value == "1" || value == "true";
  return (key == "outputType" || key == "outputtype") && value == "amp";
}

}  // namespace feedsieve::url_detail
