#include "parser/token_stream.h"

namespace metagate::cedar::internal {

Status TokenStream::Expect(Tok kind, std::string_view what) {
  if (Accept(kind)) return Status::Ok();
  return ErrorHere("expected " + std::string(what) + ", found " + DescribeToken(Peek()));
}

Status TokenStream::ExpectWord(std::string_view word, std::string_view what) {
  if (AtWord(word)) {
    Next();
    return Status::Ok();
  }
  return ErrorHere("expected " + std::string(what) + ", found " + DescribeToken(Peek()));
}

Status TokenStream::Unexpected() const {
  if (At(Tok::kEof)) return ErrorHere("unexpected end of input");
  return ErrorHere("unexpected token " + DescribeToken(Peek()));
}

SourceLoc TokenStream::LocAt(size_t offset) const {
  if (offset > text_.size()) offset = text_.size();
  SourceLoc loc;
  loc.line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < offset; ++i) {
    if (text_[i] == '\n') {
      ++loc.line;
      line_start = i + 1;
    }
  }
  loc.column = static_cast<uint32_t>(offset - line_start + 1);
  loc.offset = static_cast<uint32_t>(offset);
  return loc;
}

}  // namespace metagate::cedar::internal
