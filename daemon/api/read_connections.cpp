#include "daemon/api/read_connections.hpp"

namespace feedsieve {

ReadConnections::Lease::~Lease() {
  if (!store_) return;
  const std::lock_guard lock(owner_->mutex_);
  owner_->idle_.push_back(std::move(store_));
}

ReadConnections::Lease ReadConnections::acquire() {
  {
    const std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      std::unique_ptr<Store> store = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(store));
    }
  }
  // Opened outside the lock: opening reads the schema and may wait on a checkpoint.
  return Lease(*this, std::make_unique<Store>(path_, Store::Mode::read_only));
}

}  // namespace feedsieve
