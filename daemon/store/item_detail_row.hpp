#pragma once
// Reading ItemDetail rows, shared by Store::item and Store::rescore.
#include <SQLiteCpp/Statement.h>

#include "daemon/store/store.hpp"

namespace feedsieve::store_detail {

// "SELECT ... FROM items i JOIN feeds f JOIN stories s", columns in read_item_detail order.
extern const char* const item_detail_select;

ItemDetail read_item_detail(const SQLite::Statement& row);

}  // namespace feedsieve::store_detail
