#include "daemon/store/store_error.hpp"

namespace feedsieve::store_detail {

std::string store_message(const std::filesystem::path& path, std::string_view doing, std::string_view detail) {
  std::string text = "store " + path.string();
  text.append(": ").append(doing);
  if (!detail.empty()) text.append(": ").append(detail);
  return text;
}

void throw_store_error(const std::filesystem::path& path, std::string_view doing, std::string_view detail) {
  throw StoreError(store_message(path, doing, detail));
}

void throw_store_problem(const std::filesystem::path& path, std::string_view problem) {
  std::string text = "store " + path.string();
  text.append(" ").append(problem);
  throw StoreError(text);
}

}  // namespace feedsieve::store_detail
