// User agents → "Browser Major on OSFamily".
#include <array>

#include "metagate/transform/generalize.h"
#include "text_util.h"

namespace metagate::transform {
namespace {

struct Token {
  std::string_view marker;  // "Chrome/" …
  std::string_view name;    // "Chrome" …
};

// Returns the major version after `marker` in `ua`, or "" when absent. `found` says whether the
// marker occurs at all.
std::string_view MajorAfter(std::string_view ua, std::string_view marker, bool* found) {
  size_t p = ua.find(marker);
  *found = p != std::string_view::npos;
  if (!*found) return {};
  size_t start = p + marker.size(), end = start;
  while (end < ua.size() && internal::IsDigit(ua[end])) ++end;
  return ua.substr(start, end - start);
}

bool Has(std::string_view ua, std::string_view s) { return ua.find(s) != std::string_view::npos; }

std::string_view OsFamily(std::string_view ua) {
  if (Has(ua, "Windows")) return "Windows";
  if (Has(ua, "iPhone") || Has(ua, "iPad") || Has(ua, "iPod")) return "iOS";
  if (Has(ua, "Android")) return "Android";
  if (Has(ua, "CrOS")) return "Chrome OS";
  if (Has(ua, "Macintosh") || Has(ua, "Mac OS X")) return "macOS";
  if (Has(ua, "Linux") || Has(ua, "X11")) return "Linux";
  return {};
}

std::string Join(std::string_view name, std::string_view major, std::string_view os) {
  std::string out(name);
  if (!major.empty()) {
    out.push_back(' ');
    out.append(major);
  }
  if (!os.empty()) {
    out += " on ";
    out.append(os);
  }
  return out;
}

}  // namespace

Result<std::string> GeneralizeUserAgent(std::string_view value) {
  std::string_view ua = internal::Trim(value);
  if (ua.empty()) return Status::Invalid("user agent: empty value");

  // Non-browser clients announce themselves first: "curl/8.4.0", "python-requests/2.31.0".
  static constexpr std::array<Token, 10> kClients = {{
      {"curl/", "curl"},
      {"Wget/", "Wget"},
      {"python-requests/", "python-requests"},
      {"python-httpx/", "python-httpx"},
      {"Python-urllib/", "Python-urllib"},
      {"aiohttp/", "aiohttp"},
      {"okhttp/", "okhttp"},
      {"Go-http-client/", "Go-http-client"},
      {"PostmanRuntime/", "PostmanRuntime"},
      {"axios/", "axios"},
  }};
  for (const Token& t : kClients) {
    if (ua.starts_with(t.marker)) {
      bool found;
      return Join(t.name, MajorAfter(ua, t.marker, &found), {});
    }
  }

  std::string_view os = OsFamily(ua);
  // Most specific first: Edge and Opera also say "Chrome/", Chrome also says "Safari/".
  static constexpr std::array<Token, 10> kBrowsers = {{
      {"Edg/", "Edge"},
      {"EdgA/", "Edge"},
      {"EdgiOS/", "Edge"},
      {"Edge/", "Edge"},
      {"OPR/", "Opera"},
      {"SamsungBrowser/", "Samsung Internet"},
      {"Firefox/", "Firefox"},
      {"FxiOS/", "Firefox"},
      {"CriOS/", "Chrome"},
      {"Chrome/", "Chrome"},
  }};
  for (const Token& t : kBrowsers) {
    bool found;
    std::string_view major = MajorAfter(ua, t.marker, &found);
    if (found) return Join(t.name, major, os);
  }
  if (Has(ua, "Safari/") && Has(ua, "Version/")) {
    bool found;
    std::string_view major = MajorAfter(ua, "Version/", &found);
    bool mobile = os == "iOS" && Has(ua, "Mobile");
    return Join(mobile ? "Mobile Safari" : "Safari", major, os);
  }
  return std::string("Other");
}

}  // namespace metagate::transform
