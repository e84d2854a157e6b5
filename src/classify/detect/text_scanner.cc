#include "detect/text_scanner.h"

#include <hs/hs.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <string>
#include <unordered_set>
#include <vector>

#include "detect/card.h"
#include "detect/chars.h"
#include "detect/email.h"
#include "detect/iban.h"
#include "detect/ip.h"
#include "detect/national_id.h"
#include "detect/phone.h"
#include "detect/secret.h"

namespace metagate::classify::detect {
namespace {

// One candidate pattern per detector; the matches only point at candidates, the C++ below finds
// the exact span and confirms it with the validator.
enum PatternId : unsigned {
  kPatEmail,
  kPatIpv4,
  kPatIpv6,
  kPatPhone,
  kPatCard,
  kPatIban,
  kPatSsn,
  kPatSecret,
  kPatAuth,
  kPatKeyValue,
  kPatCount,
};

constexpr const char* kPatterns[kPatCount] = {
    R"([A-Za-z0-9._+\-]+(?:@|%40)[A-Za-z0-9\-]+\.[A-Za-z0-9])",
    R"(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})",
    R"([0-9A-Fa-f]{0,4}:[0-9A-Fa-f]{0,4}:[0-9A-Fa-f:.]*)",
    R"([+(]?\d[\d \-.()]{5,22}\d)",
    R"(\d{4}(?:[ \-]?\d{4}){2}[ \-]?\d{1,7}|\d{4}[ \-]?\d{6}[ \-]?\d{4,5})",
    R"([A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30})",
    R"(\d{3}-\d{2}-\d{4}|\d{3} \d{2} \d{4})",
    R"((?:sk-|AKIA|ASIA|gh[pousr]_|github_pat_|glpat-|npm_|hf_|pypi-|shp(?:at|ss)_|xox[abprse]-|[sr]k_(?:live|test)_|AIza|SG\.|eyJ)[A-Za-z0-9_\-]{8})",
    R"((?i:bearer|token|basic) +[A-Za-z0-9\-._~+/]{8})",
    R"((?i:api[_\-]?key|secret|token|password|passwd|pwd|access[_\-]?key|private[_\-]?key)[\x22']?\s*[:=]\s*[\x22']?[A-Za-z0-9_\-]{16})",
};

struct Candidate {
  unsigned id;
  size_t from;
  size_t to;
};

struct MatchContext {
  std::vector<Candidate> candidates;
  size_t last[kPatCount];
};

int OnMatch(unsigned id, unsigned long long from, unsigned long long to, unsigned /*flags*/,
            void* ctx) {
  auto* m = static_cast<MatchContext*>(ctx);
  size_t& last = m->last[id];
  // Matches arrive by end offset; keep one candidate per (pattern, start), the longest.
  if (last != SIZE_MAX && m->candidates[last].from == from) {
    m->candidates[last].to = static_cast<size_t>(to);
  } else {
    last = m->candidates.size();
    m->candidates.push_back({id, static_cast<size_t>(from), static_cast<size_t>(to)});
  }
  return m->candidates.size() > 100000 ? 1 : 0;  // stop on pathological input
}

std::atomic<uint64_t> next_scanner_id{1};

struct ScratchHolder {
  hs_scratch_t* scratch = nullptr;
  std::vector<uint64_t> sized_for;  // scanner ids this scratch has been grown for
  ~ScratchHolder() {
    if (scratch != nullptr) hs_free_scratch(scratch);
  }
};

bool IsWordByte(char c) { return IsAlnum(c) || c == '_'; }

// The value at [b, e) is not glued to a larger token on its left: `ORD-2024`, `x.1.2`, `v1.2`.
bool LeftOk(std::string_view t, size_t b) {
  if (b == 0) return true;
  char c = t[b - 1];
  if (IsWordByte(c)) return false;
  if ((c == '-' || c == '.' || c == '/' || c == '@' || c == '+' || c == '\\') && b >= 2 &&
      IsWordByte(t[b - 2])) {
    return false;
  }
  return true;
}

// Same on the right; sentence punctuation followed by a space or the end is fine.
bool RightOk(std::string_view t, size_t e) {
  if (e >= t.size()) return true;
  char c = t[e];
  if (IsWordByte(c)) return false;
  if ((c == '-' || c == '.' || c == '/' || c == '@' || c == '\\') && e + 1 < t.size() &&
      IsWordByte(t[e + 1])) {
    return false;
  }
  return true;
}

class Collector {
 public:
  explicit Collector(std::string_view text) : t_(text) {}

  void Add(size_t b, size_t e, ClassId cls) {
    found_.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e), cls});
  }

  // Keeps the longest of overlapping findings (ties: the earlier detector), sorted by begin.
  void Flush(Findings& out) {
    std::stable_sort(found_.begin(), found_.end(), [](const Finding& a, const Finding& b) {
      if (a.end - a.begin != b.end - b.begin) return a.end - a.begin > b.end - b.begin;
      return Priority(a.cls) < Priority(b.cls);
    });
    std::map<uint32_t, Finding> kept;  // by begin; the kept spans never overlap
    for (const Finding& f : found_) {
      auto next = kept.lower_bound(f.begin);
      if (next != kept.end() && next->second.begin < f.end) continue;
      if (next != kept.begin() && std::prev(next)->second.end > f.begin) continue;
      kept.emplace(f.begin, f);
    }
    for (const auto& [begin, f] : kept) out.push_back(f);
  }

  std::string_view text() const { return t_; }

  // True the first time a (pattern, run start) pair is seen: each run is validated once.
  bool FirstVisit(unsigned id, size_t b) {
    return visited_.insert(static_cast<uint64_t>(id) << 40 | b).second;
  }

 private:
  static int Priority(ClassId cls) {
    switch (cls) {
      case kSecret:
        return 0;
      case kEmail:
        return 1;
      case kIban:
        return 2;
      case kCreditCard:
        return 3;
      case kNationalId:
        return 4;
      case kIpAddress:
        return 5;
      default:
        return 6;
    }
  }

  std::string_view t_;
  Findings found_;
  std::unordered_set<uint64_t> visited_;
};

// Widens [b, e) over the bytes matching `pred`, at most `max` bytes each way; false if the run
// is longer than that (then it is not one value, and pathological input stays linear).
template <typename Pred>
bool Widen(std::string_view t, size_t& b, size_t& e, Pred pred, size_t max = 96) {
  const size_t lb = b > max ? b - max : 0;
  while (b > lb && pred(t[b - 1])) --b;
  if (b > 0 && pred(t[b - 1])) return false;
  const size_t re = std::min(t.size(), e + max);
  while (e < re && pred(t[e])) ++e;
  return e == t.size() || !pred(t[e]);
}

bool IsLocalChar(char c) { return IsAlnum(c) || c == '.' || c == '_' || c == '+' || c == '-'; }
bool IsDomainChar(char c) { return IsAlnum(c) || c == '.' || c == '-'; }

void ConfirmEmail(const Candidate& c, Collector& col) {
  std::string_view t = col.text();
  std::string_view m = t.substr(c.from, c.to - c.from);
  size_t at = m.find('@');
  size_t enc = m.find("%40");
  size_t sep_len = 1;
  if (at == std::string_view::npos || (enc != std::string_view::npos && enc < at)) {
    at = enc;
    sep_len = 3;
  }
  if (at == std::string_view::npos) return;
  at += c.from;
  if (!col.FirstVisit(kPatEmail, at)) return;
  size_t b = at;
  while (b > 0 && at - b <= 64 && IsLocalChar(t[b - 1])) --b;
  while (b < at && t[b] == '.') ++b;
  size_t e = at + sep_len;
  while (e < t.size() && e - at <= 256 && IsDomainChar(t[e])) ++e;
  while (e > at + sep_len && (t[e - 1] == '.' || t[e - 1] == '-')) --e;
  std::string candidate(t.substr(b, at - b));
  candidate += '@';
  candidate += t.substr(at + sep_len, e - at - sep_len);
  if (IsEmail(candidate)) col.Add(b, e, kEmail);
}

// Release vocabulary shortly before a dotted quad makes it a version number, not an address
// (`version 7.8.1.38`, `Deployed <sha> to prod (4.7.7.15)`). Words count only at a word start
// (`naver.com` holds no `ver.`), and an address word after them (`build 4.8 … remote_ip=`)
// gives the quad back to the address.
bool VersionContext(std::string_view t, size_t b) {
  size_t from = b > 80 ? b - 80 : 0;
  std::string before;
  for (char c : t.substr(from, b - from)) before.push_back(ToLower(c));
  auto word_at = [&](std::string_view w) -> size_t {
    size_t last = std::string::npos;
    for (size_t i = before.find(w); i != std::string::npos; i = before.find(w, i + 1)) {
      bool starts_word = i == 0 ? from == 0 || !IsAlnum(t[from - 1]) : !IsAlnum(before[i - 1]);
      if (starts_word) last = i;
    }
    return last;
  };
  size_t version_at = std::string::npos;
  for (std::string_view w :
       {"version", "ver.", "build", "release", "firmware", "upgrade", "update to", "sdk", "semver",
        "deploy", "rollout", "rolled out", "rollback"}) {
    size_t at = word_at(w);
    if (at != std::string::npos && (version_at == std::string::npos || at > version_at)) {
      version_at = at;
    }
  }
  if (version_at == std::string::npos) return false;
  for (std::string_view w : {"ip", "addr", "address", "src", "client", "remote", "from", "peer",
                             "host", "origin", "forwarded"}) {
    size_t at = word_at(w);
    if (at != std::string::npos && at > version_at) return false;
  }
  return true;
}

void ConfirmIpv4(const Candidate& c, Collector& col) {
  std::string_view t = col.text();
  auto ip_char = [](char ch) { return IsDigit(ch) || ch == '.'; };
  size_t b = c.from;
  size_t e = c.to;
  if (!Widen(t, b, e, ip_char)) return;
  while (e > b && t[e - 1] == '.') --e;
  while (b < e && t[b] == '.') ++b;
  if (!col.FirstVisit(kPatIpv4, b)) return;
  if (!LeftOk(t, b) || !RightOk(t, e) || !IsIp(t.substr(b, e - b))) return;
  if (b > 0 && t[b - 1] == '.') return;  // `1.2.3.4` after a dot: part of something longer
  if (VersionContext(t, b)) return;
  col.Add(b, e, kIpAddress);
}

void ConfirmIpv6(const Candidate& c, Collector& col) {
  std::string_view t = col.text();
  auto ip_char = [](char ch) { return IsHex(ch) || ch == ':' || ch == '.'; };
  size_t b = c.from;
  size_t e = c.to;
  if (!Widen(t, b, e, ip_char)) return;
  while (e > b && t[e - 1] == '.') --e;
  if (!col.FirstVisit(kPatIpv6, b)) return;
  if (e - b > 2 && t[b] == ':' && t[b + 1] != ':') ++b;  // `ip:2001:db8::1`
  if (!LeftOk(t, b)) return;
  std::string_view v = t.substr(b, e - b);
  if (!IsIp(v) && v.size() > 2 && v.back() == ':' && v[v.size() - 2] != ':') {
    --e;  // `… 2001:db8::1:` followed by prose
    v.remove_suffix(1);
  }
  if (v.find(':') == std::string_view::npos || !IsIp(v) || !RightOk(t, e)) return;
  col.Add(b, e, kIpAddress);
}

// Splits [b, e) at spaces into pieces (begin, end).
std::vector<std::pair<size_t, size_t>> Pieces(std::string_view t, size_t b, size_t e,
                                              bool split_dash) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t i = b;
  while (i < e) {
    while (i < e && (t[i] == ' ' || (split_dash && t[i] == '-'))) ++i;
    size_t s = i;
    while (i < e && t[i] != ' ' && !(split_dash && t[i] == '-')) ++i;
    if (i > s) out.push_back({s, i});
  }
  return out;
}

// `10:31`: the digits before are an hour, not the end of a phone number.
bool TimeFollows(std::string_view t, size_t e) {
  return e + 1 < t.size() && t[e] == ':' && IsDigit(t[e + 1]);
}

bool IsPhoneRunChar(char c) {
  return IsDigit(c) || c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '+';
}

void ConfirmPhone(const Candidate& c, Collector& col) {
  std::string_view t = col.text();
  size_t b = c.from;
  size_t e = c.to;
  if (!Widen(t, b, e, IsPhoneRunChar)) return;
  while (b < e && !IsDigit(t[b]) && t[b] != '+' && t[b] != '(') ++b;
  while (e > b && !IsDigit(t[e - 1])) --e;
  // `(+34 745 47 07 76)`: the closing parenthesis was trimmed, so the opening one goes too.
  if (b < e && t[b] == '(' && t.substr(b, e - b).find(')') == std::string_view::npos) ++b;
  if (e - b < 7 || !col.FirstVisit(kPatPhone, b)) return;
  auto try_span = [&](size_t sb, size_t se) {
    if (!LeftOk(t, sb) || !RightOk(t, se) || TimeFollows(t, se) ||
        !IsPhone(t.substr(sb, se - sb))) {
      return false;
    }
    // `build 12.12.30.7361`: dotted digit groups after release words are a version.
    std::string_view span = t.substr(sb, se - sb);
    if (span.find_first_of(" -()+") == std::string_view::npos && VersionContext(t, sb)) {
      return false;
    }
    col.Add(sb, se, kPhone);
    return true;
  };
  if (try_span(b, e)) return;
  // A shorter span inside the run that starts like an international or area-coded number
  // (`+`, `(`), longest first. Runs of digit groups (cards, references) are not cut otherwise.
  auto pieces = Pieces(t, b, e, false);
  if (pieces.size() > 12) return;
  for (size_t len = pieces.size(); len-- > 1;) {
    for (size_t i = 0; i + len <= pieces.size(); ++i) {
      size_t sb = pieces[i].first;
      size_t se = pieces[i + len - 1].second;
      char first = t[sb];
      if (first != '+' && first != '(') continue;
      if (!IsDigit(t[se - 1])) continue;
      if (try_span(sb, se)) return;
    }
  }
}

void ConfirmCard(const Candidate& c, Collector& col) {
  std::string_view t = col.text();
  auto run_char = [](char ch) { return IsDigit(ch) || ch == ' ' || ch == '-'; };
  size_t b = c.from;
  size_t e = c.to;
  if (!Widen(t, b, e, run_char)) return;
  while (b < e && !IsDigit(t[b])) ++b;
  while (e > b && !IsDigit(t[e - 1])) --e;
  if (!col.FirstVisit(kPatCard, b)) return;
  auto pieces = Pieces(t, b, e, true);
  if (pieces.empty() || pieces.size() > 16) return;
  for (size_t len = pieces.size(); len >= 1; --len) {
    for (size_t i = 0; i + len <= pieces.size(); ++i) {
      size_t sb = pieces[i].first;
      size_t se = pieces[i + len - 1].second;
      if (se - sb < 13 || se - sb > 23) continue;
      if (LeftOk(t, sb) && RightOk(t, se) && IsCreditCard(t.substr(sb, se - sb))) {
        col.Add(sb, se, kCreditCard);
        return;
      }
    }
  }
}

void ConfirmIban(const Candidate& c, Collector& col) {
  std::string_view t = col.text();
  size_t b = c.from;
  if (!LeftOk(t, b) || b + 4 > t.size()) return;
  int len = IbanLength(t.substr(b, 2));
  if (len == 0) return;
  // Take exactly `len` characters, compact or in groups of four.
  size_t i = b;
  int taken = 0;
  bool grouped = b + 4 < t.size() && t[b + 4] == ' ';
  while (taken < len && i < t.size()) {
    if (grouped && taken > 0 && taken % 4 == 0) {
      if (t[i] != ' ') return;
      ++i;
      if (i >= t.size()) return;
    }
    if (!IsUpper(t[i]) && !IsDigit(t[i])) return;
    ++i;
    ++taken;
  }
  if (taken != len || !RightOk(t, i) || !IsIban(t.substr(b, i - b))) return;
  col.Add(b, i, kIban);
}

void ConfirmSsn(const Candidate& c, Collector& col) {
  std::string_view t = col.text();
  if (LeftOk(t, c.from) && RightOk(t, c.to) && IsUsSsn(t.substr(c.from, c.to - c.from))) {
    col.Add(c.from, c.to, kNationalId);
  }
}

bool IsSecretRunChar(char c) { return IsBase64Url(c) || c == '.'; }

void ConfirmSecret(const Candidate& c, Collector& col) {
  std::string_view t = col.text();
  size_t b = c.from;
  if (!LeftOk(t, b)) return;
  size_t e = c.to;
  while (e < t.size() && e - b <= 8192 && IsSecretRunChar(t[e])) ++e;
  while (e > b && t[e - 1] == '.') --e;
  if (IsSecret(t.substr(b, e - b))) {
    col.Add(b, e, kSecret);
    return;
  }
  size_t dot = t.substr(b, e - b).find('.');  // a key followed by `.Word`
  if (dot != std::string_view::npos && IsSecret(t.substr(b, dot))) col.Add(b, b + dot, kSecret);
}

bool IsToken68Char(char c) {
  return IsAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
}

void ConfirmAuth(const Candidate& c, Collector& col) {
  std::string_view t = col.text();
  size_t b = c.from;
  if (!LeftOk(t, b)) return;
  size_t i = b;
  while (i < t.size() && IsAlpha(t[i])) ++i;
  std::string_view scheme = t.substr(b, i - b);
  while (i < t.size() && t[i] == ' ') ++i;
  size_t tb = i;
  while (i < t.size() && IsToken68Char(t[i])) ++i;
  while (i < t.size() && t[i] == '=') ++i;
  while (i > tb && (t[i - 1] == '.' || t[i - 1] == ',')) --i;
  if (i == tb || !RightOk(t, i)) return;
  std::string_view token = t.substr(tb, i - tb);
  std::string_view whole = t.substr(b, i - b);
  // The text is exactly an Authorization value (maybe padded with whitespace).
  size_t first = t.find_first_not_of(" \t\r\n");
  size_t last = t.find_last_not_of(" \t\r\n");
  if (first == b && last + 1 == i && IsSecret(whole)) {
    col.Add(b, i, kSecret);
    return;
  }
  bool bearer = EqualsIgnoreCase(scheme, "Bearer");
  bool basic = EqualsIgnoreCase(scheme, "Basic");
  if (IsSecret(token) || IsHighEntropyToken(token) ||
      ((bearer || basic) && IsSecret(std::string(scheme) + " " + std::string(token)))) {
    col.Add(tb, i, kSecret);
  }
}

// `api_key=…`, `"password": "…"`: a high-entropy value after a credential-like name.
void ConfirmKeyValue(const Candidate& c, Collector& col) {
  std::string_view t = col.text();
  // The name may be longer (`client_secret`, `refresh_token`, `x-api-key`).
  size_t i = c.from;
  while (i < t.size() && (IsAlnum(t[i]) || t[i] == '_' || t[i] == '-')) ++i;
  while (i < t.size() && (t[i] == '"' || t[i] == '\'' || t[i] == ' ' || t[i] == ':' ||
                          t[i] == '=' || t[i] == '\t')) {
    ++i;
  }
  size_t b = i;
  while (i < t.size() && IsBase64Url(t[i])) ++i;
  if (!RightOk(t, i)) return;
  std::string_view value = t.substr(b, i - b);
  if (IsSecret(value) || IsHighEntropyToken(value)) col.Add(b, i, kSecret);
}

}  // namespace

Result<std::shared_ptr<const TextScanner>> TextScanner::Create() {
  unsigned flags[kPatCount];
  unsigned ids[kPatCount];
  for (unsigned i = 0; i < kPatCount; ++i) {
    flags[i] = HS_FLAG_SOM_LEFTMOST;
    ids[i] = i;
  }
  hs_database_t* db = nullptr;
  hs_compile_error_t* error = nullptr;
  if (hs_compile_multi(kPatterns, flags, ids, kPatCount, HS_MODE_BLOCK, nullptr, &db, &error) !=
      HS_SUCCESS) {
    std::string message = "text scanner: cannot compile pattern ";
    if (error != nullptr) {
      message += std::to_string(error->expression) + ": " + error->message;
      hs_free_compile_error(error);
    }
    return Status::Internal(message);
  }
  return std::shared_ptr<const TextScanner>(new TextScanner(db));
}

TextScanner::TextScanner(hs_database* db) : db_(db), id_(next_scanner_id.fetch_add(1)) {}

TextScanner::~TextScanner() { hs_free_database(db_); }

void TextScanner::Scan(std::string_view text, Findings& out) const {
  if (text.empty() || text.size() > UINT32_MAX) return;
  thread_local ScratchHolder holder;
  // Growing the scratch is costly: do it once per thread and scanner, not per scan.
  if (std::find(holder.sized_for.begin(), holder.sized_for.end(), id_) == holder.sized_for.end()) {
    if (hs_alloc_scratch(db_, &holder.scratch) != HS_SUCCESS) return;
    holder.sized_for.push_back(id_);
  }
  MatchContext m;
  std::fill(std::begin(m.last), std::end(m.last), SIZE_MAX);
  hs_scan(db_, text.data(), static_cast<unsigned>(text.size()), 0, holder.scratch, OnMatch, &m);
  Collector col(text);
  for (const Candidate& c : m.candidates) {
    switch (c.id) {
      case kPatEmail:
        ConfirmEmail(c, col);
        break;
      case kPatIpv4:
        ConfirmIpv4(c, col);
        break;
      case kPatIpv6:
        ConfirmIpv6(c, col);
        break;
      case kPatPhone:
        ConfirmPhone(c, col);
        break;
      case kPatCard:
        ConfirmCard(c, col);
        break;
      case kPatIban:
        ConfirmIban(c, col);
        break;
      case kPatSsn:
        ConfirmSsn(c, col);
        break;
      case kPatSecret:
        ConfirmSecret(c, col);
        break;
      case kPatAuth:
        ConfirmAuth(c, col);
        break;
      case kPatKeyValue:
        ConfirmKeyValue(c, col);
        break;
      default:
        break;
    }
  }
  col.Flush(out);
}

}  // namespace metagate::classify::detect
