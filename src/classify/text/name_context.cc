#include "text/name_context.h"

#include "metagate/common/utf8.h"
#include "text/given_names.h"

namespace metagate::classify::text {
namespace {

// One or two spaces between two words.
bool IsSpace(std::string_view text, size_t begin, size_t end) {
  if (begin >= end || end - begin > 2) return false;
  for (size_t i = begin; i < end; ++i) {
    if (text[i] != ' ') return false;
  }
  return true;
}

}  // namespace

bool IsGreeting(std::string_view word) {
  return word == "hey" || word == "hi" || word == "hello" || word == "Hey" || word == "Hi" ||
         word == "Hello";
}

// "…label: X Y, …": a label line names its recipient first.
bool IsLabelCue(std::string_view text, const std::vector<Word>& words, size_t g) {
  if (g < 2) return false;
  const Word& prev = words[g - 1];
  std::string_view kind = words[g - 2].text;
  return prev.text == "label" && prev.end < text.size() && text[prev.end] == ':' &&
         (kind == "shipping" || kind == "mailing" || kind == "address" || kind == "return" ||
          kind == "delivery" || kind == "parcel" || kind == "package" || kind == "Shipping");
}

bool IsGreekOrCyrillic(std::string_view word) {
  size_t i = 0;
  uint32_t cp = utf8::Decode(word, &i);
  return cp >= 0x370 && cp <= 0x52F;
}

// Family names that are also place nouns after another word (Riverside Park, Cedar Hill).
bool IsPlaceNoun(std::string_view word) {
  for (std::string_view w :
       {"Park",   "Hill",     "Wood",     "Field",   "Green",  "Lake",    "Brook",   "Bridge",
        "Castle", "Garden",   "Grove",    "Hall",    "House",  "Island",  "Mill",    "Rock",
        "Stone",  "Tower",    "Well",     "Dale",    "Heath",  "Cross",   "Gate",    "Church",
        "Banks",  "Ford",     "Bay",      "Beach",   "Forest", "Marsh",   "Moor",    "Moore",
        "Ridge",  "Valley",   "Woods",    "Fields",  "Wells",  "Street",  "Chapel",  "Abbey",
        "Manor",  "Harbor",   "Harbour",  "Port",    "Mills",  "Springs", "Heights", "Point",
        "Falls",  "Crossing", "Junction", "Village", "Center", "Centre",  "Mount",   "Hills",
        "Gardens"}) {
    if (word == w) return true;
  }
  return false;
}

// A greeting cue needs the name to end its phrase: "hey X Y," or "Hello X Y!", not
// "hello World Cup fans".
bool EndsPhrase(std::string_view text, size_t end) {
  if (end >= text.size()) return true;
  std::string_view rest = text.substr(end);
  if (rest.starts_with("'s") || rest.starts_with("\xE2\x80\x99s")) {
    rest.remove_prefix(rest[0] == '\'' ? 2 : 4);
  }
  if (rest.empty()) return true;
  char c = rest[0];
  if (c == ',' || c == '!' || c == '.' || c == ':' || c == ';' || c == '\n' || c == ')')
    return true;
  // A title separator after the name: "X Y | Site", "X Y – Site", "X Y · Site".
  while (!rest.empty() && rest[0] == ' ') rest.remove_prefix(1);
  return rest.starts_with("|") || rest.starts_with("\xE2\x80\x93") ||
         rest.starts_with("\xE2\x80\x94") || rest.starts_with("\xC2\xB7") || rest.starts_with("- ");
}

// Unknown capitalised words with English derivational endings read as a heading
// (Getting Started, Billing Overview, Release Management), not as a name.
bool HasEnglishWordEnding(const std::vector<Word>& words, size_t g, size_t end) {
  for (size_t k = g; k < end; ++k) {
    if (LookupGivenName(words[k].text) != GivenNameKind::kNone) continue;
    std::string_view w = words[k].text;
    for (std::string_view suffix :
         {"ing",  "ed",   "tion", "ment", "ness", "ity", "ings", "ers", "ics", "ship",
          "ance", "ence", "ful",  "less", "able", "ive", "ary",  "ory", "ise", "ize"}) {
      if (w.size() > suffix.size() + 2 && w.ends_with(suffix)) return true;
    }
  }
  return false;
}

// A form or header field that holds a person's name: "Name: X Y", "Recipient: X Y",
// "Kontakt: X Y", "Имя: X Y".
bool FieldLabelBefore(std::string_view text, const std::vector<Word>& words, size_t g) {
  if (g == 0) return false;
  const Word& prev = words[g - 1];
  if (prev.end >= text.size() || text[prev.end] != ':') return false;
  char lower[48];
  std::string_view l = LowerInto(prev.text, lower, sizeof lower);
  for (std::string_view w :
       {"name",         "recipient",    "sender", "contact",  "kontakt",  "nombre",   "nom",
        "navn",         "namn",         "nimi",   "naam",     "nome",     "imię",     "jméno",
        "név",          "adı",          "имя",    "фио",      "όνομα",    "attn",     "cardholder",
        "passenger",    "patient",      "guest",  "customer", "cliente",  "client",   "empfänger",
        "destinatario", "destinataire", "owner",  "assignee", "reporter", "requester"}) {
    if (l == w) return true;
  }
  return false;
}

// The word after word `end - 1` is lower case and separated by a space (… changed, … signed).
bool FollowedByLowerWord(std::string_view text, const std::vector<Word>& words, size_t end) {
  return end < words.size() && !words[end].capitalized &&
         IsSpace(text, words[end - 1].end, words[end].begin);
}

// A page about one person: "Profile – X Y | Site", "Member · X Y", "Account: X Y".
bool PersonPageBefore(std::string_view text, const std::vector<Word>& words, size_t g) {
  if (g == 0) return false;
  const Word& prev = words[g - 1];
  bool page_word = false;
  for (std::string_view w : {"Profile", "Account", "User", "Member", "Contact", "Customer",
                             "Employee", "Author", "Candidate", "Patient", "Student", "Speaker",
                             "Host", "Owner", "Driver", "Tenant", "Guest", "Applicant"}) {
    page_word = page_word || prev.text == w;
  }
  if (!page_word) return false;
  std::string_view gap = text.substr(prev.end, words[g].begin - prev.end);
  for (std::string_view sep : {"\xE2\x80\x93", "\xE2\x80\x94", "|", "\xC2\xB7", " - ", ":"}) {
    if (gap.find(sep) != std::string_view::npos) return gap.size() <= 5;
  }
  return false;
}

// The name is followed by its e-mail address: "X Y (x.y@example.com)" or "X Y <x@y>".
bool FollowedByEmail(std::string_view text, size_t end) {
  size_t i = end;
  while (i < text.size() && text[i] == ' ') ++i;
  if (i >= text.size() || (text[i] != '(' && text[i] != '<')) return false;
  size_t close = text.find_first_of(")> ", i + 1);
  std::string_view inside =
      text.substr(i + 1, close == std::string_view::npos ? close : close - i - 1);
  return inside.find('@') != std::string_view::npos;
}

// "X Y's dashboard": a possessive name followed by a lower-case word.
bool PossessiveBeforeLowerWord(std::string_view text, const std::vector<Word>& words, size_t k) {
  if (TrimPossessive(words[k]) == words[k].end || k + 1 >= words.size()) return false;
  const Word& next = words[k + 1];
  if (next.capitalized || !IsSpace(text, words[k].end, next.begin)) return false;
  for (std::string_view w :
       {"dashboard", "profile",     "account",     "workspace", "inbox",     "calendar",
        "birthday",  "team",        "notes",       "tasks",     "cart",      "orders",
        "order",     "settings",    "page",        "files",     "documents", "projects",
        "board",     "family",      "wife",        "husband",   "mother",    "father",
        "son",       "daughter",    "manager",     "assistant", "desk",      "office",
        "request",   "application", "appointment", "password",  "email",     "phone",
        "address",   "wishlist",    "playlist",    "feed",      "portfolio", "resume",
        "cv",        "contract",    "invoices",    "payslip",   "timesheet", "drafts",
        "messages"}) {
    if (next.text == w) return true;
  }
  return false;
}

}  // namespace metagate::classify::text
