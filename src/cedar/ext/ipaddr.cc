// The `ipaddr` extension type: IPv4/IPv6 addresses and CIDR ranges, with Cedar's exact syntax
// (no leading zeros in IPv4 octets or prefixes, no IPv4-embedded IPv6, no zone ids).
#include <array>
#include <memory>
#include <optional>
#include <string>

#include "ext/ext_util.h"

namespace metagate::cedar::ext {
namespace {

using U128 = unsigned __int128;

class IpaddrValue : public ExtensionValue {
 public:
  static constexpr const char* kTypeName = "ipaddr";
  IpaddrValue(bool v6, U128 addr, int prefix, std::string text)
      : v6_(v6), addr_(addr), prefix_(prefix), text_(std::move(text)) {}

  const char* type_name() const override { return kTypeName; }
  bool Equals(const ExtensionValue& other) const override {
    if (std::strcmp(other.type_name(), kTypeName) != 0) return false;
    const auto& o = static_cast<const IpaddrValue&>(other);
    return v6_ == o.v6_ && addr_ == o.addr_ && prefix_ == o.prefix_;
  }
  size_t Hash() const override {
    uint64_t lo = static_cast<uint64_t>(addr_), hi = static_cast<uint64_t>(addr_ >> 64);
    return std::hash<uint64_t>()(lo ^ (hi * 0x9e3779b97f4a7c15ULL)) ^
           (static_cast<size_t>(prefix_) << 1) ^ (v6_ ? 1 : 0);
  }
  std::string ConstructorName() const override { return "ip"; }
  std::string ConstructorArg() const override { return text_; }

  int width() const { return v6_ ? 128 : 32; }
  bool v6() const { return v6_; }
  int prefix() const { return prefix_; }
  // The address with the bits beyond `bits` cleared.
  U128 Masked(int bits) const {
    if (bits <= 0) return 0;
    int shift = width() - bits;
    if (shift <= 0) return addr_;
    return (addr_ >> shift) << shift;
  }
  // Whether this range lies inside the range `net`/`bits` of the same version.
  bool SubsetOf(bool v6, U128 net, int bits) const {
    if (v6 != v6_ || prefix_ < bits) return false;
    IpaddrValue n(v6, net, bits, "");
    return Masked(bits) == n.Masked(bits);
  }

 private:
  bool v6_;
  U128 addr_;
  int prefix_;
  std::string text_;
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int HexVal(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Dotted-quad IPv4: four decimal octets, no leading zeros, each <= 255.
std::optional<uint32_t> ParseV4(std::string_view s) {
  uint32_t out = 0;
  size_t pos = 0;
  for (int i = 0; i < 4; ++i) {
    if (i > 0) {
      if (pos >= s.size() || s[pos] != '.') return std::nullopt;
      ++pos;
    }
    size_t start = pos;
    uint32_t v = 0;
    while (pos < s.size() && IsDigit(s[pos]) && pos - start < 4) v = v * 10 + (s[pos++] - '0');
    size_t len = pos - start;
    if (len == 0 || len > 3 || v > 255 || (len > 1 && s[start] == '0')) return std::nullopt;
    out = (out << 8) | v;
  }
  if (pos != s.size()) return std::nullopt;
  return out;
}

// Reads up to `limit` colon-separated hex groups (1-4 digits) starting at `pos`.
// Stops before a "::" or at a character that cannot continue a group list.
int ReadGroups(std::string_view s, size_t& pos, int limit, std::array<uint16_t, 8>& groups) {
  int n = 0;
  while (n < limit) {
    size_t p = pos;
    if (n > 0) {
      if (p >= s.size() || s[p] != ':') break;
      ++p;
    }
    size_t start = p;
    uint32_t v = 0;
    while (p < s.size() && HexVal(s[p]) >= 0 && p - start < 5) v = v * 16 + HexVal(s[p++]);
    if (p == start || p - start > 4) break;
    groups[n++] = static_cast<uint16_t>(v);
    pos = p;
  }
  return n;
}

// IPv6 text form with at most one "::" standing for one or more zero groups.
std::optional<U128> ParseV6(std::string_view s) {
  std::array<uint16_t, 8> head{}, tail{};
  size_t pos = 0;
  int nh = ReadGroups(s, pos, 8, head);
  int nt = 0;
  if (nh < 8) {
    if (s.substr(pos, 2) != "::") return std::nullopt;
    pos += 2;
    nt = ReadGroups(s, pos, 7 - nh, tail);
  }
  if (pos != s.size()) return std::nullopt;
  std::array<uint16_t, 8> all{};
  for (int i = 0; i < nh; ++i) all[i] = head[i];
  for (int i = 0; i < nt; ++i) all[8 - nt + i] = tail[i];
  U128 out = 0;
  for (uint16_t g : all) out = (out << 16) | g;
  return out;
}

Result<int> ParsePrefix(std::string_view p, bool v6) {
  int max = v6 ? 128 : 32;
  if (p.empty()) return MalformedArg("ip", "empty prefix");
  if (p.size() > (v6 ? 3u : 2u)) return MalformedArg("ip", "prefix too long");
  int v = 0;
  for (char c : p) {
    if (!IsDigit(c)) return MalformedArg("ip", "prefix has a non-digit");
    v = v * 10 + (c - '0');
  }
  if (p.size() > 1 && p[0] == '0') return MalformedArg("ip", "prefix has leading zeros");
  if (v > max) return MalformedArg("ip", "prefix larger than the address width");
  return v;
}

const IpaddrValue* Recv(const Value& v) { return AsExt<IpaddrValue>(v); }

#define IP_RECV(var, val)             \
  const IpaddrValue* var = Recv(val); \
  if (var == nullptr) return TypeError("ipaddr", val)

Result<Value> CallIp(std::span<const Value> args) {
  if (!args[0].is_string()) return TypeError("string", args[0]);
  return MakeIpaddr(args[0].as_string());
}
Result<Value> CallIsIpv4(std::span<const Value> args) {
  IP_RECV(ip, args[0]);
  return Value::Bool(!ip->v6());
}
Result<Value> CallIsIpv6(std::span<const Value> args) {
  IP_RECV(ip, args[0]);
  return Value::Bool(ip->v6());
}
Result<Value> CallIsLoopback(std::span<const Value> args) {
  IP_RECV(ip, args[0]);
  if (ip->v6()) return Value::Bool(ip->SubsetOf(true, 1, 128));
  return Value::Bool(ip->SubsetOf(false, U128{127} << 24, 8));
}
Result<Value> CallIsMulticast(std::span<const Value> args) {
  IP_RECV(ip, args[0]);
  if (ip->v6()) return Value::Bool(ip->SubsetOf(true, U128{0xff} << 120, 8));
  return Value::Bool(ip->SubsetOf(false, U128{224} << 24, 4));
}
Result<Value> CallIsInRange(std::span<const Value> args) {
  IP_RECV(ip, args[0]);
  IP_RECV(range, args[1]);
  return Value::Bool(ip->SubsetOf(range->v6(), range->Masked(range->prefix()), range->prefix()));
}

#undef IP_RECV

constexpr ExtensionFunction kFunctions[] = {
    {"ip", false, 1, CallIp},
    {"isIpv4", true, 1, CallIsIpv4},
    {"isIpv6", true, 1, CallIsIpv6},
    {"isLoopback", true, 1, CallIsLoopback},
    {"isMulticast", true, 1, CallIsMulticast},
    {"isInRange", true, 2, CallIsInRange},
};

}  // namespace

Result<Value> MakeIpaddr(std::string_view s) {
  size_t slash = s.find('/');
  std::string_view addr = s.substr(0, slash);
  bool v6 = addr.find(':') != std::string_view::npos;
  if (v6 && addr.find('.') != std::string_view::npos) {
    return MalformedArg("ip", "IPv4 embedded in IPv6 is not accepted");
  }
  U128 bits = 0;
  if (v6) {
    auto a = ParseV6(addr);
    if (!a) return MalformedArg("ip", "invalid IPv6 address");
    bits = *a;
  } else {
    auto a = ParseV4(addr);
    if (!a) return MalformedArg("ip", "invalid IPv4 address");
    bits = *a;
  }
  int prefix = v6 ? 128 : 32;
  if (slash != std::string_view::npos) {
    ASSIGN_OR_RETURN(prefix, ParsePrefix(s.substr(slash + 1), v6));
  }
  return Value::Extension(std::make_shared<IpaddrValue>(v6, bits, prefix, std::string(s)));
}

std::span<const ExtensionFunction> IpaddrFunctions() { return kFunctions; }

}  // namespace metagate::cedar::ext
