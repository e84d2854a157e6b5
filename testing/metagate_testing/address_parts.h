// Test helper: the findings of FindAddresses as tagged strings, in order
// ("S:" street, "Z:" postal code, "R:" region, "C:" city), so expectations read like the text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text/address.h"

namespace metagate::classify::text {

inline std::vector<std::string> AddressParts(std::string_view text) {
  Findings f;
  FindAddresses(text, f);
  std::vector<std::string> out;
  for (const Finding& x : f) {
    const char* tag = x.cls == kStreetAddress ? "S:"
                      : x.cls == kPostalCode  ? "Z:"
                      : x.cls == kRegion      ? "R:"
                                              : "C:";
    out.push_back(tag + std::string(text.substr(x.begin, x.end - x.begin)));
  }
  return out;
}

}  // namespace metagate::classify::text
