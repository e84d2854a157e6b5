// FormatPolicies: parse (for errors), build the CST and comments, lay out each policy, then
// tidy blank lines as Cedar's formatter does.
#include "metagate/cedar/formatter.h"

#include <string>

#include "format/comments.h"
#include "format/cst.h"
#include "format/doc.h"
#include "format/policy_doc.h"
#include "metagate/cedar/parser.h"
#include "parser/lexer.h"

namespace metagate::cedar {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Drops lines holding only whitespace from text outside strings and comments.
std::string RemoveEmptyInteriorLines(std::string_view s) {
  std::string out;
  if (!s.empty() && s[0] == '\n') out += '\n';
  size_t start = 0;
  while (start < s.size()) {
    size_t nl = s.find('\n', start);
    const size_t end = nl == std::string_view::npos ? s.size() : nl + 1;
    std::string_view piece = s.substr(start, end - start);
    bool blank = true;
    for (char c : piece) blank = blank && IsSpace(c);
    if (!(blank && nl != std::string_view::npos)) out += piece;
    start = end;
  }
  return out;
}

// The end of a string literal starting at `i` (a quote), or npos if it is not closed.
size_t StringEnd(std::string_view s, size_t i) {
  for (size_t j = i + 1; j < s.size(); ++j) {
    if (s[j] == '\\') {
      ++j;
    } else if (s[j] == '"') {
      return j + 1;
    }
  }
  return std::string_view::npos;
}

std::string RemoveEmptyLines(std::string_view text) {
  std::string out;
  size_t index = 0;
  while (index < text.size()) {
    size_t m_start = std::string_view::npos, m_end = 0;
    for (size_t i = index; i < text.size(); ++i) {
      if (text[i] == '/' && i + 1 < text.size() && text[i + 1] == '/') {
        size_t e = i;
        while (e < text.size() && text[e] != '\n' && text[e] != '\r') ++e;
        m_start = i, m_end = e;
        break;
      }
      if (text[i] == '"') {
        size_t e = StringEnd(text, i);
        if (e != std::string_view::npos) {
          m_start = i, m_end = e;
          break;
        }
      }
    }
    if (m_start == std::string_view::npos) {
      out += RemoveEmptyInteriorLines(text.substr(index));
      break;
    }
    out += RemoveEmptyInteriorLines(text.substr(index, m_start - index));
    out += text.substr(m_start, m_end - m_start);
    index = m_end;
  }
  size_t b = 0, e = out.size();
  while (b < e && IsSpace(out[b])) ++b;
  while (e > b && IsSpace(out[e - 1])) --e;
  return out.substr(b, e - b);
}

}  // namespace

Result<std::string> FormatPolicies(std::string_view text, const FormatOptions& options) {
  ASSIGN_OR_RETURN(std::vector<PolicyPtr> parsed, ParsePolicies(text));
  ASSIGN_OR_RETURN(std::vector<internal::Token> tokens, internal::Lex(text));
  ASSIGN_OR_RETURN(std::vector<format_internal::CstPtr> cst, format_internal::ParseCst(tokens));
  format_internal::Comments comments(text, tokens);
  std::string out;
  for (size_t i = 0; i < cst.size(); ++i) {
    if (i > 0) out += "\n\n";
    format_internal::Doc doc =
        format_internal::PolicyDoc(*cst[i], tokens, comments, options.indent_width);
    out += RemoveEmptyLines(format_internal::Render(doc, options.line_width));
  }
  out += '\n';
  for (const std::string& c : comments.end_of_file()) out += c + '\n';
  return out;
}

}  // namespace metagate::cedar
