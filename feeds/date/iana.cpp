// The IANA zone names that feeds write instead of an offset
// ("2024-05-01 12:00:00 America/Los_Angeles"), for the zones that feeds name
// most. There is no tz database here (libstdc++ 12 has no std::chrono::tzdb
// and the core reads no files), so each zone carries its standard offset and
// one of three daylight-saving rules as they stand today (US since 2007, EU
// since 1996, south-eastern Australia since 2008). Dates from before those
// rules, or in a zone not listed, may be an hour off; unlisted names are unknown.
#include <array>

#include "feeds/date/date_detail.hpp"

namespace feedsieve::date_detail {
namespace {

using namespace std::chrono;

enum class Dst { none, us, eu, au };

struct Zone {
  std::string_view name;
  int standard;  // minutes east of UTC
  Dst rule;
};

constexpr std::array kZones = {
    Zone{"america/new_york", -300, Dst::us},     Zone{"us/eastern", -300, Dst::us},
    Zone{"america/detroit", -300, Dst::us},      Zone{"america/toronto", -300, Dst::us},
    Zone{"america/chicago", -360, Dst::us},      Zone{"us/central", -360, Dst::us},
    Zone{"america/denver", -420, Dst::us},       Zone{"us/mountain", -420, Dst::us},
    Zone{"america/phoenix", -420, Dst::none},    Zone{"america/los_angeles", -480, Dst::us},
    Zone{"us/pacific", -480, Dst::us},           Zone{"america/vancouver", -480, Dst::us},
    Zone{"america/anchorage", -540, Dst::us},    Zone{"pacific/honolulu", -600, Dst::none},
    Zone{"america/sao_paulo", -180, Dst::none},  Zone{"america/argentina/buenos_aires", -180, Dst::none},
    Zone{"america/mexico_city", -360, Dst::none}, Zone{"europe/london", 0, Dst::eu},
    Zone{"europe/dublin", 0, Dst::eu},           Zone{"europe/lisbon", 0, Dst::eu},
    Zone{"europe/paris", 60, Dst::eu},           Zone{"europe/berlin", 60, Dst::eu},
    Zone{"europe/madrid", 60, Dst::eu},          Zone{"europe/rome", 60, Dst::eu},
    Zone{"europe/amsterdam", 60, Dst::eu},       Zone{"europe/brussels", 60, Dst::eu},
    Zone{"europe/vienna", 60, Dst::eu},          Zone{"europe/zurich", 60, Dst::eu},
    Zone{"europe/stockholm", 60, Dst::eu},       Zone{"europe/oslo", 60, Dst::eu},
    Zone{"europe/copenhagen", 60, Dst::eu},      Zone{"europe/warsaw", 60, Dst::eu},
    Zone{"europe/prague", 60, Dst::eu},          Zone{"europe/budapest", 60, Dst::eu},
    Zone{"europe/athens", 120, Dst::eu},         Zone{"europe/helsinki", 120, Dst::eu},
    Zone{"europe/kyiv", 120, Dst::eu},           Zone{"europe/kiev", 120, Dst::eu},
    Zone{"europe/bucharest", 120, Dst::eu},      Zone{"europe/istanbul", 180, Dst::none},
    Zone{"europe/moscow", 180, Dst::none},       Zone{"asia/dubai", 240, Dst::none},
    Zone{"asia/karachi", 300, Dst::none},        Zone{"asia/kolkata", 330, Dst::none},
    Zone{"asia/calcutta", 330, Dst::none},       Zone{"asia/bangkok", 420, Dst::none},
    Zone{"asia/jakarta", 420, Dst::none},        Zone{"asia/shanghai", 480, Dst::none},
    Zone{"asia/hong_kong", 480, Dst::none},      Zone{"asia/taipei", 480, Dst::none},
    Zone{"asia/singapore", 480, Dst::none},      Zone{"australia/perth", 480, Dst::none},
    Zone{"asia/tokyo", 540, Dst::none},          Zone{"asia/seoul", 540, Dst::none},
    Zone{"australia/sydney", 600, Dst::au},      Zone{"australia/melbourne", 600, Dst::au},
    Zone{"australia/brisbane", 600, Dst::none},
    Zone{"etc/utc", 0, Dst::none},               Zone{"etc/gmt", 0, Dst::none},
};

// Wall-clock instants (local time written as if it were UTC).
sys_seconds wall(year y, month m, weekday_indexed wd, hours h) { return sys_days{y / m / wd} + h; }
sys_seconds wall(year y, month m, weekday_last wd, hours h) { return sys_days{y / m / wd} + h; }

bool in_daylight_time(Dst rule, sys_seconds local, year y, minutes standard) {
  switch (rule) {
    case Dst::us:  // second Sunday of March 02:00 to first Sunday of November 02:00 (01:00 standard)
      return local >= wall(y, March, Sunday[2], 2h) && local < wall(y, November, Sunday[1], 1h);
    case Dst::eu:  // last Sunday of March to last Sunday of October, 01:00 UTC both
      return local >= wall(y, March, Sunday[last], 1h) + standard &&
             local < wall(y, October, Sunday[last], 1h) + standard + 1h;
    case Dst::au:  // first Sunday of October 02:00 to first Sunday of April 03:00 (02:00 standard)
      return local >= wall(y, October, Sunday[1], 2h) || local < wall(y, April, Sunday[1], 2h);
    case Dst::none:
      return false;
  }
  return false;
}

}  // namespace

std::optional<minutes> iana_zone_offset(std::string_view folded, const DateFields& local) {
  for (const Zone& zone : kZones) {
    if (zone.name != folded) continue;
    const minutes standard{zone.standard};
    const year_month_day ymd{year{local.year}, month{static_cast<unsigned>(local.month)},
                             day{static_cast<unsigned>(local.day)}};
    if (!ymd.ok()) return standard;  // to_utc rejects the date anyway
    const sys_seconds wall_time = sys_days{ymd} + hours{local.hour} + minutes{local.minute};
    return in_daylight_time(zone.rule, wall_time, ymd.year(), standard) ? standard + 1h : standard;
  }
  return std::nullopt;
}

}  // namespace feedsieve::date_detail
