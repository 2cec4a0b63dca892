// The HTTP API on a big store: N items (default 1,000,000) from 1,000 feeds,
// each its own story, dated a minute apart, 80% on topic; titles and
// summaries of words drawn with weight 1/rank from a 20,000-word vocabulary,
// plus "qwen" in 1% of the items and "deepseek" in 0.1%. Filled with plain
// SQL in one transaction (the full-text triggers index every item).
// Then a real ApiServer on 127.0.0.1 and a keep-alive client time RUNS
// requests each of: the first page of /api/stories, a page up to 200 deep
// behind a cursor, q= searches ranked and order=newest (words in ~97%, 8%, 1%
// and 0.1% of the items, two and three words, pages behind cursors), and /feed.atom;
// p50/p99/max wall time, and p50/p99 CPU time of the process (client and
// server). Any ITEMS works: deep cases stop at the store's last page.
// Usage: bench_api [ITEMS] [RUNS] [STORE] [ONLY]   (an existing STORE is reused;
// ONLY runs just the cases whose label contains it, e.g. "q=qwen%20v40")
#include <SQLiteCpp/SQLiteCpp.h>
#include <unistd.h>

#include <algorithm>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "bench/support/store_fill.hpp"
#include "daemon/api/server.hpp"
#include "feeds/date/date.hpp"

using namespace feedsieve;
namespace asio = boost::asio;
namespace http = boost::beast::http;

namespace {

constexpr int feed_count = 1'000;

std::string text(std::mt19937_64& rng, std::discrete_distribution<int>& word, int count, int serial) {
  std::string out;
  for (int i = 0; i < count; ++i) out += "v" + std::to_string(word(rng)) + " ";
  if (serial % 100 == 7) out += "qwen ";
  if (serial % 1000 == 3) out += "deepseek ";
  return out;
}

void fill(const std::filesystem::path& path, int items) {
  SQLite::Database db = bench::open_for_bulk_fill(path);
  SQLite::Transaction transaction(db);
  bench::insert_feeds(db, feed_count, [](int f) { return "https://feeds.example/" + std::to_string(f); });
  SQLite::Statement story(db, "INSERT INTO stories (id, story_id, canonical_url, title, published, first_seen, on_topic)"
                              " VALUES (?1, printf('%016x', ?1), ?2, ?3, ?4, ?4, ?5)");
  SQLite::Statement item(db, "INSERT INTO items (feed_id, story_id, guid, link, canonical_link, title, summary,"
                             " published, fetched_at, last_seen_at, on_topic, fingerprinted)"
                             " VALUES (?1, ?2, ?3, ?3, ?3, ?4, ?5, ?6, ?6, ?6, ?7, 1)");
  std::vector<double> weights;
  for (int r = 0; r < 20'000; ++r) weights.push_back(1.0 / (r + 1));
  std::discrete_distribution<int> word(weights.begin(), weights.end());
  std::mt19937_64 rng(20240501);
  const Timestamp newest = *parse_rfc3339("2026-12-01T00:00:00Z");
  for (int i = 1; i <= items; ++i) {
    const std::string link = "https://news.example/" + std::to_string(i);
    const std::string title = text(rng, word, 8, i);
    const std::string when = format_rfc3339(newest - std::chrono::minutes(i));
    const int on_topic = i % 5 == 0 ? 0 : 1;
    story.reset();
    story.bind(1, i);
    story.bind(2, link);
    story.bind(3, title);
    story.bind(4, when);
    story.bind(5, on_topic);
    story.exec();
    item.reset();
    item.bind(1, 1 + i % feed_count);
    item.bind(2, i);
    item.bind(3, link);
    item.bind(4, title);
    item.bind(5, text(rng, word, 30, i + 1));
    item.bind(6, when);
    item.bind(7, on_topic);
    item.exec();
  }
  transaction.commit();
  db.exec("PRAGMA optimize");
}

class Client {
 public:
  explicit Client(const std::string& address) : socket_(io_) {
    const std::string rest = address.substr(address.find("://") + 3);
    const auto colon = rest.rfind(':');
    socket_.connect({asio::ip::make_address(rest.substr(0, colon)),
                     static_cast<unsigned short>(std::stoi(rest.substr(colon + 1)))});
  }
  http::response<http::string_body> get(const std::string& target) {
    http::request<http::empty_body> request{http::verb::get, target, 11};
    request.set(http::field::host, "bench");
    http::write(socket_, request);
    http::response_parser<http::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    http::read(socket_, buffer_, parser);
    return parser.release();
  }

 private:
  asio::io_context io_;
  asio::ip::tcp::socket socket_;
  boost::beast::flat_buffer buffer_;
};

// CPU time of the whole process (client and server threads): on a shared,
// loaded machine the wall time mostly measures the wait for a core.
double process_cpu_ms() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

void time_route(Client& client, const std::string& label, const std::string& target, int runs) {
  std::vector<double> ms;
  std::vector<double> cpu;
  std::size_t bytes = 0;
  for (int run = 0; run < runs; ++run) {
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = process_cpu_ms();
    const auto response = client.get(target);
    cpu.push_back(process_cpu_ms() - cpu_start);
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    if (response.result_int() != 200) {
      std::fprintf(stderr, "%s: HTTP %u: %s\n", target.c_str(), response.result_int(), response.body().c_str());
      std::exit(1);
    }
    bytes = response.body().size();
  }
  std::sort(ms.begin(), ms.end());
  std::sort(cpu.begin(), cpu.end());
  const auto at = [](const std::vector<double>& v, double q) {
    return v[std::min(v.size() - 1, static_cast<std::size_t>(q * v.size()))];
  };
  std::printf("%-34s p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms  cpu p50 %6.2f p99 %6.2f ms  (%zu bytes)\n",
              label.c_str(), at(ms, 0.5), at(ms, 0.99), ms.back(), at(cpu, 0.5), at(cpu, 0.99), bytes);
}

// The cursor of the page up to `pages` pages deep behind `target` (fewer on a
// small store: the last page that has a next_cursor), by following next_cursor.
struct Deep {
  std::string cursor;
  int pages = 0;
};

Deep deep_cursor(Client& client, const std::string& target, int pages) {
  Deep deep;
  const char* joiner = target.find('?') == std::string::npos ? "?" : "&";
  while (deep.pages < pages) {
    const auto page =
        boost::json::parse(client.get(target + (deep.cursor.empty() ? "" : joiner + ("cursor=" + deep.cursor))).body());
    const auto& next = page.at("next_cursor");
    if (next.is_null()) break;
    deep.cursor = std::string(next.as_string());
    ++deep.pages;
  }
  return deep;
}

// Times `target` behind a cursor up to `pages` deep; skipped when it has one page only.
void time_deep_route(Client& client, const std::string& label, const std::string& target, int pages, int runs) {
  const Deep deep = deep_cursor(client, target, pages);
  if (deep.pages == 0) {
    std::printf("%-34s (one page only: skipped)\n", label.c_str());
    return;
  }
  const char* joiner = target.find('?') == std::string::npos ? "?" : "&";
  time_route(client, label + " p" + std::to_string(deep.pages), target + joiner + "cursor=" + deep.cursor, runs);
}

// The cases to run: all, or those whose label contains `only`.
struct Cases {
  Client& client;
  int runs;
  std::string only;

  void route(const std::string& label, const std::string& target) const {
    if (label.find(only) != std::string::npos) time_route(client, label, target, runs);
  }
  void deep(const std::string& label, const std::string& target, int pages) const {
    if (label.find(only) != std::string::npos) time_deep_route(client, label, target, pages, runs);
  }
};

}  // namespace

int main(int argc, char** argv) {
  const int items = argc > 1 ? std::atoi(argv[1]) : 1'000'000;
  const int runs = argc > 2 ? std::atoi(argv[2]) : 200;
  const bool reuse = argc > 3 && std::filesystem::exists(argv[3]);
  const auto dir = std::filesystem::temp_directory_path() / ("feedsieve-bench-api-" + std::to_string(::getpid()));
  const std::filesystem::path path = argc > 3 ? std::filesystem::path(argv[3]) : dir / "store.db";
  if (!reuse) {
    std::filesystem::create_directories(path.parent_path());
    const auto start = std::chrono::steady_clock::now();
    fill(path, items);
    std::printf("filled %d items in %.1f s\n", items,
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  { Store migrate(path); }  // a reused store from an older feedsieve is brought up to date first
  Metrics metrics;
  ApiSettings settings;
  settings.enabled = true;
  settings.listen.port = 0;
  ApiServer server(settings, path, metrics);
  server.start();
  Client client(server.address());
  std::printf("store %s, %d runs each, keep-alive, default page of %d\n", path.c_str(), runs, settings.default_limit);
  const Cases cases{client, runs, argc > 4 ? argv[4] : ""};
  cases.route("/api/stories", "/api/stories");
  cases.deep("/api/stories?cursor=", "/api/stories", 200);
  // Searches: "v0" is in nearly every item, "v40" in ~8%, "qwen" in 1%, "deepseek" in 0.1%.
  for (const std::string order : {"", "&order=newest"}) {
    // Several words: three common ones; a common and a rare one; a quoted
    // phrase, which the query language reads as its words (no phrase or
    // prefix syntax: fts_query.hpp), typed as users type it.
    for (const std::string q :
         {"qwen", "deepseek", "v40", "v0", "qwen%20v40", "v10%20v20%20v30", "v40%20deepseek", "%22v10%20v20%22"}) {
      const std::string target = "/api/stories?q=" + q + order;
      cases.route(target, target);
    }
    // Any verdict; and off topic only, a 20% minority, as on-topic stories are
    // in stores that follow broad feeds: the walk passes four matches for each it keeps.
    for (const std::string verdict : {"any", "false"}) {
      const std::string target = "/api/stories?q=v10%20v20%20v30&on_topic=" + verdict + order;
      cases.route(target, target);
    }
    cases.deep("/api/stories?q=qwen" + order + "&cursor=", "/api/stories?q=qwen" + order, 1);
    cases.deep("/api/stories?q=v40" + order + "&cursor=", "/api/stories?q=v40" + order, 20);
  }
  cases.route("/feed.atom", "/feed.atom");
  server.stop();
  if (!reuse && argc <= 3) std::filesystem::remove_all(dir);
  return 0;
}
