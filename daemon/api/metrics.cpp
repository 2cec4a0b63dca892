#include "daemon/api/metrics.hpp"

#include <algorithm>
#include <charconv>

namespace feedsieve {
namespace {

constexpr auto relaxed = std::memory_order_relaxed;

// The shortest text that reads back as `value`: 0.005, 2.5, 60.
std::string number(double value) {
  std::array<char, 32> text{};
  const auto end = std::to_chars(text.data(), text.data() + text.size(), value).ptr;
  return std::string(text.data(), end);
}

void header(std::string& out, const std::string& name, const char* type, const char* help) {
  out += "# HELP " + name + " " + help + "\n# TYPE " + name + " " + type + "\n";
}

void sample(std::string& out, const std::string& name, std::uint64_t value, const std::string& labels = "") {
  out += name + labels + " " + std::to_string(value) + "\n";
}

void counter(std::string& out, const std::string& name, const char* help, const std::atomic<std::uint64_t>& value) {
  header(out, name, "counter", help);
  sample(out, name, value.load(relaxed));
}

}  // namespace

void DurationHistogram::observe(std::chrono::duration<double> elapsed) {
  const double seconds = std::max(0.0, elapsed.count());
  const auto bucket = static_cast<std::size_t>(std::lower_bound(bounds.begin(), bounds.end(), seconds) - bounds.begin());
  buckets_[bucket].fetch_add(1, relaxed);
  count_.fetch_add(1, relaxed);
  sum_micros_.fetch_add(static_cast<std::uint64_t>(seconds * 1e6), relaxed);
}

void DurationHistogram::render(std::string& out, const std::string& name) const {
  std::uint64_t cumulative = 0;
  for (std::size_t i = 0; i < buckets_.size(); ++i) {
    cumulative += buckets_[i].load(relaxed);
    const std::string le = i < bounds.size() ? number(bounds[i]) : "+Inf";
    sample(out, name + "_bucket", cumulative, "{le=\"" + le + "\"}");
  }
  out += name + "_sum " + number(static_cast<double>(sum_micros_.load(relaxed)) / 1e6) + "\n";
  sample(out, name + "_count", count_.load(relaxed));
}

void StatusCounts::count(long status) {
  const auto index = status >= 0 && status < static_cast<long>(counts_.size()) ? static_cast<std::size_t>(status) : 0;
  counts_[index].fetch_add(1, relaxed);
}

void StatusCounts::render(std::string& out, const std::string& name) const {
  for (std::size_t code = 0; code < counts_.size(); ++code)
    if (const auto n = counts_[code].load(relaxed); n > 0)
      sample(out, name, n, "{code=\"" + std::to_string(code) + "\"}");
}

void Metrics::fetched(long http_status, std::size_t body_bytes, std::chrono::milliseconds elapsed) {
  fetch_statuses_.count(http_status);
  bytes_fetched_.fetch_add(body_bytes, relaxed);
  fetch_seconds_.observe(elapsed);
}

void Metrics::parsed(std::chrono::duration<double> elapsed) { parse_seconds_.observe(elapsed); }

void Metrics::stored(PollStatus status, const PollStored& stored) {
  switch (status) {
    case PollStatus::ok: polls_ok_.fetch_add(1, relaxed); break;
    case PollStatus::not_modified: polls_not_modified_.fetch_add(1, relaxed); break;
    case PollStatus::failed: polls_failed_.fetch_add(1, relaxed); break;
  }
  items_created_.fetch_add(static_cast<std::uint64_t>(stored.new_items), relaxed);
  items_updated_.fetch_add(static_cast<std::uint64_t>(stored.updated_items), relaxed);
  stories_created_.fetch_add(static_cast<std::uint64_t>(stored.new_stories), relaxed);
  dedup_merges_.fetch_add(static_cast<std::uint64_t>(std::max(0, stored.new_items - stored.new_stories)), relaxed);
}

void Metrics::set_polls_in_flight(int polls) { polls_in_flight_.store(polls, relaxed); }

void Metrics::answered(int http_status) { api_statuses_.count(http_status); }

std::string Metrics::render(std::uint64_t store_bytes) const {
  std::string out;
  header(out, "feedsieve_polls_total", "counter", "Polls stored, by result.");
  sample(out, "feedsieve_polls_total", polls_ok_.load(relaxed), "{result=\"ok\"}");
  sample(out, "feedsieve_polls_total", polls_not_modified_.load(relaxed), "{result=\"not_modified\"}");
  sample(out, "feedsieve_polls_total", polls_failed_.load(relaxed), "{result=\"failed\"}");
  header(out, "feedsieve_fetch_responses_total", "counter", "Fetches by final HTTP status (0: no response).");
  fetch_statuses_.render(out, "feedsieve_fetch_responses_total");
  counter(out, "feedsieve_fetched_bytes_total", "Response body bytes fetched, after decompression.", bytes_fetched_);
  header(out, "feedsieve_fetch_duration_seconds", "histogram", "Time of one fetch, redirects included.");
  fetch_seconds_.render(out, "feedsieve_fetch_duration_seconds");
  header(out, "feedsieve_parse_duration_seconds", "histogram", "Time to parse and normalize one fetched feed.");
  parse_seconds_.render(out, "feedsieve_parse_duration_seconds");
  counter(out, "feedsieve_items_created_total", "New items stored.", items_created_);
  counter(out, "feedsieve_items_updated_total", "Stored items updated in place.", items_updated_);
  counter(out, "feedsieve_stories_created_total", "New stories founded.", stories_created_);
  counter(out, "feedsieve_dedup_merges_total", "New items that joined an existing story.", dedup_merges_);
  header(out, "feedsieve_polls_in_flight", "gauge", "Polls fetching, parsing or storing (the queue depth).");
  out += "feedsieve_polls_in_flight " + std::to_string(polls_in_flight_.load(relaxed)) + "\n";
  header(out, "feedsieve_store_size_bytes", "gauge", "The store's database and write-ahead log on disk.");
  sample(out, "feedsieve_store_size_bytes", store_bytes);
  header(out, "feedsieve_api_responses_total", "counter", "HTTP API responses, by status.");
  api_statuses_.render(out, "feedsieve_api_responses_total");
  return out;
}

}  // namespace feedsieve
