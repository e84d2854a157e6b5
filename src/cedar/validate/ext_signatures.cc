#include "validate/ext_signatures.h"

#include <map>
#include <string>

namespace metagate::cedar::validate {

namespace {

using Table = std::map<std::string, ExtSignature, std::less<>>;

Table BuildTable() {
  Table t;
  TypePtr ip = Type::Extension("ipaddr");
  TypePtr dec = Type::Extension("decimal");
  TypePtr dt = Type::Extension("datetime");
  TypePtr dur = Type::Extension("duration");
  TypePtr b = Type::Bool();
  t["ip"] = {{Type::String()}, ip, true};
  t["decimal"] = {{Type::String()}, dec, true};
  t["datetime"] = {{Type::String()}, dt, true};
  t["duration"] = {{Type::String()}, dur, true};
  for (const char* m : {"isIpv4", "isIpv6", "isLoopback", "isMulticast"}) t[m] = {{ip}, b};
  t["isInRange"] = {{ip, ip}, b};
  for (const char* m : {"lessThan", "lessThanOrEqual", "greaterThan", "greaterThanOrEqual"}) {
    t[m] = {{dec, dec}, b};
  }
  t["offset"] = {{dt, dur}, dt};
  t["durationSince"] = {{dt, dt}, dur};
  t["toDate"] = {{dt}, dt};
  t["toTime"] = {{dt}, dur};
  for (const char* m : {"toDays", "toHours", "toMinutes", "toSeconds", "toMilliseconds"}) {
    t[m] = {{dur}, Type::Long()};
  }
  return t;
}

}  // namespace

const ExtSignature* FindExtSignature(std::string_view name) {
  static const Table* table = new Table(BuildTable());
  auto it = table->find(name);
  return it == table->end() ? nullptr : &it->second;
}

}  // namespace metagate::cedar::validate
