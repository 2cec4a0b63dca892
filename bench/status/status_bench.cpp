// `feedsieve status` at scale: the feed-health read of a store with N feeds
// (default 10,000) of a few items each, timed over several runs.
// Usage: bench_api [FEEDS] [ITEMS_PER_FEED]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <unistd.h>
#include <vector>

#include "daemon/store/feed_status.hpp"

using namespace feedsieve;

namespace {

Timestamp now_utc() { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); }

void fill(Store& store, int feeds, int items_per_feed) {
  const Timestamp now = now_utc();
  for (int f = 0; f < feeds; ++f) {
    const std::string name = "feed-" + std::to_string(f);
    PollRecord poll;
    poll.feed_id = store.upsert_feed(name, "https://host" + std::to_string(f % 50) + ".example/" + name).id;
    poll.attempted_at = now;
    poll.status = f % 10 == 0 ? PollStatus::failed : PollStatus::ok;
    poll.http_status = f % 10 == 0 ? 500 : 200;
    poll.error = f % 10 == 0 ? "HTTP 500" : "";
    poll.error_count = f % 10 == 0 ? 3 : 0;
    poll.next_poll = now + std::chrono::minutes(30);
    for (int i = 0; i < items_per_feed && poll.status == PollStatus::ok; ++i) {
      Item item;
      item.id = name + "-" + std::to_string(i);
      item.title = "Story " + std::to_string(i) + " of " + name;
      item.link = "https://host.example/" + name + "/" + std::to_string(i);
      item.published = now - std::chrono::hours(i);
      poll.items.push_back({item, item.link});
    }
    store.record_poll(poll);
  }
}

}  // namespace

int main(int argc, char** argv) {
  const int feeds = argc > 1 ? std::atoi(argv[1]) : 10'000;
  const int items = argc > 2 ? std::atoi(argv[2]) : 5;
  const auto dir = std::filesystem::temp_directory_path() / ("feedsieve-bench-status-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  {
    Store writer(dir / "store.db");
    fill(writer, feeds, items);
  }
  const Store reader(dir / "store.db", Store::Mode::read_only);
  std::vector<double> ms;
  std::size_t rows = 0;
  for (int run = 0; run < 10; ++run) {
    const auto start = std::chrono::steady_clock::now();
    const auto statuses = feed_statuses(reader, now_utc());
    const auto summary = summarize(statuses, std::chrono::hours(24));
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    rows = statuses.size() + static_cast<std::size_t>(summary.ok) * 0;
  }
  std::sort(ms.begin(), ms.end());
  std::printf("status: %zu feeds, %d items each: median %.1f ms, max %.1f ms\n", rows, items, ms[ms.size() / 2],
              ms.back());
  std::filesystem::remove_all(dir);
  return 0;
}
