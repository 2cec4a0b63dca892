#include <catch2/catch.hpp>

#include "daemon/config/units.hpp"

using feedsieve::parse_duration;
using feedsieve::parse_size;
using std::chrono::seconds;

TEST_CASE("durations read the units people write", "[config][units]") {
  CHECK(parse_duration("90") == seconds(90));
  CHECK(parse_duration("90s") == seconds(90));
  CHECK(parse_duration("5m") == seconds(300));
  CHECK(parse_duration("2h") == seconds(7200));
  CHECK(parse_duration("7d") == seconds(7 * 86400));
  CHECK(parse_duration("1w") == seconds(604800));
  CHECK(parse_duration("1h30m") == seconds(5400));
  CHECK(parse_duration(" 24H ") == seconds(86400));
}

TEST_CASE("durations refuse what they cannot read", "[config][units]") {
  CHECK_FALSE(parse_duration(""));
  CHECK_FALSE(parse_duration("m"));
  CHECK_FALSE(parse_duration("5 minutes"));
  CHECK_FALSE(parse_duration("-5m"));
  CHECK_FALSE(parse_duration("3y"));
  CHECK_FALSE(parse_duration("99999999999999999999s"));
  CHECK_FALSE(parse_duration("18446744073709551615w"));
}

TEST_CASE("sizes read binary and decimal units", "[config][units]") {
  CHECK(parse_size("1048576") == 1048576U);
  CHECK(parse_size("512KiB") == 512U * 1024);
  CHECK(parse_size("16MiB") == 16U * 1024 * 1024);
  CHECK(parse_size("1 GiB") == 1024ULL * 1024 * 1024);
  CHECK(parse_size("2MB") == 2'000'000U);
  CHECK_FALSE(parse_size("16 megs"));
  CHECK_FALSE(parse_size("MiB"));
  CHECK_FALSE(parse_size("99999999999GiB"));
}
