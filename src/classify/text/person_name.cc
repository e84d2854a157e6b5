#include "text/person_name.h"

#include <algorithm>
#include <vector>

#include "metagate/common/utf8.h"
#include "text/cjk_names.h"
#include "text/given_names.h"
#include "text/name_context.h"
#include "text/name_words.h"
#include "text/places.h"
#include "text/script.h"
#include "text/street_words.h"
#include "text/surname_shapes.h"
#include "text/surnames.h"

namespace metagate::classify::text {
namespace {

constexpr size_t kMaxSurnames = 3;

bool IsSpace(std::string_view text, size_t begin, size_t end) {
  if (begin >= end) return false;
  for (size_t i = begin; i < end; ++i) {
    if (text[i] != ' ') return false;
  }
  return end - begin <= 2;
}

bool IsSingleLetter(std::string_view word) {
  size_t i = 0;
  utf8::Decode(word, &i);
  return i == word.size();
}

// Given-name lookup of a word without a trailing possessive (Mai's).
GivenNameKind LookupWord(const Word& w) {
  return LookupGivenName(w.text.substr(0, TrimPossessive(w) - w.begin));
}

// Vietnamese middle names that sit between the family and the given name (Nguyễn Văn An).
bool IsVietnameseMiddle(std::string_view word) {
  char lower[32], fold[32];
  std::string_view l = LowerInto(word, lower, sizeof lower);
  std::string_view f = l.empty() ? l : FoldInto(l, fold, sizeof fold);
  for (std::string_view m : {"van", "thi", "duc", "huu", "ngoc", "minh", "quang", "thanh", "xuan",
                             "hoang", "cong", "dinh", "bao", "gia", "manh", "tuan", "quoc"}) {
    if (f == m) return true;
  }
  return false;
}

// Extends a name that starts at word `g` (a given name) over its surname words; returns the
// index one past the last word used, or g + 1 when there is no surname.
size_t SurnameEnd(std::string_view text, const std::vector<Word>& words, size_t g) {
  bool caps = words[g].all_caps;
  size_t last = g;
  size_t used = 0;
  for (size_t k = g + 1; k < words.size() && used < kMaxSurnames; ++k) {
    if (!IsSpace(text, words[k - 1].end, words[k].begin)) break;
    const Word& w = words[k];
    if (IsParticle(w.text) && !w.capitalized) {
      size_t next = k + 1;
      if (next < words.size() && IsParticle(words[next].text) && !words[next].capitalized) ++next;
      if (next < words.size() && words[next].capitalized) continue;
      break;
    }
    if (!w.capitalized || w.blocked || IsNotSurname(w.text)) break;
    if (w.all_caps != caps && !IsSingleLetter(w.text)) break;
    last = k;
    ++used;
  }
  return last + 1;
}

bool HasCueBefore(std::string_view text, const std::vector<Word>& words, size_t g) {
  size_t b = words[g].begin;
  size_t i = b;
  while (i > 0 && text[i - 1] == ' ') --i;
  if (i > 0 && (text[i - 1] == '(' || text[i - 1] == '[' || text[i - 1] == '"')) return true;
  if (g == 0) return false;
  const Word& prev = words[g - 1];
  // Only spaces, a comma or a colon between the cue word and the name.
  for (size_t k = prev.end; k < b; ++k) {
    if (text[k] != ' ' && text[k] != ',' && text[k] != ':' && text[k] != '.') return false;
  }
  return IsCueWord(prev.text);
}

bool PrecededByPlacePrefix(std::string_view text, const std::vector<Word>& words, size_t g) {
  if (g == 0) return false;
  const Word& prev = words[g - 1];
  return IsSpace(text, prev.end, words[g].begin) && IsPlacePrefix(prev.text);
}

void AddFinding(Findings& out, size_t begin, size_t end) {
  out.push_back(Finding{static_cast<uint32_t>(begin), static_cast<uint32_t>(end), kPersonName});
}

bool IsLeadingStreetWord(std::string_view word) {
  if (!IsLeadingStreetType(word)) return false;
  size_t i = 0;
  if (IsUpperCp(utf8::Decode(word, &i))) return true;
  return word == "rue" || word == "boulevard" || word == "avenue" || word == "calle" ||
         word == "rua" || word == "avenida" || word == "chemin" || word == "quai";
}

// True when the name that ends at word `last` is part of a company or street name
// (Thomas Cook Group, Martin Luther King Boulevard) or follows a leading street type
// (Rua Oscar Freire, rue Victor Hugo).
bool InsideOtherName(std::string_view text, const std::vector<Word>& words, size_t first,
                     size_t last) {
  if (last + 1 < words.size() && IsSpace(text, words[last].end, words[last + 1].begin) &&
      words[last + 1].capitalized && IsNotSurname(words[last + 1].text)) {
    return true;
  }
  return first > 0 && IsSpace(text, words[first - 1].end, words[first].begin) &&
         IsLeadingStreetWord(words[first - 1].text);
}

// East Asian order: family name, then 1–2 words of which the last is a given name
// (Wang Wei, Tanaka Hiroshi, Nguyen Van An). Returns one past the last word, or g.
size_t AsianOrderEnd(std::string_view text, const std::vector<Word>& words, size_t g) {
  if (!IsAsianSurname(words[g].text)) return g;
  size_t end = g;
  // Vietnamese names may carry a middle name and a two-word given name (Nguyen Thi Thu Trang).
  size_t span = g + 1 < words.size() && IsVietnameseMiddle(words[g + 1].text) ? 3 : 2;
  for (size_t k = g + 1; k < words.size() && k <= g + span; ++k) {
    const Word& w = words[k];
    if (!IsSpace(text, words[k - 1].end, w.begin) || !w.capitalized || w.blocked ||
        IsNotSurname(w.text)) {
      break;
    }
    if (LookupWord(w) != GivenNameKind::kNone) end = k + 1;
  }
  return end;
}

// Family name, Vietnamese middle name, given name: accepted without a cue.
bool IsVietnameseOrder(const std::vector<Word>& words, size_t g, size_t end) {
  return end >= g + 3 && IsVietnameseMiddle(words[g + 1].text);
}

// Family name and a clear given name (Sato Haruto, Park Seo-yeon): accepted without a cue,
// unless the family name is also an English word (Park, Song, Sun) and the given name is not a
// hyphenated Korean one.
bool IsClearAsianOrder(std::string_view text, const std::vector<Word>& words, size_t g,
                       size_t end) {
  if (end != g + 2) return false;
  const Word& given = words[g + 1];
  if (end < words.size() && words[end].capitalized && IsSpace(text, given.end, words[end].begin)) {
    return false;
  }
  if (given.text.find('-') != std::string_view::npos) return true;
  if (LookupWord(given) != GivenNameKind::kName) return false;
  for (std::string_view w : {"Park", "Song", "Sun", "Do", "Ho", "Ma", "Oh", "Pan", "Le", "Long",
                             "Bang", "Gong", "Han", "Hu", "So", "Ko", "Na", "Ha"}) {
    if (words[g].text == w) return false;
  }
  return true;
}

bool IsWholeText(std::string_view text, size_t begin, size_t end) {
  for (size_t i = 0; i < begin; ++i) {
    if (text[i] != ' ') return false;
  }
  for (size_t i = end; i < text.size(); ++i) {
    if (text[i] != ' ' && text[i] != '.') return false;
  }
  return true;
}

// A capitalised word that could be an unknown given name or surname.
bool PlausibleNameWord(const Word& w) {
  std::string_view t = w.text.substr(0, TrimPossessive(w) - w.begin);
  return w.capitalized && !w.all_caps && !w.blocked && t.size() >= 2 && !IsNotSurname(t) &&
         !IsCueWord(t) && !IsCommonNoun(t) && !IsCityName(t) && !IsCountryName(t, false) &&
         !IsPlacePrefix(t);
}

// Context that announces a person even when the given name is not in the gazetteer:
// "holder X", "customer X", "Dear X", "this is X", "my name is X", "Mr X".
bool HasStrongCueBefore(std::string_view text, const std::vector<Word>& words, size_t g) {
  if (g == 0 || !HasCueBefore(text, words, g)) return false;
  std::string_view prev = words[g - 1].text;
  if (IsStrongCueWord(prev)) return true;
  if (g < 2) return false;
  std::string_view before = words[g - 2].text;
  return (prev == "is" && (before == "this" || before == "name" || before == "This")) ||
         (prev == "am" && before == "I");
}

// Two or three plausible name words after a strong cue or before an e-mail address.
size_t UnknownNameEnd(std::string_view text, const std::vector<Word>& words, size_t g) {
  if (!PlausibleNameWord(words[g])) return g;
  size_t end = g + 1;
  while (end < words.size() && end < g + 3 && IsSpace(text, words[end - 1].end, words[end].begin) &&
         PlausibleNameWord(words[end])) {
    ++end;
  }
  if (end < g + 2) return g;
  if (end < words.size() && IsSpace(text, words[end - 1].end, words[end].begin) &&
      words[end].capitalized) {
    return g;  // a longer capitalised phrase (a title or a company)
  }
  bool greeting = g > 0 && IsGreeting(words[g - 1].text);
  bool phrase_end = EndsPhrase(text, words[end - 1].end);
  if ((HasStrongCueBefore(text, words, g) && (!greeting || phrase_end)) ||
      ((IsLabelCue(text, words, g) || PersonPageBefore(text, words, g) ||
        FieldLabelBefore(text, words, g)) &&
       phrase_end && !HasEnglishWordEnding(words, g, end)) ||
      FollowedByEmail(text, words[end - 1].end) ||
      PossessiveBeforeLowerWord(text, words, end - 1)) {
    return end;
  }
  // Log lines about a user: "user X Y changed …", "User X Y signed in".
  if (g > 0 && (words[g - 1].text == "user" || words[g - 1].text == "User") &&
      IsSpace(text, words[g - 1].end, words[g].begin) &&
      (FollowedByLowerWord(text, words, end) || EndsPhrase(text, words[end - 1].end)) &&
      !HasEnglishWordEnding(words, g, end)) {
    return end;
  }
  // A known family name after a plausible given name (Xolani Dlamini, Tevita Havili).
  const Word& last = words[end - 1];
  std::string_view family = last.text.substr(0, TrimPossessive(last) - last.begin);
  if (IsCommonSurname(family) && !IsCityName(family) && !IsPlaceNoun(family))
    return end;  // not "Visit Hamilton"
  // A family-name ending: on its own in Cyrillic or Greek (Эльвира Гарипова), with a cue in Latin
  // script (for Dagrun Kowalewska), so that "Beef Stroganov" stays a dish.
  if (end == g + 2 && HasSurnameSuffix(family) &&
      (IsGreekOrCyrillic(family) || HasCueBefore(text, words, g))) {
    return end;
  }
  return g;
}

// Latin/Cyrillic names: given name + surnames, or East Asian surname + given name.
void FindWordNames(std::string_view text, const std::vector<Word>& words, Findings& out) {
  for (size_t g = 0; g < words.size(); ++g) {
    const Word& w = words[g];
    if (!w.capitalized || w.blocked) continue;
    GivenNameKind kind = LookupGivenName(w.text);
    size_t end_word = g + 1;
    if (kind != GivenNameKind::kNone) {
      if (PrecededByPlacePrefix(text, words, g)) continue;
      end_word = SurnameEnd(text, words, g);
      if (end_word == g + 1) {
        kind = GivenNameKind::kNone;  // maybe a family name first: Kim Minjun
      } else if (kind == GivenNameKind::kAmbiguous &&
                 (IsCommonNoun(words[g + 1].text) ||
                  (!HasCueBefore(text, words, g) &&
                   !IsWholeText(text, w.begin, words[end_word - 1].end)))) {
        continue;
      }
    }
    if (kind == GivenNameKind::kNone) {
      end_word = AsianOrderEnd(text, words, g);
      if (end_word != g && !HasCueBefore(text, words, g) &&
          !IsVietnameseOrder(words, g, end_word) && !IsClearAsianOrder(text, words, g, end_word) &&
          !IsWholeText(text, w.begin, words[end_word - 1].end)) {
        end_word = g;
      }
      if (end_word == g) end_word = UnknownNameEnd(text, words, g);
      if (end_word == g) continue;
    }
    if (InsideOtherName(text, words, g, end_word - 1)) {
      g = end_word - 1;
      continue;
    }
    AddFinding(out, w.begin, TrimPossessive(words[end_word - 1]));
    g = end_word - 1;
  }
}

// A run of CJK characters with at most one inner space, bounded by non-CJK text.
struct CjkRun {
  size_t begin, end;
};

std::vector<CjkRun> CjkRuns(std::string_view text) {
  std::vector<CjkRun> runs;
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    uint32_t cp = utf8::Decode(text, &i);
    if (!IsCjkCp(cp)) continue;
    size_t end = i;
    bool spaced = false;
    while (i < text.size()) {
      size_t j = i;
      uint32_t c = utf8::Decode(text, &j);
      if (IsCjkCp(c)) {
        end = i = j;
        continue;
      }
      if (c == ' ' && !spaced && j < text.size()) {
        size_t k = j;
        if (IsCjkCp(utf8::Decode(text, &k))) {
          spaced = true;
          i = j;
          continue;
        }
      }
      break;
    }
    runs.push_back({start, end});
    i = end;
  }
  return runs;
}

bool CjkContext(std::string_view text, const std::vector<Word>& words, CjkRun run) {
  size_t b = run.begin;
  while (b > 0 && text[b - 1] == ' ') --b;
  if (b == 0) return true;
  char before = text[b - 1];
  if (before == '(' || before == '[' || before == '"' || before == ':' || before == ',' ||
      before == '|' || before == '-') {
    return true;
  }
  // Title separators: en/em dash, middle dot, bullet.
  std::string_view head = text.substr(0, b);
  if (head.ends_with("\xE2\x80\x93") || head.ends_with("\xE2\x80\x94") ||
      head.ends_with("\xC2\xB7") || head.ends_with("\xE2\x80\xA2")) {
    return true;
  }
  size_t e = run.end;
  if (e < text.size() && text[e] == ')') return true;
  for (const Word& w : words) {
    if (w.end == b) return IsCueWord(w.text);
  }
  return false;
}

void FindCjkNames(std::string_view text, const std::vector<Word>& words, Findings& out) {
  for (CjkRun run : CjkRuns(text)) {
    std::string_view s = text.substr(run.begin, run.end - run.begin);
    size_t space = s.find(' ');
    if (!IsCjkName(s) && space != std::string_view::npos && IsCjkName(s.substr(0, space))) {
      run.end = run.begin + space;  // 김민준 からのメール: the name ends at the space
      s = s.substr(0, space);
    }
    if (IsCjkName(s) && CjkContext(text, words, run)) AddFinding(out, run.begin, run.end);
  }
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n')) {
    s.remove_suffix(1);
  }
  return s;
}

// Whole value in "Given [Middle] Surname" form (after any comma reordering).
bool WordsAreName(const std::vector<Word>& words, size_t first, size_t given_at, size_t count) {
  size_t name_words = 0;
  bool ambiguous = LookupGivenName(words[given_at].text) == GivenNameKind::kAmbiguous;
  for (size_t k = first; k < first + count; ++k) {
    const Word& w = words[k];
    if (w.blocked) return false;
    if (IsParticle(w.text) && !w.capitalized) {
      if (k + 1 == first + count) return false;
      continue;
    }
    if (!w.capitalized) return false;
    if (k != given_at && (IsNotSurname(w.text) ||
                          (IsCueWord(w.text) && LookupGivenName(w.text) == GivenNameKind::kNone))) {
      return false;
    }
    if (k != given_at && ambiguous && IsCommonNoun(w.text)) return false;
    ++name_words;
  }
  if (name_words < 2 || name_words > 4) return false;
  GivenNameKind kind = LookupGivenName(words[given_at].text);
  if (kind != GivenNameKind::kNone) return true;
  // Unknown given name before a common family name (Xolani Dlamini, Keoni Kahale-Smith).
  size_t last = first + count - 1;
  if (given_at == first && last != first && IsCommonSurname(words[last].text) &&
      PlausibleNameWord(words[first])) {
    return true;
  }
  // East Asian order: family name first, then a given name.
  return given_at == first && count <= 3 && IsAsianSurname(words[first].text) &&
         LookupGivenName(words[first + count - 1].text) != GivenNameKind::kNone;
}

}  // namespace

bool LooksLikePersonName(std::string_view value) {
  value = Trim(value);
  if (value.empty() || value.size() > 120) return false;
  if (IsCjkName(value)) return true;
  std::vector<Word> words = SplitWords(value);
  if (words.size() < 2 || words.size() > 6) return false;
  // Only letters, single spaces, and at most one comma between words.
  size_t comma_after = words.size();
  if (words.front().begin != 0 || words.back().end != value.size()) return false;
  for (size_t k = 1; k < words.size(); ++k) {
    std::string_view gap = value.substr(words[k - 1].end, words[k].begin - words[k - 1].end);
    if (gap == " ") continue;
    if ((gap == ", " || gap == ",") && comma_after == words.size()) {
      comma_after = k;
      continue;
    }
    return false;
  }
  if (comma_after == words.size()) return WordsAreName(words, 0, 0, words.size());
  // "Surname, Given [Middle]": the given name follows the comma.
  return WordsAreName(words, 0, comma_after, words.size());
}

void FindPersonNames(std::string_view text, Findings& out) {
  std::string_view trimmed = Trim(text);
  if (!trimmed.empty() && IsCjkName(trimmed)) {
    size_t b = static_cast<size_t>(trimmed.data() - text.data());
    AddFinding(out, b, b + trimmed.size());
    return;
  }
  std::vector<Word> words = SplitWords(text);
  FindWordNames(text, words, out);
  FindCjkNames(text, words, out);
}

}  // namespace metagate::classify::text
