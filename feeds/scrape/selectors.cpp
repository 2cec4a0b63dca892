#include "feeds/scrape/selectors.hpp"

#include <pugixml.hpp>

namespace feedsieve {

std::optional<SelectorProblem> selector_problem(std::string_view xpath, bool must_select_nodes) {
  if (xpath.empty()) return SelectorProblem{"the expression is empty", 0};
  try {
    const pugi::xpath_query query(std::string(xpath).c_str());
    if (must_select_nodes && query.return_type() != pugi::xpath_type_node_set)
      return SelectorProblem{"it computes a value; the item selector must select nodes", 0};
  } catch (const pugi::xpath_exception& e) {
    return SelectorProblem{e.result().description(), static_cast<std::size_t>(e.result().offset)};
  }
  return std::nullopt;
}

}  // namespace feedsieve
