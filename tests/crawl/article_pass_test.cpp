// daemon/run ArticlePass at shutdown: once cancel_all has run, a pass that
// starts later (a poll that was still being parsed) fetches no page, so
// nothing outlives the shutdown grace, and it still hands its items on.
#include <catch2/catch.hpp>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <memory>
#include <optional>

#include "daemon/run/article_pass.hpp"
#include "tests/support/support.hpp"

using namespace feedsieve;
using namespace feedsieve::test;

TEST_CASE("after cancel_all, an article pass fetches no page and still finishes", "[crawl][articles]") {
  HttpServer server({{"/story", {{"body", "<html><body><p>The story.</p></body></html>"},
                                 {"headers", boost::json::object{{"Content-Type", "text/html"}}}}}});
  boost::asio::io_context io;
  boost::asio::thread_pool workers(1);
  PageFetchSettings settings;
  settings.limits.allow_networks = {*parse_ip_network("127.0.0.0/8")};
  ArticlePass pass(io, workers, settings);

  auto config = std::make_shared<Config>();
  config->articles.fetch = ArticleFetch::all;
  FeedConfig feed;
  feed.name = "wire";
  NormalizedItem fresh;
  fresh.item.link = server.url("/story");
  NormalizedItem known;
  known.item.link = server.url("/known");
  FetchedArticle stored;
  stored.text = "Stored text.";

  pass.cancel_all();
  std::optional<std::vector<NormalizedItem>> handed_on;
  auto waiting = boost::asio::make_work_guard(io);  // the pass ends on a worker thread
  pass.run(config, feed, {fresh, known}, {ItemSighting{}, ItemSighting{true, stored}},
           [&](std::vector<NormalizedItem> items) {
             boost::asio::post(io, [&, items = std::move(items)]() mutable {
               handed_on = std::move(items);
               waiting.reset();
             });
           });
  io.run();
  workers.join();
  REQUIRE(handed_on);
  REQUIRE(handed_on->size() == 2);
  CHECK_FALSE((*handed_on)[0].article);  // never tried: a later poll sees it as known
  REQUIRE((*handed_on)[1].article);
  CHECK((*handed_on)[1].article->text == "Stored text.");
  CHECK(server.requests().empty());
}
