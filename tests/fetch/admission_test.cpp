#include "daemon/fetch/admission.hpp"

#include <catch2/catch.hpp>

#include <vector>

using feedsieve::fetch_detail::Admission;

namespace {

std::vector<Admission::Ticket> drain(Admission& admission) {
  std::vector<Admission::Ticket> started;
  while (const auto ticket = admission.next()) started.push_back(*ticket);
  return started;
}

}  // namespace

TEST_CASE("admission starts nothing more than the global cap", "[fetch][admission]") {
  Admission admission(3, 10);
  for (Admission::Ticket t = 1; t <= 5; ++t) admission.enqueue(t, "a.example");
  CHECK(drain(admission) == std::vector<Admission::Ticket>{1, 2, 3});
  CHECK(admission.running() == 3);
  CHECK(admission.queued() == 2);
  admission.finished("a.example");
  CHECK(drain(admission) == std::vector<Admission::Ticket>{4});
}

TEST_CASE("admission keeps each host under its own cap, first come first served", "[fetch][admission]") {
  Admission admission(10, 2);
  admission.enqueue(1, "slow.example");
  admission.enqueue(2, "slow.example");
  admission.enqueue(3, "slow.example");
  admission.enqueue(4, "fast.example");
  admission.enqueue(5, "slow.example");
  admission.enqueue(6, "fast.example");
  // Tickets 3 and 5 wait for slow.example; fast.example is not held up behind them.
  CHECK(drain(admission) == std::vector<Admission::Ticket>{1, 2, 4, 6});
  admission.finished("slow.example");
  CHECK(drain(admission) == std::vector<Admission::Ticket>{3});
  admission.finished("fast.example");
  CHECK(drain(admission).empty());
  admission.finished("slow.example");
  CHECK(drain(admission) == std::vector<Admission::Ticket>{5});
}

TEST_CASE("admission gives a freed global slot to the oldest startable request", "[fetch][admission]") {
  Admission admission(2, 1);
  admission.enqueue(1, "a");
  admission.enqueue(2, "a");
  admission.enqueue(3, "b");
  admission.enqueue(4, "c");
  CHECK(drain(admission) == std::vector<Admission::Ticket>{1, 3});
  admission.finished("a");  // a's next (2) is older than c's (4)
  CHECK(drain(admission) == std::vector<Admission::Ticket>{2});
  admission.finished("b");
  CHECK(drain(admission) == std::vector<Admission::Ticket>{4});
}

TEST_CASE("admission treats a zero cap as one and forgets everything on clear", "[fetch][admission]") {
  Admission admission(0, 0);
  admission.enqueue(1, "a");
  admission.enqueue(2, "b");
  CHECK(drain(admission) == std::vector<Admission::Ticket>{1});
  admission.clear();
  CHECK(admission.running() == 0);
  CHECK(admission.queued() == 0);
  CHECK_FALSE(admission.next().has_value());
  admission.enqueue(3, "a");
  CHECK(drain(admission) == std::vector<Admission::Ticket>{3});
}
