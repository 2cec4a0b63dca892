#include "daemon/fetch/ip_network.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <charconv>
#include <cstring>

namespace feedsieve {
namespace {

constexpr std::array<std::uint8_t, 12> kMappedPrefix = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF};

IpAddress mapped(const std::uint8_t* v4) {
  IpAddress address;
  std::copy(kMappedPrefix.begin(), kMappedPrefix.end(), address.bytes.begin());
  std::copy(v4, v4 + 4, address.bytes.begin() + 12);
  return address;
}

struct Range {
  const char* network;
  std::string_view reason;
};

// IANA special-purpose registries (RFC 6890 and successors): everything a
// fetch of a stranger's link has no business reaching.
constexpr Range kNonPublic[] = {
    {"0.0.0.0/8", "unspecified"},
    {"10.0.0.0/8", "private"},
    {"100.64.0.0/10", "carrier-grade NAT"},
    {"127.0.0.0/8", "loopback"},
    {"169.254.0.0/16", "link-local or cloud metadata"},
    {"172.16.0.0/12", "private"},
    {"192.0.0.0/24", "IETF protocol assignments"},
    {"192.0.2.0/24", "documentation"},
    {"192.168.0.0/16", "private"},
    {"198.18.0.0/15", "benchmarking"},
    {"198.51.100.0/24", "documentation"},
    {"203.0.113.0/24", "documentation"},
    {"224.0.0.0/4", "multicast"},
    {"240.0.0.0/4", "reserved"},
    {"::/128", "unspecified"},
    {"::1/128", "loopback"},
    {"100::/64", "discard"},
    {"2001:db8::/32", "documentation"},
    {"fc00::/7", "private (unique local)"},
    {"fe80::/10", "link-local"},
    {"fec0::/10", "site-local"},
    {"ff00::/8", "multicast"},
};

const std::vector<IpNetwork>& non_public_networks() {
  // Built once from constants: immutable after initialization.
  static const std::vector<IpNetwork> networks = [] {
    std::vector<IpNetwork> out;
    for (const Range& range : kNonPublic) out.push_back(*parse_ip_network(range.network));
    return out;
  }();
  return networks;
}

// The IPv4 address embedded by NAT64 (64:ff9b::/96) or 6to4 (2002::/16).
std::optional<IpAddress> embedded_v4(const IpAddress& address) {
  const auto& b = address.bytes;
  const std::array<std::uint8_t, 12> nat64 = {0, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0};
  if (std::equal(nat64.begin(), nat64.end(), b.begin())) return mapped(b.data() + 12);
  if (b[0] == 0x20 && b[1] == 0x02) return mapped(b.data() + 2);
  return std::nullopt;
}

}  // namespace

bool IpAddress::is_v4() const { return std::equal(kMappedPrefix.begin(), kMappedPrefix.end(), bytes.begin()); }

std::string IpAddress::to_string() const {
  char text[INET6_ADDRSTRLEN] = {};
  if (is_v4()) {
    inet_ntop(AF_INET, bytes.data() + 12, text, sizeof text);
  } else {
    inet_ntop(AF_INET6, bytes.data(), text, sizeof text);
  }
  return text;
}

bool IpNetwork::contains(const IpAddress& address) const {
  const int whole = prefix / 8;
  if (!std::equal(base.bytes.begin(), base.bytes.begin() + whole, address.bytes.begin())) return false;
  if (prefix % 8 == 0) return true;
  const auto mask = static_cast<std::uint8_t>(0xFF << (8 - prefix % 8));
  return (base.bytes[static_cast<std::size_t>(whole)] & mask) == (address.bytes[static_cast<std::size_t>(whole)] & mask);
}

std::optional<IpAddress> parse_ip_address(std::string_view text) {
  const std::string copy(text);
  std::uint8_t raw[16];
  if (inet_pton(AF_INET, copy.c_str(), raw) == 1) return mapped(raw);
  IpAddress address;
  if (inet_pton(AF_INET6, copy.c_str(), address.bytes.data()) == 1) return address;
  return std::nullopt;
}

std::optional<IpNetwork> parse_ip_network(std::string_view text) {
  const auto slash = text.find('/');
  const auto address = parse_ip_address(text.substr(0, slash));
  if (!address) return std::nullopt;
  const int width = address->is_v4() && text.substr(0, slash).find(':') == std::string_view::npos ? 32 : 128;
  int prefix = width;
  if (slash != std::string_view::npos) {
    const std::string_view digits = text.substr(slash + 1);
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), prefix);
    if (ec != std::errc() || end != digits.data() + digits.size() || prefix < 0 || prefix > width) return std::nullopt;
  }
  IpNetwork network{*address, prefix + (128 - width)};
  // Host bits are cleared, so "10.1.2.3/8" means 10.0.0.0/8.
  for (int bit = network.prefix; bit < 128; ++bit)
    network.base.bytes[static_cast<std::size_t>(bit / 8)] &= static_cast<std::uint8_t>(~(0x80 >> (bit % 8)));
  return network;
}

std::optional<IpAddress> address_of(const sockaddr* address) {
  if (address == nullptr) return std::nullopt;
  if (address->sa_family == AF_INET) {
    sockaddr_in v4;
    std::memcpy(&v4, address, sizeof v4);
    return mapped(reinterpret_cast<const std::uint8_t*>(&v4.sin_addr));
  }
  if (address->sa_family == AF_INET6) {
    sockaddr_in6 v6;
    std::memcpy(&v6, address, sizeof v6);
    IpAddress out;
    std::memcpy(out.bytes.data(), &v6.sin6_addr, 16);
    return out;
  }
  return std::nullopt;
}

std::optional<std::string_view> non_public_reason(const IpAddress& address) {
  if (const auto inner = embedded_v4(address)) return non_public_reason(*inner);
  const auto& networks = non_public_networks();
  for (std::size_t i = 0; i < networks.size(); ++i)
    if (networks[i].contains(address)) return kNonPublic[i].reason;
  return std::nullopt;
}

bool may_connect(const IpAddress& address, const std::vector<IpNetwork>& allowed) {
  if (std::any_of(allowed.begin(), allowed.end(), [&](const IpNetwork& n) { return n.contains(address); })) return true;
  return !non_public_reason(address).has_value();
}

}  // namespace feedsieve
