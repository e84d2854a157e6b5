#include "text/address.h"

#include <cctype>
#include <vector>

#include "metagate/common/utf8.h"
#include "text/places.h"
#include "text/regions.h"
#include "text/script.h"
#include "text/street_words.h"

namespace metagate::classify::text {
namespace {

// A whitespace-separated token with surrounding punctuation split off.
struct Tok {
  size_t begin = 0, end = 0;  // core bytes
  std::string_view core;
  bool comma = false;  // a comma follows
  bool stop = false;   // other clause punctuation follows (. ; : ! ? ))
  bool used = false;
};

bool IsAbbreviation(std::string_view raw) {
  char buf[8];
  if (raw.size() > sizeof buf) return false;
  for (size_t k = 0; k < raw.size(); ++k) {
    buf[k] = static_cast<char>(std::tolower(static_cast<unsigned char>(raw[k])));
  }
  std::string_view s(buf, raw.size());
  for (std::string_view a :
       {"ul", "al", "av", "avda", "bd", "jl", "pr", "str", "ave", "blvd", "st",
        "dr", "rd", "ln", "ct",   "pl", "sq", "cd", "sk",  "apt", "no",   "nr"}) {
    if (s == a) return true;
  }
  return false;
}

std::vector<Tok> Tokenize(std::string_view text) {
  std::vector<Tok> toks;
  size_t i = 0;
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (i < text.size()) {
    while (i < text.size() && is_space(text[i])) ++i;
    size_t b = i;
    while (i < text.size() && !is_space(text[i])) ++i;
    if (i == b) break;
    size_t e = i;
    while (b < e && (text[b] == '(' || text[b] == '"' || text[b] == '\'' || text[b] == '[')) ++b;
    Tok t;
    while (e > b && std::string_view(",.;:!?)\"]'").find(text[e - 1]) != std::string_view::npos) {
      if (text[e - 1] == ',') {
        t.comma = true;
      } else {
        t.stop = true;
      }
      --e;
    }
    if (e == b) continue;
    if (t.stop && e < i && text[e] == '.' && IsAbbreviation(text.substr(b, e - b))) {
      // "ul." and "St." keep their dot: only later punctuation ends the clause.
      std::string_view rest = text.substr(e + 1, i - e - 1);
      t.stop = rest.find_first_of(".;:!?)") != std::string_view::npos;
    }
    t.begin = b;
    t.end = e;
    t.core = text.substr(b, e - b);
    toks.push_back(t);
  }
  return toks;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool IsUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsHouseNumber(std::string_view s) {
  size_t n = 0;
  while (n < s.size() && IsDigit(s[n])) ++n;
  if (n == 0 || n > 5) return false;
  if (n == s.size()) return true;
  std::string_view rest = s.substr(n);
  if (rest.size() == 1 && std::isalpha(static_cast<unsigned char>(rest[0]))) return true;
  return rest[0] == '-' && AllDigits(rest.substr(1)) && rest.size() <= 5;
}

bool IsCapWord(std::string_view s) {
  size_t i = 0;
  uint32_t first = utf8::Decode(s, &i);
  if (!IsUpperCp(first)) return false;
  while (i < s.size()) {
    uint32_t cp = utf8::Decode(s, &i);
    if (!IsLetterCp(cp) && cp != '-' && cp != '\'' && cp != 0x2019 && cp != '.') return false;
  }
  return true;
}

bool IsOrdinal(std::string_view s) {
  size_t n = 0;
  while (n < s.size() && IsDigit(s[n])) ++n;
  if (n == 0 || n + 2 != s.size()) return false;
  std::string_view suf = s.substr(n);
  return suf == "st" || suf == "nd" || suf == "rd" || suf == "th";
}

bool IsStreetParticle(std::string_view s) {
  for (std::string_view p : {"de", "du", "des", "la",  "le",  "l'",  "d'",    "del", "della", "di",
                             "da", "do", "dos", "das", "of",  "the", "von",   "van", "der",   "den",
                             "y",  "e",  "al",  "el",  "les", "lo",  "degli", "dei"}) {
    if (s == p) return true;
  }
  return s.starts_with("d'") || s.starts_with("l'") || s.starts_with("d\xE2\x80\x99");
}

bool IsNamePart(const Tok& t) {
  return IsCapWord(t.core) || IsOrdinal(t.core) || IsDirection(t.core);
}

// Postal code starting at token i: number of tokens it spans, 0 when none.
size_t PostalAt(const std::vector<Tok>& t, size_t i, bool strict) {
  if (i >= t.size()) return 0;
  std::string_view c = t[i].core;
  std::string_view next = (i + 1 < t.size() && !t[i].comma && !t[i].stop) ? t[i + 1].core : "";
  auto digits_dash_digits = [&](size_t a, size_t b) {
    return c.size() == a + 1 + b && AllDigits(c.substr(0, a)) && c[a] == '-' &&
           AllDigits(c.substr(a + 1));
  };
  if (AllDigits(c) && (c.size() == 5 || c.size() == 6 || (!strict && c.size() == 7))) return 1;
  if (digits_dash_digits(5, 4) || digits_dash_digits(5, 3) || digits_dash_digits(4, 3) ||
      digits_dash_digits(2, 3) || digits_dash_digits(3, 4)) {
    return 1;
  }
  auto uk_out = [](std::string_view s) {
    size_t n = 0;
    while (n < s.size() && n < 2 && IsUpperAscii(s[n])) ++n;
    if (n == 0 || n >= s.size() || !IsDigit(s[n])) return false;
    size_t rest = s.size() - n - 1;
    return rest == 0 || (rest == 1 && (IsUpperAscii(s[n + 1]) || IsDigit(s[n + 1])));
  };
  auto uk_in = [](std::string_view s) {
    return s.size() == 3 && IsDigit(s[0]) && IsUpperAscii(s[1]) && IsUpperAscii(s[2]);
  };
  auto ca_half_a = [](std::string_view s) {
    return s.size() == 3 && IsUpperAscii(s[0]) && IsDigit(s[1]) && IsUpperAscii(s[2]);
  };
  auto ca_half_b = [](std::string_view s) {
    return s.size() == 3 && IsDigit(s[0]) && IsUpperAscii(s[1]) && IsDigit(s[2]);
  };
  if (uk_out(c) && uk_in(next)) return 2;
  // Irish Eircode: routing key (A65, D6W) and a four-character unique identifier (F4E2).
  auto eir_key = [](std::string_view s) {
    return s.size() == 3 && IsUpperAscii(s[0]) && IsDigit(s[1]) && (IsDigit(s[2]) || s == "D6W");
  };
  auto eir_id = [](std::string_view s) {
    if (s.size() != 4) return false;
    bool letter = false, digit = false;
    for (char ch : s) {
      letter = letter || IsUpperAscii(ch);
      digit = digit || IsDigit(ch);
      if (!IsUpperAscii(ch) && !IsDigit(ch)) return false;
    }
    return letter && digit;
  };
  if (eir_key(c) && eir_id(next)) return 2;
  if (c.size() == 7 && eir_key(c.substr(0, 3)) && eir_id(c.substr(3))) return 1;
  if (ca_half_a(c) && ca_half_b(next)) return 2;
  if (c.size() == 6 && ca_half_a(c.substr(0, 3)) && ca_half_b(c.substr(3))) return 1;
  if (c.size() >= 5 && c.size() <= 7 && uk_in(c.substr(c.size() - 3)) &&
      uk_out(c.substr(0, c.size() - 3))) {
    return 1;
  }
  if (AllDigits(c) && c.size() == 4) {
    if (next.size() == 2 && IsUpperAscii(next[0]) && IsUpperAscii(next[1])) return 2;
    return strict ? 0 : 1;
  }
  if (AllDigits(c) && c.size() == 3 && AllDigits(next) && next.size() == 2) return 2;
  return 0;
}

// Longest known city (1–4 tokens) at token i; returns the token count.
size_t KnownCityAt(std::string_view text, const std::vector<Tok>& t, size_t i) {
  for (size_t len = 4; len >= 1; --len) {
    if (i + len > t.size()) continue;
    bool ok = true;
    for (size_t k = i; k + 1 < i + len; ++k) ok = ok && !t[k].comma && !t[k].stop;
    if (!ok) continue;
    if (IsCityName(text.substr(t[i].begin, t[i + len - 1].end - t[i].begin))) return len;
  }
  return 0;
}

// Capitalised words (1–3) at token i, ending at punctuation.
size_t CapRunAt(const std::vector<Tok>& t, size_t i) {
  size_t n = 0;
  while (i + n < t.size() && n < 3 && IsCapWord(t[i + n].core) &&
         !IsUpperAscii(t[i + n].core.back())) {
    if (n > 0 && IsCountryName(t[i + n].core, false)) break;
    ++n;
    if (t[i + n - 1].comma || t[i + n - 1].stop) break;
  }
  return n;
}

void Add(Findings& out, const std::vector<Tok>& t, size_t first, size_t count, ClassId cls) {
  out.push_back(Finding{static_cast<uint32_t>(t[first].begin),
                        static_cast<uint32_t>(t[first + count - 1].end), cls});
}

bool Joined(const Tok& t) { return !t.comma && !t.stop; }

// Leading street types that are written in lower case before a name (ul. Marszałkowska).
bool IsLowerCaseLeadingType(std::string_view s) {
  for (std::string_view a : {"ul", "al", "jl", "pr", "bd", "av", "avda", "rue", "calle", "rua",
                             "avenida", "viale", "piazza", "corso", "ulica", "aleja", "jalan"}) {
    if (s == a) return true;
  }
  return false;
}

// Street starting at token i; returns the index one past its last token, or i when none.
// `weak` is set for English-order streets, which need an address context to count.
size_t StreetAt(const std::vector<Tok>& t, size_t i, bool* weak) {
  *weak = false;
  const size_t n = t.size();
  const Tok& a = t[i];
  if (IsHouseNumber(a.core) && !a.stop && i + 1 < n) {
    size_t j = i + 1;
    if (IsLeadingStreetType(t[j].core) && Joined(t[j]) && j + 1 < n) {
      // French / Romance order after the number: 155 rue Oberkampf, 12 rue de la Paix.
      size_t k = j + 1;
      size_t last = 0;
      while (k < n && k < j + 6) {
        if (IsCapWord(t[k].core) || IsOrdinal(t[k].core)) {
          last = k;
        } else if (!IsStreetParticle(t[k].core)) {
          break;
        }
        if (!Joined(t[k])) break;
        ++k;
      }
      if (last != 0) return last + 1;
    }
    *weak = true;
    if (IsTypelessStreet(t[j].core)) return j + 1;
    if (IsCompoundStreetName(t[j].core) && IsCapWord(t[j].core)) {
      *weak = false;
      return j + 1;  // 16 Hauptstraße
    }
    // English order: 45 Valencia Street, 858 W 34th St, 1897, Linking Road.
    for (size_t k = j; k < n && k < j + 5; ++k) {
      if (k > j && IsTrailingStreetType(t[k].core)) {
        size_t end = k + 1;
        if (Joined(t[k]) && end < n && IsDirection(t[end].core) && IsUpperAscii(t[end].core[0])) {
          ++end;
        }
        return end;
      }
      if (!IsNamePart(t[k]) || !Joined(t[k])) break;
    }
    return i;
  }
  if (IsCompoundStreetName(a.core) && IsCapWord(a.core) && !a.stop && i + 1 < n &&
      IsHouseNumber(t[i + 1].core)) {
    return i + 2;  // Friedrichstraße 12, Kastanienallee 5
  }
  if (IsCapWord(a.core) && Joined(a) && i + 2 < n && IsNumberAfterStreetType(t[i + 1].core) &&
      !t[i + 1].stop && IsHouseNumber(t[i + 2].core)) {
    return i + 3;  // Berliner Straße 12
  }
  if (IsCapWord(a.core) && Joined(a) && !IsTrailingStreetType(a.core)) {
    // Name, type word, then the number: Kenyatta Avenue 44, İstiklal Caddesi 112.
    for (size_t k = i + 1; k < n && k < i + 4; ++k) {
      if (IsTrailingStreetType(t[k].core) && IsCapWord(t[k].core) && Joined(t[k]) && k + 1 < n &&
          IsHouseNumber(t[k + 1].core)) {
        *weak = true;
        return k + 2;
      }
      if (!IsCapWord(t[k].core) || !Joined(t[k])) break;
    }
  }
  if (IsLeadingStreetType(a.core) && (IsCapWord(a.core) || IsLowerCaseLeadingType(a.core)) &&
      Joined(a)) {
    // Avenida Paulista, 1124 / Via Roma 12 / Calle de Alcalá 5.
    size_t k = i + 1;
    size_t last = 0;
    while (k < n && k < i + 6) {
      if (IsCapWord(t[k].core)) {
        last = k;
      } else if (!IsStreetParticle(t[k].core)) {
        break;
      }
      if (t[k].stop) return i;
      if (t[k].comma) break;
      ++k;
    }
    if (last != 0 && last + 1 < n && !t[last].stop && IsHouseNumber(t[last + 1].core)) {
      return last + 2;
    }
  }
  return i;
}

bool IsAddressCue(const Tok& tok) {
  std::string_view c = tok.core;
  for (std::string_view cue :
       {"at",      "to",    "on",    "in",   "from",    "for",     "near",    "address",
        "Address", "addr",  "ship",  "Ship", "deliver", "Deliver", "located", "lives",
        "live",    "visit", "Visit", "At",   "To",      "From",    "Ship-to", "Bill-to"}) {
    if (c == cue) return true;
  }
  return false;
}

// An apartment/suite designator after the street (Apt 5B, Suite 200, #12): tokens used.
size_t UnitAt(const std::vector<Tok>& t, size_t n) {
  if (n >= t.size()) return 0;
  std::string_view c = t[n].core;
  if (c.size() >= 2 && c[0] == '#' && IsDigit(c[1])) return 1;
  for (std::string_view u : {"Apt", "Apartment", "Suite", "Ste", "Unit", "Flat", "Floor", "Fl",
                             "Room", "Rm", "Bldg", "Building", "apt", "suite", "unit", "flat"}) {
    if (c == u && Joined(t[n]) && n + 1 < t.size() && IsDigit(t[n + 1].core[0]) &&
        t[n + 1].core.size() <= 6) {
      return 2;
    }
  }
  return 0;
}

bool IsDash(const Tok& t) { return t.core == "-" || t.core == "\xE2\x80\x93"; }

size_t SkipDash(const std::vector<Tok>& t, size_t n) {
  return (n < t.size() && IsDash(t[n])) ? n + 1 : n;
}

bool IsRegionCode(const Tok& t) {
  std::string_view c = t.core;
  return c.size() >= 2 && c.size() <= 3 && IsUpperAscii(c[0]) && IsUpperAscii(c[1]) &&
         (c.size() == 2 || IsUpperAscii(c[2])) && !t.stop;
}

// A state, province or region (CA, QC, NSW, California, Nuevo León, 神奈川県) at token i: the
// tokens it spans, 0 when none. `code` is set for an upper-case code; `ambiguous` when the
// code or name is also a country (CA, IN, Georgia, México), which needs a postal code after it.
size_t RegionAt(std::string_view text, const std::vector<Tok>& t, size_t i, bool* code,
                bool* ambiguous) {
  *code = false;
  *ambiguous = false;
  if (i >= t.size()) return 0;
  if (IsSubdivisionCode(t[i].core) && t[i].core == text.substr(t[i].begin, t[i].end - t[i].begin)) {
    *code = true;
    *ambiguous = IsCountryName(t[i].core, true);
    return 1;
  }
  for (size_t len = 4; len >= 1; --len) {
    if (i + len > t.size()) continue;
    bool ok = true;
    for (size_t k = i; k + 1 < i + len; ++k) ok = ok && Joined(t[k]);
    if (!ok) continue;
    std::string_view name = text.substr(t[i].begin, t[i + len - 1].end - t[i].begin);
    if (IsSubdivisionName(name)) {
      *ambiguous = IsCountryName(name, false);
      return len;
    }
  }
  return 0;
}

// A region after a city that ends before token c (postal-first order or no postal code:
// "64657 Monterrey, Nuevo León", "São Paulo - SP", "H2X 3R2 Montréal QC"). Adds it and returns
// the index after it; c when none. `known` tells whether the city is a known one.
size_t TrailingRegion(std::string_view text, const std::vector<Tok>& t, size_t c, bool known,
                      Findings& out) {
  if (c == 0 || c >= t.size() || t[c - 1].stop) return c;
  size_t r = SkipDash(t, c);
  bool dashed = r > c;
  bool code = false, ambiguous = false;
  size_t len = RegionAt(text, t, r, &code, &ambiguous);
  if (len == 0) return c;
  if (!known && IsCityName(text.substr(t[r].begin, t[r + len - 1].end - t[r].begin))) return c;
  bool ok = false;
  if (code) {
    // A code after a dash (São Paulo - SP) is Brazilian style; after a comma or space it must
    // not read as a country code (Berlin DE).
    ok = dashed || !ambiguous;
  } else {
    ok = (dashed || t[c - 1].comma) && !ambiguous;
  }
  if (!ok) return c;
  Add(out, t, r, len, kRegion);
  return r + len;
}

// Three- or four-digit postal codes (Iceland, Norway, Denmark, Switzerland, Austria): accepted
// only next to a known city after a street.
bool IsShortPostal(std::string_view s) {
  if (AllDigits(s)) return s.size() == 3 || s.size() == 4;
  // With a country prefix: D-10115, CH-8001, SE-114 (the rest of "SE-114 55" is not joined).
  size_t n = 0;
  while (n < s.size() && n < 2 && IsUpperAscii(s[n])) ++n;
  return n > 0 && n + 1 < s.size() && s[n] == '-' && AllDigits(s.substr(n + 1)) &&
         s.size() - n - 1 >= 3 && s.size() - n - 1 <= 5;
}

// House number inside a comma-separated street segment: 7, 18b, 12-14, or a Japanese block
// number 2-11-3.
bool IsSegmentNumber(std::string_view s) {
  size_t groups = 0, i = 0;
  while (i < s.size()) {
    size_t n = 0;
    while (i < s.size() && IsDigit(s[i])) ++i, ++n;
    if (n == 0 || n > 4) return false;
    ++groups;
    if (i == s.size()) break;
    if (s[i] == '-' && i + 1 < s.size()) {
      ++i;
      continue;
    }
    return i + 1 == s.size() && groups == 1 && std::isalpha(static_cast<unsigned char>(s[i]));
  }
  return groups >= 1 && groups <= 3;
}

// Words that carry a number but do not name a street (Order 1234, Room 12, Gate 7).
bool IsNumberedThing(std::string_view s) {
  for (std::string_view w :
       {"Order",  "Invoice", "Ticket",  "Room",    "Gate",     "Level",    "Floor",    "Suite",
        "Unit",   "Apt",     "Flat",    "Version", "Page",     "Step",     "Item",     "Table",
        "Seat",   "Row",     "Case",    "Year",    "Day",      "Week",     "Chapter",  "Section",
        "Part",   "Phase",   "Season",  "Episode", "Terminal", "Platform", "Track",    "Line",
        "Route",  "Bus",     "Flight",  "Batch",   "Model",    "Lot",      "Dock",     "Stand",
        "Booth",  "Hall",    "Slot",    "Pack",    "Size",     "Pier",     "Shipment", "Package",
        "Parcel", "Account", "Highway", "Camp"}) {
    if (s == w) return true;
  }
  return false;
}

bool IsSegmentWord(const Tok& tok) {
  return IsCapWord(tok.core) || IsSegmentNumber(tok.core) || IsStreetParticle(tok.core) ||
         IsLowerCaseLeadingType(tok.core) || IsOrdinal(tok.core) ||
         IsTrailingStreetType(tok.core);  // Karl Johans gate 1
}

// Start of the comma-separated segment that ends with token end - 1 when it reads as a street
// (capitalised words and one house number, any order: Bryggen 7, 2-11-3 Umeda); end when not.
size_t StreetSegmentStart(const std::vector<Tok>& t, size_t end) {
  if (end == 0 || !t[end - 1].comma) return end;
  size_t s = end - 1;
  while (s > 0 && Joined(t[s - 1]) && IsSegmentWord(t[s - 1]) && end - s < 6) --s;
  if (!IsSegmentWord(t[end - 1])) return end;
  while (s < end && IsStreetParticle(t[s].core)) ++s;
  size_t numbers = 0, words = 0;
  for (size_t k = s; k < end; ++k) {
    if (!IsSegmentWord(t[k])) return end;
    if (IsSegmentNumber(t[k].core)) {
      ++numbers;
    } else if (IsCapWord(t[k].core)) {
      if (IsNumberedThing(t[k].core) || IsCountryName(t[k].core, false)) return end;
      ++words;
    }
  }
  return (numbers == 1 && words >= 1) ? s : end;
}

// Street before an anchor at token i: its segment, or (Japanese order) a numbered segment
// followed by a one- or two-word district (2-11-3 Umeda, Kita-ku). Returns i when none.
size_t StreetBeforeAnchor(const std::vector<Tok>& t, size_t i) {
  size_t s = StreetSegmentStart(t, i);
  if (s < i) return s;
  if (i < 2 || !t[i - 1].comma) return i;
  size_t d = i - 1;
  if (d > 0 && Joined(t[d - 1]) && IsCapWord(t[d - 1].core)) --d;
  if (!IsCapWord(t[d].core) || !IsCapWord(t[i - 1].core)) return i;
  s = StreetSegmentStart(t, d);
  return s < d ? s : i;
}

// Postal code and city after a street ending before token n; returns the next token index.
// Shapes: "94103 San Francisco", "London NW1 6XE", "Springfield, IL 62704",
// "- Bela Vista, São Paulo - SP, 01310-200".
size_t AddressTail(std::string_view text, std::vector<Tok>& t, size_t n, Findings& out) {
  if (n >= t.size() || t[n - 1].stop) return n;
  n = SkipDash(t, n);
  size_t p = PostalAt(t, n, false);
  if (p == 0 && n < t.size() && IsShortPostal(t[n].core) && Joined(t[n]) &&
      KnownCityAt(text, t, n + 1) > 0) {
    p = 1;
  }
  if (p > 0) {
    Add(out, t, n, p, kPostalCode);
    size_t c = n + p;
    if (c >= t.size() || t[c - 1].stop) return c;
    c = SkipDash(t, c);
    size_t len = KnownCityAt(text, t, c);
    bool known = len > 0;
    if (len == 0) len = CapRunAt(t, c);
    if (len == 0) return c;
    Add(out, t, c, len, kCity);
    return TrailingRegion(text, t, c + len, known, out);
  }
  for (int attempt = 0; attempt < 2 && n < t.size(); ++attempt) {
    size_t len = KnownCityAt(text, t, n);
    bool known = len > 0;
    if (!known) len = CapRunAt(t, n);
    if (len == 0) return n;
    size_t c = n + len;
    if (c < t.size() && !t[c - 1].stop) {
      size_t r = SkipDash(t, c);
      // A region between the city and the postal code: Berkeley, CA 94700; Fitzroy VIC 3065;
      // Bengaluru, Karnataka 560001.
      size_t reg_at = r, reg = 0;
      bool strict = r == c;
      if (PostalAt(t, r, true) == 0 && r < t.size()) {
        bool code = false, ambiguous = false;
        reg = RegionAt(text, t, r, &code, &ambiguous);
        if (reg > 0 && !known &&
            IsCityName(text.substr(t[r].begin, t[r + reg - 1].end - t[r].begin))) {
          reg = 0;  // Bela Vista, São Paulo: the city comes next
        }
        if (reg > 0 && !t[r + reg - 1].stop) {
          r = SkipDash(t, r + reg);
          strict = strict && !code;
        } else if (IsRegionCode(t[r])) {
          reg = 0;
          r = SkipDash(t, r + 1);
          strict = false;
        } else {
          reg = 0;
        }
      }
      size_t p = PostalAt(t, r, strict);
      if (p == 0 && known && r < t.size() && IsShortPostal(t[r].core)) p = 1;  // Tromsø 9008
      if (p > 0) {
        Add(out, t, n, len, kCity);
        if (reg > 0) Add(out, t, reg_at, reg, kRegion);
        Add(out, t, r, p, kPostalCode);
        return r + p;
      }
    }
    if (known) {
      Add(out, t, n, len, kCity);
      return TrailingRegion(text, t, c, true, out);
    }
    // The first capitalised run may be a neighbourhood (Bela Vista); try the next one.
    if (!t[c - 1].comma || c >= t.size()) return n;
    n = c;
  }
  return n;
}

}  // namespace

void FindAddresses(std::string_view text, Findings& out) {
  std::vector<Tok> t = Tokenize(text);
  Findings tail;
  for (size_t i = 0; i < t.size(); ++i) {
    bool weak = false;
    size_t end = StreetAt(t, i, &weak);
    if (end > i) {
      if (t[end - 1].comma || Joined(t[end - 1])) end += UnitAt(t, end);
      tail.clear();
      size_t next = AddressTail(text, t, end, tail);
      // "Top 10 Hiking Trail" is not an address: an English-order street needs a postal code,
      // a city or an address cue before it.
      if (weak && tail.empty() && (i == 0 || !IsAddressCue(t[i - 1]))) continue;
      Add(out, t, i, end - i, kStreetAddress);
      out.insert(out.end(), tail.begin(), tail.end());
      i = next - 1;
      continue;
    }
    // A postal code next to a known city anchors an address (10115 Berlin, 101 Reykjavík,
    // Osaka 530-0001); a numbered segment before it is the street (Bryggen 7, 5003 Bergen).
    size_t p = PostalAt(t, i, true);
    bool loose = p == 0 && IsShortPostal(t[i].core);
    if (loose) p = 1;
    if (p > 0 && Joined(t[i + p - 1])) {
      size_t len = KnownCityAt(text, t, i + p);
      size_t after = i + p + len;
      bool clause_end = len > 0 && (after == t.size() || !Joined(t[after - 1]) ||
                                    IsCountryName(t[after].core, true));
      size_t street = len > 0 ? StreetBeforeAnchor(t, i) : i;
      // With a street before it, the city may run on into the sentence (…, 1051 København please).
      bool runs_on =
          len > 0 && !loose && street < i && after < t.size() && !IsCapWord(t[after].core);
      if ((clause_end || runs_on) && (street < i || !loose)) {
        if (street < i) Add(out, t, street, i - street, kStreetAddress);
        Add(out, t, i, p, kPostalCode);
        Add(out, t, i + p, len, kCity);
        i = (street < i ? TrailingRegion(text, t, after, true, out) : after) - 1;
        continue;
      }
    }
    // A full postal code (not a bare four-digit number, which may be a year) after a numbered
    // street segment takes an unknown city too (Strandvejen 88, 29000 Hellerup).
    if (p > 0 && !loose && Joined(t[i + p - 1]) &&
        !(AllDigits(t[i].core) && p == 1 && t[i].core.size() == 4)) {
      size_t len = CapRunAt(t, i + p);
      size_t after = i + p + len;
      size_t street = len > 0 ? StreetBeforeAnchor(t, i) : i;
      if (street < i && (after == t.size() || !Joined(t[after - 1]))) {
        Add(out, t, street, i - street, kStreetAddress);
        Add(out, t, i, p, kPostalCode);
        Add(out, t, i + p, len, kCity);
        i = TrailingRegion(text, t, after, false, out) - 1;
        continue;
      }
    }
    if (size_t len = KnownCityAt(text, t, i); len > 0 && !t[i + len - 1].stop) {
      size_t r = i + len;
      // A region between the city and the postal code: Yokohama, Kanagawa 220-0012.
      bool code = false, ambiguous = false;
      size_t reg_at = r;
      size_t reg = RegionAt(text, t, r, &code, &ambiguous);
      if (reg > 0 && Joined(t[r + reg - 1]) && PostalAt(t, r + reg, true) > 0) {
        r += reg;
      } else if (!Joined(t[i + len - 1])) {
        continue;
      } else {
        reg = 0;
      }
      size_t q = PostalAt(t, r, true);
      if (q == 0 && r < t.size() && IsShortPostal(t[r].core)) q = 1;  // Reykjavík 101
      size_t street = q > 0 ? StreetBeforeAnchor(t, i) : i;
      if (street < i && (r + q == t.size() || !Joined(t[r + q - 1]))) {
        Add(out, t, street, i - street, kStreetAddress);
        Add(out, t, i, len, kCity);
        if (reg > 0) Add(out, t, reg_at, reg, kRegion);
        Add(out, t, r, q, kPostalCode);
        i = r + q - 1;
      }
    }
  }
}

bool IsKnownCity(std::string_view value) { return IsCityName(value); }

bool IsCountry(std::string_view value) { return IsCountryName(value, true); }

}  // namespace metagate::classify::text
