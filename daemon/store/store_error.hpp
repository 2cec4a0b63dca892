#pragma once
// Every SQLite::Exception leaves the store as a StoreError that names the file
// and what the store was doing, so a log line or a CLI error says it all.
#include <SQLiteCpp/Exception.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>

#include "daemon/store/store.hpp"

namespace feedsieve::store_detail {

// "store PATH: DOING: DETAIL"
std::string store_message(const std::filesystem::path& path, std::string_view doing, std::string_view detail);

[[noreturn]] void throw_store_error(const std::filesystem::path& path, std::string_view doing,
                                    std::string_view detail);

// "store PATH PROBLEM", for problems that are facts about the file
// ("store x.db has schema version 3, ...").
[[noreturn]] void throw_store_problem(const std::filesystem::path& path, std::string_view problem);

// Runs `work`, turning a SQLite::Exception into a StoreError.
template <class Work>
decltype(auto) guarded(const std::filesystem::path& path, std::string_view doing, Work&& work) {
  try {
    return std::forward<Work>(work)();
  } catch (const SQLite::Exception& e) {
    throw_store_error(path, doing, e.what());
  }
}

}  // namespace feedsieve::store_detail
