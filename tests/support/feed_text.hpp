#pragma once
// Small, valid feed documents for tests that need a feed, not a parser quirk.
#include <string>
#include <vector>

namespace feedsieve::test {

struct Entry {
  std::string id;
  std::string title;
  std::string link;
  std::string date;  // RFC 822 for RSS, RFC 3339 for Atom
  std::string summary = "";
};

std::string rss_document(const std::string& title, const std::vector<Entry>& entries);
std::string atom_document(const std::string& title, const std::vector<Entry>& entries);

}  // namespace feedsieve::test
