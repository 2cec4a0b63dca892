// bench/robots: parse_robots over a file at the 500 KiB cap, and RobotsRules::allows
// over a typical news site's rules. CPU time, one thread.
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "feeds/robots/robots.hpp"

namespace {

double cpu_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

std::string big_file() {
  std::string body = "User-agent: *\n";
  for (int i = 0; body.size() < feedsieve::robots_parse_limit; ++i)
    body += (i % 3 == 0 ? "Allow: /section-" : "Disallow: /*/private-") + std::to_string(i) + "/*.php$\n";
  return body;
}

std::string news_site() {
  std::string body = "User-agent: Googlebot\nDisallow: /search\n\nUser-agent: *\nCrawl-delay: 2\n";
  for (const char* rule : {"/search", "/*?share=", "/*?amp", "/tag/*/feed$", "/wp-admin/", "/account/", "/cart",
                           "/*.pdf$", "/preview/", "/print/", "/api/", "/newsletter/", "/*/comments/"})
    body += std::string("Disallow: ") + rule + "\n";
  return body + "Allow: /wp-admin/admin-ajax.php\n";
}

}  // namespace

int main() {
  const std::string big = big_file();
  const double t0 = cpu_seconds();
  constexpr int parses = 20;
  std::size_t rules = 0;
  for (int i = 0; i < parses; ++i) rules += feedsieve::parse_robots(big, "feedsieve").rules.size();
  const double parse_s = (cpu_seconds() - t0) / parses;
  std::printf("parse %zu-byte file (%zu rules): %.2f ms, %.0f MB/s\n", big.size(), rules / parses, parse_s * 1e3,
              big.size() / parse_s / 1e6);

  const auto site = feedsieve::parse_robots(news_site(), "feedsieve");
  std::vector<std::string> paths;
  for (int i = 0; i < 1000; ++i)
    paths.push_back("/2024/05/" + std::to_string(i) + "/open-model-release-" + std::to_string(i * 7) +
                    (i % 10 == 0 ? "?share=x" : ""));
  const double t1 = cpu_seconds();
  constexpr int rounds = 200;
  std::size_t allowed = 0;
  for (int r = 0; r < rounds; ++r)
    for (const auto& path : paths) allowed += site.allows(path) ? 1 : 0;
  const double match_s = cpu_seconds() - t1;
  std::printf("allows(): %zu checks against %zu rules: %.0f checks/s (%zu allowed)\n", paths.size() * rounds,
              site.rules.size(), paths.size() * rounds / match_s, allowed);
}
