#pragma once
// The API's own read-only store connections, one per handler thread at most.
// They are never the daemon's writer connection and never run on its store
// strand: WAL lets them read beside the writer without blocking it.
#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "daemon/store/store.hpp"

namespace feedsieve {

class ReadConnections {
 public:
  explicit ReadConnections(std::filesystem::path path) : path_(std::move(path)) {}

  // A connection for the duration of one request; returned to the pool when
  // the lease ends, unless it failed (a broken connection is reopened next time).
  class Lease {
   public:
    Lease(ReadConnections& owner, std::unique_ptr<Store> store) : owner_(&owner), store_(std::move(store)) {}
    ~Lease();
    Lease(Lease&&) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    const Store& operator*() const { return *store_; }
    const Store* operator->() const { return store_.get(); }
    void discard() { store_.reset(); }

   private:
    ReadConnections* owner_;
    std::unique_ptr<Store> store_;
  };

  // Throws StoreError when the store cannot be opened.
  Lease acquire();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Store>> idle_;
};

}  // namespace feedsieve
