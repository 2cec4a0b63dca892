// Parse + extract throughput over the extraction-dev pages (real news pages):
//   bench_extract DIR_OF_HTML_FILES [ROUNDS]
// Prints pages/s by the wall clock and per CPU-second of this process (the
// per-core figure, which holds on a busy machine), and the peak resident set size.
#include <sys/resource.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "feeds/extract/article.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: bench_extract DIR_OF_HTML_FILES [ROUNDS]  (gunzip tests/corpora/extraction-dev/pages first)\n";
    return 2;
  }
  const int rounds = argc > 2 ? std::stoi(argv[2]) : 5;
  std::vector<std::string> pages;
  for (const auto& entry : std::filesystem::directory_iterator(argv[1])) {
    if (entry.path().extension() != ".html") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    pages.push_back(bytes.str());
  }
  std::size_t total_text = 0, total_bytes = 0;
  const std::clock_t cpu_start = std::clock();
  const auto start = std::chrono::steady_clock::now();
  for (int round = 0; round < rounds; ++round)
    for (const auto& page : pages) {
      total_text += feedsieve::extract_article(page, "", "https://example.com/").text.size();
      total_bytes += page.size();
    }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double cpu_seconds = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const double count = static_cast<double>(pages.size()) * rounds;
  std::cout << pages.size() << " pages x " << rounds << " rounds: " << count / seconds << " pages/s, "
            << count / cpu_seconds << " pages per CPU-second, "
            << total_bytes / seconds / 1e6 << " MB/s, peak RSS " << usage.ru_maxrss / 1024 << " MiB (" << total_text
            << " text bytes)\n";
  return 0;
}
