// Postal codes → prefix; cities and regions → country.
#include "metagate/common/utf8.h"
#include "metagate/transform/generalize.h"
#include "text_util.h"

namespace metagate::transform {
namespace {

using internal::IsAlpha;
using internal::IsDigit;

bool IsUsZip(std::string_view s) {
  if (s.size() != 5 && s.size() != 10) return false;
  if (!internal::AllDigits(s.substr(0, 5))) return false;
  return s.size() == 5 || (s[5] == '-' && internal::AllDigits(s.substr(6)));
}

// UK postcode: outward "A9", "A99", "AA9", "AA99", "A9A", "AA9A"; inward "9AA"; optional space.
// Returns the upper-cased outward code, or "" when `s` is not a UK postcode.
std::string UkOutward(std::string_view s) {
  std::string compact;
  for (char c : s) {
    if (c != ' ') compact.push_back(internal::ToUpper(c));
  }
  if (compact.size() < 5 || compact.size() > 7) return {};
  std::string_view inward = std::string_view(compact).substr(compact.size() - 3);
  if (!IsDigit(inward[0]) || !IsAlpha(inward[1]) || !IsAlpha(inward[2])) return {};
  std::string outward = compact.substr(0, compact.size() - 3);
  // Shapes by letter (L) / digit (D).
  std::string shape;
  for (char c : outward) shape.push_back(IsAlpha(c) ? 'L' : IsDigit(c) ? 'D' : '?');
  if (shape == "LD" || shape == "LDD" || shape == "LLD" || shape == "LLDD" || shape == "LDL" ||
      shape == "LLDL") {
    return outward;
  }
  return {};
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = internal::ToUpper(c);
  return out;
}

}  // namespace

Result<std::string> GeneralizePostalCode(std::string_view value,
                                         std::optional<std::string_view> country) {
  std::string_view s = internal::Trim(value);
  if (s.empty()) return Status::Invalid("postal code: empty value");
  if (utf8::FindInvalid(s) != s.size()) return Status::Invalid("postal code: invalid UTF-8");
  std::string cc = country ? Upper(internal::Trim(*country)) : std::string();
  bool any = cc.empty();
  if ((any || cc == "US" || cc == "USA") && IsUsZip(s)) return std::string(s.substr(0, 3));
  if (cc == "US" || cc == "USA") return Status::Invalid("postal code: not a US ZIP code");
  if (any || cc == "GB" || cc == "UK") {
    std::string outward = UkOutward(s);
    if (!outward.empty()) return outward;
    if (!any) return Status::Invalid("postal code: not a UK postcode");
  }
  // Others: the first two characters (code points), which must be letters or digits.
  size_t i = 0;
  for (int n = 0; n < 2; ++n) {
    if (i >= s.size()) return Status::Invalid("postal code: too short to generalize");
    uint32_t cp = utf8::Decode(s, &i);
    if (cp < 0x80 && !IsAlpha(static_cast<char>(cp)) && !IsDigit(static_cast<char>(cp))) {
      return Status::Invalid("postal code: unexpected character");
    }
  }
  if (i >= s.size()) return Status::Invalid("postal code: too short to generalize");
  return Upper(s.substr(0, i));
}

Result<std::string> GeneralizeLocality(std::string_view value,
                                       std::optional<std::string_view> country) {
  if (internal::Trim(value).empty()) return Status::Invalid("locality: empty value");
  if (!country || internal::Trim(*country).empty()) {
    return Status::Invalid("locality: no country to generalize to");
  }
  return std::string(internal::Trim(*country));
}

}  // namespace metagate::transform
