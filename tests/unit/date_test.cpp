// feeds/date: parse_date over the date spellings real feeds use, and the
// RFC 3339 round trip the store relies on.
#include <catch2/catch.hpp>

#include <string>

#include "feeds/date/date.hpp"

namespace {

using feedsieve::format_rfc3339;
using feedsieve::parse_date;
using feedsieve::parse_rfc3339;

struct Case {
  const char* input;
  const char* expected;  // RFC 3339 UTC
};

std::string parsed(const char* input) {
  const auto t = parse_date(input);
  return t ? format_rfc3339(*t) : "null";
}

}  // namespace

TEST_CASE("parse_date reads RFC 822 and its real-world variants", "[date]") {
  const Case c = GENERATE(values<Case>({
      {"Wed, 01 May 2024 12:00:00 GMT", "2024-05-01T12:00:00Z"},
      {"Wed, 01 May 2024 12:00:00 +0000", "2024-05-01T12:00:00Z"},
      {"Wed, 01 May 2024 12:00:00 -0000", "2024-05-01T12:00:00Z"},
      {"Wed, 01 May 2024 12:00:00 UT", "2024-05-01T12:00:00Z"},
      {"Wed, 01 May 2024 12:00:00 UTC", "2024-05-01T12:00:00Z"},
      {"Wed, 01 May 2024 12:00:00 Z", "2024-05-01T12:00:00Z"},
      {"Wed, 01 May 2024 08:00:00 EDT", "2024-05-01T12:00:00Z"},
      {"Wed, 01 May 2024 07:00:00 EST", "2024-05-01T12:00:00Z"},
      {"Wed, 01 May 2024 07:00:00 CDT", "2024-05-01T12:00:00Z"},
      {"Wed, 01 May 2024 06:00:00 CST", "2024-05-01T12:00:00Z"},
      {"Wed, 01 May 2024 06:00:00 MDT", "2024-05-01T12:00:00Z"},
      {"Wed, 01 May 2024 05:00:00 MST", "2024-05-01T12:00:00Z"},
      {"Wed, 01 May 2024 05:00:00 PDT", "2024-05-01T12:00:00Z"},
      {"Wed, 01 May 2024 04:00:00 PST", "2024-05-01T12:00:00Z"},
      {"Wed, 01 May 2024 14:00:00 CEST", "2024-05-01T12:00:00Z"},
      {"Wed, 01 May 2024 17:30:00 IST", "2024-05-01T12:00:00Z"},
      {"Wed, 01 May 2024 21:00:00 JST", "2024-05-01T12:00:00Z"},
      {"Wed, 01 May 2024 14:00:00 +0200", "2024-05-01T12:00:00Z"},
      {"Wed, 01 May 2024 14:00:00 +02:00", "2024-05-01T12:00:00Z"},
      {"Wed, 01 May 2024 14:00:00 +02", "2024-05-01T12:00:00Z"},
      {"Wed, 01 May 2024 17:30:00 +0530", "2024-05-01T12:00:00Z"},
      {"Wed, 01 May 2024 06:30:00 -0530", "2024-05-01T12:00:00Z"},
      {"Wed, 01 May 2024 05:00:00 -0700 (PDT)", "2024-05-01T12:00:00Z"},
      {"Wed, 01 May 2024 14:00:00 GMT+0200", "2024-05-01T12:00:00Z"},
      {"Wed, 01 May 2024 14:00:00 GMT+2", "2024-05-01T12:00:00Z"},
      {"Wed, 01 May 2024 14:00:00 +0200 CEST", "2024-05-01T12:00:00Z"},
      // Single-letter zones, with RFC 822's signs (A = -1, N = +1), as feedparser reads them
      {"Wed, 01 May 2024 11:00:00 A", "2024-05-01T12:00:00Z"},
      {"Wed, 01 May 2024 13:00:00 N", "2024-05-01T12:00:00Z"},
      {"Wed, 01 May 2024 00:00:00 M", "2024-05-01T12:00:00Z"},
      {"Wed, 01 May 2024 00:00:00 Y", "2024-04-30T12:00:00Z"},
      {"Wed, 01 May 2024 12:00:00 K", "2024-05-01T22:00:00Z"},
      // Missing pieces
      {"01 May 2024 12:00:00 GMT", "2024-05-01T12:00:00Z"},
      {"Wed, 01 May 2024 12:00 GMT", "2024-05-01T12:00:00Z"},
      {"Wed, 01 May 2024 12:00:00", "2024-05-01T12:00:00Z"},
      {"Wed, 01 May 2024", "2024-05-01T00:00:00Z"},
      {"1 May 2024", "2024-05-01T00:00:00Z"},
      {"Wed, 1 May 2024 12:00:00 GMT", "2024-05-01T12:00:00Z"},
      {"Wed, 01 May 24 12:00:00 GMT", "2024-05-01T12:00:00Z"},
      {"Sat, 01 May 99 12:00:00 GMT", "1999-05-01T12:00:00Z"},
      {"Wed, 01 May 124 12:00:00 GMT", "2024-05-01T12:00:00Z"},  // JavaScript getYear()
      // Spelling and spacing
      {"wed, 01 may 2024 12:00:00 gmt", "2024-05-01T12:00:00Z"},
      {"WED, 01 MAY 2024 12:00:00 GMT", "2024-05-01T12:00:00Z"},
      {"Wednesday, 01 May 2024 12:00:00 GMT", "2024-05-01T12:00:00Z"},
      {"Wednesday, 01 September 2024 12:00:00 GMT", "2024-09-01T12:00:00Z"},
      {"Sun, 01 Sept 2024 12:00:00 GMT", "2024-09-01T12:00:00Z"},
      {"Wed,  01  May   2024   12:00:00   GMT", "2024-05-01T12:00:00Z"},
      {"Wed,01 May 2024 12:00:00 GMT", "2024-05-01T12:00:00Z"},
      {"Wed, 01 May, 2024, 12:00:00 GMT", "2024-05-01T12:00:00Z"},
      {"  Wed, 01 May 2024 12:00:00 GMT \n", "2024-05-01T12:00:00Z"},
      {"Wed, 01-May-2024 12:00:00 GMT", "2024-05-01T12:00:00Z"},
      {"01-May-24 12:00:00", "2024-05-01T12:00:00Z"},
      {"Wed, 01 May 2024 12:00:00.123 GMT", "2024-05-01T12:00:00Z"},
      // Weekday garbage: wrong, misspelt or unknown weekdays are ignored
      {"Thurs, 01 May 2024 12:00:00 GMT", "2024-05-01T12:00:00Z"},
      {"Mon, 01 May 2024 12:00:00 GMT", "2024-05-01T12:00:00Z"},
      {"Wendsday, 01 May 2024 12:00:00 GMT", "2024-05-01T12:00:00Z"},
      // Other orders
      {"May 1, 2024 12:00:00 PM", "2024-05-01T12:00:00Z"},
      {"May 1, 2024, 12:00 am", "2024-05-01T00:00:00Z"},
      {"May 1st, 2024 3:04 p.m.", "2024-05-01T15:04:00Z"},
      {"Wednesday, May 1, 2024 - 3:04 pm", "2024-05-01T15:04:00Z"},
      {"Wed, 01 May 2024 -0700", "2024-05-01T07:00:00Z"},
      {"Wed May  1 12:00:00 2024", "2024-05-01T12:00:00Z"},      // asctime
      {"Wed May 01 12:00:00 UTC 2024", "2024-05-01T12:00:00Z"},  // date(1)
      {"2024 May 1 12:00", "2024-05-01T12:00:00Z"},
      {"05/01/2024 12:00", "2024-05-01T12:00:00Z"},  // US numeric
      {"13/05/2024", "2024-05-13T00:00:00Z"},        // day first when it cannot be a month
      {"01.05.2024 12:00", "2024-05-01T12:00:00Z"},  // European numeric
      // Localized
      {"Mi, 01 Mai 2024 12:00:00 +0000", "2024-05-01T12:00:00Z"},
      {"Mittwoch, 1. Mai 2024 14:00 MESZ", "2024-05-01T12:00:00Z"},
      {"1. März 2024 um 12:00 Uhr", "2024-03-01T12:00:00Z"},
      {"1. MÄRZ 2024", "2024-03-01T00:00:00Z"},
      {"Do, 12 Dez 2024 12:00:00 +0100", "2024-12-12T11:00:00Z"},
      {"mer., 01 mai 2024 12:00:00 +0000", "2024-05-01T12:00:00Z"},
      {"1er mai 2024", "2024-05-01T00:00:00Z"},
      {"15 février 2024 12:00", "2024-02-15T12:00:00Z"},
      {"15 août 2024", "2024-08-15T00:00:00Z"},
      {"mar., 01 may. 2024 12:00:00 +0000", "2024-05-01T12:00:00Z"},
      {"1 de mayo de 2024", "2024-05-01T00:00:00Z"},
      {"miércoles, 1 de mayo de 2024 12:00", "2024-05-01T12:00:00Z"},
      {"12 dic 2024", "2024-12-12T00:00:00Z"},
      {"1 maggio 2024", "2024-05-01T00:00:00Z"},
      {"1 mei 2024", "2024-05-01T00:00:00Z"},
      {"1 de março de 2024", "2024-03-01T00:00:00Z"},
      // Non-breaking spaces from HTML
      {"Wed,\xC2\xA0" "01\xC2\xA0May 2024 12:00:00 GMT", "2024-05-01T12:00:00Z"},
  }));
  CAPTURE(c.input);
  CHECK(parsed(c.input) == c.expected);
}

TEST_CASE("The usual RFC 822 spelling reads as its spaced-out twin, which takes the general reader", "[date]") {
  // "Www, DD Mon YYYY hh:mm:ss ZONE" has a shortcut; one more space anywhere
  // sends the same date through the tokenizer, and both must agree.
  const std::string head = GENERATE(as<std::string>{}, "Wed, 01 May 2024", "wed, 1 may 2024", "Mar, 05 Mar 2024",
                                    "Sun, 31 Apr 2024", "Thu, 45 Jan 2024", "Fri, 29 Feb 2023", "Sat, 01 Jan 0000",
                                    "Foo, 01 May 2024", "Tue, 01 Mayo 2024", "Tue, 01 Foo 2024");
  const std::string time = GENERATE(as<std::string>{}, "12:00:00", "23:59:60", "24:00:00", "07:61:00");
  const std::string zone = GENERATE(as<std::string>{}, "GMT", "UT", "UTC", "Z", "z", "EST", "pdt", "CEST", "A",
                                    "+0000", "-0730", "+1400", "+0960", "-2400", "am", "pm", "XYZ", "GMT+2");
  const std::string canonical = head + " " + time + " " + zone;
  std::string spaced = head + "  " + time + "  " + zone;
  spaced.insert(spaced.find(',') + 1, " ");
  CAPTURE(canonical, spaced);
  CHECK(parsed(canonical.c_str()) == parsed(spaced.c_str()));
}

TEST_CASE("parse_date reads generic US zones and Greek names", "[date]") {
  const Case c = GENERATE(values<Case>({
      {"Mon, 26 January 2004 16:31:00 CT", "2004-01-26T22:31:00Z"},
      {"Mon, 26 Jan 2004 11:31:00 PT", "2004-01-26T19:31:00Z"},
      {"Mon, 26 Jan 2004 at 16:31", "2004-01-26T16:31:00Z"},  // "at" is a word, not Atlantic time
      {"Tue, 3 Feb 2009 09:15:00 AT", "2009-02-03T13:15:00Z"},  // after the time it is Atlantic time
      {"Tue, 3 Feb 2009 at 09:15 AT", "2009-02-03T13:15:00Z"},  // both in one date
      {"Κυρ, 11 Ιούλ 2004 12:00:00 EST", "2004-07-11T17:00:00Z"},
      {"Τρι, 03 Αυγ 2004 12:00:00 GMT", "2004-08-03T12:00:00Z"},
  }));
  CAPTURE(c.input);
  CHECK(parsed(c.input) == c.expected);
}

TEST_CASE("parse_date reads Korean unit and meridiem spellings as Korean time", "[date]") {
  const Case c = GENERATE(values<Case>({
      {"2011\xEB\x85\x84 10\xEC\x9B\x94 02\xEC\x9D\xBC 08:05:09", "2011-10-01T23:05:09Z"},  // 년 월 일
      {"2011\xEB\x85\x84 3\xEC\x9B\x94 9\xEC\x9D\xBC", "2011-03-08T15:00:00Z"},              // no time
      {"2011-10-02 \xEC\x98\xA4\xED\x9B\x84 08:05:09", "2011-10-02T11:05:09Z"},                // 오후: p.m.
      {"2011-10-02 \xEC\x98\xA4\xEC\xA0\x84 08:05:09", "2011-10-01T23:05:09Z"},                // 오전: a.m.
      {"2011\xEB\x85\x84 10\xEC\x9B\x94 02\xEC\x9D\xBC 08:05:09 +0000", "2011-10-02T08:05:09Z"},  // its own zone
      {"2011\xEB\x85\x84 13\xEC\x9B\x94 02\xEC\x9D\xBC", "null"},
  }));
  CAPTURE(c.input);
  CHECK(parsed(c.input) == c.expected);
}

TEST_CASE("parse_date reads W3C-DTF, ISO 8601 and RFC 3339", "[date]") {
  const Case c = GENERATE(values<Case>({
      {"2024-05-01T12:00:00Z", "2024-05-01T12:00:00Z"},
      {"2024-05-01T12:00:00z", "2024-05-01T12:00:00Z"},
      {"2024-05-01t12:00:00Z", "2024-05-01T12:00:00Z"},
      {"2024-05-01T12:00:00+00:00", "2024-05-01T12:00:00Z"},
      {"2024-05-01T14:00:00+02:00", "2024-05-01T12:00:00Z"},
      {"2024-05-01T08:00:00-04:00", "2024-05-01T12:00:00Z"},
      {"2024-05-01T14:00:00+0200", "2024-05-01T12:00:00Z"},
      {"2024-05-01T14:00:00+02", "2024-05-01T12:00:00Z"},
      {"2024-05-01T12:00:00.5Z", "2024-05-01T12:00:00Z"},
      {"2024-05-01T12:00:00.123456789+00:00", "2024-05-01T12:00:00Z"},
      {"2024-05-01T12:00:00,5Z", "2024-05-01T12:00:00Z"},
      {"2024-05-01T12:00Z", "2024-05-01T12:00:00Z"},
      {"2024-05-01T12:00:00", "2024-05-01T12:00:00Z"},  // no zone: UTC
      {"2024-05-01 12:00:00", "2024-05-01T12:00:00Z"},
      {"2024-05-01  12:00:00 +02:00", "2024-05-01T10:00:00Z"},
      {"2024-05-01 12:00:00 GMT", "2024-05-01T12:00:00Z"},
      {"2024-05-01 14:00:00 +0200 CEST", "2024-05-01T12:00:00Z"},
      {"2024-05-01 12:00:00 +0000 UTC", "2024-05-01T12:00:00Z"},  // Go's time.String()
      {"2024-05-01T14:00:00+02:00[Europe/Paris]", "2024-05-01T12:00:00Z"},
      {"2024-05-01", "2024-05-01T00:00:00Z"},
      {"2024-05", "2024-05-01T00:00:00Z"},
      {"2024", "2024-01-01T00:00:00Z"},
      {"2024-5-1", "2024-05-01T00:00:00Z"},
      {"2024/05/01 12:00", "2024-05-01T12:00:00Z"},
      {"20240501", "2024-05-01T00:00:00Z"},
      {"20240501T120000Z", "2024-05-01T12:00:00Z"},
      {"20240501T1200Z", "2024-05-01T12:00:00Z"},
      {"20240501T140000+0200", "2024-05-01T12:00:00Z"},
      {"2024-02-29T00:00:00Z", "2024-02-29T00:00:00Z"},
      {"2024-12-31T23:59:60Z", "2024-12-31T23:59:59Z"},  // leap second
      {"2024-12-31T24:00:00Z", "2025-01-01T00:00:00Z"},  // the end of the day
      {"2024-05-01T24:00+02:00", "2024-05-01T22:00:00Z"},
      {"2024-05-01T12Z", "2024-05-01T12:00:00Z"},  // the hour alone
      {"2024-05-01T14+02:00", "2024-05-01T12:00:00Z"},
      {"2024-01-01T00:30:00+01:00", "2023-12-31T23:30:00Z"},
      {" 2024-05-01T12:00:00Z ", "2024-05-01T12:00:00Z"},
      {"2003-335", "2003-12-01T00:00:00Z"},  // ordinal day
      {"2003335", "2003-12-01T00:00:00Z"},
      {"2024-366T12:00Z", "2024-12-31T12:00:00Z"},
      {"03335", "2003-12-01T00:00:00Z"},  // two-digit year, ordinal day
      {"22001", "2022-01-01T00:00:00Z"},  // "2200..." has no month 00: an ordinal day
      {"22130", "2022-05-10T00:00:00Z"},
      {"22-013", "2022-01-13T00:00:00Z"},  // the dash leaves only the ordinal reading
      {"03-335", "2003-12-01T00:00:00Z"},
      {"-03-12", "2003-12-01T00:00:00Z"},  // two-digit year and month
      {"-0312", "2003-12-01T00:00:00Z"},
      {"040105", "2004-01-05T00:00:00Z"},  // YYMMDD
      {"04-01-05", "2004-01-05T00:00:00Z"},  // YY-MM-DD
      {"040105T1200Z", "2004-01-05T12:00:00Z"},
      {"04-01-05 13:00:00+01:00", "2004-01-05T12:00:00Z"},
      {"2004-július-13T9:15-05:00", "2004-07-13T14:15:00Z"},  // Hungarian month name
      {"2003-012-31T10:14:55+00:00", "2003-12-31T10:14:55Z"},  // a month padded to three digits
      {"2003-012", "2003-01-12T00:00:00Z"},  // without a day after it, an ordinal day
  }));
  CAPTURE(c.input);
  CHECK(parsed(c.input) == c.expected);
}

TEST_CASE("parse_date reads IANA zone names with their daylight-saving rules", "[date]") {
  const Case c = GENERATE(values<Case>({
      {"2024-07-01 12:00:00 America/Los_Angeles", "2024-07-01T19:00:00Z"},
      {"2024-01-15 12:00:00 America/Los_Angeles", "2024-01-15T20:00:00Z"},
      {"Mon, 15 Jan 2024 12:00:00 Europe/Berlin", "2024-01-15T11:00:00Z"},
      {"Mon, 15 Jul 2024 12:00:00 Europe/Berlin", "2024-07-15T10:00:00Z"},
      {"2024-03-10 01:59:00 America/New_York", "2024-03-10T06:59:00Z"},  // last minute of EST
      {"2024-03-10 03:00:00 America/New_York", "2024-03-10T07:00:00Z"},  // first minute of EDT
      {"2024-11-03 00:30:00 America/New_York", "2024-11-03T04:30:00Z"},
      {"2024-11-03 02:30:00 America/New_York", "2024-11-03T07:30:00Z"},
      {"2024-03-31 00:59:00 Europe/London", "2024-03-31T00:59:00Z"},
      {"2024-03-31 02:00:00 Europe/London", "2024-03-31T01:00:00Z"},
      {"2024-10-27 03:00:00 Europe/Paris", "2024-10-27T02:00:00Z"},
      {"2024-01-15T12:00:00 Australia/Sydney", "2024-01-15T01:00:00Z"},
      {"2024-07-15T12:00:00 Australia/Sydney", "2024-07-15T02:00:00Z"},
      {"2024-05-01T12:00:00 Asia/Tokyo", "2024-05-01T03:00:00Z"},
      {"2024-05-01T12:00:00 asia/kolkata", "2024-05-01T06:30:00Z"},
      {"2024-05-01T05:00:00-07:00 America/Los_Angeles", "2024-05-01T12:00:00Z"},  // offset wins
      {"May 1, 2024 5:00 AM America/Los_Angeles", "2024-05-01T12:00:00Z"},
      {"2024-05-01 12:00:00 Mars/Olympus_Mons", "null"},
  }));
  CAPTURE(c.input);
  CHECK(parsed(c.input) == c.expected);
}

TEST_CASE("parse_date returns null for anything it cannot read, never a made-up date", "[date]") {
  const char* input = GENERATE(
      "", "   ", "not a date", "yesterday", "now", "0", "12:00", "May", "May 2024 maybe",
      "Wed, 32 May 2024 12:00:00 GMT", "Wed, 31 Apr 2024 12:00:00 GMT", "Thu, 29 Feb 2023 12:00:00 GMT",
      "Wed, 01 Foo 2024 12:00:00 GMT", "Wed, 01 May 2024 24:00:00 GMT", "Wed, 01 May 2024 12:60:00 GMT",
      "Wed, 01 May 2024 12:00:61 GMT", "Wed, 01 May 2024 13:00 pm", "2024-13-01", "2024-00-10",
      "2024-02-30", "2024-05-32T00:00:00Z", "2024-05-01T25:00:00Z", "2024-05-01T12:61:00Z",
      "2024-05-01T12:00:00+25:00", "2024-05-01T12:00:00+02:75", "2024-05-01T12:00:00 garbage",
      "2024-05-01T", "2024-05-01X12:00", "2024-05-01T24:00:01Z", "2024-05-01T24:30Z", "2024-05-01T1Z",
      "2004-01-05T10.5Z", "9999-12-31T24:00:00Z", "9999-12-31T23:00:00-05:00", "0000-00-00 00:00:00", "0001-01-01T00:00:00Z",
      "1970-01-01T00:00:00Z", "Thu, 01 Jan 1970 00:00:00 GMT", "1969-12-31T19:00:00-05:00",
      "Wed, 01 May 2024 12:00:00 (unterminated", "01/02/03/04", "2024-05-01T12:00:00Z extra words here",
      "99999999999999999999", "Wed, 01 May 2024 12:00:00 +123456",
      "2023-366", "2024-000", "-03-13", "2003-013-31", "2003-112-31", "2003-012-",
      // Bare YYDDD whose digits 3-4 are a month could as well be a YYMMDD missing a digit.
      "22013", "22129", "03013T12:00Z");
  CAPTURE(input);
  CHECK(parsed(input) == "null");
}

TEST_CASE("parse_date rejects absurdly long input cheaply", "[date]") {
  CHECK_FALSE(parse_date(std::string(100'000, '1')).has_value());
  CHECK_FALSE(parse_date("Wed, 01 May 2024 12:00:00 GMT" + std::string(1000, ' ') + "x").has_value());
}

TEST_CASE("format_rfc3339 writes UTC with a Z, and parse_rfc3339 reads it back", "[date]") {
  using namespace std::chrono;
  const feedsieve::Timestamp t = sys_days{2024y / May / 1} + 12h + 34min + 56s;
  CHECK(format_rfc3339(t) == "2024-05-01T12:34:56Z");
  CHECK(parse_rfc3339("2024-05-01T12:34:56Z") == t);
  CHECK(format_rfc3339(feedsieve::Timestamp{}) == "1970-01-01T00:00:00Z");
  CHECK(parse_rfc3339("1970-01-01T00:00:00Z") == feedsieve::Timestamp{});  // no placeholder rule here
  CHECK(format_rfc3339(sys_days{1999y / December / 31} + 23h + 59min + 59s) == "1999-12-31T23:59:59Z");
  CHECK(format_rfc3339(sys_days{year{5} / January / 2} + 3h + 4min + 5s) == "0005-01-02T03:04:05Z");

  const auto start = sys_days{2023y / December / 31} + 23h;
  for (int i = 0; i < 1000; ++i) {
    const feedsieve::Timestamp probe = start + seconds{i * 7919LL};
    CAPTURE(i);
    REQUIRE(parse_rfc3339(format_rfc3339(probe)) == probe);
    REQUIRE(parse_date(format_rfc3339(probe)) == probe);
  }
}

TEST_CASE("parse_rfc3339 accepts offsets and fractions but only the RFC 3339 shape", "[date]") {
  const Case good = GENERATE(values<Case>({
      {"2024-05-01T14:00:00+02:00", "2024-05-01T12:00:00Z"},
      {"2024-05-01t12:00:00z", "2024-05-01T12:00:00Z"},
      {"2024-05-01 12:00:00Z", "2024-05-01T12:00:00Z"},
      {"2024-05-01T12:00:00.123Z", "2024-05-01T12:00:00Z"},
      {"2024-05-01T07:00:00-05:00", "2024-05-01T12:00:00Z"},
  }));
  CAPTURE(good.input);
  const auto t = parse_rfc3339(good.input);
  REQUIRE(t.has_value());
  CHECK(format_rfc3339(*t) == good.expected);

  const char* bad = GENERATE("2024-05-01", "2024-05-01T12:00:00", "2024-05-01T12:00Z", "2024-05-01T12:00:00+0200",
                             "Wed, 01 May 2024 12:00:00 GMT", "2024-05-01T12:00:00.Z", "2024-02-30T12:00:00Z",
                             "2024-05-01T12:00:00Z ", "");
  CAPTURE(bad);
  CHECK_FALSE(parse_rfc3339(bad).has_value());
}
