#include "text/street_words.h"

#include <algorithm>

#include "text/given_names.h"

namespace metagate::classify::text {
namespace {

constexpr std::string_view kTrailing[] = {
    "street", "st",         "st.",       "avenue",   "ave",   "ave.",    "av",      "road",
    "rd",     "rd.",        "boulevard", "blvd",     "blvd.", "lane",    "ln",      "ln.",
    "drive",  "dr",         "dr.",       "way",      "place", "pl",      "pl.",     "court",
    "ct",     "ct.",        "square",    "sq",       "sq.",   "terrace", "terr",    "crescent",
    "cres",   "highway",    "hwy",       "parkway",  "pkwy",  "circle",  "cir",     "trail",
    "close",  "row",        "walk",      "gardens",  "grove", "mews",    "hill",    "loop",
    "alley",  "expressway", "freeway",   "turnpike", "pike",  "plaza",   "path",    "embankment",
    "parade", "esplanade",  "marg",      "nagar",    "salai", "straße",  "strasse", "str.",
    "allee",  "weg",        "platz",     "gasse",    "ring",  "damm",    "ufer",    "chaussee",
    "steig",  "pfad",       "markt",     "straat",   "laan",  "gracht",  "plein",   "kade",
    "singel", "gatan",      "vägen",     "gata",     "vej",   "gade",    "veien",   "gate",
    "katu",   "tie",        "utca",      "út",       "cesta", "ulice",   "street,", "sokak",
    "sokağı", "caddesi",    "cd.",       "sk."};

constexpr std::string_view kLeading[] = {
    "rue",     "boulevard", "bd",         "bd.",     "bvd",     "avenue",    "av.",   "av",
    "avda",    "avda.",     "place",      "allée",   "allee",   "chemin",    "quai",  "impasse",
    "cours",   "route",     "voie",       "passage", "square",  "calle",     "c/",    "avenida",
    "paseo",   "plaza",     "carrera",    "camino",  "carrer",  "passeig",   "rua",   "travessa",
    "alameda", "praça",     "praca",      "largo",   "estrada", "rodovia",   "via",   "viale",
    "piazza",  "corso",     "vicolo",     "largo",   "strada",  "lungomare", "ulica", "ul.",
    "ul",      "aleja",     "al.",        "plac",    "ulitsa",  "prospekt",  "pr.",   "ulitsa",
    "str",     "strada",    "bulevardul", "calea",   "jalan",   "jl.",       "jl"};

constexpr std::string_view kCompoundSuffixes[] = {
    "straße",   "strasse", "str.",   "allee", "weg",    "platz",   "gasse",  "damm",   "ufer",
    "chaussee", "steig",   "pfad",   "markt", "graben", "str",     "gracht", "straat", "laan",
    "plein",    "kade",    "singel", "dijk",  "gatan",  "vägen",   "gränd",  "torget", "vej",
    "gade",     "stræde",  "veien",  "veg",   "gata",   "katu",    "kuja",   "polku",  "vejen",
    "gaden",    "plads",   "torv",   "vegen", "tie",    "bulvarı", "caddesi"};

constexpr std::string_view kDirections[] = {
    "n",    "s",    "e",         "w",         "ne",        "nw",       "se",
    "sw",   "n.",   "s.",        "e.",        "w.",        "north",    "south",
    "east", "west", "northeast", "northwest", "southeast", "southwest"};

template <size_t N>
bool Lookup(const std::string_view (&list)[N], std::string_view word) {
  char buf[64];
  std::string_view lower = LowerInto(word, buf, sizeof buf);
  return !lower.empty() && std::find(std::begin(list), std::end(list), lower) != std::end(list);
}

}  // namespace

bool IsTrailingStreetType(std::string_view word) { return Lookup(kTrailing, word); }
bool IsLeadingStreetType(std::string_view word) { return Lookup(kLeading, word); }
bool IsDirection(std::string_view word) { return Lookup(kDirections, word); }

bool IsNumberAfterStreetType(std::string_view word) { return Lookup(kCompoundSuffixes, word); }

bool IsTypelessStreet(std::string_view word) {
  char buf[32];
  return LowerInto(word, buf, sizeof buf) == "broadway";
}

bool IsCompoundStreetName(std::string_view word) {
  char buf[96];
  std::string_view lower = LowerInto(word, buf, sizeof buf);
  for (std::string_view suffix : kCompoundSuffixes) {
    if (lower.size() >= suffix.size() + 3 && lower.ends_with(suffix)) return true;
  }
  return false;
}

}  // namespace metagate::classify::text
