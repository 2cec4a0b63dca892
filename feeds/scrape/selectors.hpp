#pragma once
// The XPath 1.0 expressions that turn a web page into feed items: `item`
// selects one node per item in the whole page; the others are evaluated with
// each item node as the context node (so they usually start with ".//").
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace feedsieve {

struct PageSelectors {
  std::string item{};                                // required: one node per item
  std::string title{};                               // required
  std::string link = "descendant-or-self::a[@href]";  // the first link in the item
  std::string date{};                                // optional
  std::string summary{};                             // optional

  bool operator==(const PageSelectors&) const = default;
};

struct SelectorProblem {
  std::string what;     // pugixml's description ("Unrecognized node test"...)
  std::size_t offset;   // 0-based byte offset into the expression
};

// nullopt when `xpath` compiles as XPath 1.0 (and, with `must_select_nodes`,
// is a location path or union rather than a string or number expression).
std::optional<SelectorProblem> selector_problem(std::string_view xpath, bool must_select_nodes = false);

}  // namespace feedsieve
