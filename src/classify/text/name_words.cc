#include "text/name_words.h"

#include <algorithm>
#include <cstring>

#include "metagate/common/utf8.h"
#include "text/given_names.h"
#include "text/script.h"

namespace metagate::classify::text {
namespace {

constexpr std::string_view kParticles[] = {
    "al",  "bin", "binti", "bint", "da", "dal", "de",  "del", "della", "den", "der", "di",
    "do",  "dos", "das",   "du",   "el", "ibn", "la",  "le",  "st",    "te",  "ten", "ter",
    "van", "vom", "von",   "y",    "zu", "d'",  "abu", "ben", "mac",   "ap",  "af",  "av"};

// Capitalised words that end a name: street types, company words, calendar and UI words.
constexpr std::string_view kNotSurnames[] = {
    "academy",   "account",      "admin",      "ag",        "airlines",    "airport",
    "alle",      "allee",        "and",        "api",       "app",         "april",
    "ave",       "avenue",       "august",     "bank",      "bay",         "beach",
    "billing",   "blvd",         "boulevard",  "brands",    "bridge",      "building",
    "cafe",      "capital",      "center",     "centre",    "chemin",      "church",
    "circle",    "city",         "clinic",     "close",     "club",        "co",
    "college",   "company",      "consulting", "corp",      "corporation", "county",
    "court",     "crescent",     "ct",         "dashboard", "december",    "desk",
    "district",  "dr",           "drive",      "energy",    "enterprises", "est",
    "february",  "foods",        "foundation", "friday",    "games",       "gardens",
    "gmbh",      "group",        "hall",       "health",    "highway",     "hills",
    "holdings",  "hospital",     "hotel",      "hwy",       "inc",         "industries",
    "institute", "insurance",    "january",    "july",      "june",        "lab",
    "labs",      "lake",         "lane",       "limited",   "llc",         "ln",
    "logistics", "ltd",          "mall",       "march",     "market",      "media",
    "monday",    "motors",       "mount",      "museum",    "networks",    "november",
    "october",   "office",       "parkway",    "partners",  "pharma",      "pkwy",
    "pl",        "place",        "plaza",      "plc",       "pricing",     "profile",
    "rd",        "report",       "restaurant", "road",      "row",         "rue",
    "sa",        "sale",         "saturday",   "school",    "september",   "services",
    "settings",  "shop",         "software",   "solutions", "sq",          "square",
    "st",        "station",      "store",      "str",       "strasse",     "street",
    "studio",    "studios",      "sunday",     "support",   "systems",     "team",
    "tech",      "technologies", "terrace",    "the",       "thursday",    "tower",
    "trail",     "tuesday",      "university", "valley",    "ventures",    "via",
    "village",   "way",          "wednesday",  "weg",       "straße",      "platz",
    "gasse",     "avenida",      "rua",        "calle",     "county",      "state",
    "province",  "river",        "analytics",  "cloud",     "digital",     "data",
    "robotics",  "airways",      "bakery",     "brewery",   "pharmacy",    "partners",
    "dynamics",  "security",     "payments",   "finance",   "capital",     "ai",
    "works",     "supply",       "trading",    "imports",   "exports",     "agency",
    "chapel",    "abbey",        "manor",      "harbor",    "harbour",     "springs",
    "heights",   "falls",        "crossing",   "junction",  "collective",  "co-op",
    "kitchen",   "bistro",       "motors",     "airlines"};

constexpr std::string_view kCueWords[] = {
    "agent",     "am",         "applicant",   "assigned",  "assignee",  "attention", "attn",
    "author",    "ask",        "beneficiary", "buyer",     "by",        "call",      "called",
    "candidate", "cardholder", "cc",          "client",    "contact",   "customer",  "dear",
    "doctor",    "dr",         "email",       "employee",  "for",       "from",      "guest",
    "hello",     "hey",        "hi",          "holder",    "i'm",       "im",        "is",
    "manager",   "me",         "meet",        "member",    "miss",      "mr",        "mrs",
    "ms",        "mx",         "name",        "named",     "nurse",     "owner",     "passenger",
    "patient",   "payee",      "prof",        "recipient", "regards",   "reviewer",  "sender",
    "signed",    "sincerely",  "student",     "teacher",   "tenant",    "thanks",    "to",
    "user",      "with",       "sir",         "madam",     "colleague", "cliente",   "para",
    "pour",      "für",        "an",          "herr",      "frau",      "señor",     "señora",
    "sr",        "sra",        "monsieur",    "madame",    "m",         "mme",       "de",
    "och",       "und",        "and",         "or",        "et",        "y",         "e",
    "label"};

constexpr std::string_view kStrongCueWords[] = {
    "applicant",  "dr",       "doctor", "professor", "attn",      "beneficiary", "candidate",
    "cardholder", "customer", "dear",   "employee",  "holder",    "madam",       "mr",
    "mrs",        "ms",       "mx",     "named",     "patient",   "payee",       "prof",
    "recipient",  "regards",  "signed", "sincerely", "herr",      "frau",        "monsieur",
    "madame",     "mme",      "señor",  "señora",    "sr",        "sra",         "client",
    "hey",        "hi",       "hello",  "cliente",   "passenger", "guest",       "tenant",
    "assignee"};

constexpr std::string_view kPlacePrefixes[] = {
    "cape",  "east",  "fort",  "glen",   "lake",   "mount", "new",   "north", "port",
    "saint", "san",   "santa", "santo",  "são",    "sao",   "south", "st",    "ste",
    "upper", "lower", "west",  "great",  "little", "old",   "grand", "la",    "los",
    "las",   "el",    "bad",   "sainte", "porto",  "puerto"};

constexpr std::string_view kAsianSurnames[] = {
    "bui",       "cao",     "chang",  "chen",      "cheng",    "cho",       "choi",     "chung",
    "dang",      "deng",    "dinh",   "do",        "duong",    "feng",      "gao",      "guo",
    "han",       "hayashi", "ho",     "hoang",     "hu",       "huang",     "huynh",    "inoue",
    "ito",       "jang",    "jiang",  "jung",      "kang",     "kato",      "kim",      "kimura",
    "kobayashi", "kwon",    "le",     "lee",       "li",       "liang",     "lim",      "lin",
    "liu",       "lu",      "luo",    "ly",        "ma",       "matsumoto", "nakamura", "ngo",
    "nguyen",    "oh",      "pan",    "park",      "pham",     "phan",      "saito",    "sasaki",
    "sato",      "shin",    "song",   "sun",       "suzuki",   "takahashi", "tanaka",   "tang",
    "tran",      "truong",  "vo",     "vu",        "wang",     "watanabe",  "wong",     "wu",
    "xie",       "xu",      "yamada", "yamaguchi", "yamamoto", "yang",      "yoon",     "yoshida",
    "yu",        "zhang",   "zhao",   "zheng",     "zhou",     "zhu"};

constexpr std::string_view kCommonNouns[] = {
    "alert",   "bag",        "bed",      "beer",      "black",     "blue",       "boots",
    "box",     "bracelet",   "break",    "bundle",    "cake",      "candle",     "chair",
    "coffee",  "collection", "concert",  "crystal",   "day",       "deal",       "desk",
    "diamond", "dress",      "edition",  "event",     "fair",      "festival",   "flower",
    "garden",  "glass",      "gold",     "green",     "hat",       "jacket",     "juice",
    "kit",     "lamp",       "launch",   "mode",      "necklace",  "night",      "offer",
    "oil",     "pack",       "party",    "pink",      "plan",      "red",        "release",
    "ring",    "sale",       "season",   "set",       "shirt",     "shoes",      "silver",
    "soap",    "sofa",       "special",  "stone",     "table",     "tea",        "theme",
    "time",    "update",     "watch",    "water",     "white",     "wine",       "collection",
    "sale",    "savings",    "camp",     "school",    "vibes",     "mood",       "playlist",
    "quartz",  "google",     "chrome",   "apple",     "microsoft", "amazon",     "slack",
    "zoom",    "github",     "gmail",    "outlook",   "windows",   "android",    "iphone",
    "firefox", "safari",     "stripe",   "paypal",    "visa",      "mastercard", "netflix",
    "spotify", "uber",       "facebook", "instagram", "twitter",   "whatsapp",   "telegram"};

template <size_t N>
bool InList(const std::string_view (&list)[N], std::string_view word) {
  char buf[64];
  std::string_view lower = LowerInto(word, buf, sizeof buf);
  if (lower.empty()) return false;
  if (std::find(std::begin(list), std::end(list), lower) != std::end(list)) return true;
  char fold_buf[64];
  std::string_view folded = FoldInto(lower, fold_buf, sizeof fold_buf);
  return !folded.empty() && folded != lower &&
         std::find(std::begin(list), std::end(list), folded) != std::end(list);
}

bool IsApostrophe(uint32_t cp) { return cp == '\'' || cp == 0x2019; }

bool BlocksBefore(char c) {
  return std::strchr("@._/\\=#+&%-", c) != nullptr || (c >= '0' && c <= '9');
}

bool IsAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         static_cast<unsigned char>(c) >= 0x80;
}

bool BlocksAfter(std::string_view text, size_t e) {
  char c = text[e];
  if (std::strchr("@_/\\=#+&%", c) != nullptr || (c >= '0' && c <= '9')) return true;
  return (c == '.' || c == '-') && e + 1 < text.size() && IsAlnum(text[e + 1]);
}

bool ChunkIsLink(std::string_view text, size_t b, size_t e) {
  while (b > 0 && text[b - 1] != ' ' && text[b - 1] != '\n' && text[b - 1] != '\t') --b;
  while (e < text.size() && text[e] != ' ' && text[e] != '\n' && text[e] != '\t') ++e;
  std::string_view chunk = text.substr(b, e - b);
  return chunk.find('@') != std::string_view::npos || chunk.find("://") != std::string_view::npos ||
         chunk.find("www.") != std::string_view::npos;
}

}  // namespace

std::vector<Word> SplitWords(std::string_view text) {
  std::vector<Word> words;
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    uint32_t cp = utf8::Decode(text, &i);
    if (!IsLetterCp(cp)) continue;
    Word w;
    w.begin = start;
    bool uncased = IsUncasedLetterCp(cp);
    w.capitalized = IsUpperCp(cp) || uncased;
    w.all_caps = IsUpperCp(cp);
    size_t end = i;
    while (i < text.size()) {
      size_t j = i;
      uint32_t c = utf8::Decode(text, &j);
      if (IsLetterCp(c)) {
        if (ToLowerCp(c) == c && c >= 0x41 && !(c >= 0x300 && c <= 0x36F)) w.all_caps = false;
        end = i = j;
        continue;
      }
      if ((IsApostrophe(c) || c == '-') && j < text.size()) {
        size_t k = j;
        if (IsLetterCp(utf8::Decode(text, &k))) {
          i = j;
          continue;
        }
      }
      break;
    }
    w.end = end;
    w.text = text.substr(w.begin, w.end - w.begin);
    w.blocked = (w.begin > 0 && BlocksBefore(text[w.begin - 1])) ||
                (w.end < text.size() && BlocksAfter(text, w.end)) ||
                ChunkIsLink(text, w.begin, w.end);
    words.push_back(w);
    i = end;
  }
  return words;
}

size_t TrimPossessive(const Word& w) {
  std::string_view t = w.text;
  if (t.size() > 3 && (t.ends_with("'s") || t.ends_with("'S"))) return w.end - 2;
  if (t.size() > 5 && t.ends_with("\xE2\x80\x99s")) return w.end - 4;
  return w.end;
}

bool IsParticle(std::string_view word) { return InList(kParticles, word); }
bool IsNotSurname(std::string_view word) { return InList(kNotSurnames, word); }
bool IsCueWord(std::string_view word) { return InList(kCueWords, word); }
bool IsStrongCueWord(std::string_view word) { return InList(kStrongCueWords, word); }
bool IsPlacePrefix(std::string_view word) { return InList(kPlacePrefixes, word); }
bool IsAsianSurname(std::string_view word) { return InList(kAsianSurnames, word); }
bool IsCommonNoun(std::string_view word) { return InList(kCommonNouns, word); }

}  // namespace metagate::classify::text
