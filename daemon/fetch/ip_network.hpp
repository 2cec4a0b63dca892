#pragma once
// IP addresses and CIDR networks for the request-forgery guard. IPv4 is held
// as its IPv4-mapped IPv6 form (::ffff:a.b.c.d), so one 128-bit comparison
// covers both families and a v4-mapped v6 address is judged as the v4 one.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct sockaddr;

namespace feedsieve {

struct IpAddress {
  std::array<std::uint8_t, 16> bytes{};

  bool is_v4() const;  // IPv4 or IPv4-mapped IPv6
  std::string to_string() const;
  bool operator==(const IpAddress&) const = default;
};

struct IpNetwork {
  IpAddress base;
  int prefix = 128;  // over the 128-bit form: an IPv4 /8 is /104

  bool contains(const IpAddress& address) const;
  bool operator==(const IpNetwork&) const = default;
};

// "10.0.0.0/8", "fd00::/8", "127.0.0.1" (a single host); nullopt when malformed.
std::optional<IpNetwork> parse_ip_network(std::string_view text);
std::optional<IpAddress> parse_ip_address(std::string_view text);
// The address of an AF_INET or AF_INET6 socket address; nullopt for others.
std::optional<IpAddress> address_of(const sockaddr* address);

// Why the address is not on the public internet ("loopback", "private",
// "link-local or cloud metadata", "carrier-grade NAT", "multicast", ...);
// nullopt for a public address. IPv6 forms embedding IPv4 (NAT64, 6to4) are
// judged by the embedded address.
std::optional<std::string_view> non_public_reason(const IpAddress& address);

// Whether a guarded request may connect to `address`: public, or inside one
// of the networks the config allows.
bool may_connect(const IpAddress& address, const std::vector<IpNetwork>& allowed);

}  // namespace feedsieve
