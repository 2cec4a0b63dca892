// [topic]: which stories feedsieve keeps (feeds/topic/topic.hpp has the scoring rules).
#include "daemon/config/sections.hpp"

namespace feedsieve {
namespace {

constexpr double max_weight = 1000.0;

// Each entry of an array of tables, with a readable position for messages.
template <typename Read>
void each_table(const Reader& r, const toml::table& t, std::string_view key, Read read) {
  const toml::node* node = t.get(key);
  if (node == nullptr) return;
  const toml::array* array = node->as_array();
  if (array == nullptr)
    r.fail(node->source(), "'topic." + std::string(key) + "' must be an array of tables: write [[topic." +
                               std::string(key) + "]]");
  for (std::size_t i = 0; i < array->size(); ++i) {
    const toml::node& entry = *array->get(i);
    if (!entry.is_table())
      r.fail(entry.source(), "each entry of 'topic." + std::string(key) + "' must be a table");
    read(*entry.as_table(), "[[topic." + std::string(key) + "]] #" + std::to_string(i + 1));
  }
}

std::vector<std::string> non_empty_terms(const Reader& r, const toml::table& t, std::string_view key,
                                         std::string_view where) {
  auto terms = r.strings(t, key, where);
  if (!terms || terms->empty())
    r.fail(t.source(), std::string(where) + " needs a non-empty '" + std::string(key) + "' list of terms");
  for (const auto& term : *terms)
    if (term.find_first_not_of(" \t") == std::string::npos)
      r.fail(t.get(key)->source(), std::string(where) + " has an empty term");
  return *terms;
}

TermSet read_terms(const Reader& r, const toml::table& t, const std::string& where) {
  r.only_keys(t, where, {"terms", "weight", "case_sensitive"});
  TermSet set;
  set.terms = non_empty_terms(r, t, "terms", "topic.terms");
  set.weight = r.fraction(t, "weight", "topic.terms", -max_weight, max_weight).value_or(1.0);
  set.case_sensitive = r.boolean(t, "case_sensitive", "topic.terms").value_or(false);
  return set;
}

// all = [["open-source", "open-weight"], ["model", "llm"]]
std::vector<std::vector<std::string>> read_all_lists(const Reader& r, const toml::table& t, const std::string& where) {
  const toml::node* node = t.get("all");
  const toml::array* lists = node == nullptr ? nullptr : node->as_array();
  if (lists == nullptr || lists->empty())
    r.fail(node == nullptr ? t.source() : node->source(),
           where + " needs 'all', a list of term lists: all = [[\"open-weight\", \"open-source\"], [\"model\", \"llm\"]]");
  std::vector<std::vector<std::string>> out;
  for (const auto& element : *lists) {
    const toml::array* list = element.as_array();
    if (list == nullptr || list->empty()) r.fail(element.source(), "'topic.groups.all' must hold non-empty lists of strings");
    std::vector<std::string>& terms = out.emplace_back();
    for (const auto& term : *list) {
      if (!term.is_string()) r.fail(term.source(), "'topic.groups.all' must hold only strings");
      terms.push_back(*term.value<std::string>());
    }
  }
  return out;
}

TermGroup read_group(const Reader& r, const toml::table& t, const std::string& where) {
  r.only_keys(t, where, {"name", "all", "weight"});
  TermGroup group;
  group.name = r.string(t, "name", "topic.groups").value_or(where);
  group.all = read_all_lists(r, t, where);
  group.weight = r.fraction(t, "weight", "topic.groups", -max_weight, max_weight).value_or(1.0);
  return group;
}

}  // namespace

void read_topic(const Reader& r, const toml::table& root, Config& config) {
  const toml::table* t = r.section(root, "topic");
  if (t == nullptr) return;
  r.only_keys(*t, "[topic]", {"threshold", "title_weight", "terms", "groups"});
  TopicProfile& p = config.topic;
  p.threshold = r.fraction(*t, "threshold", "topic", -max_weight, max_weight).value_or(p.threshold);
  p.title_weight = r.fraction(*t, "title_weight", "topic", 0.0, 100.0).value_or(p.title_weight);
  each_table(r, *t, "terms", [&](const toml::table& e, const std::string& where) { p.terms.push_back(read_terms(r, e, where)); });
  each_table(r, *t, "groups", [&](const toml::table& e, const std::string& where) { p.groups.push_back(read_group(r, e, where)); });
}

}  // namespace feedsieve
