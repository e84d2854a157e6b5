#include "format/comments.h"

#include <utility>

namespace metagate::cedar::format_internal {
namespace {

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\n' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n' || s[e - 1] == '\r')) {
    --e;
  }
  return std::string(s.substr(b, e - b));
}

Comment MakeComment(std::string_view leading, std::string_view trailing) {
  return Comment{FindComments(leading), Trim(trailing)};
}

}  // namespace

std::vector<std::string> FindComments(std::string_view text) {
  std::vector<std::string> out;
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] == '/' && text[i + 1] == '/') {
      size_t e = i;
      while (e < text.size() && text[e] != '\n' && text[e] != '\r') ++e;
      out.push_back(Trim(text.substr(i, e - i)));
      i = e;
    }
  }
  return out;
}

Comments::Comments(std::string_view text, const std::vector<internal::Token>& tokens) {
  const size_t n = tokens.empty() ? 0 : tokens.size() - 1;  // without kEof
  if (n == 0) {
    eof_ = FindComments(text);
    return;
  }
  std::string_view leading = text.substr(0, tokens[0].loc.offset);
  for (size_t i = 0; i < n; ++i) {
    const size_t end = tokens[i].loc.offset + tokens[i].text.size();
    const size_t next = i + 1 < n ? tokens[i + 1].loc.offset : text.size();
    std::string_view between = text.substr(end, next - end);
    const size_t nl = between.find('\n');
    std::string_view trailing = nl == std::string_view::npos ? between : between.substr(0, nl);
    std::string_view rest =
        nl == std::string_view::npos ? std::string_view() : between.substr(nl + 1);
    c_.push_back(MakeComment(leading, trailing));
    leading = rest;
  }
  eof_ = FindComments(leading);
}

Comment Comments::Take(int i) {
  if (i < 0 || i >= static_cast<int>(c_.size())) return {};
  Comment out = std::move(c_[static_cast<size_t>(i)]);
  c_[static_cast<size_t>(i)] = {};
  return out;
}

std::vector<std::string> Comments::TakeLeading(int i) {
  if (i < 0 || i >= static_cast<int>(c_.size())) return {};
  std::vector<std::string> out = std::move(c_[static_cast<size_t>(i)].leading);
  c_[static_cast<size_t>(i)].leading.clear();
  return out;
}

Doc LeadingDoc(const std::vector<std::string>& leading) {
  if (leading.empty()) return Nil();
  Doc d = Nil();
  for (size_t i = 0; i < leading.size(); ++i) {
    if (i > 0) d = Append(d, Hardline());
    d = Append(d, Text(leading[i]));
  }
  return Append(Append(Hardline(), d), Hardline());
}

Doc TrailingDoc(const std::string& trailing, Doc next) {
  if (trailing.empty()) return next;
  return Append(Append(Space(), Text(trailing)), Hardline());
}

Doc AddComment(Doc d, const Comment& c, Doc next) {
  return Append(Append(LeadingDoc(c.leading), std::move(d)),
                TrailingDoc(c.trailing, std::move(next)));
}

}  // namespace metagate::cedar::format_internal
