// Literals, names and entity UIDs of the expression parser.
#include <utility>

#include "parser/expr_parser.h"
#include "parser/names.h"
#include "parser/unescape.h"

namespace metagate::cedar::internal {

Result<int64_t> ExprParser::IntValue(const Token& tok, bool negated) const {
  constexpr uint64_t kLimit = uint64_t{1} << 63;  // |INT64_MIN|
  uint64_t v = 0;
  bool too_large = false;
  for (char c : tok.text) {
    const auto d = static_cast<uint64_t>(c - '0');
    if (v > (kLimit - d) / 10) {
      too_large = true;
      break;
    }
    v = v * 10 + d;
  }
  if (too_large || v > (negated ? kLimit : kLimit - 1)) {
    return TokenStream::ErrorAt(tok, "integer literal `" + std::string(tok.text) +
                                         "` is too large (the maximum is 9223372036854775807)");
  }
  if (negated) return v == kLimit ? INT64_MIN : -static_cast<int64_t>(v);
  return static_cast<int64_t>(v);
}

Result<std::string> ExprParser::StringValue(const Token& tok) const {
  std::string out;
  UnescapeError err;
  if (!UnescapeString(tok.text.substr(1, tok.text.size() - 2), &out, &err)) {
    return Status::Invalid(err.message, ts_.LocAt(tok.loc.offset + 1 + err.offset));
  }
  return out;
}

Result<ExprParser::Path> ExprParser::ParsePath() {
  Path path;
  path.components.push_back(ts_.Next());
  while (ts_.At(Tok::kColonColon)) {
    const Tok after = ts_.Peek(1).kind;
    if (after == Tok::kIdent) {
      ts_.Next();
      path.components.push_back(ts_.Next());
    } else if (after == Tok::kString) {
      ts_.Next();
      path.id = &ts_.Next();
      break;
    } else {
      ts_.Next();
      return ts_.ErrorHere("expected an identifier or an entity id string after `::`, found " +
                           DescribeToken(ts_.Peek()));
    }
  }
  return path;
}

Status ExprParser::CheckNameComponents(const Path& path) {
  for (const Token& c : path.components) {
    if (IsReservedWord(c.text)) {
      return TokenStream::ErrorAt(
          c, "this identifier is reserved and cannot be used: " + std::string(c.text));
    }
  }
  for (const Token& c : path.components) {
    if (IsReservedCedarPrefix(c.text)) {
      return TokenStream::ErrorAt(
          path.components.front(),
          "the name `" + JoinPath(path) + "` contains `__cedar`, which is reserved");
    }
  }
  return Status::Ok();
}

Status ExprParser::CheckAttrIdent(const Token& tok) {
  if (IsReservedWord(tok.text)) {
    return TokenStream::ErrorAt(
        tok, "this identifier is reserved and cannot be used: " + std::string(tok.text));
  }
  if (IsReservedCedarPrefix(tok.text)) {
    return TokenStream::ErrorAt(tok, "the name `__cedar` is reserved");
  }
  return Status::Ok();
}

std::string ExprParser::JoinPath(const Path& path) {
  std::string out;
  for (const Token& c : path.components) {
    if (!out.empty()) out += "::";
    out += c.text;
  }
  return out;
}

Result<std::string> ExprParser::ParseName(std::string_view what) {
  if (!ts_.At(Tok::kIdent)) {
    return ts_.ErrorHere("expected " + std::string(what) + ", found " + DescribeToken(ts_.Peek()));
  }
  const Token& first = ts_.Peek();
  ASSIGN_OR_RETURN(Path path, ParsePath());
  if (path.id != nullptr) {
    return TokenStream::ErrorAt(
        first, "expected " + std::string(what) + ", found an entity UID; remove the id string");
  }
  RETURN_IF_ERROR(CheckNameComponents(path));
  return JoinPath(path);
}

Result<EntityUid> ExprParser::ParseEntityUid(std::string_view what) {
  if (!ts_.At(Tok::kIdent)) {
    return ts_.ErrorHere("expected " + std::string(what) + ", found " + DescribeToken(ts_.Peek()));
  }
  const Token& first = ts_.Peek();
  ASSIGN_OR_RETURN(Path path, ParsePath());
  if (path.id == nullptr) {
    return TokenStream::ErrorAt(first, "expected " + std::string(what) + ", found name `" +
                                           JoinPath(path) + "`; an entity UID needs an id " +
                                           "string, as in `" + JoinPath(path) + "::\"id\"`");
  }
  RETURN_IF_ERROR(CheckNameComponents(path));
  ASSIGN_OR_RETURN(std::string id, StringValue(*path.id));
  return EntityUid(JoinPath(path), std::move(id));
}

}  // namespace metagate::cedar::internal